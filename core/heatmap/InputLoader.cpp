#include "heatmap/InputLoader.h"

#include "common/Timeframe.h"
#include "heatmap/CandleResampler.h"
#include "heatmap/PriceBuckets.h"
#include "models/CloseRule.h"
#include "models/LeverageLadder.h"
#include "models/LiquidationModel.h"
#include "models/SideRule.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lhm {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The interval to read: among the requested one and the stored intervals that divide it, the one
// whose data reaches furthest (before `end`, 0 = no bound); on a tie the coarsest (fewest rows to
// read). So a stale 1h series never hides fresher 5m data, and 1h is read directly when current.
// Empty when nothing usable is stored.
QString sourceInterval(Store &store, const SeriesKey &key, const QStringList &stored, qint64 wantedMs, qint64 end) {
    QString best;
    qint64 bestReach = 0, bestMs = 0;
    for (const QString &iv : stored) {
        const auto ms = intervalMs(iv);
        if (!ms || *ms > wantedMs || wantedMs % *ms != 0) continue;
        const qint64 newest = store.newestCandle({key.exchange, key.symbol, iv}, end);
        if (newest <= 0) continue;
        const qint64 reach = std::min(newest + *ms, end > 0 ? end : std::numeric_limits<qint64>::max());
        if (reach > bestReach || (reach == bestReach && *ms > bestMs)) {
            bestReach = reach;
            bestMs = *ms;
            best = iv;
        }
    }
    return best;
}

// Index of the candle whose [openTime, openTime + step) holds t, or -1.
int candleIndex(const std::vector<Candle> &candles, qint64 step, qint64 t) {
    auto it = std::upper_bound(candles.begin(), candles.end(), t,
                               [](qint64 v, const Candle &c) { return v < c.openTime; });
    if (it == candles.begin()) return -1;
    --it;
    return t < it->openTime + step ? int(it - candles.begin()) : -1;
}

// Mean open-interest value and taker share of the metrics rows inside each candle.
void loadOpenInterest(Store &store, const SeriesKey &key, TimeRange r, ModelInputs &in) {
    const size_t n = in.candles.size();
    const qint64 step = in.intervalMs;
    std::vector<double> oiSum(n, 0), takerSum(n, 0);
    std::vector<int> oiCount(n, 0), takerCount(n, 0);
    for (const OpenInterestSample &p : store.openInterestSamples(key, r)) {
        const int i = candleIndex(in.candles, step, p.time);
        if (i < 0) continue;
        if (p.openInterestValue > 0) {
            oiSum[size_t(i)] += p.openInterestValue;
            ++oiCount[size_t(i)];
        }
        if (p.takerLongShortVolRatio > 0) {  // buy/sell volume; 0 means the column was empty
            takerSum[size_t(i)] += p.takerLongShortVolRatio / (1.0 + p.takerLongShortVolRatio);
            ++takerCount[size_t(i)];
        }
    }
    for (size_t i = 0; i < n; ++i) {
        if (oiCount[i]) in.openInterestValue[i] = oiSum[i] / oiCount[i];
        if (takerCount[i]) in.metricsTakerShare[i] = takerSum[i] / takerCount[i];
    }
}

// Funding is settled every 8 h (sometimes 4 h or 1 h); look back far enough to know the rate in
// effect at the first candle.
void loadFunding(Store &store, const SeriesKey &key, TimeRange r, ModelInputs &in) {
    const auto funding = store.funding(key, {r.from - 3 * 86'400'000LL, r.to});
    size_t f = 0;
    double rate = kNaN;
    for (size_t i = 0; i < in.candles.size(); ++i) {
        const qint64 close = in.candles[i].openTime + in.intervalMs;
        while (f < funding.size() && funding[f].time < close) rate = funding[f++].rate;
        in.fundingRate[i] = rate;
    }
}

}  // namespace

qint64 newestInputTime(Store &store, const QString &exchange, const QString &symbol, qint64 before) {
    return store.newestInputTime(exchange, symbol, before);
}

