#pragma once
// `lhm pine` and File → Export → TradingView Pine Script: a Pine v5 indicator that draws the
// current top-N predicted liquidation levels (price, side, notional) as labelled horizontal lines,
// the roadmap's TradingView overlay without a marketplace plugin. Every line, label, the title
// and the comment header say the levels are ESTIMATES of modelled positions. Pure text from a
// liquidation map: the GUI renders the map it already shows, the CLI one it computes.
#include "common/Types.h"
#include "models/HeatmapGrid.h"

#include <QString>
#include <vector>

namespace lhm {

struct PineLevel {
    double price = 0;  // bucket centre
    Side side = Side::Long;
    double notional = 0;  // USD, summed over leverages
};

// The `top` buckets with the most estimated notional over both sides (all leverages summed),
// highest price first; buckets with nothing are never levels. Ties keep the lower price.
std::vector<PineLevel> topPineLevels(const LiquidationMap &map, int top);

struct PineHeader {
    QString symbol, exchange, model, window;
    qint64 generatedAt = 0;  // ms, when the script was written
    qint64 mapAt = 0;        // the instant the levels are for
    double currentPrice = 0;
    double bucketSize = 0;
    qint64 coverageFrom = 0, coverageTo = 0;  // open interest the model saw (0 = unknown)
    int top = 20;
};

PineHeader pineHeaderOf(const LiquidationMap &map, qint64 generatedAt, int top);
QString pineScript(const PineHeader &header, const std::vector<PineLevel> &levels);

}  // namespace lhm
