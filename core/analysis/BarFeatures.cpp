#include "analysis/BarFeatures.h"

#include "common/Timeframe.h"
#include "models/ClusterFinder.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace lhm {

namespace {

constexpr qint64 kHourMs = 3'600'000;

NearestCluster nearest(const HeatmapGrid &g, int col, Side side, double close) {
    NearestCluster best;
    for (const Cluster &c : findClusters(g, col, side)) {
        const double d = (side == Side::Long ? close - c.price : c.price - close) / close * 100.0;
        if (d < 0) continue;  // a level already crossed by the close is not ahead of price
        if (!best.valid || d < best.distancePct) best = {true, c.price, c.notional, d, side};
    }
    return best;
}

}  // namespace

Result<std::vector<BarFeature>> computeBarFeatures(Store &store, const FeatureRequest &req, const RunControl &control) {
    auto step = intervalMs(req.series.params.interval.isEmpty() ? QStringLiteral("1h") : req.series.params.interval);
    if (!step) return Error(QStringLiteral("unknown interval '%1'").arg(req.series.params.interval), {}, 0, QStringLiteral("interval"));
    auto window = windowByName(req.series.window);
    if (!window) return Error(QStringLiteral("unknown window '%1'").arg(req.series.window), {}, 0, QStringLiteral("window"));
    if (!(req.from < req.to)) return Error(QStringLiteral("--from must be before --to"), {}, 0, QStringLiteral("from"));
    // One window whose length covers warm-up + shift + the period: the largest standard window that
    // does, so the model sees the same history a heatmap of that window would.
    const qint64 span = req.to - req.from + window->lengthMs + qint64(req.shiftBars) * *step;
    QString runWindow = req.series.window;
    for (const Window &w : standardWindows())
        if (w.lengthMs >= span) {
            runWindow = w.name;
            break;
        }
    // Longer than the longest window: the run starts a year before `to`; bars before that are absent.
    if (windowByName(runWindow)->lengthMs < span) runWindow = standardWindows().last().name;
    AnalysisSeries s = req.series;
    s.window = runWindow;
    if (s.params.interval.isEmpty()) s.params.interval = QStringLiteral("1h");
    auto in = loadAnalysisInputs(store, s, req.to);
    if (!in) return in.error();
    auto model = makeModel(req.model);
    if (!model) return Error(QStringLiteral("unknown model '%1'").arg(req.model), {}, 0, QStringLiteral("model"));
    auto out = model->run(*in, s.params, control);
    if (!out) return out.error();
    const HeatmapGrid &g = out->grid;

    std::map<qint64, std::pair<double, double>> predicted, realised;
    for (const PredictedLiquidation &p : g.predicted) {
        auto &v = predicted[floorTo(p.time, *step)];
        (p.side == Side::Long ? v.first : v.second) += p.notional;
    }
    const SeriesKey key{s.exchange, s.symbol, {}};
    for (const LiquidationEvent &e : store.liquidations(s.exchange, s.symbol, {req.from, req.to})) {
        auto &v = realised[floorTo(e.time, *step)];
        (e.side == Side::Long ? v.first : v.second) += e.notional;
    }
    std::map<qint64, HourlyLiquidation> hourly;
    for (const HourlyLiquidation &h : store.hourlyLiquidations(key, {req.from, req.to})) hourly[h.time] = h;

    std::vector<BarFeature> bars;
    const int cols = g.cols();
    for (int c = 0; c < cols; ++c) {
        const Candle &k = g.candles[size_t(c)];
        if (k.openTime < req.from || k.openTime >= req.to) continue;
        BarFeature f;
        f.candle = k;
        const int src = c - req.shiftBars;
        if (src >= 0) {
            f.longCluster = nearest(g, src, Side::Long, k.close);
            f.shortCluster = nearest(g, src, Side::Short, k.close);
            for (int r = 0; r < g.rows; ++r) {
                f.sideTotalLong += g.longAt(src, r);
                f.sideTotalShort += g.shortAt(src, r);
            }
        }
        f.confidence = g.confidence;
        if (auto it = predicted.find(k.openTime); it != predicted.end())
            std::tie(f.predictedLongUsd, f.predictedShortUsd) = it->second;
        if (auto it = realised.find(k.openTime); it != realised.end())
            std::tie(f.realisedLongUsd, f.realisedShortUsd) = it->second;
        const double mean = (k.open + k.high + k.low + k.close) / 4.0;
        for (qint64 h = k.openTime; h < k.openTime + *step; h += kHourMs)
            if (auto it = hourly.find(h); it != hourly.end()) {
                f.realisedLongUsd += it->second.longQty * mean;
                f.realisedShortUsd += it->second.shortQty * mean;
            }
        const double oi = in->openInterestValue[size_t(c)], prev = c > 0 ? in->openInterestValue[size_t(c - 1)] : oi;
        f.oiChangePct = std::isfinite(oi) && std::isfinite(prev) && prev > 0 ? (oi - prev) / prev * 100.0 : 0.0;
        f.funding = std::isfinite(in->fundingRate[size_t(c)]) ? in->fundingRate[size_t(c)] : 0.0;
        bars.push_back(f);
    }
    if (bars.empty()) return Error(QStringLiteral("no %1 candles for %2 in the period").arg(s.params.interval, s.symbol));
    return bars;
}

}  // namespace lhm
