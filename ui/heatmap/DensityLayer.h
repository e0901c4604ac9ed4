#pragma once
// The liquidation-density colour map of one plot. Holds the full grid but gives QCustomPlot only
// the visible part (plus a margin) reduced to about screen resolution (engine/HeatmapLod), so a
// data change rebuilds a screen-sized image instead of a year-sized one. Panning inside the
// margin at the same zoom reuses the image; otherwise a rebuild is coalesced to at most one per
// 40 ms while the user drags or zooms.
#include "engine/CoreEngine.h"
#include "engine/HeatmapLod.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QCustomPlot;
class QCPColorMap;
class QCPColorMapData;
class QCPColorScale;
class QCPAxis;
struct QCPRange;

namespace lhm::ui {

class DensityLayer : public QObject {
    Q_OBJECT
public:
    DensityLayer(QCustomPlot *plot, QCPAxis *keyAxis, QCPAxis *valueAxis, QCPColorScale *scale = nullptr);

    // The colour map and candles place column i at times[0] + i * interval. A grid whose candles
    // skip a stretch (a store with a month missing, seen in a 1y window) would draw everything after
    // the gap that much too early: such a grid is copied with empty columns (no candle) in the gap.
    // Returns `grid` itself when its columns are already evenly spaced.
    static GridPtr uniformColumns(GridPtr grid);
    void setGrid(GridPtr grid);
    // A newer state of the same view (live roll-forward): keeps the view and the colour range and
    // reduces on a worker, so frequent updates cost the UI thread only the image swap.
    void replaceGrid(GridPtr grid);
    const GridPtr &grid() const { return grid_; }
    void setSide(DensitySide side);
    DensitySide side() const { return side_; }
    // Colours run from the lower to the upper percentile of the grid's non-zero densities.
    void setCutoff(double lowPct, double highPct);
    void setCutoffRange(float lo, float hi);  // explicit colour range (comparison panels share one)
    std::pair<float, float> colourRange() const { return range_; }
    void setLodEnabled(bool on);
    bool lodEnabled() const { return lod_; }

    QCPColorMap *colorMap() const { return map_; }
    const DisplayGrid &display() const { return display_; }
    // Source cell under plot coordinates (key in seconds, value = price); false outside the grid.
    bool cellAt(double key, double value, int *col, int *row) const;

    // Rebuilds the displayed image now (tests, screenshots and the benchmark need it synchronous).
    void refreshNow();
    // Rebuilds only when the image no longer covers the view at about screen resolution.
    void refreshIfNeeded();
    // Milliseconds the last rebuild spent reducing the grid into colour-map data (a worker's
    // share in the app) and swapping that data in (the UI thread's share).
    double lastReduceMs() const { return reduceMs_; }
    double lastFillMs() const { return fillMs_; }

signals:
    void displayChanged();  // a new reduced grid was handed to the colour map

private:
    // One reduction: what to reduce, computed on the UI thread from the view.
    struct Job {
        GridPtr grid;
        DensitySide side = DensitySide::Both;
        int colFrom = 0, colTo = 0, rowFrom = 0, rowTo = 0, maxCols = 0, maxRows = 0;
    };
    struct Reduced {
        DisplayGrid display;
        std::unique_ptr<QCPColorMapData> data;
    };
    Job jobForView() const;
    static Reduced run(const Job &job);
    void apply(Reduced r);
    void refreshAsync();
    bool hasData() const;
    void scheduleRefresh();
    bool coversView() const;
    void updateColourRange();

    QCustomPlot *plot_;
    QCPAxis *keyAxis_, *valueAxis_;
    QCPColorMap *map_;
    GridPtr grid_;
    DisplayGrid display_;
    DensitySide side_ = DensitySide::Both;
    double lowPct_ = 0, highPct_ = 97;
    bool explicitRange_ = false;
    std::pair<float, float> range_{0.f, 1.f};
    bool lod_ = true;
    double reduceMs_ = 0, fillMs_ = 0;
    quint64 generation_ = 0;  // bumped by every synchronous refresh and new grid
    bool running_ = false, pending_ = false;
    QTimer timer_;
};

}  // namespace lhm::ui
