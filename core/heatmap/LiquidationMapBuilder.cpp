#include "heatmap/LiquidationMapBuilder.h"

#include "common/CandleExtent.h"

#include <algorithm>
#include <tuple>

namespace lhm {

LiquidationMap buildLiquidationMap(const ModelOutput &run) {
    const HeatmapGrid &g = run.grid;
    LiquidationMap m;
    m.exchange = g.exchange;
    m.symbol = g.symbol;
    m.model = g.model;
    m.window = g.window;
    // The end of the last column, or of its last candle when that ends sooner: a long window's
    // columns (12 h, 1 d) reach past the data they reduce (issue 8: "at 00:00" for data to 22:00).
    m.at = g.times.empty() ? 0 : g.times.back() + g.intervalMs;
    if (!g.candles.empty() && g.candles.back().closeTime >= g.times.back() && g.candles.back().closeTime + 1 < m.at)
        m.at = g.candles.back().closeTime + 1;
    m.currentPrice = g.currentPrice;
    m.bucketSize = g.bucketSize;
    m.priceMin = g.priceMin;
    m.rows = g.rows;
    std::tie(m.candleLow, m.candleHigh) = candleExtent(g.candles);
    m.leverages = run.leverages;
    const size_t L = m.leverages.size();
    m.longNotional.assign(size_t(m.rows) * L, 0.0);
    m.shortNotional.assign(size_t(m.rows) * L, 0.0);
    m.cumulativeLong.assign(size_t(m.rows), 0.0);
    m.cumulativeShort.assign(size_t(m.rows), 0.0);
    if (m.rows <= 0 || L == 0) return m;
    auto rowOf = [&](double p) { return std::clamp(g.rowOf(p), 0, m.rows - 1); };
    for (const OpenLevel &l : run.levels) {
        auto &v = l.side == Side::Long ? m.longNotional : m.shortNotional;
        v[size_t(rowOf(l.price)) * L + size_t(l.leverageIndex)] += l.notional;
    }
    const int cur = rowOf(m.currentPrice);
    auto rowSum = [&](const std::vector<double> &v, int row) {
        double s = 0;
        for (size_t l = 0; l < L; ++l) s += v[size_t(row) * L + l];
        return s;
    };
    double acc = 0;
    for (int r = cur; r >= 0; --r) m.cumulativeLong[size_t(r)] = acc += rowSum(m.longNotional, r);
    acc = 0;
    for (int r = cur; r < m.rows; ++r) m.cumulativeShort[size_t(r)] = acc += rowSum(m.shortNotional, r);
    return m;
}

}  // namespace lhm
