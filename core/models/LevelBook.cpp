#include "models/LevelBook.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lhm {

namespace {
// Below this a side's scale is folded into its levels, long before doubles lose precision.
constexpr double kRenormaliseBelow = 1e-150;
constexpr double kNone = std::numeric_limits<double>::infinity();
}  // namespace

LevelBook::LevelBook(const PriceAxis &axis, std::vector<double> leverages)
    : axis_(axis), leverages_(std::move(leverages)), crossed_(leverages_.size()) {
    for (SideBook *b : {&long_, &short_}) {
        b->rows.resize(size_t(std::max(axis_.rows, 0)));
        b->totals.assign(size_t(std::max(axis_.rows, 0)), 0.0);
        b->rowMin.assign(size_t(std::max(axis_.rows, 0)), kNone);
        b->touchedLo = axis_.rows;
        b->touchedHi = -1;
    }
    long_.frontier = -1;           // no long level yet: nothing at or below row -1
    short_.frontier = axis_.rows;  // no short level yet
}

void LevelBook::open(Side side, double price, int leverageIndex, double notional) {
    if (!(notional > 0) || !std::isfinite(notional) || !std::isfinite(price) || axis_.rows <= 0) return;
    SideBook &b = book(side);
    const int row = axis_.rowOf(price);
    const double amount = notional / b.scale;
    b.rows[size_t(row)].push_back({price, amount, leverageIndex});
    b.totals[size_t(row)] += amount;
    b.rowMin[size_t(row)] = std::min(b.rowMin[size_t(row)], amount);
    b.sum += amount;
    if (side == Side::Long)
        b.frontier = std::max(b.frontier, row);
    else
        b.frontier = std::min(b.frontier, row);
    b.touchedLo = std::min(b.touchedLo, row);
    b.touchedHi = std::max(b.touchedHi, row);
}

void LevelBook::consumeRow(SideBook &b, Side side, int row, qint64 time, std::vector<PredictedLiquidation> *events,
                           double &consumed) {
    auto &levels = b.rows[size_t(row)];
    if (levels.empty()) return;
    for (const Level &l : levels) {
        const double n = l.amount * b.scale;
        consumed += n;
        if (events) collect(l, n);
    }
    if (events) flush(side, time, *events);
    b.sum -= b.totals[size_t(row)];
    b.totals[size_t(row)] = 0.0;
    b.rowMin[size_t(row)] = kNone;
    levels.clear();
}

// One event per row and leverage: with entries spread over every candle, a crossed row holds many
// levels of one leverage, and an event each would cost more memory than the grid.
void LevelBook::collect(const Level &l, double notional) {
    Crossed &c = crossed_[size_t(l.leverageIndex)];
    c.notional += notional;
    c.weightedPrice += notional * l.price;
    c.count += 1;
    if (c.count == 1) c.firstPrice = l.price;
}

void LevelBook::flush(Side side, qint64 time, std::vector<PredictedLiquidation> &events) {
    for (size_t k = 0; k < crossed_.size(); ++k) {
        Crossed &c = crossed_[k];
        if (c.count == 0) continue;
        // A single level keeps its exact price; several get their notional-weighted mean.
        const double price = c.count == 1 || !(c.notional > 0) ? c.firstPrice : c.weightedPrice / c.notional;
        events.push_back({time, price, side, c.notional, leverages_[k]});
        c = Crossed{};
    }
}

void LevelBook::consumePartial(SideBook &b, Side side, int row, double bound, qint64 time,
                               std::vector<PredictedLiquidation> *events, double &consumed) {
    auto &levels = b.rows[size_t(row)];
    if (levels.empty()) return;
    double kept = 0.0, least = kNone;
    size_t w = 0;
    for (size_t i = 0; i < levels.size(); ++i) {
        const Level &l = levels[i];
        const bool hit = side == Side::Long ? l.price >= bound : l.price <= bound;
        if (hit) {
            const double n = l.amount * b.scale;
            consumed += n;
            if (events) collect(l, n);
        } else {
            kept += l.amount;
            least = std::min(least, l.amount);
            levels[w++] = l;
        }
    }
    b.rowMin[size_t(row)] = least;
    if (events) flush(side, time, *events);
    levels.resize(w);
    // Recomputed from the survivors rather than decremented, so row totals never drift.
    b.sum -= b.totals[size_t(row)] - kept;
    b.totals[size_t(row)] = kept;
}

