#include "engine/HeatmapLod.h"

#include <algorithm>
#include <cmath>

namespace lhm::HeatmapLod {

namespace {
int ceilDiv(int a, int b) { return (a + b - 1) / b; }

// Candles with non-finite prices mark a gap in the data (ui DensityLayer::uniformColumns): a
// group merges the others, and is a gap itself only when all of it is.
Candle merge(const std::vector<Candle> &src, int from, int to) {
    while (from + 1 < to && !std::isfinite(src[size_t(from)].high)) ++from;
    Candle c = src[size_t(from)];
    for (int i = from + 1; i < to; ++i) {
        const Candle &n = src[size_t(i)];
        if (!std::isfinite(n.high)) continue;
        c.high = std::max(c.high, n.high);
        c.low = std::min(c.low, n.low);
        c.close = n.close;
        c.closeTime = n.closeTime;
        c.volume += n.volume;
        c.quoteVolume += n.quoteVolume;
    }
    return c;
}
}  // namespace

DisplayGrid reduce(const HeatmapGrid &g, DensitySide side, int colFrom, int colTo, int rowFrom, int rowTo, int maxCols,
                   int maxRows) {
    DisplayGrid d;
    colFrom = std::clamp(colFrom, 0, g.cols());
    colTo = std::clamp(colTo, colFrom, g.cols());
    rowFrom = std::clamp(rowFrom, 0, g.rows);
    rowTo = std::clamp(rowTo, rowFrom, g.rows);
    if (colTo == colFrom || rowTo == rowFrom) return d;
    d.colFrom = colFrom;
    d.rowFrom = rowFrom;
    d.colStep = std::max(1, ceilDiv(colTo - colFrom, std::max(1, maxCols)));
    d.rowStep = std::max(1, ceilDiv(rowTo - rowFrom, std::max(1, maxRows)));
    d.cols = ceilDiv(colTo - colFrom, d.colStep);
    d.rows = ceilDiv(rowTo - rowFrom, d.rowStep);
    d.values.assign(size_t(d.cols) * d.rows, 0.f);

    const bool both = side == DensitySide::Both;
    const float *primary = side == DensitySide::Short ? g.shortDensity.data() : g.longDensity.data();
    const float *secondary = g.shortDensity.data();
    for (int c = colFrom; c < colTo; ++c) {
        float *out = d.values.data() + (c - colFrom) / d.colStep;  // row dr at out[dr * d.cols]
        const size_t base = size_t(c) * g.rows;
        const float *p = primary + base;
        const float *s = secondary + base;
        for (int dr = 0; dr < d.rows; ++dr) {
            const int r0 = rowFrom + dr * d.rowStep;
            const int r1 = std::min(rowTo, r0 + d.rowStep);
            float &cell = out[size_t(dr) * d.cols];
            float m = cell;
            if (both)
                for (int r = r0; r < r1; ++r) m = std::max(m, p[r] + s[r]);
            else
                for (int r = r0; r < r1; ++r) m = std::max(m, p[r]);
            cell = m;
        }
    }
    if (g.candles.size() == size_t(g.cols())) {
        d.candles.reserve(size_t(d.cols));
        for (int c = 0; c < d.cols; ++c) {
            const int from = colFrom + c * d.colStep;
            d.candles.push_back(merge(g.candles, from, std::min(colTo, from + d.colStep)));
        }
    }
    return d;
}

std::pair<float, float> percentileRange(const HeatmapGrid &g, DensitySide side, double lowPct, double highPct) {
    const size_t cells = size_t(g.cols()) * size_t(g.rows);
    if (cells == 0) return {0.f, 0.f};
    // ~250k samples estimate a percentile to well under a colour level and keep this a few ms.
    const size_t stride = std::max<size_t>(1, cells / 250000);
    std::vector<float> sample;
    sample.reserve(cells / stride + 1);
    for (size_t i = 0; i < cells; i += stride) {
        float v = side == DensitySide::Long    ? g.longDensity[i]
                  : side == DensitySide::Short ? g.shortDensity[i]
                                               : g.longDensity[i] + g.shortDensity[i];
        if (v > 0 && std::isfinite(v)) sample.push_back(v);
    }
    if (sample.empty()) return {0.f, 0.f};
    auto pick = [&](double pct) {
        const double q = std::clamp(pct, 0.0, 100.0) / 100.0;
        const size_t k = std::min(sample.size() - 1, size_t(std::llround(q * double(sample.size() - 1))));
        std::nth_element(sample.begin(), sample.begin() + long(k), sample.end());
        return sample[k];
    };
    const float lo = pick(lowPct);
    const float hi = pick(highPct);
    return {std::min(lo, hi), std::max(lo, hi)};
}

}  // namespace lhm::HeatmapLod
