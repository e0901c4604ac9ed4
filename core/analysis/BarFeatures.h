#pragma once
// Per-bar research variables for signals and the backtester, from ONE walk-forward model run: the
// features of bar c come from the model's state at the close of bar c (which uses only bars <= c),
// so a decision taken at that close and filled at the next bar's open never sees the future.
#include "analysis/AnalysisInputs.h"
#include "models/LiquidationModel.h"
#include "store/Store.h"

#include <vector>

namespace lhm {

struct NearestCluster {
    bool valid = false;
    double price = 0, notional = 0, distancePct = 0;  // distance from the close, % (positive)
    Side side = Side::Long;
};

struct BarFeature {
    Candle candle;
    NearestCluster longCluster, shortCluster;  // nearest main cluster below / above the close
    double sideTotalLong = 0, sideTotalShort = 0;  // USD open on each side at the close
    double realisedLongUsd = 0, realisedShortUsd = 0;  // realised liquidations inside the bar
    double predictedLongUsd = 0, predictedShortUsd = 0;  // what the model consumed inside the bar
    double confidence = 1;
    double oiChangePct = 0;  // open interest change over the bar, %
    double funding = 0;      // rate in effect at the close (fraction); 0 when unknown
};

struct FeatureRequest {
    AnalysisSeries series;  // series.exchange names the result ("all" for a selection)
    // Several venues ("all" / a comma list): each one's model runs on its own data, the grids are
    // summed in USD on one price axis and the bars are the first included venue's (the reference);
    // realised liquidations of every venue asked for. Empty: series.exchange alone.
    QStringList exchanges;
    QString model = QStringLiteral("binance_standard");
    qint64 from = 0, to = 0;  // bars with open time in [from, to)
    // Cluster features taken this many bars EARLIER (distances still from the current close): the
    // "shifted clusters" baseline, which keeps the amounts but breaks the levels' timing.
    int shiftBars = 0;
};

// The run covers [from - window - shift, to); bars before `from` only warm the model up.
// `shares` (optional) receives, for a selection, every venue asked for with its share of the
// summed model at the last bar, or why it was left out.
Result<std::vector<BarFeature>> computeBarFeatures(Store &store, const FeatureRequest &req, const RunControl &control = {},
                                                   std::vector<ExchangeShare> *shares = nullptr);

}  // namespace lhm
