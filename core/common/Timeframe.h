#pragma once
// Candle intervals ("1m" .. "1d") and heatmap windows ("12h" .. "1y") with the house defaults
// pairing each window with its candle size.
#include <QString>
#include <QStringList>
#include <optional>

namespace lhm {

// Milliseconds in an interval string such as "1m", "15m", "1h", "8h", "1d", "1w"; nullopt if unknown.
// "1M" (calendar month) is not a fixed length and is rejected here, and so is anything longer than
// kMaxIntervalMs (100 years), which also keeps every product of an interval in range.
constexpr qint64 kMaxIntervalMs = 100LL * 365 * 86'400'000;
std::optional<qint64> intervalMs(const QString &interval);

struct Window {
    QString name;          // "7d"
    qint64 lengthMs = 0;   // 7 days
    QString interval;      // default candle size for the window, "1h"
};

// The windows traders pick from, in display order.
const QList<Window> &standardWindows();
std::optional<Window> windowByName(const QString &name);
QStringList windowNames();

// Floor a timestamp to the interval grid (UTC).
inline qint64 floorTo(qint64 t, qint64 stepMs) { return t - ((t % stepMs) + stepMs) % stepMs; }

}  // namespace lhm
