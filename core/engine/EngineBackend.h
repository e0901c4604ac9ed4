#pragma once
// The computations CoreEngine schedules, as replaceable functions: the standard backend calls the
// liquidation engine (heatmap/HeatmapService.h); tests plug in hand-made grids so the UI can be
// exercised without the models.
#include "heatmap/HeatmapService.h"

#include <QStringList>
#include <functional>
#include <memory>

namespace lhm {

struct EngineBackend {
    using HeatmapFn = std::function<Result<std::shared_ptr<const HeatmapGrid>>(Store &, const HeatmapRequest &,
                                                                               const ComputeOptions &)>;
    using CachedFn = std::function<std::shared_ptr<const HeatmapGrid>(Store &, const HeatmapRequest &)>;
    using MapFn = std::function<Result<std::shared_ptr<const LiquidationMap>>(Store &, const HeatmapRequest &, qint64,
                                                                              const ComputeOptions &)>;
    using CompareFn = std::function<Result<std::shared_ptr<const ModelComparison>>(Store &, const HeatmapRequest &,
                                                                                   const ComputeOptions &)>;

    HeatmapFn heatmap;
    CachedFn cachedHeatmap;  // may be empty: no instant cached answer
    MapFn liquidationMap;
    CompareFn compare;
    QStringList models;

    // The real liquidation engine.
    static EngineBackend standard();
};

}  // namespace lhm
