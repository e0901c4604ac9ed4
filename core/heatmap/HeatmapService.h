#pragma once
// Entry points of the liquidation engine. Pure computation over a store connection: call them on
// a worker thread (CoreEngine does), never on the UI thread. `cancel` is polled between candles.
#include "common/Error.h"
#include "models/HeatmapGrid.h"
#include "heatmap/HeatmapRequest.h"
#include "store/Store.h"

#include <atomic>
#include <functional>
#include <memory>

namespace lhm {

struct ModelInputs;

using ProgressFn = std::function<void(double fraction)>;

struct ComputeOptions {
    bool useCache = true;    // serve from / write to the store's heatmap cache
    const std::atomic_bool *cancel = nullptr;
    ProgressFn progress;
};

// Heatmap for a request; served from the cache when the key matches and the store has no newer data.
Result<std::shared_ptr<const HeatmapGrid>> computeHeatmap(Store &store, const HeatmapRequest &req,
                                                          const ComputeOptions &opt = {});

// The newest cached grid for a view whatever its parameters (opens offline without recomputation).
std::shared_ptr<const HeatmapGrid> cachedHeatmap(Store &store, const HeatmapRequest &req);

// Liquidation map at `at` (ms; 0 = the end of the window).
Result<std::shared_ptr<const LiquidationMap>> computeLiquidationMap(Store &store, const HeatmapRequest &req, qint64 at = 0,
                                                                    const ComputeOptions &opt = {});

// All models on one common grid, their agreement and the ensemble's confidence.
Result<std::shared_ptr<const ModelComparison>> compareModels(Store &store, const HeatmapRequest &req,
                                                             const ComputeOptions &opt = {});

// Summaries, agreement, confidence and disagreement zones of a comparison whose grids (the members
// on one common grid, the ensemble last) are already set: compareModels uses it, and so does the
// all-exchanges comparison after summing each model's grids.
void assessComparison(ModelComparison &cmp);

// Sets g's requestedFrom / coverageFrom / coverageTo from the inputs it was computed from.
void setCoverage(HeatmapGrid &g, const ModelInputs &in, const QString &window);

// Names accepted in HeatmapRequest::model, in display order.
QStringList modelNames();

}  // namespace lhm
