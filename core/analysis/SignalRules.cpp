#include "analysis/SignalRules.h"

#include <algorithm>

namespace lhm {

const char *signalName(SignalKind k) {
    switch (k) {
    case SignalKind::None: return "NONE";
    case SignalKind::Avoid: return "AVOID";
    case SignalKind::Reversal: return "REVERSAL_OPPORTUNITY";
    case SignalKind::Wait: return "WAIT";
    }
    return "NONE";
}

std::vector<Signal> evaluateSignals(const std::vector<BarFeature> &bars, qint64 barMs, const SignalParams &p) {
    std::vector<Signal> out;
    out.reserve(bars.size());
    for (size_t i = 0; i < bars.size(); ++i) {
        const BarFeature &b = bars[i];
        Signal s;
        s.time = b.candle.openTime + barMs;
        s.price = b.candle.close;
        s.confidence = b.confidence;
        const NearestCluster *near = nullptr;
        for (const NearestCluster *c : {&b.longCluster, &b.shortCluster})
            if (c->valid && (!near || c->distancePct < near->distancePct)) near = c;
        if (near) s.nearest = *near;
        const size_t first = i + 1 >= size_t(std::max(p.reversalBars, 1)) ? i + 1 - size_t(std::max(p.reversalBars, 1)) : 0;
        for (size_t j = first; j <= i; ++j) {
            s.realisedUsd += bars[j].realisedLongUsd + bars[j].realisedShortUsd;
            s.predictedUsd += bars[j].predictedLongUsd + bars[j].predictedShortUsd;
        }
        auto big = [&](const NearestCluster &c, double sideTotal) {
            return c.valid && c.distancePct <= p.avoidPct && c.notional >= p.clusterMinUsd &&
                   c.notional >= p.clusterMinShare * sideTotal;
        };
        if (b.confidence < p.minConfidence)
            s.kind = SignalKind::Wait;
        else if (s.realisedUsd >= p.reversalMinUsd && s.realisedUsd > p.reversalFactor * s.predictedUsd)
            s.kind = SignalKind::Reversal;
        else if (big(b.longCluster, b.sideTotalLong) || big(b.shortCluster, b.sideTotalShort))
            s.kind = SignalKind::Avoid;
        out.push_back(s);
    }
    return out;
}

}  // namespace lhm
