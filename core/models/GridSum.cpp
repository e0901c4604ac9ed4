#include "models/GridSum.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace lhm {

const char *exchangeStatusName(ExchangeStatus s) {
    switch (s) {
    case ExchangeStatus::Ok: return "ok";
    case ExchangeStatus::NoData: return "no_data";
    case ExchangeStatus::Stale: return "stale";
    case ExchangeStatus::Error: return "error";
    }
    return "error";
}


void assignShares(std::vector<ExchangeShare> &shares) {
    double sum = 0;
    for (const ExchangeShare &s : shares)
        if (s.status == ExchangeStatus::Ok) sum += s.total;
    for (ExchangeShare &s : shares) s.share = s.status == ExchangeStatus::Ok && sum > 0 ? s.total / sum : 0;
}

PriceAxis commonPriceAxis(const std::vector<PriceAxis> &axes) {
    if (axes.empty() || !(axes.front().bucket > 0)) return {};
    const PriceAxis &ref = axes.front();
    double lo = ref.priceMin, hi = ref.priceMin + ref.rows * ref.bucket;
    for (const PriceAxis &a : axes) {
        if (!(a.bucket > 0) || a.rows <= 0) continue;
        lo = std::min(lo, a.priceMin);
        hi = std::max(hi, a.priceMin + a.rows * a.bucket);
    }
    PriceAxis out;
    out.bucket = ref.bucket;
    // Keep the reference's grid lines so its own rows land unchanged.
    out.priceMin = ref.priceMin - std::ceil((ref.priceMin - lo) / ref.bucket - 1e-9) * ref.bucket;
    out.rows = int(std::ceil((hi - out.priceMin) / ref.bucket - 1e-9));
    return out;
}

void rebinAdd(const float *src, int srcRows, double srcMin, double srcBucket, double *dst, const PriceAxis &axis) {
    if (axis.rows <= 0) return;
    // Same bucket and grid lines a whole number of rows apart (the usual case: the common axis keeps
    // the reference's lines, and venues a few basis points apart pick the same bucket): row r lands
    // on row r + shift, the same cells the general loop below finds, without its floor/ceil per cell.
    const double offset = (srcMin - axis.priceMin) / axis.bucket;
    const double shift = std::round(offset);
    if (srcBucket == axis.bucket && std::fabs(offset - shift) < 1e-9 && shift >= 0 && shift + srcRows <= axis.rows) {
        double *d = dst + ptrdiff_t(shift);
        for (int r = 0; r < srcRows; ++r) d[r] += double(src[r]);
        return;
    }
    for (int r = 0; r < srcRows; ++r) {
        const double v = src[r];
        if (v == 0) continue;
        const double lo = srcMin + r * srcBucket, hi = lo + srcBucket;
        int t0 = int(std::floor((lo - axis.priceMin) / axis.bucket + 1e-9));
        int t1 = int(std::ceil((hi - axis.priceMin) / axis.bucket - 1e-9)) - 1;
        t0 = std::clamp(t0, 0, axis.rows - 1);
        t1 = std::clamp(t1, t0, axis.rows - 1);
        if (t0 == t1) {
            dst[t0] += v;
            continue;
        }
        for (int t = t0; t <= t1; ++t) {
            const double a = std::max(lo, axis.priceMin + t * axis.bucket);
            const double b = std::min(hi, axis.priceMin + (t + 1) * axis.bucket);
            if (b > a) dst[t] += v * (b - a) / srcBucket;
        }
    }
}

double lastColumnTotal(const HeatmapGrid &g) {
    if (g.cols() == 0 || g.rows <= 0) return 0;
    const size_t off = size_t(g.cols() - 1) * size_t(g.rows);
    double s = 0;
    for (int r = 0; r < g.rows; ++r) s += double(g.longDensity[off + size_t(r)]) + double(g.shortDensity[off + size_t(r)]);
    return s;
}

