#include "analysis/SignalHistory.h"

#include "common/Timeframe.h"

#include <algorithm>

namespace lhm {

Result<std::vector<Signal>> signalHistory(Store &store, FeatureRequest req, const SignalParams &params,
                                          const RunControl &control, std::vector<ExchangeShare> *shares) {
    if (req.series.params.interval.isEmpty()) req.series.params.interval = QStringLiteral("1h");
    const qint64 step = intervalMs(req.series.params.interval).value_or(0);
    if (step <= 0) return Error(QStringLiteral("unknown interval"), {}, 0, QStringLiteral("interval"));
    // The reversal window looks back before `from`: start the features that much earlier.
    const qint64 requestedFrom = req.from;
    req.from -= qint64(std::max(1, params.reversalBars) - 1) * step;
    auto features = computeBarFeatures(store, req, control, shares);
    if (!features) return features.error();
    std::vector<Signal> sigs = evaluateSignals(*features, step, params);
    sigs.erase(std::remove_if(sigs.begin(), sigs.end(), [&](const Signal &s) { return s.time - step < requestedFrom; }),
               sigs.end());
    if (sigs.empty()) return Error(QStringLiteral("no bar closed in the period"), {}, 0, QStringLiteral("from"));
    return sigs;
}

}  // namespace lhm
