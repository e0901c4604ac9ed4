#include "heatmap/HeatmapService.h"

#include "heatmap/HeatmapCodec.h"
#include "heatmap/InputLoader.h"
#include "models/ModelInputs.h"
#include "heatmap/LiquidationMapBuilder.h"
#include "heatmap/RequestProfile.h"
#include "models/LiquidationModel.h"

#include "common/Timeframe.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace lhm {

namespace {

RunControl controlOf(const ComputeOptions &opt, bool gridOnly) { return RunControl{opt.cancel, opt.progress, gridOnly}; }

// The models compute at no coarser than this, whatever the window, and the grid is reduced to the
// window's candles for display. Positions open and close with open interest, which the store holds
// every 5 minutes: a 12 h or 1 d step would net a day's rises and falls into one delta and a window
// longer than the data would show almost nothing. Hourly keeps 7d, 90d and 1y equal on the days
// they share at a cost of 8,760 steps for a year.
constexpr qint64 kComputeMs = 3600'000;

// Groups the fine columns into the window's candles (aligned to its grid, the first group starting
// at the window's start). A cell is the state at the END of a candle, so a group keeps its last
// column's densities; candles merge as OHLC.
void reduceColumns(HeatmapGrid &g, const QString &interval, qint64 stepMs, qint64 from) {
    if (g.intervalMs >= stepMs || g.cols() == 0) return;
    const int rows = g.rows;
    std::vector<qint64> times;
    std::vector<Candle> candles;
    std::vector<float> lo, sh;
    for (int c = 0; c < g.cols(); ++c) {
        const qint64 t = floorTo(g.times[size_t(c)], stepMs);
        if (t < from) continue;
        const Candle &k = g.candles[size_t(c)];
        if (times.empty() || times.back() != t) {
            times.push_back(t);
            Candle m = k;
            m.openTime = t;
            candles.push_back(m);
            lo.insert(lo.end(), rows, 0.f);
            sh.insert(sh.end(), rows, 0.f);
        } else {
            Candle &m = candles.back();
            m.high = std::max(m.high, k.high);
            m.low = std::min(m.low, k.low);
            m.close = k.close;
            m.closeTime = k.closeTime;
            m.volume += k.volume;
            m.quoteVolume += k.quoteVolume;
            m.trades += k.trades;
            m.takerBuyVolume += k.takerBuyVolume;
            m.takerBuyQuoteVolume += k.takerBuyQuoteVolume;
        }
        std::copy_n(g.longDensity.begin() + ptrdiff_t(size_t(c) * rows), rows, lo.end() - rows);
        std::copy_n(g.shortDensity.begin() + ptrdiff_t(size_t(c) * rows), rows, sh.end() - rows);
    }
    g.times = std::move(times);
    g.candles = std::move(candles);
    g.longDensity = std::move(lo);
    g.shortDensity = std::move(sh);
    g.interval = interval;
    g.intervalMs = stepMs;
}

// gridOnly: the caller reads only out.grid (RunControl::gridOnly).
Result<ModelOutput> runModel(Store &store, const HeatmapRequest &req, qint64 end, const ComputeOptions &opt, bool gridOnly) {
    const auto window = windowByName(req.window);
    HeatmapRequest fine = req;
    const bool reduce = window && req.params.interval.isEmpty() && *intervalMs(window->interval) > kComputeMs;
    if (reduce) fine.params.interval = QStringLiteral("1h");
    auto inputs = loadModelInputs(store, fine, end);
    if (!inputs && reduce) {
        fine = req;  // a store with only coarse candles: compute at the window's own step
        inputs = loadModelInputs(store, fine, end);
    }
    if (!inputs) return inputs.error();
    auto model = makeModel(req.model);  // validated by loadModelInputs
    auto out = model->run(*inputs, req.params, controlOf(opt, gridOnly));
    if (!out) return out;
    setCoverage(out->grid, *inputs, req.window);
    if (window && out->grid.intervalMs < *intervalMs(window->interval)) {
        const qint64 step = *intervalMs(window->interval);
        const qint64 gridEnd = out->grid.times.back() + out->grid.intervalMs;
        reduceColumns(out->grid, window->interval, step, floorTo(gridEnd - window->lengthMs + step - 1, step));
    }
    return out;
}
}  // namespace

