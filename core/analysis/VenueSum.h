#pragma once
// "All exchanges" for validation and signals: the pieces that add several venues' model runs
// together. Pure functions, so the sums can be checked by hand (tst_validate).
#include "analysis/EventValidation.h"
#include "analysis/HourlyValidation.h"
#include "models/HeatmapGrid.h"

#include <vector>

namespace lhm {

// The last column of each grid (long + short) summed on one price axis (the first grid's lines;
// models/GridSum.h); price = the first grid's last close (the reference venue). Events are not set.
ZoneColumn summedLastColumn(const std::vector<const HeatmapGrid *> &grids);

// One record per (hour, side) that every venue has, in the first venue's order: predicted and
// baseline summed over the venues; realised is already the venues' combined figure, taken once.
std::vector<HourSide> mergeHourSides(const std::vector<std::vector<HourSide>> &perVenue);

}  // namespace lhm
