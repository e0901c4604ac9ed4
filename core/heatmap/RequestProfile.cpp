#include "heatmap/RequestProfile.h"

namespace lhm {

HeatmapRequest resolveProfile(Store &store, const HeatmapRequest &req, std::optional<ModelProfile> *applied) {
    HeatmapRequest out = req;
    if (applied) applied->reset();
    if (!req.useProfile) return out;
    auto profile = storedProfile(store, req.exchange, req.symbol);
    if (!profile) return out;
    profile->applyTo(out.params);
    if (applied) *applied = std::move(profile);
    return out;
}

}  // namespace lhm
