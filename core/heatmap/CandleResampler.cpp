#include "heatmap/CandleResampler.h"

#include "common/Timeframe.h"

#include <algorithm>

namespace lhm {

std::vector<Candle> resampleCandles(const std::vector<Candle> &fine, qint64 stepMs) {
    std::vector<Candle> out;
    if (stepMs <= 0) return out;
    for (const Candle &c : fine) {
        const qint64 start = floorTo(c.openTime, stepMs);
        if (out.empty() || out.back().openTime != start) {
            Candle g = c;
            g.openTime = start;
            g.closeTime = start + stepMs - 1;
            out.push_back(g);
            continue;
        }
        Candle &g = out.back();
        g.high = std::max(g.high, c.high);
        g.low = std::min(g.low, c.low);
        g.close = c.close;
        g.volume += c.volume;
        g.quoteVolume += c.quoteVolume;
        g.trades += c.trades;
        g.takerBuyVolume += c.takerBuyVolume;
        g.takerBuyQuoteVolume += c.takerBuyQuoteVolume;
    }
    return out;
}

}  // namespace lhm
