#pragma once
// How far apart several models put their main clusters, turned into a confidence.
//   spread = (highest − lowest main-cluster centre) / lowest, per side, over the models that have
//            any density on that side;
//   confidence = clamp(1 − 6 · spread, 0, 1): 1 when they coincide, exactly 0.7 at 5 % apart and
//            below 0.7 beyond, 0 from 16.7 % apart.
// A side only one model covers cannot be checked: its confidence is 0.5 ("unverified").
// The reason names what set the overall confidence, so no caller has to guess it from the number
// (0.5 can mean "unverified" as well as "8.3 % apart").
#include "models/HeatmapGrid.h"

#include <vector>

namespace lhm {

struct SideAgreement {
    Side side = Side::Long;
    std::vector<double> centres;  // main cluster centre per contributing model
    double spread = 0;
    double confidence = 1.0;
    bool present = false;  // any model has density on this side
};


struct Agreement {
    SideAgreement longSide, shortSide;
    double confidence = 1.0;  // the lower of the two sides present
    ConfidenceReason reason = ConfidenceReason::NoDensity;
    std::vector<std::pair<double, double>> disagreementZones;  // (lowest, highest) centre where spread > 5 %
};

double confidenceFromSpread(double spread);
Agreement assessAgreement(const std::vector<const HeatmapGrid *> &grids, int col);

// Overlap of the models' normalised last-column densities (both sides together): the mean over
// model pairs of sum(min(p, q)); 1 = identical shapes, 0 = disjoint. 1 with fewer than two models.
double densityOverlap(const std::vector<const HeatmapGrid *> &grids, int col);

}  // namespace lhm
