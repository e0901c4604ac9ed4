#pragma once
// What one model run produces: the grid plus the state behind its last column (open levels, for
// the liquidation map) and the notional bookkeeping that lets tests check conservation.
#include "models/HeatmapGrid.h"

#include <vector>

namespace lhm {

// One open level at the end of a run: estimated notional that would be liquidated at `price`.
struct OpenLevel {
    double price = 0;
    double notional = 0;  // USD, after proportional closes
    Side side = Side::Long;
    int leverageIndex = 0;  // into ModelOutput::leverages
};

// Conservation: opened = open + consumed + closed (to rounding).
struct NotionalFlow {
    double opened = 0;
    double consumed = 0;
    double closed = 0;
    double open = 0;  // still open at the end
};

struct ModelOutput {
    HeatmapGrid grid;
    std::vector<double> leverages;  // ascending
    std::vector<OpenLevel> levels;  // open at the end of the last candle
    NotionalFlow flow;
};

}  // namespace lhm
