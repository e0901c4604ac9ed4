#pragma once
// Internal to the CSV parsers: walks one line field by field with std::from_chars, recording the
// first failure (kind + field index) so the caller can build one precise error message.
#include "common/RowValidation.h"

#include <QtGlobal>
#include <charconv>
#include <cmath>
#include <cstring>

namespace lhm::csv {

enum class Fail { None, Missing, TooMany, NotNumber, NotFinite, Negative, NotPositive, Seconds, BadBool, BadTime, OtherSymbol };

// Eight ASCII digits at q into val, or false (fast_float's SWAR trick: ids and ms timestamps are
// 10-13 digits, and digit-by-digit loops were the parser's largest cost).
inline bool eightDigits(const char *q, quint64 &val) {
    if constexpr (Q_BYTE_ORDER != Q_LITTLE_ENDIAN) return false;  // the digit-at-a-time loop takes over
    quint64 v;
    std::memcpy(&v, q, 8);
    if (((v & 0xF0F0F0F0F0F0F0F0ULL) | (((v + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4)) !=
        0x3333333333333333ULL)
        return false;
    v = (v & 0x0F0F0F0F0F0F0F0FULL) * 2561 >> 8;
    v = (v & 0x00FF00FF00FF00FFULL) * 6553601 >> 16;
    val = quint32((v & 0x0000FFFF0000FFFFULL) * 42949672960001ULL >> 32);
    return true;
}

struct FieldCursor {
    const char *p;
    const char *end;
    int count;      // fields the line must have
    int field = 0;  // index of the field being parsed
    Fail fail = Fail::None;
    const char *failBegin = nullptr;  // text of the failing field
    const char *failEnd = nullptr;

    FieldCursor(const char *b, const char *e, int n) : p(b), end(e), count(n) {}

    bool failHere(Fail f) {
        fail = f;
        failBegin = p;
        failEnd = p;
        while (failEnd < end && *failEnd != ',') ++failEnd;
        return false;
    }
    // Accepts the value that ended at q: a ',' must follow unless this is the last field.
    Q_ALWAYS_INLINE bool advance(const char *q) {
        if (field == count - 1) {
            if (q == end) return true;
            if (*q == ',') {
                ++field;
                p = q + 1;
                return failHere(Fail::TooMany);
            }
            return failHere(Fail::NotNumber);
        }
        if (q == end) {
            ++field;
            p = q;
            return failHere(Fail::Missing);
        }
        if (*q != ',') return failHere(Fail::NotNumber);
        p = q + 1;
        ++field;
        return true;
    }
    Q_ALWAYS_INLINE bool i64(qint64 &v) {
        mark();
        // Fast path: up to 18 plain digits cannot overflow; anything else goes to from_chars.
        const char *q = p;
        quint64 x = 0, eight = 0;
        while (end - q >= 8 && q - p < 16 && eightDigits(q, eight)) x = x * 100000000 + eight, q += 8;
        while (q < end && unsigned(*q - '0') < 10 && q - p < 18) x = x * 10 + unsigned(*q++ - '0');
        if (q > p && (q == end || unsigned(*q - '0') >= 10)) {
            v = qint64(x);
            return advance(q);
        }
        auto [r, ec] = std::from_chars(p, end, v);
        if (ec != std::errc()) return failHere(Fail::NotNumber);
        return advance(r);
    }
    Q_ALWAYS_INLINE bool nonNegative(qint64 &v) { return i64(v) && (v >= 0 || back(Fail::Negative)); }
    Q_ALWAYS_INLINE bool f64(double &v) {
        mark();
        // Fast path for the archive's plain decimals ("61800.30"): with at most 15 significant
        // digits the integer mantissa and 10^fraction are exact doubles, so one division gives the
        // correctly rounded value, the same as from_chars. Anything else goes to from_chars.
        const char *q = p;
        const bool neg = q < end && *q == '-';
        q += neg;
        quint64 m = 0;
        int digits = 0, frac = 0;
        while (q < end && unsigned(*q - '0') < 10) m = m * 10 + unsigned(*q++ - '0'), ++digits;
        if (q < end && *q == '.') {
            ++q;
            while (q < end && unsigned(*q - '0') < 10) m = m * 10 + unsigned(*q++ - '0'), ++digits, ++frac;
        }
        if (digits > 0 && digits <= 15 && (q == end || *q == ',')) {
            static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
            v = double(m) / kPow10[frac];
            if (neg) v = -v;
            return advance(q);
        }
        auto [r, ec] = std::from_chars(p, end, v);
        if (ec != std::errc()) return failHere(Fail::NotNumber);
        if (!std::isfinite(v)) return failHere(Fail::NotFinite);
        return advance(r);
    }
    Q_ALWAYS_INLINE bool positive(double &v) { return f64(v) && (v > 0 || back(Fail::NotPositive)); }
    Q_ALWAYS_INLINE bool nonNegative(double &v) { return f64(v) && (v >= 0 || back(Fail::Negative)); }
    // An empty field reads as 0 (metrics ratios are sometimes blank in the archive).
    bool optionalNonNegative(double &v) {
        if (p == end || *p == ',') {
            v = 0;
            return advance(p);
        }
        return nonNegative(v);
    }
    // ms since the epoch; µs (> 1e14) are converted, seconds (< 1e11) refused.
    Q_ALWAYS_INLINE bool timeMs(qint64 &v) {
        if (!i64(v)) return false;
        if (v > 100'000'000'000'000LL) v /= 1000;
        else if (v < 100'000'000'000LL) return back(Fail::Seconds);
        return true;
    }
    Q_ALWAYS_INLINE bool boolean(bool &v) {
        const qint64 n = end - p;
        auto is = [&](const char *w, qint64 len) {
            if (n < len || (n > len && p[len] != ',')) return false;
            for (qint64 i = 0; i < len; ++i)
                if ((p[i] | 0x20) != w[i]) return false;
            return true;
        };
        if (is("false", 5)) v = false;
        else if (is("true", 4)) v = true;
        else return failHere(Fail::BadBool);
        return advance(p + (v ? 4 : 5));
    }
    // "YYYY-MM-DD HH:MM:SS" UTC to ms.
    bool dateTime(qint64 &v) {
        if (end - p < 19) return failHere(Fail::BadTime);
        auto d = [&](int i, int n) {
            int x = 0;
            for (int k = 0; k < n; ++k) {
                const char c = p[i + k];
                if (c < '0' || c > '9') return -1;
                x = x * 10 + (c - '0');
            }
            return x;
        };
        const int y = d(0, 4), mo = d(5, 2), dd = d(8, 2), h = d(11, 2), mi = d(14, 2), s = d(17, 2);
        if (p[4] != '-' || p[7] != '-' || (p[10] != ' ' && p[10] != 'T') || p[13] != ':' || p[16] != ':' || y < 1970 ||
            !isCalendarDate(y, mo, dd) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
            return failHere(Fail::BadTime);
        v = (daysFromCivil(y, mo, dd) * 86400LL + h * 3600 + mi * 60 + s) * 1000;
        return advance(p + 19);
    }
    // A text field (symbol); returns its span.
    bool text(const char *&b, const char *&e) {
        b = p;
        e = p;
        while (e < end && *e != ',') ++e;
        return advance(e);
    }
    // Marks the field just parsed as failing (its value parsed but is not acceptable).
    bool back(Fail f) {
        p = lastStart;
        field = lastField;
        return failHere(f);
    }
    void mark() {
        lastStart = p;
        lastField = field;
    }
    const char *lastStart = nullptr;
    int lastField = 0;

    static qint64 daysFromCivil(int y, unsigned m, unsigned d) {
        y -= m <= 2;
        const int era = (y >= 0 ? y : y - 399) / 400;
        const unsigned yoe = unsigned(y - era * 400);
        const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return qint64(era) * 146097 + qint64(doe) - 719468;
    }
};

}  // namespace lhm::csv
