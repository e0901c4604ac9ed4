#pragma once
// The liquidation map at the end of a model run: the run's open levels summed per price row and
// leverage, with cumulative curves from the current price outward.
#include "models/HeatmapGrid.h"
#include "models/ModelOutput.h"

namespace lhm {

LiquidationMap buildLiquidationMap(const ModelOutput &run);

}  // namespace lhm
