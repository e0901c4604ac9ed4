#pragma once
// The parameters every liquidation model reads; the CLI flags and the GUI's model settings map onto
// these fields one to one. Owned by models so that nothing in models depends on the heatmap layer.
#include <QString>
#include <utility>
#include <vector>

namespace lhm {

struct ModelParams {
    // leverage -> weight; normalised by the model. --leverage-weights 5:15,10:30,25:25,50:20,100:10
    std::vector<std::pair<double, double>> leverageWeights{{5, 15}, {10, 30}, {25, 25}, {50, 20}, {100, 10}};
    double bucket = 0;                 // USD per price bucket; 0 = auto from ATR
    QString sideRule = QStringLiteral("taker");  // body | taker | funding
    // relative | absolute: how a fall in open interest closes tracked positions (models/CloseRule.h)
    QString closeRule = QStringLiteral("relative");
    QString interval;                  // candle size override; empty = the window's default
    double positionNotional = 10000;   // representative position notional that picks the tier
    double fundingScale = 50;          // funding_adjusted: long share = 0.5 + tanh(funding_pct * scale) * amplitude
    double fundingAmplitude = 0.20;
    double largeTradeNotional = 100000;  // py_liquidation_map threshold
    std::vector<std::pair<QString, double>> ensembleWeights{
        {QStringLiteral("binance_standard"), 0.5}, {QStringLiteral("funding_adjusted"), 0.3},
        {QStringLiteral("py_liquidation_map"), 0.2}};

    QString hash() const;  // stable hash of every field, for cache keys
};

}  // namespace lhm
