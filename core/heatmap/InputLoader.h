#pragma once
// Reads one window of store data into ModelInputs: picks or resamples candles, averages the
// metrics rows per candle, finds the funding in effect, loads the symbol's leverage tiers and
// builds the price axis.
#include "common/Error.h"
#include "heatmap/HeatmapRequest.h"
#include "models/ModelInputs.h"
#include "store/Store.h"

namespace lhm {

// `end` (ms, exclusive) overrides req.end when non-zero; both zero = up to the newest candle.
Result<ModelInputs> loadModelInputs(Store &store, const HeatmapRequest &req, qint64 end = 0);

// Newest timestamp of any model input (candles of any interval, metrics, funding, trade profile)
// for the symbol strictly before `before` (0 = no bound); 0 when there is none. The heatmap cache
// compares it with the one a grid was computed from.
qint64 newestInputTime(Store &store, const QString &exchange, const QString &symbol, qint64 before = 0);

// Checks the parts of a request that need no data: window, model, interval, side rule, weights.
Status validateRequest(const HeatmapRequest &req);

}  // namespace lhm
