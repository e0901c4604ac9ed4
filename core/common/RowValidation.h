#pragma once
// The one set of checks every row passes before it is stored, whatever brought it in (CSV
// import, REST backfill, live feed): numbers finite, prices and sizes positive where they must be,
// times within [2009-01-01, now + 1 day], calendar dates that exist, and double -> integer
// conversions that are range-checked instead of undefined. A check answers with the offending
// field and a one-line reason, which callers turn into an Error naming file/line or response.
#include "common/Error.h"
#include "common/Types.h"

#include <optional>

namespace lhm {

// Earliest time any row may carry: 2009-01-01 00:00:00 UTC (no crypto market data predates it).
constexpr qint64 kEarliestRowTimeMs = 1'230'768'000'000LL;
// How far past "now" a row may lie (clock skew, a candle that opens shortly): one day.
constexpr qint64 kFutureSlackMs = 86'400'000LL;

struct RowIssue {
    QString field;    // column / JSON field name, e.g. "open_time"
    QString message;  // "time 9999999999999 is after 2026-12-02 12:00 UTC (now + 1 day)"
};
using RowCheck = std::optional<RowIssue>;

// `what` names the field in the issue.
RowCheck checkTime(qint64 ms, qint64 nowMs, const QString &what);
RowCheck checkFinite(double v, const QString &what);
RowCheck checkPositive(double v, const QString &what);     // finite and > 0
RowCheck checkNonNegative(double v, const QString &what);  // finite and >= 0

// Per row type (field names are the archive's column names).
RowCheck validateRow(const Candle &c, qint64 nowMs);
RowCheck validateRow(const OpenInterestPoint &p, qint64 nowMs);
RowCheck validateRow(const FundingPoint &f, qint64 nowMs);
RowCheck validateRow(const AggTrade &t, qint64 nowMs);
RowCheck validateRow(const LiquidationEvent &e, qint64 nowMs);

// The first bad row of `rows`, with its 0-based index.
template <class Row, class Seq>
std::optional<std::pair<qsizetype, RowIssue>> firstInvalid(const Seq &rows, qint64 nowMs) {
    qsizetype i = 0;
    for (const Row &r : rows) {
        if (RowCheck c = validateRow(r, nowMs)) return std::make_pair(i, *c);
        ++i;
    }
    return std::nullopt;
}

// True when y-m-d exists in the proleptic Gregorian calendar (no 2024-02-31, no 2023-02-29).
bool isCalendarDate(int year, int month, int day);

// Truncating conversions that refuse NaN, infinities and anything outside the target's range
// (a plain cast of those is undefined behaviour).
std::optional<qint64> toInt64Checked(double v);
std::optional<int> toIntChecked(double v);

// Error for a row issue, naming where it came from (file or response) and the line/row.
Error rowError(const RowIssue &issue, const QString &source, qint64 line = 0);

}  // namespace lhm
