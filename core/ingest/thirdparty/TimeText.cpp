#include "ingest/thirdparty/TimeText.h"

namespace lhm {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(std::string_view s, size_t pos, size_t n, int *out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

// "+HH:MM" / "+HHMM" / "Z" at s[pos..]; sets *offset (ms east of UTC). True when it consumed all of s.
bool zoneSuffix(std::string_view s, size_t pos, qint64 *offset) {
    if (pos == s.size()) return false;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        *offset = 0;
        return pos + 1 == s.size();
    }
    if (s[pos] != '+' && s[pos] != '-') return false;
    const int sign = s[pos] == '-' ? -1 : 1;
    int hh = 0, mm = 0;
    if (!digits(s, pos + 1, 2, &hh)) return false;
    size_t p = pos + 3;
    if (p < s.size() && s[p] == ':') ++p;
    if (!digits(s, p, 2, &mm) || p + 2 != s.size() || hh > 14 || mm > 59) return false;
    *offset = sign * (qint64(hh) * 3600 + mm * 60) * 1000;
    return true;
}

}  // namespace

std::optional<qint64> parseTimeText(std::string_view s, qint64 zoneOffsetMs) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    bool allDigits = true;
    for (char c : s) allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        // Epoch milliseconds only: 13 digits (2001..2286). Seconds would be off by 1000x silently.
        if (s.size() != 13) return std::nullopt;
        return qint64(std::stoll(std::string(s)));
    }
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (!digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, &mo) || s[7] != '-' ||
        !digits(s, 8, 2, &d))
        return std::nullopt;
    size_t p = 10;
    qint64 ms = 0;
    if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
        if (!digits(s, p + 1, 2, &h) || p + 3 >= s.size() || s[p + 3] != ':' || !digits(s, p + 4, 2, &mi))
            return std::nullopt;
        p += 6;
        if (p < s.size() && s[p] == ':') {
            if (!digits(s, p + 1, 2, &se)) return std::nullopt;
            p += 3;
            if (p < s.size() && s[p] == '.') {
                ++p;
                int scale = 100, n = 0;
                while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
                    ms += (s[p] - '0') * scale;  // digits past the millisecond are dropped
                    scale /= 10;
                    ++p;
                    ++n;
                }
                if (n == 0) return std::nullopt;
            }
        }
    }
    if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return std::nullopt;
    qint64 offset = zoneOffsetMs;
    if (p != s.size() && !zoneSuffix(s, p, &offset)) return std::nullopt;
    const qint64 days = daysFromCivil(y, unsigned(mo), unsigned(d));
    return ((days * 24 + h) * 60 + mi) * 60'000 + se * 1000LL + ms - offset;
}

std::optional<qint64> parseZoneOffset(const QString &text) {
    const QByteArray t = text.trimmed().toLatin1();
    if (t == "0" || t == "Z" || t == "z") return qint64(0);
    qint64 offset = 0;
    if (!zoneSuffix(std::string_view(t.constData(), size_t(t.size())), 0, &offset)) return std::nullopt;
    return offset;
}

}  // namespace lhm
