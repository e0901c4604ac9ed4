#pragma once
// The open liquidation levels of one model run, kept so that one candle costs time proportional to
// what it changes, not to how many levels exist:
//  - levels live in per-row buckets of the price axis; a running total per row (in unscaled units)
//    makes a grid column a copy of the touched row span;
//  - longs are consumed from the top down as lows fall, shorts from the bottom up as highs rise:
//    a frontier per side marks the highest (long) / lowest (short) row that may still hold levels,
//    so rows beyond a candle's range are emptied wholesale and only the boundary row is scanned;
//  - a proportional close multiplies one scale factor per side instead of touching every level.
#include "models/HeatmapGrid.h"
#include "models/ModelInputs.h"
#include "models/ModelOutput.h"

#include <vector>

namespace lhm {

class LevelBook {
public:
    LevelBook(const PriceAxis &axis, std::vector<double> leverages);

    // Adds `notional` USD that liquidates at `price`. Non-positive or non-finite amounts are ignored.
    void open(Side side, double price, int leverageIndex, double notional);

    // Liquidates long levels with price >= low and short levels with price <= high (both inclusive),
    // appending to `events` (may be null) one event per crossed row and leverage: the row's consumed
    // notional of that leverage at its notional-weighted mean price (a lone level's exact price).
    // Returns the notional consumed.
    double consume(double low, double high, qint64 time, std::vector<PredictedLiquidation> *events);

    // Removes `notional` USD proportionally from every open level on both sides (everything when it
    // exceeds what is open). Returns the notional actually closed. (--close-rule absolute)
    double close(double notional);
    // Removes the fraction `share` (clamped to [0, 1]) of every open level on both sides: the
    // tracked levels shrink at the market's rate, never by more than they hold. Returns the
    // notional closed. (--close-rule relative)
    double closeShare(double share);

    // Drops every level whose current notional is below `floor` USD (levels that proportional
    // closes have shrunk to nothing but still cost memory and time). Returns the notional dropped.
    double prune(double floor);

    double openNotional(Side side) const;
    double openNotional() const { return openNotional(Side::Long) + openNotional(Side::Short); }

    // Writes the current long and short totals per row into two zero-initialised columns of
    // axis.rows floats; only the rows ever touched are written.
    void writeColumn(float *longColumn, float *shortColumn) const;

    // Every open level with its current (scaled) notional.
    std::vector<OpenLevel> levels() const;
    // Exact sum over the levels (no running-total rounding), for conservation checks.
    double exactOpenNotional() const;

    const PriceAxis &axis() const { return axis_; }
    const std::vector<double> &leverages() const { return leverages_; }

private:
    struct Level {
        double price;
        double amount;  // unscaled: notional = amount · side scale
        int leverageIndex;
    };
    struct SideBook {
        std::vector<std::vector<Level>> rows;
        std::vector<double> totals;  // unscaled per row
        // Per row, at most the smallest unscaled amount in it (+inf when empty): prune skips the
        // rows it cannot drop anything from without reading their levels.
        std::vector<double> rowMin;
        double scale = 1.0;
        double sum = 0.0;            // unscaled total
        int frontier = -1;           // long: highest row that may hold levels; short: lowest
        int touchedLo = 0, touchedHi = -1;  // rows ever written, for writeColumn
    };

    void consumeRow(SideBook &b, Side side, int row, qint64 time, std::vector<PredictedLiquidation> *events,
                    double &consumed);
    void consumePartial(SideBook &b, Side side, int row, double bound, qint64 time,
                        std::vector<PredictedLiquidation> *events, double &consumed);
    struct Crossed {
        double notional = 0, weightedPrice = 0, firstPrice = 0;
        int count = 0;
    };
    void collect(const Level &l, double notional);
    void flush(Side side, qint64 time, std::vector<PredictedLiquidation> &events);
    void keepShare(double keep);  // multiplies both sides by keep in (0, 1)
    void renormalise(SideBook &b);
    void clear(SideBook &b);
    SideBook &book(Side s) { return s == Side::Long ? long_ : short_; }
    const SideBook &book(Side s) const { return s == Side::Long ? long_ : short_; }

    PriceAxis axis_;
    std::vector<double> leverages_;
    SideBook long_, short_;
    std::vector<Crossed> crossed_;  // per leverage, while one row is consumed
};

}  // namespace lhm
