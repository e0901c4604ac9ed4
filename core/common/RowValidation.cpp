#include "common/RowValidation.h"

#include <QDateTime>
#include <cmath>
#include <limits>

namespace lhm {

namespace {

QString utc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

}  // namespace

RowCheck checkTime(qint64 ms, qint64 nowMs, const QString &what) {
    if (ms < kEarliestRowTimeMs)
        return RowIssue{what, QStringLiteral("time %1 is before 2009-01-01 (expected milliseconds since 1970)").arg(ms)};
    const qint64 latest = nowMs > std::numeric_limits<qint64>::max() - kFutureSlackMs ? nowMs : nowMs + kFutureSlackMs;
    if (ms > latest)
        return RowIssue{what, QStringLiteral("time %1 is after %2 (now + 1 day): not milliseconds, or a wrong clock")
                                  .arg(ms)
                                  .arg(utc(latest))};
    return std::nullopt;
}

RowCheck checkFinite(double v, const QString &what) {
    if (!std::isfinite(v)) return RowIssue{what, QStringLiteral("not a finite number: %1").arg(v)};
    return std::nullopt;
}

RowCheck checkPositive(double v, const QString &what) {
    if (RowCheck c = checkFinite(v, what)) return c;
    if (!(v > 0)) return RowIssue{what, QStringLiteral("must be positive: %1").arg(v)};
    return std::nullopt;
}

RowCheck checkNonNegative(double v, const QString &what) {
    if (RowCheck c = checkFinite(v, what)) return c;
    if (v < 0) return RowIssue{what, QStringLiteral("negative value: %1").arg(v)};
    return std::nullopt;
}

#define LHM_CHECK(expr) \
    if (RowCheck c_ = (expr)) return c_

RowCheck validateRow(const Candle &c, qint64 nowMs) {
    LHM_CHECK(checkTime(c.openTime, nowMs, QStringLiteral("open_time")));
    LHM_CHECK(checkPositive(c.open, QStringLiteral("open")));
    LHM_CHECK(checkPositive(c.high, QStringLiteral("high")));
    LHM_CHECK(checkPositive(c.low, QStringLiteral("low")));
    LHM_CHECK(checkPositive(c.close, QStringLiteral("close")));
    if (c.high < c.low) return RowIssue{QStringLiteral("high"), QStringLiteral("high %1 is below low %2").arg(c.high).arg(c.low)};
    LHM_CHECK(checkNonNegative(c.volume, QStringLiteral("volume")));
    // close_time may be 0 where a source does not publish it (REST backfills of some venues).
    if (c.closeTime != 0) {
        LHM_CHECK(checkTime(c.closeTime, nowMs, QStringLiteral("close_time")));
        if (c.closeTime < c.openTime)
            return RowIssue{QStringLiteral("close_time"),
                            QStringLiteral("close_time %1 is before open_time %2").arg(c.closeTime).arg(c.openTime)};
    }
    LHM_CHECK(checkNonNegative(c.quoteVolume, QStringLiteral("quote_volume")));
    if (c.trades < 0) return RowIssue{QStringLiteral("count"), QStringLiteral("negative value: %1").arg(c.trades)};
    LHM_CHECK(checkNonNegative(c.takerBuyVolume, QStringLiteral("taker_buy_volume")));
    LHM_CHECK(checkNonNegative(c.takerBuyQuoteVolume, QStringLiteral("taker_buy_quote_volume")));
    return std::nullopt;
}

RowCheck validateRow(const OpenInterestPoint &p, qint64 nowMs) {
    LHM_CHECK(checkTime(p.time, nowMs, QStringLiteral("create_time")));
    LHM_CHECK(checkNonNegative(p.openInterest, QStringLiteral("sum_open_interest")));
    LHM_CHECK(checkNonNegative(p.openInterestValue, QStringLiteral("sum_open_interest_value")));
    LHM_CHECK(checkNonNegative(p.topTraderLongShortRatio, QStringLiteral("count_toptrader_long_short_ratio")));
    LHM_CHECK(checkNonNegative(p.topTraderPositionRatio, QStringLiteral("sum_toptrader_long_short_ratio")));
    LHM_CHECK(checkNonNegative(p.longShortRatio, QStringLiteral("count_long_short_ratio")));
    LHM_CHECK(checkNonNegative(p.takerLongShortVolRatio, QStringLiteral("sum_taker_long_short_vol_ratio")));
    return std::nullopt;
}

RowCheck validateRow(const FundingPoint &f, qint64 nowMs) {
    LHM_CHECK(checkTime(f.time, nowMs, QStringLiteral("calc_time")));
    if (f.intervalHours <= 0 || f.intervalHours > 24)
        return RowIssue{QStringLiteral("funding_interval_hours"),
                        QStringLiteral("must be 1..24 hours: %1").arg(f.intervalHours)};
    LHM_CHECK(checkFinite(f.rate, QStringLiteral("last_funding_rate")));
    // A funding rate is a fraction per interval; exchanges cap it at a few percent.
    if (std::fabs(f.rate) > 1)
        return RowIssue{QStringLiteral("last_funding_rate"), QStringLiteral("beyond ±100 %: %1").arg(f.rate)};
    return std::nullopt;
}

RowCheck validateRow(const AggTrade &t, qint64 nowMs) {
    if (t.id < 0) return RowIssue{QStringLiteral("agg_trade_id"), QStringLiteral("negative value: %1").arg(t.id)};
    LHM_CHECK(checkPositive(t.price, QStringLiteral("price")));
    LHM_CHECK(checkNonNegative(t.qty, QStringLiteral("quantity")));
    if (t.firstTradeId < 0 || t.lastTradeId < t.firstTradeId)
        return RowIssue{QStringLiteral("last_trade_id"),
                        QStringLiteral("trade ids %1..%2 are not a range").arg(t.firstTradeId).arg(t.lastTradeId)};
    LHM_CHECK(checkTime(t.time, nowMs, QStringLiteral("transact_time")));
    return std::nullopt;
}

RowCheck validateRow(const LiquidationEvent &e, qint64 nowMs) {
    LHM_CHECK(checkTime(e.time, nowMs, QStringLiteral("time")));
    LHM_CHECK(checkPositive(e.price, QStringLiteral("price")));
    LHM_CHECK(checkPositive(e.qty, QStringLiteral("qty")));
    LHM_CHECK(checkNonNegative(e.notional, QStringLiteral("notional")));
    return std::nullopt;
}

#undef LHM_CHECK

bool isCalendarDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap);
}

std::optional<qint64> toInt64Checked(double v) {
    // 2^63 is exactly representable; every double below it (and >= -2^63) fits after truncation.
    if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0)) return std::nullopt;
    return qint64(v);
}

std::optional<int> toIntChecked(double v) {
    if (!(v > double(std::numeric_limits<int>::min()) - 1.0 && v < double(std::numeric_limits<int>::max()) + 1.0))
        return std::nullopt;
    return int(v);
}

Error rowError(const RowIssue &issue, const QString &source, qint64 line) {
    return Error(issue.message, source, line, issue.field);
}

}  // namespace lhm
