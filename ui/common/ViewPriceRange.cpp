#include "common/ViewPriceRange.h"

#include <algorithm>
#include <cmath>

namespace lhm::ui {

double minCandleShare(double windowDays) {
    const double d = std::max(0.5, windowDays);
    return std::max(0.08, 0.25 * std::sqrt(0.5 / d));
}

std::pair<double, double> defaultViewPriceRange(const std::vector<double> &rowNotional, double priceMin, double bucketSize,
                                                double price, double candleLow, double candleHigh, double windowDays) {
    const int rows = int(rowNotional.size());
    const double top = priceMin + rows * bucketSize;
    double cLo = candleLow, cHi = candleHigh;
    // Without candles (a map built from levels alone) there is nothing to keep readable: every
    // cluster stays in view rather than a sliver around the price.
    const bool haveCandles = cHi >= cLo && cLo > 0;
    if (!haveCandles) cLo = cHi = price;
    cLo = std::min(cLo, price), cHi = std::max(cHi, price);
    double lo = cLo, hi = cHi;
    const double peak = rows ? *std::max_element(rowNotional.begin(), rowNotional.end()) : 0;
    if (peak > 0)
        for (int r = 0; r < rows; ++r) {
            const double p0 = priceMin + r * bucketSize, p1 = p0 + bucketSize;
            if (rowNotional[size_t(r)] < 0.1 * peak || p1 < 0.5 * price || p0 > 1.5 * price) continue;
            lo = std::min(lo, p0), hi = std::max(hi, p1);
        }
    const double maxSpan = std::max((cHi - cLo) / minCandleShare(windowDays), 0.02 * price);
    if (haveCandles && hi - lo > maxSpan) {
        const double room = maxSpan - (cHi - cLo), below = cLo - lo, above = hi - cHi;
        const double b = std::min(below, std::max(room / 2, room - above));
        const double a = std::min(above, room - b);
        lo = cLo - b, hi = cHi + a;
    }
    if (hi <= lo) lo = priceMin, hi = top;
    const double pad = (hi - lo) * 0.04;
    return {rows ? std::max(priceMin, lo - pad) : lo - pad, rows ? std::min(top, hi + pad) : hi + pad};
}

}  // namespace lhm::ui
