#include "analysis/BarFeatures.h"

#include "common/Timeframe.h"
#include "models/ClusterFinder.h"
#include "models/GridSum.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

// One model run's grid with the open interest and funding per grid column.
struct FeatureRun {
    HeatmapGrid grid;
    std::vector<double> oi, funding;
};

Result<FeatureRun> runOne(Store &store, const AnalysisSeries &s, const QString &model, qint64 to, const RunControl &control) {
    auto in = loadAnalysisInputs(store, s, to);
    if (!in) return in.error();
    auto out = makeModel(model)->run(*in, s.params, control);
    if (!out) return out.error();
    return FeatureRun{std::move(out->grid), std::move(in->openInterestValue), std::move(in->fundingRate)};
}

// Each venue on its own data (its own candles when they reach the period, else --candles-from's),
// summed (models/GridSum.h); open interest summed per bar (unknown when an included venue lacks
// it), funding the reference venue's. A venue without open interest or whose model fails is left out.
Result<FeatureRun> runSelection(Store &store, const AnalysisSeries &base, const QStringList &exchanges, const QString &model,
                                qint64 from, qint64 to, const RunControl &control, std::vector<ExchangeShare> *sharesOut) {
    std::vector<ExchangeShare> shares;
    std::vector<FeatureRun> runs;
    for (const QString &ex : exchanges) {
        ExchangeShare share;
        share.exchange = ex;
        AnalysisSeries s = base;
        s.exchange = ex;
        bool ownCandles = false;
        for (const QString &iv : store.candleIntervals({ex, s.symbol, {}}))
            ownCandles = ownCandles || store.newestCandle({ex, s.symbol, iv}, to) >= from;
        if (ownCandles) s.candlesFrom.clear();
        auto run = runOne(store, s, model, to, control);
        if (run && std::none_of(run->oi.begin(), run->oi.end(), [](double x) { return std::isfinite(x); }))
            run = Error(QStringLiteral("no %1 open interest for %2 in the period").arg(ex, s.symbol));
        if (!run) {
            if (run.error().message == QLatin1String("cancelled")) return run.error();
            // No candles or no open interest: no data; anything else is the model's error.
            share.status = run.error().field == QLatin1String("symbol") || run.error().message.startsWith(QLatin1String("no "))
                               ? ExchangeStatus::NoData
                               : ExchangeStatus::Error;
            share.detail = run.error().message;
        } else {
            share.status = ExchangeStatus::Ok;
            share.total = lastColumnTotal(run->grid);
            share.currentPrice = run->grid.candles.empty() ? 0 : run->grid.candles.back().close;
            runs.push_back(std::move(*run));
        }
        shares.push_back(share);
    }
    assignShares(shares);
    if (sharesOut) *sharesOut = shares;
    if (runs.empty()) {
        QStringList why;
        for (const ExchangeShare &s : shares) why << QStringLiteral("%1 (%2)").arg(s.exchange, s.detail);
        return Error(QStringLiteral("no exchange could be included: %1").arg(why.join(QStringLiteral("; "))), {}, 0,
                     QStringLiteral("exchange"));
    }
    std::vector<const HeatmapGrid *> grids;
    for (const FeatureRun &r : runs) grids.push_back(&r.grid);
    FeatureRun out;
    out.grid = sumHeatmaps(grids, base.exchange);
    const size_t cols = out.grid.times.size();
    out.oi.assign(cols, 0.0);
    out.funding.assign(cols, std::numeric_limits<double>::quiet_NaN());
    for (size_t v = 0; v < runs.size(); ++v) {
        std::map<qint64, size_t> at;
        for (size_t c = 0; c < runs[v].grid.times.size(); ++c) at[runs[v].grid.times[c]] = c;
        for (size_t c = 0; c < cols; ++c) {
            auto it = at.find(out.grid.times[c]);
            out.oi[c] += it == at.end() ? std::numeric_limits<double>::quiet_NaN() : runs[v].oi[it->second];
            if (v == 0 && it != at.end()) out.funding[c] = runs[v].funding[it->second];
        }
    }
    return out;
}

}  // namespace

Result<std::vector<BarFeature>> computeBarFeatures(Store &store, const FeatureRequest &req, const RunControl &control,
                                                   std::vector<ExchangeShare> *shares) {
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
    if (!makeModel(req.model)) return Error(QStringLiteral("unknown model '%1'").arg(req.model), {}, 0, QStringLiteral("model"));
    auto run = req.exchanges.isEmpty() ? runOne(store, s, req.model, req.to, control)
                                       : runSelection(store, s, req.exchanges, req.model, req.from, req.to, control, shares);
    if (!run) return run.error();
    const HeatmapGrid &g = run->grid;
    std::map<qint64, std::pair<double, double>> predicted, realised;
    for (const PredictedLiquidation &p : g.predicted) {
        auto &v = predicted[floorTo(p.time, *step)];
        (p.side == Side::Long ? v.first : v.second) += p.notional;
    }
    // Realised: every venue asked for (a selection adds them up).
    std::map<qint64, HourlyLiquidation> hourly;
    for (const QString &ex : req.exchanges.isEmpty() ? QStringList{s.exchange} : req.exchanges) {
        for (const LiquidationEvent &e : store.liquidations(ex, s.symbol, {req.from, req.to})) {
            auto &v = realised[floorTo(e.time, *step)];
            (e.side == Side::Long ? v.first : v.second) += e.notional;
        }
        for (const HourlyLiquidation &h : store.hourlyLiquidations({ex, s.symbol, {}}, {req.from, req.to})) {
            HourlyLiquidation &sum = hourly[h.time];
            sum.time = h.time;
            sum.longQty += h.longQty;
            sum.shortQty += h.shortQty;
        }
    }
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
        const double oi = run->oi[size_t(c)], prev = c > 0 ? run->oi[size_t(c - 1)] : oi;
        f.oiChangePct = std::isfinite(oi) && std::isfinite(prev) && prev > 0 ? (oi - prev) / prev * 100.0 : 0.0;
        f.funding = std::isfinite(run->funding[size_t(c)]) ? run->funding[size_t(c)] : 0.0;
        bars.push_back(f);
    }
    if (bars.empty()) return Error(QStringLiteral("no %1 candles for %2 in the period").arg(s.params.interval, s.symbol));
    return bars;
}

}  // namespace lhm
