#pragma once
// Hand-made heatmap outputs whose every value is known, and an engine backend serving them, so the
// view tests check exact numbers without the liquidation models.
#include "engine/EngineBackend.h"
#include "store/Store.h"

#include <QThread>
#include <atomic>
#include <cmath>
#include <functional>
#include <memory>

namespace lhm::test {

// A base value that differs per symbol, window and model, so a test can tell which one is shown.
inline double viewBase(const QString &symbol, const QString &window, const QString &model) {
    double b = symbol == QLatin1String("ETHUSDT") ? 2e6 : 1e6;
    b += 1e5 * (window == QLatin1String("7d") ? 1 : window == QLatin1String("30d") ? 2 : window == QLatin1String("1y") ? 3 : 4);
    b += 1e4 * (model == QLatin1String("funding_adjusted") ? 1 : model == QLatin1String("ensemble") ? 2 : 0);
    return b;
}

// long(c, r) = base + 100 c + r ; short(c, r) = base / 2 + c + 10 r (exact in float for small grids).
inline std::shared_ptr<HeatmapGrid> makeGrid(const QString &symbol = QStringLiteral("BTCUSDT"),
                                             const QString &window = QStringLiteral("7d"),
                                             const QString &model = QStringLiteral("binance_standard"), int cols = 24,
                                             int rows = 10, double bucket = 100) {
    auto g = std::make_shared<HeatmapGrid>();
    g->exchange = QStringLiteral("binance");
    g->symbol = symbol;
    g->window = window;
    g->model = model;
    g->interval = QStringLiteral("1h");
    g->intervalMs = 3600'000;
    g->bucketSize = bucket;
    g->priceMin = 60000;
    g->rows = rows;
    const double base = viewBase(symbol, window, model);
    const qint64 t0 = 1714521600000LL;  // 2024-05-01 00:00 UTC
    for (int c = 0; c < cols; ++c) {
        g->times.push_back(t0 + qint64(c) * g->intervalMs);
        Candle k;
        k.openTime = g->times.back();
        k.open = 60000 + rows * bucket * 0.4 + c;
        k.close = k.open + (c % 2 ? 20 : -20);
        k.high = std::max(k.open, k.close) + 30;
        k.low = std::min(k.open, k.close) - 30;
        g->candles.push_back(k);
    }
    g->longDensity.resize(size_t(cols) * rows);
    g->shortDensity.resize(size_t(cols) * rows);
    for (int c = 0; c < cols; ++c)
        for (int r = 0; r < rows; ++r) {
            g->longDensity[size_t(c) * rows + r] = float(base + 100 * c + r);
            g->shortDensity[size_t(c) * rows + r] = float(base / 2 + c + 10 * r);
        }
    g->predicted = {{t0 + 3 * g->intervalMs, 60150, Side::Long, 25000, 10},
                    {t0 + 5 * g->intervalMs, 60850, Side::Short, 40000, 25}};
    g->currentPrice = cols > 0 ? g->candles.back().close : 0;
    g->confidence = 0.82;
    g->dataTo = t0 + qint64(cols) * g->intervalMs;
    g->computedAt = g->dataTo;
    return g;
}

// notional(row, l) long = base/1000 + 10 row + l below the price row, short = base/1000 + row + 100 l above.
inline std::shared_ptr<LiquidationMap> makeMap(const QString &symbol = QStringLiteral("BTCUSDT"),
                                               const QString &window = QStringLiteral("7d"),
                                               const QString &model = QStringLiteral("binance_standard"), int rows = 20) {
    auto m = std::make_shared<LiquidationMap>();
    m->exchange = QStringLiteral("binance");
    m->symbol = symbol;
    m->window = window;
    m->model = model;
    m->at = 1714608000000LL;
    m->bucketSize = 100;
    m->priceMin = 60000;
    m->rows = rows;
    m->currentPrice = 60000 + rows / 2 * 100 + 50;
    m->leverages = {10, 25, 50};
    const size_t L = m->leverages.size();
    m->longNotional.assign(size_t(rows) * L, 0);
    m->shortNotional.assign(size_t(rows) * L, 0);
    const double base = viewBase(symbol, window, model) / 1000;
    for (int r = 0; r < rows; ++r)
        for (size_t l = 0; l < L; ++l) {
            if (r < rows / 2) m->longNotional[size_t(r) * L + l] = base + 10 * r + double(l);
            else m->shortNotional[size_t(r) * L + l] = base + r + 100 * double(l);
        }
    m->cumulativeLong.assign(size_t(rows), 0);
    m->cumulativeShort.assign(size_t(rows), 0);
    double acc = 0;
    for (int r = rows / 2 - 1; r >= 0; --r) {
        for (size_t l = 0; l < L; ++l) acc += m->longNotional[size_t(r) * L + l];
        m->cumulativeLong[size_t(r)] = acc;
    }
    acc = 0;
    for (int r = rows / 2; r < rows; ++r) {
        for (size_t l = 0; l < L; ++l) acc += m->shortNotional[size_t(r) * L + l];
        m->cumulativeShort[size_t(r)] = acc;
    }
    return m;
}

inline std::shared_ptr<ModelComparison> makeComparison(const QString &symbol = QStringLiteral("BTCUSDT"),
                                                       const QString &window = QStringLiteral("7d")) {
    auto c = std::make_shared<ModelComparison>();
    c->exchange = QStringLiteral("binance");
    c->symbol = symbol;
    c->window = window;
    const QStringList models{QStringLiteral("binance_standard"), QStringLiteral("funding_adjusted"),
                             QStringLiteral("ensemble")};
    for (const QString &m : models) {
        c->grids.push_back(*makeGrid(symbol, window, m));
        ModelSummary s;
        s.model = m;
        s.totalLong = viewBase(symbol, window, m) * 10;
        s.totalShort = viewBase(symbol, window, m) * 5;
        s.clusters = {{60450, 60400, 60500, 2.5e6, Side::Long}};
        s.confidence = m == QLatin1String("ensemble") ? 0.64 : 1.0;
        c->summaries.push_back(s);
    }
    c->agreement = 0.9;
    c->confidence = 0.64;
    c->disagreementZones = {{60300, 60500}};
    return c;
}

// Serves the grids above for any request; bucket size follows the request's bucket parameter.
// With `cached` set, it also has a "cached" grid (the same values, marked by computedAt = 1).
struct FakeBackendState {
    std::atomic_int heatmapCalls{0}, mapCalls{0}, compareCalls{0};
    std::atomic_int computeDelayMs{0};
    bool cached = false;
    QString failWith;  // non-empty: every computation fails with this message
    // Applied to every grid served (computed or cached), e.g. to move it in time and price.
    std::function<void(HeatmapGrid &)> adjustGrid;
};

// The fixture grid moved by `ms` in time and `usd` in price (times, candles, predictions, data end).
inline void shiftGrid(HeatmapGrid &g, qint64 ms, double usd) {
    for (qint64 &t : g.times) t += ms;
    for (Candle &k : g.candles) {
        k.openTime += ms;
        k.open += usd, k.high += usd, k.low += usd, k.close += usd;
    }
    for (PredictedLiquidation &p : g.predicted) p.time += ms, p.price += usd;
    g.priceMin += usd;
    g.currentPrice += usd;
    g.dataTo += ms;
    g.computedAt += ms;
}

inline EngineBackend fakeBackend(std::shared_ptr<FakeBackendState> st) {
    EngineBackend b;
    b.models = {QStringLiteral("binance_standard"), QStringLiteral("funding_adjusted"), QStringLiteral("ensemble")};
    b.heatmap = [st](Store &, const HeatmapRequest &r, const ComputeOptions &o) -> Result<std::shared_ptr<const HeatmapGrid>> {
        ++st->heatmapCalls;
        for (int i = 0; i < st->computeDelayMs.load() / 5; ++i) {
            if (o.cancel && o.cancel->load()) return Error(QStringLiteral("cancelled"));
            QThread::msleep(5);
        }
        if (o.progress) o.progress(0.5);
        if (!st->failWith.isEmpty()) return Error(st->failWith);
        auto g = makeGrid(r.symbol, r.window, r.model, 24, 10, r.params.bucket > 0 ? r.params.bucket : 100);
        if (st->adjustGrid) st->adjustGrid(*g);
        return std::shared_ptr<const HeatmapGrid>(g);
    };
    b.cachedHeatmap = [st](Store &, const HeatmapRequest &r) -> std::shared_ptr<const HeatmapGrid> {
        if (!st->cached) return nullptr;
        auto g = makeGrid(r.symbol, r.window, r.model);
        if (st->adjustGrid) st->adjustGrid(*g);
        g->computedAt = 1;
        return g;
    };
    b.liquidationMap = [st](Store &, const HeatmapRequest &r, qint64, const ComputeOptions &) -> Result<std::shared_ptr<const LiquidationMap>> {
        ++st->mapCalls;
        if (!st->failWith.isEmpty()) return Error(st->failWith);
        return std::shared_ptr<const LiquidationMap>(makeMap(r.symbol, r.window, r.model));
    };
    b.compare = [st](Store &, const HeatmapRequest &r, const ComputeOptions &) -> Result<std::shared_ptr<const ModelComparison>> {
        ++st->compareCalls;
        if (!st->failWith.isEmpty()) return Error(st->failWith);
        return std::shared_ptr<const ModelComparison>(makeComparison(r.symbol, r.window));
    };
    return b;
}

// Eight days of hourly BTCUSDT candles and 5-minute open interest that keeps rising, so the real
// liquidation engine has positions to place. Returns false if the store refused the rows.
inline bool fillSyntheticMarket(Store &store) {
    SeriesKey candles{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
    SeriesKey oi{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    const qint64 t0 = 1714521600000LL, hour = 3600'000;
    std::vector<Candle> cs;
    std::vector<OpenInterestPoint> ois;
    double price = 60000;
    for (int h = 0; h < 8 * 24; ++h) {
        Candle c;
        c.openTime = t0 + h * hour;
        c.closeTime = c.openTime + hour - 1;
        c.open = price;
        price += 400 * std::sin(h / 7.0) + (h % 5 - 2) * 60;
        c.close = price;
        c.high = std::max(c.open, c.close) + 120;
        c.low = std::min(c.open, c.close) - 120;
        c.volume = 1000;
        c.quoteVolume = 1000 * price;
        c.takerBuyVolume = h % 3 ? 600 : 400;
        c.takerBuyQuoteVolume = c.takerBuyVolume * price;
        cs.push_back(c);
        for (int m = 0; m < 12; ++m) {
            OpenInterestPoint p;
            p.time = c.openTime + m * 300'000;
            p.openInterest = 80000 + h * 40 + m * 3 - (h % 9 == 0 ? 300 : 0);
            p.openInterestValue = p.openInterest * price;
            ois.push_back(p);
        }
    }
    return store.insertCandles(candles, cs).ok() && store.insertOpenInterest(oi, ois).ok();
}

}  // namespace lhm::test