double LevelBook::consume(double low, double high, qint64 time, std::vector<PredictedLiquidation> *events) {
    double consumed = 0.0;
    if (axis_.rows <= 0) return 0.0;
    // Longs: every row above the low's row is wholly at or above the low (rowOf is monotone).
    const int lowRow = axis_.rowOf(low);
    for (int r = long_.frontier; r > lowRow; --r) consumeRow(long_, Side::Long, r, time, events, consumed);
    if (long_.frontier >= lowRow) {
        consumePartial(long_, Side::Long, lowRow, low, time, events, consumed);
        long_.frontier = lowRow;
    }
    const int highRow = axis_.rowOf(high);
    for (int r = short_.frontier; r < highRow; ++r) consumeRow(short_, Side::Short, r, time, events, consumed);
    if (short_.frontier <= highRow) {
        consumePartial(short_, Side::Short, highRow, high, time, events, consumed);
        short_.frontier = highRow;
    }
    for (SideBook *b : {&long_, &short_})
        if (b->sum < 0) b->sum = 0;  // rounding after the last level went
    return consumed;
}

double LevelBook::close(double notional) {
    const double open = openNotional();
    if (!(notional > 0) || !(open > 0)) return 0.0;
    if (notional >= open) return closeShare(1.0);
    keepShare(1.0 - notional / open);
    return notional;
}

double LevelBook::closeShare(double share) {
    const double open = openNotional();
    if (!(share > 0) || !(open > 0)) return 0.0;  // also refuses NaN
    if (share >= 1.0) {
        clear(long_);
        clear(short_);
        long_.frontier = -1;
        short_.frontier = axis_.rows;
        return open;
    }
    keepShare(1.0 - share);
    return open * share;
}

double LevelBook::prune(double floor) {
    if (!(floor > 0)) return 0.0;
    double dropped = 0.0;
    for (SideBook *b : {&long_, &short_}) {
        const double minAmount = floor / b->scale;
        const int lo = std::max(b->touchedLo, 0), hi = std::min(b->touchedHi, axis_.rows - 1);
        for (int r = lo; r <= hi; ++r) {
            if (!(b->rowMin[size_t(r)] < minAmount)) continue;  // nothing here is below the floor
            auto &levels = b->rows[size_t(r)];
            size_t w = 0;
            double kept = 0.0, gone = 0.0, least = kNone;
            for (const Level &l : levels) {
                if (l.amount < minAmount) {
                    gone += l.amount;
                } else {
                    kept += l.amount;
                    least = std::min(least, l.amount);
                    levels[w++] = l;
                }
            }
            b->rowMin[size_t(r)] = least;
            if (w == levels.size()) continue;
            levels.resize(w);
            b->sum -= b->totals[size_t(r)] - kept;
            b->totals[size_t(r)] = kept;
            dropped += gone * b->scale;
        }
        if (b->sum < 0) b->sum = 0;
    }
    return dropped;
}

void LevelBook::keepShare(double keep) {
    for (SideBook *b : {&long_, &short_}) {
        b->scale *= keep;
        if (b->scale < kRenormaliseBelow) renormalise(*b);
    }
}

void LevelBook::renormalise(SideBook &b) {
    for (size_t r = 0; r < b.rows.size(); ++r) {
        for (Level &l : b.rows[r]) l.amount *= b.scale;
        b.totals[r] *= b.scale;
        b.rowMin[r] *= b.scale;  // scaling by a positive factor keeps it a lower bound
    }
    b.sum *= b.scale;
    b.scale = 1.0;
}

void LevelBook::clear(SideBook &b) {
    const int lo = std::max(b.touchedLo, 0), hi = std::min(b.touchedHi, axis_.rows - 1);
    for (int r = lo; r <= hi; ++r) {
        b.rows[size_t(r)].clear();
        b.totals[size_t(r)] = 0.0;
        b.rowMin[size_t(r)] = kNone;
    }
    b.sum = 0.0;
    b.scale = 1.0;
}

double LevelBook::openNotional(Side side) const {
    const SideBook &b = book(side);
    return b.sum * b.scale;
}

void LevelBook::writeColumn(float *longColumn, float *shortColumn) const {
    for (const auto &[b, col] : {std::pair{&long_, longColumn}, std::pair{&short_, shortColumn}}) {
        const double s = b->scale;
        const double *t = b->totals.data();
        for (int r = b->touchedLo; r <= b->touchedHi; ++r) col[r] = float(t[r] * s);
    }
}

std::vector<OpenLevel> LevelBook::levels() const {
    std::vector<OpenLevel> out;
    for (const Side side : {Side::Long, Side::Short}) {
        const SideBook &b = book(side);
        for (int r = std::max(b.touchedLo, 0); r <= b.touchedHi; ++r)
            for (const Level &l : b.rows[size_t(r)]) out.push_back({l.price, l.amount * b.scale, side, l.leverageIndex});
    }
    return out;
}

double LevelBook::exactOpenNotional() const {
    // The same terms in the same order as summing levels(), without building the list.
    double total = 0.0;
    for (const Side side : {Side::Long, Side::Short}) {
        const SideBook &b = book(side);
        for (int r = std::max(b.touchedLo, 0); r <= b.touchedHi; ++r)
            for (const Level &l : b.rows[size_t(r)]) total += l.amount * b.scale;
    }
    return total;
}

}  // namespace lhm
