#include "heatmap/PriceBuckets.h"

#include "common/CandleExtent.h"

#include <algorithm>
#include <cmath>

namespace lhm {

double niceCeil(double x) {
    if (!(x > 0) || !std::isfinite(x)) return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        // The small tolerance keeps exact nice values (0.3 / 0.1 = 2.9999…) from jumping a step.
        if (m * p >= x * (1 - 1e-12)) return m * p;
    }
    return 10.0 * p;
}

double averageTrueRange(const std::vector<Candle> &candles) {
    if (candles.empty()) return 0;
    double sum = 0;
    for (size_t i = 0; i < candles.size(); ++i) {
        const Candle &c = candles[i];
        double tr = c.high - c.low;
        if (i > 0) {
            const double pc = candles[i - 1].close;
            tr = std::max({tr, std::fabs(c.high - pc), std::fabs(c.low - pc)});
        }
        sum += tr;
    }
    return sum / double(candles.size());
}

Result<PriceAxis> makePriceAxis(const std::vector<Candle> &candles, double bucket, double minLeverage) {
    if (candles.empty()) return Error(QStringLiteral("no candles"));
    if (!(minLeverage > 0)) return Error(QStringLiteral("leverage must be positive"));
    if (!std::isfinite(bucket) || bucket < 0)
        return Error(QStringLiteral("bucket must be a positive USD amount or auto"), {}, 0, QStringLiteral("bucket"));
    const auto [lo, hi] = candleExtent(candles);
    const double reach = 1.0 / minLeverage;
    const double from = std::max(0.0, lo * (1.0 - reach));
    const double to = hi * (1.0 + reach);
    if (!(to > from)) return Error(QStringLiteral("candles have no price range"));
    const bool automatic = bucket == 0;
    if (automatic) {
        bucket = niceCeil(std::max(averageTrueRange(candles) / 4.0, (to - from) * 1e-6));
        if ((to - from) / bucket > kAutoMaxRows) bucket = niceCeil((to - from) / kAutoMaxRows);
    }
    PriceAxis axis;
    axis.bucket = bucket;
    axis.priceMin = std::floor(from / bucket) * bucket;
    const double rows = std::ceil((to - axis.priceMin) / bucket) + 1;  // +1: the top edge row itself
    const int maxRows = automatic ? kAutoMaxRows + 2 : kFixedMaxRows;
    if (rows > maxRows)
        return Error(QStringLiteral("bucket %1 USD gives %2 price rows (at most %3); use at least %4")
                         .arg(bucket).arg(rows, 0, 'f', 0).arg(maxRows).arg(niceCeil((to - from) / maxRows)),
                     {}, 0, QStringLiteral("bucket"));
    axis.rows = int(rows);
    return axis;
}

}  // namespace lhm