Status validateRequest(const HeatmapRequest &req) {
    if (req.symbol.isEmpty()) return Error(QStringLiteral("no symbol given"), {}, 0, QStringLiteral("symbol"));
    if (!windowByName(req.window))
        return Error(QStringLiteral("unknown window '%1' (one of %2)").arg(req.window, windowNames().join(QStringLiteral(", "))),
                     {}, 0, QStringLiteral("window"));
    if (!makeModel(req.model))
        return Error(QStringLiteral("unknown model '%1' (one of %2)")
                         .arg(req.model, liquidationModelNames().join(QStringLiteral(", "))),
                     {}, 0, QStringLiteral("model"));
    if (!req.params.interval.isEmpty() && !intervalMs(req.params.interval))
        return Error(QStringLiteral("unknown interval '%1' (e.g. 5m, 15m, 1h, 4h, 1d)").arg(req.params.interval), {}, 0,
                     QStringLiteral("interval"));
    if (!parseSideRule(req.params.sideRule))
        return Error(QStringLiteral("unknown side rule '%1' (body, taker or funding)").arg(req.params.sideRule), {}, 0,
                     QStringLiteral("side-rule"));
    if (!parseCloseRule(req.params.closeRule))
        return Error(QStringLiteral("unknown close rule '%1' (relative or absolute)").arg(req.params.closeRule), {}, 0,
                     QStringLiteral("close-rule"));
    if (!(req.params.bucket >= 0) || !std::isfinite(req.params.bucket))
        return Error(QStringLiteral("bucket must be a positive USD amount or auto"), {}, 0, QStringLiteral("bucket"));
    if (req.params.leverageWeights.empty())
        return Error(QStringLiteral("no leverage weights"), {}, 0, QStringLiteral("leverage-weights"));
    for (const auto &[lev, w] : req.params.leverageWeights)
        if (!(lev > 0) || !(w > 0))
            return Error(QStringLiteral("leverage %1 weight %2: both must be positive").arg(lev).arg(w), {}, 0,
                         QStringLiteral("leverage-weights"));
    return {};
}

Result<ModelInputs> loadModelInputs(Store &store, const HeatmapRequest &req, qint64 endOverride) {
    if (Status s = validateRequest(req); !s) return s.error();
    const Window window = *windowByName(req.window);
    const ModelInputSet needs = makeModel(req.model)->inputs();
    ModelInputs in;
    in.exchange = req.exchange;
    in.symbol = req.symbol;
    in.window = req.window;
    in.interval = req.params.interval.isEmpty() ? window.interval : req.params.interval;
    in.intervalMs = *intervalMs(in.interval);
    const qint64 step = in.intervalMs;

    const SeriesKey any{req.exchange, req.symbol, {}};
    const QStringList stored = store.candleIntervals(any);
    if (stored.isEmpty())
        return Error(QStringLiteral("no candles for %1 %2 in the store: download or import its history first")
                         .arg(req.exchange, req.symbol), {}, 0, QStringLiteral("symbol"));
    const QString source = sourceInterval(store, any, stored, step, endOverride > 0 ? endOverride : req.end);
    if (source.isEmpty())
        return Error(QStringLiteral("no %1 candles (or finer ones dividing it) for %2; the store has %3")
                         .arg(in.interval, req.symbol, stored.join(QStringLiteral(", "))), {}, 0, QStringLiteral("interval"));
    const qint64 sourceMs = *intervalMs(source);

    qint64 end = endOverride > 0 ? endOverride : req.end;
    if (end <= 0) end = store.newestCandle({req.exchange, req.symbol, source}) + sourceMs;
    // Rounded UP to the candle grid so a window always has length/step columns, the newest of which
    // may still be forming when the end is not on the grid.
    const qint64 from = floorTo(end - window.lengthMs + step - 1, step);
    auto raw = store.candles({req.exchange, req.symbol, source}, {from, end});
    in.candles = source == in.interval ? std::move(raw) : resampleCandles(raw, step);
    if (in.candles.empty())
        return Error(QStringLiteral("no %1 candles for %2 between %3 and %4 (ms)").arg(source, req.symbol).arg(from).arg(end));

    const size_t n = in.candles.size();
    in.openInterestValue.assign(n, kNaN);
    in.metricsTakerShare.assign(n, kNaN);
    in.fundingRate.assign(n, kNaN);
    if (needs & ModelInput::OpenInterest) loadOpenInterest(store, any, {from, end}, in);
    if (needs & ModelInput::Funding) loadFunding(store, any, {from, end}, in);
    if (needs & ModelInput::TradeProfile) {
        in.profile = store.largeTradeProfile(any, {from, end}, step, req.params.largeTradeNotional);
        in.profileInWindow = !in.profile.empty() || store.hasTradeProfile(any, {from, end});
    }

    auto tiers = LeverageTiers::load(req.exchange, req.symbol);
    if (!tiers) return tiers.error();
    in.tiers = std::move(*tiers);
    double minLev = std::numeric_limits<double>::infinity();
    for (const auto &[lev, w] : req.params.leverageWeights) minLev = std::min(minLev, lev);
    auto axis = makePriceAxis(in.candles, req.params.bucket, minLev);
    if (!axis) return axis.error();
    in.axis = *axis;
    in.dataTo = newestInputTime(store, req.exchange, req.symbol, req.end);
    return in;
}

}  // namespace lhm
