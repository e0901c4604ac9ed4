#pragma once
// Main clusters of one grid column: the densest runs of rows on one side. Used for summaries and
// for the ensemble's agreement test.
#include "models/HeatmapGrid.h"

#include <vector>

namespace lhm {

// Up to `maxClusters` clusters, largest peak first. A cluster grows from the densest row not yet
// taken while neighbouring rows keep at least `edgeFraction` of that peak; its price is the
// density-weighted centre of its rows. Clusters holding under 5 % of the side's total are dropped
// (the first is always kept).
std::vector<Cluster> findClusters(const HeatmapGrid &grid, int col, Side side, int maxClusters = 3,
                                  double edgeFraction = 0.25);

}  // namespace lhm
