#pragma once
// Level of detail for drawing a heatmap grid: QCustomPlot rebuilds its whole colour image on every
// data change (~38 ms for a 1-year 8,760 x 2,000 grid), so views hand it only the visible part,
// reduced to about screen resolution. Reduction takes the MAXIMUM of each block: a cluster stays
// as bright as at full resolution and the colour scale (USD per bucket) keeps its meaning at
// every zoom, where a sum would brighten everything as the user zooms out.
#include "models/HeatmapGrid.h"

#include <utility>
#include <vector>

namespace lhm {

enum class DensitySide { Long, Short, Both };

// A block-reduced window of a HeatmapGrid. Display cell (c, r) covers source columns
// [colFrom + c*colStep, colFrom + (c+1)*colStep) and rows likewise; cells beyond the grid are 0.
struct DisplayGrid {
    int colFrom = 0, rowFrom = 0;
    int colStep = 1, rowStep = 1;
    int cols = 0, rows = 0;
    // cols * rows, ROW-major (index r * cols + c): the layout QCPColorMapData uses, so copying
    // into it streams through memory.
    std::vector<float> values;
    std::vector<Candle> candles;  // one merged candle per display column that has data
    float at(int c, int r) const { return values[size_t(r) * cols + c]; }
};

namespace HeatmapLod {

inline float density(const HeatmapGrid &g, DensitySide side, int col, int row) {
    switch (side) {
    case DensitySide::Long: return g.longAt(col, row);
    case DensitySide::Short: return g.shortAt(col, row);
    case DensitySide::Both: break;
    }
    return g.longAt(col, row) + g.shortAt(col, row);
}

// Reduces source columns [colFrom, colTo) x rows [rowFrom, rowTo) (clamped to the grid) to at most
// maxCols x maxRows cells. Steps are whole numbers of source cells so cell edges stay on buckets.
DisplayGrid reduce(const HeatmapGrid &g, DensitySide side, int colFrom, int colTo, int rowFrom, int rowTo, int maxCols,
                   int maxRows);

// Values at the lower and upper percentiles (0..100) of the grid's non-zero densities, estimated
// from an even sample; {0, 0} when the grid holds no density.
std::pair<float, float> percentileRange(const HeatmapGrid &g, DensitySide side, double lowPct, double highPct);

}  // namespace HeatmapLod
}  // namespace lhm
