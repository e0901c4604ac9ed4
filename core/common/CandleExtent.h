#pragma once
// The lowest low and highest high of a run of candles: the price span the axes, the map's candle
// extent and the views' default range all start from.
#include "common/Types.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace lhm {

// {0, 0} for no candles.
inline std::pair<double, double> candleExtent(const std::vector<Candle> &candles) {
    if (candles.empty()) return {0.0, 0.0};
    double lo = candles.front().low, hi = candles.front().high;
    for (const Candle &c : candles) lo = std::min(lo, c.low), hi = std::max(hi, c.high);
    return {lo, hi};
}

}  // namespace lhm
