#include "models/ClusterFinder.h"

namespace lhm {

std::vector<Cluster> findClusters(const HeatmapGrid &g, int col, Side side, int maxClusters, double edgeFraction) {
    std::vector<Cluster> out;
    if (col < 0 || col >= g.cols() || g.rows <= 0) return out;
    const float *d = (side == Side::Long ? g.longDensity.data() : g.shortDensity.data()) + size_t(col) * size_t(g.rows);
    double total = 0;
    for (int r = 0; r < g.rows; ++r) total += d[r];
    if (!(total > 0)) return out;
    std::vector<bool> taken(size_t(g.rows), false);
    while (int(out.size()) < maxClusters) {
        int peak = -1;
        for (int r = 0; r < g.rows; ++r)
            if (!taken[size_t(r)] && d[r] > 0 && (peak < 0 || d[r] > d[peak])) peak = r;
        if (peak < 0) break;
        const double floor = d[peak] * edgeFraction;
        int lo = peak, hi = peak;
        while (lo > 0 && !taken[size_t(lo - 1)] && d[lo - 1] > 0 && d[lo - 1] >= floor) --lo;
        while (hi + 1 < g.rows && !taken[size_t(hi + 1)] && d[hi + 1] > 0 && d[hi + 1] >= floor) ++hi;
        Cluster c;
        c.side = side;
        double weighted = 0;
        for (int r = lo; r <= hi; ++r) {
            taken[size_t(r)] = true;
            c.notional += d[r];
            weighted += d[r] * g.rowCenter(r);
        }
        c.price = weighted / c.notional;
        c.low = g.rowPrice(lo);
        c.high = g.rowPrice(hi + 1);
        if (!out.empty() && c.notional < 0.05 * total) break;
        out.push_back(c);
    }
    return out;
}

}  // namespace lhm
