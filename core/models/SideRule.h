#pragma once
// How the notional opened in a candle is split between longs and shorts.
#include "common/Types.h"

#include <QString>
#include <algorithm>
#include <limits>
#include <optional>

namespace lhm {

enum class SideRule {
    Body,     // close > open: all long; close < open: all short; doji: all long
    Taker,    // long share = taker-buy volume / volume (the default)
    Funding,  // long share = 0.5 + tanh(funding_pct · scale) · amplitude, funding_pct = rate × 100
};

std::optional<SideRule> parseSideRule(const QString &name);
QString sideRuleName(SideRule rule);

struct SideShareInputs {
    double metricsTakerShare = std::numeric_limits<double>::quiet_NaN();  // fallback for taker
    double fundingRate = std::numeric_limits<double>::quiet_NaN();
    double fundingScale = 50;
    double fundingAmplitude = 0.20;
};

// Long share in [0, 1] for one candle. Missing inputs fall back as docs/models.md says: taker uses
// the metrics taker ratio when the candle has no volume (mark-price klines), then 0.5; funding
// uses 0.5 when no rate is known.
double longShare(SideRule rule, const Candle &c, const SideShareInputs &in);

// The funding rule alone (funding_adjusted exposes its parameters).
double fundingLongShare(double rate, double scale, double amplitude);

}  // namespace lhm