// Where the window asked for starts and what part of it the open interest covers.
void setCoverage(HeatmapGrid &g, const ModelInputs &in, const QString &window) {
    if (in.candles.empty()) return;
    const qint64 end = in.candles.back().openTime + in.intervalMs;
    const auto w = windowByName(window);
    g.requestedFrom = w ? end - w->lengthMs : in.candles.front().openTime;
    g.coverageFrom = g.coverageTo = 0;
    for (size_t i = 0; i < in.candles.size() && i < in.openInterestValue.size(); ++i) {
        if (!std::isfinite(in.openInterestValue[i])) continue;
        if (!g.coverageFrom) g.coverageFrom = in.candles[i].openTime;
        g.coverageTo = in.candles[i].openTime + in.intervalMs;
    }
    if (!g.coverageFrom) g.coverageFrom = g.coverageTo = end;  // no open interest at all: nothing covered
}


Result<std::shared_ptr<const HeatmapGrid>> computeHeatmap(Store &store, const HeatmapRequest &request,
                                                          const ComputeOptions &opt) {
    std::optional<ModelProfile> profile;
    const HeatmapRequest req = resolveProfile(store, request, &profile);
    if (Status s = validateRequest(req); !s) return s.error();
    // The key hashes the parameters (SHA-256): only worth it when the cache is used.
    const QString key = opt.useCache ? req.cacheKey() : QString();
    if (opt.useCache) {
        if (auto entry = store.cachedHeatmap(key)) {
            // Reused only while the store holds nothing newer than what the grid was computed from.
            if (entry->dataTo == newestInputTime(store, req.exchange, req.symbol, req.end)) {
                if (auto grid = decodeHeatmap(entry->payload))
                    return std::shared_ptr<const HeatmapGrid>(std::make_shared<HeatmapGrid>(std::move(*grid)));
            }
        }
    }
    auto run = runModel(store, req, 0, opt, true);
    if (!run) return run.error();
    auto grid = std::make_shared<HeatmapGrid>(std::move(run->grid));
    if (profile) {
        // Travels with the grid (and its cache entry) so every view can say where its parameters came from.
        grid->profileFrom = profile->fittedFrom;
        grid->profileTo = profile->fittedTo;
    }
    if (opt.useCache) {
        HeatmapCacheEntry e{key, req.exchange, req.symbol, req.window, req.model, grid->dataTo,
                            QDateTime::currentMSecsSinceEpoch(), encodeHeatmap(*grid)};
        // A failed cache write costs only the next open's recomputation; the grid is still good.
        (void)store.putHeatmap(e);
    }
    return std::shared_ptr<const HeatmapGrid>(std::move(grid));
}

std::shared_ptr<const HeatmapGrid> cachedHeatmap(Store &store, const HeatmapRequest &req) {
    auto entry = store.latestHeatmap(req.exchange, req.symbol, req.window, req.model);
    if (!entry) return nullptr;
    auto grid = decodeHeatmap(entry->payload);
    if (!grid) return nullptr;
    return std::make_shared<const HeatmapGrid>(std::move(*grid));
}

Result<std::shared_ptr<const LiquidationMap>> computeLiquidationMap(Store &store, const HeatmapRequest &req, qint64 at,
                                                                    const ComputeOptions &opt) {
    auto run = runModel(store, resolveProfile(store, req), at, opt, false);
    if (!run) return run.error();
    auto map = std::make_shared<LiquidationMap>(buildLiquidationMap(*run));
    map->requestedFrom = run->grid.requestedFrom;
    map->coverageFrom = run->grid.coverageFrom;
    map->coverageTo = run->grid.coverageTo;
    return std::shared_ptr<const LiquidationMap>(std::move(map));
}

QStringList modelNames() { return liquidationModelNames(); }

}  // namespace lhm
