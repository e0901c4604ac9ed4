#pragma once
// The signals of every bar closing in a period (`lhm signals --from --to`, the heatmap's signal
// badge and markers): one walk-forward feature run, started reversalBars - 1 bars early so the
// first bar's reversal window is whole, then the rules of SignalRules.h.
#include "analysis/SignalRules.h"

namespace lhm {

// Bars with open time in [req.from, req.to) at req.series.params.interval (1h when empty).
// Errors: unknown interval, no bar in the period, the feature run's own.
// `shares`: as computeBarFeatures's, for a selection of venues.
Result<std::vector<Signal>> signalHistory(Store &store, FeatureRequest req, const SignalParams &params,
                                          const RunControl &control = {}, std::vector<ExchangeShare> *shares = nullptr);

}  // namespace lhm
