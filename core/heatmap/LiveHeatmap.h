#pragma once
// Rolls the newest computed heatmap forward with live price ticks, between full recomputes.
//
// Why: a full recompute needs open interest, which is not streamed (it comes with the REST
// backfill), so between recomputes the open heatmap would freeze. Ticks alone are enough to
// (1) advance the time axis and the last candle and (2) consume the levels the price crosses,
// with the batch model's inclusive rule. No position is ever OPENED here: the next recompute does
// that. See docs/models.md, "Live roll-forward".
//
// Rules (all tested in tests/core/heatmap/tst_liveheatmap.cpp):
//  - a tick in the last column's interval updates its candle (high/low always, close when it is
//    not older than the newest tick seen); a tick at or after the next interval start appends a
//    column (densities copied from the previous one, a candle opened at the tick price), with flat
//    candles at the last close for intervals that had no tick, and drops as many of the oldest
//    columns so the window keeps its length;
//  - a bucket's liquidation price is its LOWER edge for longs and its UPPER edge for shorts: the
//    only single price per bucket at which consuming the whole bucket never removes notional the
//    batch model (exact level prices, all within [lower, upper)) would keep. A long row r is
//    consumed when the running low <= priceMin + r*bucket, a short row when the running high >=
//    priceMin + (r+1)*bucket (both inclusive, as in the batch model);
//  - each consumed cell is zeroed in the last column and recorded as a PredictedLiquidation (tick
//    time, that liquidation price, side, notional = the cell's density; leverage 0 = unknown);
//  - ticks with a non-finite or non-positive price, or a time before the last column's start, are
//    ignored and counted.
//
// Thread confinement: one thread owns an instance (no locks inside). Snapshots are immutable and
// may be handed to any thread; their storage is recycled (GridRecycler) so a snapshot between two
// column changes costs O(rows + new predicted liquidations), not a copy of the grid.
#include "heatmap/GridRecycler.h"
#include "models/HeatmapGrid.h"

#include <QtGlobal>
#include <memory>
#include <vector>

namespace lhm {

class LiveHeatmap {
public:
    LiveHeatmap();
    explicit LiveHeatmap(std::shared_ptr<const HeatmapGrid> grid);
    LiveHeatmap(const LiveHeatmap &) = delete;
    LiveHeatmap &operator=(const LiveHeatmap &) = delete;

    // Rebases on a fresh recompute (or clears with nullptr). A grid without columns, rows, a
    // positive interval and bucket, or with inconsistent vector sizes is refused: hasGrid() is
    // then false and ticks are ignored (not counted as bad). Counters restart.
    void setGrid(std::shared_ptr<const HeatmapGrid> grid);
    bool hasGrid() const { return bool(work_); }

    // One price tick (exchange time in ms, price, optional base quantity for the candle volume).
    // Returns false when the tick was ignored.
    bool addTick(qint64 timeMs, double price, double qty = 0);

    // The current state as an immutable grid. Returns the grid given to setGrid while no tick has
    // changed it, and the same pointer again while nothing changed since the last call.
    std::shared_ptr<const HeatmapGrid> snapshot();

    qint64 acceptedTicks() const { return accepted_; }
    qint64 rejectedTicks() const { return rejected_; }
    double consumedNotional() const { return consumed_; }  // USD consumed live since setGrid
    quint64 revision() const { return revision_; }         // bumps on every accepted tick

    // The price a bucket counts as its liquidation price (see the rules above).
    static double longLiquidationPrice(const HeatmapGrid &g, int row) { return g.rowPrice(row); }
    static double shortLiquidationPrice(const HeatmapGrid &g, int row) { return g.rowPrice(row + 1); }

private:
    void appendColumns(qint64 intervals, qint64 timeMs, double price, double qty);
    void consume(qint64 timeMs);
    void patchTail(HeatmapGrid &s) const;

    std::shared_ptr<const HeatmapGrid> base_;  // as given; returned until the first tick
    std::unique_ptr<HeatmapGrid> work_;        // the rolled-forward state
    std::shared_ptr<const HeatmapGrid> last_;  // last snapshot, reused while nothing changed
    quint64 lastRevision_ = 0;
    GridRecycler recycler_;
    std::vector<float> carryLong_, carryShort_;  // scratch: the column copied forward

    // Rows >= longTop_ hold no long density and rows < shortBottom_ no short density in the last
    // column; consumption only moves these inward, so one tick costs the rows it actually crosses.
    int longTop_ = 0, shortBottom_ = 0;
    qint64 newestTick_ = 0;  // newest tick (or input) time: older ticks do not move the close
    quint64 epoch_ = 0;      // bumps when more than the last column changes (see GridRecycler)
    quint64 nextEpoch_ = 1;
    quint64 revision_ = 0;
    qint64 accepted_ = 0, rejected_ = 0;
    double consumed_ = 0;
};

}  // namespace lhm
