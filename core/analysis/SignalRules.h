#pragma once
// Trading signals for bots, from one bar's research variables (BarFeatures), in priority order:
//   WAIT                  model confidence below minConfidence (the models disagree);
//   REVERSAL_OPPORTUNITY  realised liquidations over the last reversalBars bars exceed
//                         reversalFactor x what the model predicted for the range those bars crossed,
//                         and at least reversalMinUsd (a cascade the map did not expect has run);
//   AVOID                 the close is within avoidPct of a main cluster holding at least
//                         clusterMinShare of its side's open notional (and clusterMinUsd);
//   NONE                  otherwise.
// Defaults are documented in docs/backtesting.md and are flags of `lhm signals`.
#include "analysis/BarFeatures.h"

#include <vector>

namespace lhm {

enum class SignalKind { None = 0, Avoid = 1, Reversal = 2, Wait = 3 };  // codes of the backtest's `signal`
const char *signalName(SignalKind k);  // NONE, AVOID, REVERSAL_OPPORTUNITY, WAIT

struct SignalParams {
    double avoidPct = 2.0;
    double clusterMinShare = 0.10;
    double clusterMinUsd = 0;
    double minConfidence = 0.5;
    int reversalBars = 4;
    double reversalFactor = 1.0;
    double reversalMinUsd = 5'000'000;
};

struct Signal {
    qint64 time = 0;    // decision time: the close of the bar
    double price = 0;   // that close
    SignalKind kind = SignalKind::None;
    double confidence = 1;
    NearestCluster nearest;  // the nearer of the two sides' clusters (any size)
    // What decided it (the CLI turns these into the reason text).
    double realisedUsd = 0, predictedUsd = 0;  // over the reversal window
};

// Signals for bars[i] using bars[0..i] only.
std::vector<Signal> evaluateSignals(const std::vector<BarFeature> &bars, qint64 barMs, const SignalParams &params);

}  // namespace lhm
