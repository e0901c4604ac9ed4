#pragma once
// The default (and Fit) price range of the heatmap (y) and of the liquidation map (x): one rule, so
// both put the same clusters in view (issue 8: the heatmap hid clusters the map showed at 49k and
// 73k; at 12h its candles were squashed).
#include <utility>
#include <vector>

namespace lhm::ui {

// The share of the height the candles' span must fill at least, by window length: a quarter up to
// 12 h (a short window is read candle by candle), a quarter·√(0.5 d / days) beyond, never below
// 8 % (7 d: 168 hourly candles are read as a trend, and the far clusters are what the view is for).
double minCandleShare(double windowDays);

// `rowNotional[r]`: estimated notional (longs + shorts) in row r, [priceMin + r·bucket, +bucket), at
// the window's end (what the map draws). `candleLow..candleHigh`: the window's candles (both 0 when
// there are none: the price stands for them, and rule 2 does not apply).
// 1. The clusters: every row holding at least 10 % of the peak row, within ±50 % of the price (a
//    level further away needs under 2x leverage). The range is candles ∪ price ∪ those rows.
// 2. The candles stay readable: the range is at most candle span / minCandleShare(days), and at
//    least 2 % of the price may always be shown (a flat market is not zoomed to a few dollars). A
//    wider range is cut around the candles, the room shared between below and above (what one side
//    does not need goes to the other), so the clusters nearest the price stay.
// 3. 4 % of the span is added on each side, within the rows.
std::pair<double, double> defaultViewPriceRange(const std::vector<double> &rowNotional, double priceMin, double bucketSize,
                                                double price, double candleLow, double candleHigh, double windowDays);

}  // namespace lhm::ui
