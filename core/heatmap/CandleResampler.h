#pragma once
// Coarser candles from finer ones (the store may hold only 5m data while a window wants 1h).
#include "common/Types.h"

#include <vector>

namespace lhm {

// Groups ascending `fine` candles by floor(openTime, stepMs): open of the first, close of the last,
// high/low extremes, volumes and trade counts summed. A group with missing fine candles is kept
// (the newest one is usually still forming). closeTime = group start + step − 1.
std::vector<Candle> resampleCandles(const std::vector<Candle> &fine, qint64 stepMs);

}  // namespace lhm
