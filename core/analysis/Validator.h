#pragma once
// `lhm validate`: walk-forward validation of the liquidation models on realised liquidations in
// the store. No look-ahead: the model judged at hour t was computed from a window ending at or
// before t (events: the last recompute before the event; hourly: the column before the hour).
// Pure computation over a store connection: run it on a worker thread.
#include "analysis/ValidationTypes.h"
#include "models/LiquidationModel.h"
#include "store/Store.h"

#include <vector>

namespace lhm {

// One result per requested model, in the order asked. Request-level problems (unknown model,
// nothing realised in the period, no candles) are errors; a model without its input (no funding
// for funding_adjusted, no trades for py_liquidation_map) gets a result with n = 0 and a note.
Result<std::vector<ValidationResult>> runValidation(Store &store, const ValidationRequest &req,
                                                    const RunControl &control = {});

}  // namespace lhm
