#pragma once
// The store's series tables as `lhm info` names them (internal to core/store).
#include "common/Timeframe.h"

#include <QString>

namespace lhm {

struct SeriesTable {
    const char *type;        // klines | metrics | fundingRate | aggTrades | aggTradesRaw | liquidations
    const char *table;
    const char *timeColumn;
    bool hasInterval;        // candles: one series per interval
    qint64 fixedStepMs;      // expected spacing; 0 = from the interval (klines) or none (events)

    // Gaps are steps between consecutive timestamps larger than the series' own interval. A missing
    // row makes a step of at least two intervals, so the threshold is 1.5 intervals: that ignores the
    // few milliseconds of jitter real funding times carry (e.g. ...00:00:00.017) yet catches every hole.
    qint64 gapThreshold(const QString &interval) const {
        const qint64 step = hasInterval ? intervalMs(interval).value_or(0) : fixedStepMs;
        return step > 0 ? step + step / 2 : 0;
    }
};

namespace series {
inline constexpr SeriesTable kKlines{"klines", "candles", "open_time", true, 0};
inline constexpr SeriesTable kMetrics{"metrics", "open_interest", "time", false, 5 * 60'000};
inline constexpr SeriesTable kFunding{"fundingRate", "funding", "time", false, 8 * 3'600'000LL};
inline constexpr SeriesTable kProfile{"aggTrades", "trade_profile", "minute", false, 60'000};
inline constexpr SeriesTable kAggTrades{"aggTradesRaw", "agg_trades", "time", false, 0};
inline constexpr SeriesTable kLiquidations{"liquidations", "liquidations", "time", false, 0};
inline constexpr const SeriesTable *kAll[] = {&kKlines, &kMetrics, &kFunding, &kProfile, &kAggTrades, &kLiquidations};
}  // namespace series

}  // namespace lhm
