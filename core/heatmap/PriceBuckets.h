#pragma once
// The price axis of a grid: fixed USD buckets or `auto` from the candles' volatility.
//
// Range: from lowest low × (1 − 1/Lmin) to highest high × (1 + 1/Lmin), Lmin the smallest leverage,
// so every inferred long (liquidating above EP·(1 − 1/L)) and short (below EP·(1 + 1/L)) fits.
// Auto bucket: ATR/4 rounded UP to 1, 2, 2.5 or 5 × 10^k, where ATR is the mean true range of the
// window's candles; then, if that gives more than 2,000 rows, the smallest such nice size giving
// at most 2,000. Fixed buckets are refused beyond 20,000 rows. Either way the axis starts on a
// multiple of the bucket so rows line up with round prices.
#include "common/Error.h"
#include "common/Types.h"
#include "models/ModelInputs.h"

#include <vector>

namespace lhm {

constexpr int kAutoMaxRows = 2000;
constexpr int kFixedMaxRows = 20000;

// The smallest of 1, 2, 2.5, 5 × 10^k that is >= x (x > 0).
double niceCeil(double x);
// Mean true range of the candles (0 for none).
double averageTrueRange(const std::vector<Candle> &candles);
// bucket <= 0 means auto.
Result<PriceAxis> makePriceAxis(const std::vector<Candle> &candles, double bucket, double minLeverage);

}  // namespace lhm
