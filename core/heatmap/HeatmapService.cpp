#include "heatmap/HeatmapService.h"

#include "heatmap/HeatmapCodec.h"
#include "heatmap/InputLoader.h"
#include "heatmap/LiquidationMapBuilder.h"
#include "heatmap/RequestProfile.h"
#include "models/LiquidationModel.h"

#include "common/Timeframe.h"

#include <QDateTime>
#include <cmath>

namespace lhm {

namespace {

RunControl controlOf(const ComputeOptions &opt) { return RunControl{opt.cancel, opt.progress}; }

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

Result<ModelOutput> runModel(Store &store, const HeatmapRequest &req, qint64 end, const ComputeOptions &opt) {
    auto inputs = loadModelInputs(store, req, end);
    if (!inputs) return inputs.error();
    auto model = makeModel(req.model);  // validated by loadModelInputs
    auto out = model->run(*inputs, req.params, controlOf(opt));
    if (out) setCoverage(out->grid, *inputs, req.window);
    return out;
}

}  // namespace

Result<std::shared_ptr<const HeatmapGrid>> computeHeatmap(Store &store, const HeatmapRequest &request,
                                                          const ComputeOptions &opt) {
    const HeatmapRequest req = resolveProfile(store, request);
    if (Status s = validateRequest(req); !s) return s.error();
    const QString key = req.cacheKey();
    if (opt.useCache) {
        if (auto entry = store.cachedHeatmap(key)) {
            // Reused only while the store holds nothing newer than what the grid was computed from.
            if (entry->dataTo == newestInputTime(store, req.exchange, req.symbol, req.end)) {
                if (auto grid = decodeHeatmap(entry->payload))
                    return std::shared_ptr<const HeatmapGrid>(std::make_shared<HeatmapGrid>(std::move(*grid)));
            }
        }
    }
    auto run = runModel(store, req, 0, opt);
    if (!run) return run.error();
    auto grid = std::make_shared<HeatmapGrid>(std::move(run->grid));
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
    auto run = runModel(store, resolveProfile(store, req), at, opt);
    if (!run) return run.error();
    auto map = std::make_shared<LiquidationMap>(buildLiquidationMap(*run));
    map->requestedFrom = run->grid.requestedFrom;
    map->coverageFrom = run->grid.coverageFrom;
    map->coverageTo = run->grid.coverageTo;
    return std::shared_ptr<const LiquidationMap>(std::move(map));
}

QStringList modelNames() { return liquidationModelNames(); }

}  // namespace lhm
