#pragma once
// The heatmap uses the symbol's fitted profile (`lhm calibrate`) by default: the engine's entry points
// resolve a request through here, which applies the stored profile over the request's parameters when
// `useProfile` is set (callers clear it when the user chose those parameters).
#include "heatmap/HeatmapRequest.h"
#include "models/ModelProfile.h"
#include "store/Store.h"

#include <optional>

namespace lhm {

// `req` with the stored profile of its exchange and symbol applied (unchanged when none is stored or
// useProfile is false); the profile used, if any, goes to `applied`.
HeatmapRequest resolveProfile(Store &store, const HeatmapRequest &req, std::optional<ModelProfile> *applied = nullptr);

}  // namespace lhm