HeatmapGrid sumHeatmaps(const std::vector<const HeatmapGrid *> &grids, const QString &exchange, const PriceAxis *forced) {
    HeatmapGrid out;
    if (grids.empty()) return out;
    const HeatmapGrid &ref = *grids.front();
    std::vector<PriceAxis> axes;
    for (const HeatmapGrid *g : grids) axes.push_back({g->priceMin, g->bucketSize, g->rows});
    const PriceAxis axis = forced ? *forced : commonPriceAxis(axes);
    out.exchange = exchange;
    out.symbol = ref.symbol;
    out.model = ref.model;
    out.window = ref.window;
    out.interval = ref.interval;
    out.intervalMs = ref.intervalMs;
    out.bucketSize = axis.bucket;
    out.priceMin = axis.priceMin;
    out.rows = axis.rows;
    out.currentPrice = ref.currentPrice;
    out.confidence = 1;
    out.requestedFrom = ref.requestedFrom;
    out.coverageFrom = ref.coverageFrom;
    out.coverageTo = ref.coverageTo;

    // Union of column times; candles from the first grid holding each time (the reference first).
    std::map<qint64, Candle> columns;
    for (const HeatmapGrid *g : grids)
        for (int c = 0; c < g->cols(); ++c) columns.emplace(g->times[size_t(c)], g->candles[size_t(c)]);
    for (const auto &[t, k] : columns) {
        out.times.push_back(t);
        out.candles.push_back(k);
    }
    const size_t cols = out.times.size(), rows = size_t(std::max(axis.rows, 0));
    // Column by column: each cell still adds the grids in order in double and is rounded to float
    // once, but the double accumulators are two columns, not two whole grids (those were fresh
    // pages to fault in and a second pass to convert, most of the sum's time).
    out.longDensity.reserve(cols * rows);
    out.shortDensity.reserve(cols * rows);
    std::vector<double> lo(rows), sh(rows);
    std::vector<int> src(grids.size(), -1);  // per grid, its column holding the state at out.times[c]
    for (size_t c = 0; c < cols; ++c) {
        std::fill(lo.begin(), lo.end(), 0.0);
        std::fill(sh.begin(), sh.end(), 0.0);
        for (size_t k = 0; k < grids.size(); ++k) {
            const HeatmapGrid *g = grids[k];
            int &s = src[k];
            while (s + 1 < g->cols() && g->times[size_t(s + 1)] <= out.times[c]) ++s;
            if (s < 0) continue;
            const size_t off = size_t(s) * size_t(g->rows);
            rebinAdd(g->longDensity.data() + off, g->rows, g->priceMin, g->bucketSize, lo.data(), axis);
            rebinAdd(g->shortDensity.data() + off, g->rows, g->priceMin, g->bucketSize, sh.data(), axis);
        }
        out.longDensity.insert(out.longDensity.end(), lo.begin(), lo.end());
        out.shortDensity.insert(out.shortDensity.end(), sh.begin(), sh.end());
    }
    auto byTime = [](const PredictedLiquidation &a, const PredictedLiquidation &b) { return a.time < b.time; };
    size_t events = 0;
    for (const HeatmapGrid *g : grids) events += g->predicted.size();
    out.predicted.reserve(events);
    bool runsSorted = true;
    for (const HeatmapGrid *g : grids) {
        // A run appends its events candle by candle, so each grid's list is already in time order:
        // merging each one into the sorted prefix gives exactly the stable sort of the concatenation.
        const auto mid = ptrdiff_t(out.predicted.size());
        out.predicted.insert(out.predicted.end(), g->predicted.begin(), g->predicted.end());
        runsSorted = runsSorted && std::is_sorted(g->predicted.begin(), g->predicted.end(), byTime);
        if (runsSorted) std::inplace_merge(out.predicted.begin(), out.predicted.begin() + mid, out.predicted.end(), byTime);
        out.confidence = std::min(out.confidence, g->confidence);
        out.dataTo = std::max(out.dataTo, g->dataTo);
        out.computedAt = std::max(out.computedAt, g->computedAt);
        if (g->coverageFrom) out.coverageFrom = out.coverageFrom ? std::min(out.coverageFrom, g->coverageFrom) : g->coverageFrom;
        out.coverageTo = std::max(out.coverageTo, g->coverageTo);
    }
    if (!runsSorted) std::stable_sort(out.predicted.begin(), out.predicted.end(), byTime);
    return out;
}

