#include "common/Timeframe.h"

namespace lhm {

std::optional<qint64> intervalMs(const QString &interval) {
    if (interval.size() < 2) return std::nullopt;
    const QChar unit = interval.back();
    bool ok = false;
    const qint64 n = interval.left(interval.size() - 1).toLongLong(&ok);
    if (!ok || n <= 0) return std::nullopt;
    constexpr qint64 minute = 60'000;
    qint64 unitMs = 0;
    switch (unit.unicode()) {
    case 's': unitMs = 1000; break;
    case 'm': unitMs = minute; break;
    case 'h': unitMs = 60 * minute; break;
    case 'd': unitMs = 24 * 60 * minute; break;
    case 'w': unitMs = 7 * 24 * 60 * minute; break;
    case 'y': unitMs = 365 * 24 * 60 * minute; break;
    default: return std::nullopt;
    }
    // "144115188075855873h" must not wrap around to 1h: anything past kMaxIntervalMs is refused.
    if (n > kMaxIntervalMs / unitMs) return std::nullopt;
    return n * unitMs;
}

const QList<Window> &standardWindows() {
    static const QList<Window> windows = [] {
        const std::pair<const char *, const char *> table[] = {
            {"12h", "15m"}, {"24h", "15m"}, {"48h", "30m"}, {"3d", "1h"},  {"7d", "1h"},  {"14d", "2h"},
            {"30d", "4h"},  {"60d", "8h"},  {"90d", "12h"}, {"180d", "1d"}, {"1y", "1d"},
        };
        QList<Window> out;
        for (const auto &[w, i] : table)
            out.push_back({QString::fromLatin1(w), *intervalMs(QString::fromLatin1(w)), QString::fromLatin1(i)});
        return out;
    }();
    return windows;
}

std::optional<Window> windowByName(const QString &name) {
    for (const Window &w : standardWindows())
        if (w.name == name) return w;
    return std::nullopt;
}

QStringList windowNames() {
    QStringList out;
    for (const Window &w : standardWindows()) out << w.name;
    return out;
}

}  // namespace lhm
