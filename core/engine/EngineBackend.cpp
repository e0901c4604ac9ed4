#include "engine/EngineBackend.h"

namespace lhm {

EngineBackend EngineBackend::standard() {
    EngineBackend b;
    b.heatmap = [](Store &s, const HeatmapRequest &r, const ComputeOptions &o) { return computeHeatmap(s, r, o); };
    b.cachedHeatmap = [](Store &s, const HeatmapRequest &r) { return lhm::cachedHeatmap(s, r); };
    b.liquidationMap = [](Store &s, const HeatmapRequest &r, qint64 at, const ComputeOptions &o) {
        return computeLiquidationMap(s, r, at, o);
    };
    b.compare = [](Store &s, const HeatmapRequest &r, const ComputeOptions &o) { return compareModels(s, r, o); };
    b.models = modelNames();
    return b;
}

}  // namespace lhm
