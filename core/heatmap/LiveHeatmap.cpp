#include "heatmap/LiveHeatmap.h"

#include <algorithm>
#include <cmath>

namespace lhm {

namespace {

bool usable(const HeatmapGrid &g) {
    const size_t cells = size_t(g.cols()) * size_t(std::max(g.rows, 0));
    return g.cols() > 0 && g.rows > 0 && g.intervalMs > 0 && g.bucketSize > 0 && std::isfinite(g.bucketSize) &&
           std::isfinite(g.priceMin) && g.candles.size() == g.times.size() && g.longDensity.size() == cells &&
           g.shortDensity.size() == cells;
}

Candle flatCandle(qint64 openTime, qint64 intervalMs, double price) {
    Candle c;
    c.openTime = openTime;
    c.closeTime = openTime + intervalMs - 1;  // same convention as the stored klines
    c.open = c.high = c.low = c.close = price;
    return c;
}

}  // namespace

LiveHeatmap::LiveHeatmap() = default;

LiveHeatmap::LiveHeatmap(std::shared_ptr<const HeatmapGrid> grid) { setGrid(std::move(grid)); }

void LiveHeatmap::setGrid(std::shared_ptr<const HeatmapGrid> grid) {
    base_ = std::move(grid);
    last_.reset();
    accepted_ = rejected_ = 0;
    consumed_ = 0;
    revision_ = lastRevision_ = 0;
    epoch_ = nextEpoch_++;
    if (!base_ || !usable(*base_)) {
        work_.reset();
        return;
    }
    // Reuse a parked snapshot's storage when there is one: same size, so no page faults.
    GridRecycler::Slot slot = recycler_.acquire(0);
    work_ = std::move(slot.grid);
    *work_ = *base_;
    const HeatmapGrid &g = *work_;
    newestTick_ = std::max(g.dataTo, g.times.back());
    // The frontiers: everything above the highest non-empty long row / below the lowest non-empty
    // short row of the last column is empty and stays so (nothing is opened live).
    const float *L = g.longDensity.data() + size_t(g.cols() - 1) * g.rows;
    const float *S = g.shortDensity.data() + size_t(g.cols() - 1) * g.rows;
    longTop_ = g.rows;
    while (longTop_ > 0 && L[longTop_ - 1] == 0.0f) --longTop_;
    shortBottom_ = 0;
    while (shortBottom_ < g.rows && S[shortBottom_] == 0.0f) ++shortBottom_;
}

bool LiveHeatmap::addTick(qint64 timeMs, double price, double qty) {
    if (!work_) return false;
    HeatmapGrid &g = *work_;
    const qint64 start = g.times.back();
    if (!std::isfinite(price) || price <= 0 || timeMs < start) {
        ++rejected_;
        return false;
    }
    if (!std::isfinite(qty) || qty < 0) qty = 0;  // the price is still good; only volume is unknown
    // (timeMs - start) cannot overflow: timeMs >= start and both are ms timestamps.
    const qint64 intervals = (timeMs - start) / g.intervalMs;
    if (intervals > 0) {
        appendColumns(intervals, timeMs, price, qty);
    } else {
        Candle &c = g.candles.back();
        c.high = std::max(c.high, price);
        c.low = std::min(c.low, price);
        c.volume += qty;
        c.quoteVolume += qty * price;
        if (qty > 0) ++c.trades;
        // A late tick still widens the range (the price was there) but must not move the close.
        if (timeMs >= newestTick_) c.close = price;
    }
    newestTick_ = std::max(newestTick_, timeMs);
    g.currentPrice = g.candles.back().close;
    g.dataTo = std::max(g.dataTo, timeMs);
    consume(timeMs);
    ++accepted_;
    ++revision_;
    return true;
}

void LiveHeatmap::appendColumns(qint64 intervals, qint64 timeMs, double price, double qty) {
    HeatmapGrid &g = *work_;
    const int cols = g.cols(), rows = g.rows;
    const size_t rowsZ = size_t(rows);
    // A gap longer than the window replaces every column; only the newest `n` are kept.
    const int n = int(std::min<qint64>(intervals, cols));
    const qint64 start = g.times.back();
    const double lastClose = g.candles.back().close;

    // Densities: remember the last column, shift everything left by n columns, refill the tail.
    // (The vector layout forces this O(grid) move, but only once per interval, not per tick.)
    const size_t lastOff = size_t(cols - 1) * rowsZ;
    carryLong_.assign(g.longDensity.begin() + std::ptrdiff_t(lastOff), g.longDensity.end());
    carryShort_.assign(g.shortDensity.begin() + std::ptrdiff_t(lastOff), g.shortDensity.end());
    const std::ptrdiff_t shift = std::ptrdiff_t(size_t(n) * rowsZ);
    std::copy(g.longDensity.begin() + shift, g.longDensity.end(), g.longDensity.begin());
    std::copy(g.shortDensity.begin() + shift, g.shortDensity.end(), g.shortDensity.begin());
    for (int k = cols - n; k < cols; ++k) {
        std::copy(carryLong_.begin(), carryLong_.end(), g.longDensity.begin() + std::ptrdiff_t(size_t(k) * rowsZ));
        std::copy(carryShort_.begin(), carryShort_.end(), g.shortDensity.begin() + std::ptrdiff_t(size_t(k) * rowsZ));
    }

    g.times.erase(g.times.begin(), g.times.begin() + n);
    g.candles.erase(g.candles.begin(), g.candles.begin() + n);
    // The kept new columns are intervals (intervals-n+1 .. intervals) after the old last one; all
    // but the newest had no tick, so they are flat at the last known price.
    for (qint64 m = intervals - n + 1; m <= intervals; ++m) {
        const qint64 open = start + m * g.intervalMs;
        g.times.push_back(open);
        g.candles.push_back(flatCandle(open, g.intervalMs, m == intervals ? price : lastClose));
    }
    Candle &c = g.candles.back();
    c.volume = qty;
    c.quoteVolume = qty * price;
    c.trades = qty > 0 ? 1 : 0;

    // Predicted liquidations older than the window's first column left with their columns.
    const qint64 first = g.times.front();
    g.predicted.erase(std::remove_if(g.predicted.begin(), g.predicted.end(),
                                     [first](const PredictedLiquidation &p) { return p.time < first; }),
                      g.predicted.end());
    newestTick_ = timeMs;
    epoch_ = nextEpoch_++;  // every column moved: recycled snapshots need a full copy
}

void LiveHeatmap::consume(qint64 timeMs) {
    HeatmapGrid &g = *work_;
    const Candle &c = g.candles.back();
    const size_t off = size_t(g.cols() - 1) * size_t(g.rows);
    float *L = g.longDensity.data() + off;
    float *S = g.shortDensity.data() + off;
    auto record = [&](float &cell, double price, Side side) {
        if (cell == 0.0f) return;
        PredictedLiquidation p;
        p.time = timeMs;
        p.price = price;
        p.side = side;
        p.notional = double(cell);
        p.leverage = 0;  // the grid sums all leverages of a bucket
        g.predicted.push_back(p);
        consumed_ += p.notional;
        cell = 0.0f;
    };
    // Longs from the top down while the bucket's price is at or above the running low.
    while (longTop_ > 0 && longLiquidationPrice(g, longTop_ - 1) >= c.low) {
        --longTop_;
        record(L[longTop_], longLiquidationPrice(g, longTop_), Side::Long);
    }
    // Shorts from the bottom up while the bucket's price is at or below the running high.
    while (shortBottom_ < g.rows && shortLiquidationPrice(g, shortBottom_) <= c.high) {
        record(S[shortBottom_], shortLiquidationPrice(g, shortBottom_), Side::Short);
        ++shortBottom_;
    }
}

std::shared_ptr<const HeatmapGrid> LiveHeatmap::snapshot() {
    if (!work_ || revision_ == 0) return base_;  // untouched: the input is the answer, for free
    if (last_ && lastRevision_ == revision_) return last_;
    last_.reset();  // our own reference must not keep the previous snapshot from being recycled
    GridRecycler::Slot slot = recycler_.acquire(epoch_);
    const HeatmapGrid &g = *work_;
    HeatmapGrid &s = *slot.grid;
    if (slot.epoch == epoch_ && s.predicted.size() <= g.predicted.size()) {
        patchTail(s);
    } else {
        s = g;  // copy-assignment reuses the slot's capacity: a memcpy, no new pages
        slot.epoch = epoch_;
    }
    last_ = recycler_.publish(std::move(slot));
    lastRevision_ = revision_;
    return last_;
}

// Within one epoch only the last column, the last candle, the tail of `predicted` (append-only
// between column changes) and the price/time scalars differ.
void LiveHeatmap::patchTail(HeatmapGrid &s) const {
    const HeatmapGrid &g = *work_;
    const std::ptrdiff_t off = std::ptrdiff_t(size_t(g.cols() - 1) * size_t(g.rows));
    std::copy(g.longDensity.begin() + off, g.longDensity.end(), s.longDensity.begin() + off);
    std::copy(g.shortDensity.begin() + off, g.shortDensity.end(), s.shortDensity.begin() + off);
    s.candles.back() = g.candles.back();
    s.predicted.insert(s.predicted.end(), g.predicted.begin() + std::ptrdiff_t(s.predicted.size()), g.predicted.end());
    s.currentPrice = g.currentPrice;
    s.dataTo = g.dataTo;
}

}  // namespace lhm