LiquidationMap rebinMap(const LiquidationMap &m, const PriceAxis &axis, const std::vector<double> &leverages, double currentPrice) {
    LiquidationMap out;
    out.exchange = m.exchange;
    out.symbol = m.symbol;
    out.model = m.model;
    out.window = m.window;
    out.at = m.at;
    out.currentPrice = currentPrice;
    out.candleLow = m.candleLow, out.candleHigh = m.candleHigh;
    out.bucketSize = axis.bucket;
    out.priceMin = axis.priceMin;
    out.rows = axis.rows;
    out.leverages = leverages;
    out.requestedFrom = m.requestedFrom;
    out.coverageFrom = m.coverageFrom;
    out.coverageTo = m.coverageTo;
    const size_t L = leverages.size(), rows = size_t(std::max(axis.rows, 0));
    out.longNotional.assign(rows * L, 0.0);
    out.shortNotional.assign(rows * L, 0.0);
    out.cumulativeLong.assign(rows, 0.0);
    out.cumulativeShort.assign(rows, 0.0);
    if (rows == 0 || L == 0) return out;
    const size_t mL = m.leverages.size();
    std::vector<float> column(size_t(std::max(m.rows, 0)));
    std::vector<double> dst(rows);
    for (size_t l = 0; l < mL; ++l) {
        const size_t to = size_t(std::lower_bound(leverages.begin(), leverages.end(), m.leverages[l]) - leverages.begin());
        if (to >= L) continue;
        for (int side = 0; side < 2; ++side) {
            const auto &src = side == 0 ? m.longNotional : m.shortNotional;
            auto &target = side == 0 ? out.longNotional : out.shortNotional;
            for (int r = 0; r < m.rows; ++r) column[size_t(r)] = float(src[size_t(r) * mL + l]);
            std::fill(dst.begin(), dst.end(), 0.0);
            rebinAdd(column.data(), m.rows, m.priceMin, m.bucketSize, dst.data(), axis);
            for (size_t r = 0; r < rows; ++r) target[r * L + to] += dst[r];
        }
    }
    const int cur = std::clamp(int((currentPrice - axis.priceMin) / axis.bucket), 0, axis.rows - 1);
    auto rowSum = [&](const std::vector<double> &v, int row) {
        double s = 0;
        for (size_t l = 0; l < L; ++l) s += v[size_t(row) * L + l];
        return s;
    };
    double acc = 0;
    for (int r = cur; r >= 0; --r) out.cumulativeLong[size_t(r)] = acc += rowSum(out.longNotional, r);
    acc = 0;
    for (int r = cur; r < axis.rows; ++r) out.cumulativeShort[size_t(r)] = acc += rowSum(out.shortNotional, r);
    return out;
}

LiquidationMap sumMaps(const std::vector<LiquidationMap> &maps, const QString &exchange) {
    if (maps.empty()) return {};
    LiquidationMap out = maps.front();
    out.exchange = exchange;
    for (size_t i = 1; i < maps.size(); ++i) {
        const LiquidationMap &m = maps[i];
        if (m.longNotional.size() != out.longNotional.size()) continue;  // not on the common axis: caller's bug
        for (size_t k = 0; k < m.longNotional.size(); ++k) {
            out.longNotional[k] += m.longNotional[k];
            out.shortNotional[k] += m.shortNotional[k];
        }
        for (size_t k = 0; k < m.cumulativeLong.size(); ++k) {
            out.cumulativeLong[k] += m.cumulativeLong[k];
            out.cumulativeShort[k] += m.cumulativeShort[k];
        }
        if (m.coverageFrom) out.coverageFrom = out.coverageFrom ? std::min(out.coverageFrom, m.coverageFrom) : m.coverageFrom;
        out.coverageTo = std::max(out.coverageTo, m.coverageTo);
    }
    return out;
}

double mapTotal(const LiquidationMap &m) {
    double s = 0;
    for (double v : m.longNotional) s += v;
    for (double v : m.shortNotional) s += v;
    return s;
}

}  // namespace lhm
