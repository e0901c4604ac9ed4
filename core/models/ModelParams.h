#pragma once
// The parameters every liquidation model reads; the CLI flags and the GUI's model settings map onto
// these fields one to one. Owned by models so that nothing in models depends on the heatmap layer.
#include <QString>
#include <utility>
#include <vector>

namespace lhm {

struct ModelParams {
    // leverage -> weight; normalised by the model. The defaults (this mix, book market, entry spread,
    // turnover 2) are what `lhm calibrate` fits on the first 30 days of shared/data section 13
    // (docs/validation.md); a symbol's stored profile replaces them.
    std::vector<std::pair<double, double>> leverageWeights{{3, 1},  {5, 1},  {10, 1}, {15, 1},  {20, 1}, {25, 1},
                                                           {35, 1}, {50, 1}, {75, 1}, {100, 1}, {125, 1}};
    double bucket = 0;                 // USD per price bucket; 0 = auto from ATR
    QString sideRule = QStringLiteral("taker");  // body | taker | funding
    // relative | absolute: how a fall in open interest closes tracked positions (models/CloseRule.h)
    QString closeRule = QStringLiteral("relative");
    // window | market: what the level book holds (models/BookRule.h). market starts from the open
    // interest present at the first candle and counts every unit of it as one long and one short.
    QString book = QStringLiteral("market");
    int entrySpread = 15;              // entries at N points across each candle's [low, high]; 0 = at the close
    double turnover = 2.0;             // per candle, min(1, turnover * volume / OI) of the book closes and reopens
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
