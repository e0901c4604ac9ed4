#include "models/SideRule.h"

#include <cmath>
#include <limits>

namespace lhm {

std::optional<SideRule> parseSideRule(const QString &name) {
    if (name == QLatin1String("body")) return SideRule::Body;
    if (name == QLatin1String("taker")) return SideRule::Taker;
    if (name == QLatin1String("funding")) return SideRule::Funding;
    return std::nullopt;
}

QString sideRuleName(SideRule rule) {
    switch (rule) {
    case SideRule::Body: return QStringLiteral("body");
    case SideRule::Taker: return QStringLiteral("taker");
    case SideRule::Funding: return QStringLiteral("funding");
    }
    return {};
}

double fundingLongShare(double rate, double scale, double amplitude) {
    if (!std::isfinite(rate)) return 0.5;
    const double pct = rate * 100.0;
    return std::clamp(0.5 + std::tanh(pct * scale) * amplitude, 0.0, 1.0);
}

double longShare(SideRule rule, const Candle &c, const SideShareInputs &in) {
    switch (rule) {
    case SideRule::Body: return c.close >= c.open ? 1.0 : 0.0;
    case SideRule::Taker:
        if (c.volume > 0 && c.takerBuyVolume >= 0) return std::clamp(c.takerBuyVolume / c.volume, 0.0, 1.0);
        if (std::isfinite(in.metricsTakerShare)) return std::clamp(in.metricsTakerShare, 0.0, 1.0);
        return 0.5;
    case SideRule::Funding: return fundingLongShare(in.fundingRate, in.fundingScale, in.fundingAmplitude);
    }
    return 0.5;
}

}  // namespace lhm
