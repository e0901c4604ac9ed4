#include "heatmap/HeatmapCodec.h"

#include <QDataStream>
#include <QIODevice>

namespace lhm {

namespace {
constexpr quint32 kMagic = 0x4c484d47;  // "LHMG"
constexpr quint32 kVersion = 3;  // 2: coverage fields, 3: profile period

template <class T>
void writeArray(QDataStream &s, const std::vector<T> &v) {
    s << quint64(v.size());
    s.writeRawData(reinterpret_cast<const char *>(v.data()), int(v.size() * sizeof(T)));
}

template <class T>
bool readArray(QDataStream &s, std::vector<T> &v, quint64 limit) {
    quint64 n = 0;
    s >> n;
    if (s.status() != QDataStream::Ok || n > limit) return false;
    v.resize(size_t(n));
    return s.readRawData(reinterpret_cast<char *>(v.data()), int(n * sizeof(T))) == qint64(n * sizeof(T));
}
}  // namespace

QByteArray encodeHeatmap(const HeatmapGrid &g) {
    QByteArray raw;
    {
        QDataStream s(&raw, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_0);
        s.setByteOrder(QDataStream::LittleEndian);  // matches the raw float/int64 arrays on x86/ARM
        s << kMagic << kVersion;
        s << g.exchange << g.symbol << g.model << g.window << g.interval;
        s << g.intervalMs << g.bucketSize << g.priceMin << qint32(g.rows);
        s << g.currentPrice << g.confidence << g.dataTo << g.computedAt;
        s << g.requestedFrom << g.coverageFrom << g.coverageTo << g.profileFrom << g.profileTo;
        writeArray(s, g.times);
        writeArray(s, g.candles);  // trivially copyable struct, same build reads it back
        writeArray(s, g.longDensity);
        writeArray(s, g.shortDensity);
        s << quint64(g.predicted.size());
        for (const PredictedLiquidation &p : g.predicted)
            s << p.time << p.price << qint8(p.side == Side::Long ? 1 : -1) << p.notional << p.leverage;
    }
    return qCompress(raw);
}

Result<HeatmapGrid> decodeHeatmap(const QByteArray &payload) {
    const QByteArray raw = qUncompress(payload);
    if (raw.isEmpty()) return Error(QStringLiteral("cached heatmap: not a compressed payload"));
    QDataStream s(raw);
    s.setVersion(QDataStream::Qt_6_0);
    s.setByteOrder(QDataStream::LittleEndian);
    quint32 magic = 0, version = 0;
    s >> magic >> version;
    if (magic != kMagic || version != kVersion)
        return Error(QStringLiteral("cached heatmap: unknown format %1/%2").arg(magic, 0, 16).arg(version));
    HeatmapGrid g;
    qint32 rows = 0;
    s >> g.exchange >> g.symbol >> g.model >> g.window >> g.interval;
    s >> g.intervalMs >> g.bucketSize >> g.priceMin >> rows;
    s >> g.currentPrice >> g.confidence >> g.dataTo >> g.computedAt;
    s >> g.requestedFrom >> g.coverageFrom >> g.coverageTo >> g.profileFrom >> g.profileTo;
    g.rows = rows;
    const quint64 limit = quint64(raw.size());
    if (!readArray(s, g.times, limit) || !readArray(s, g.candles, limit) || !readArray(s, g.longDensity, limit) ||
        !readArray(s, g.shortDensity, limit))
        return Error(QStringLiteral("cached heatmap: truncated"));
    quint64 n = 0;
    s >> n;
    if (n > limit) return Error(QStringLiteral("cached heatmap: truncated"));
    g.predicted.resize(size_t(n));
    for (PredictedLiquidation &p : g.predicted) {
        qint8 side = 0;
        s >> p.time >> p.price >> side >> p.notional >> p.leverage;
        p.side = side > 0 ? Side::Long : Side::Short;
    }
    const size_t cells = g.times.size() * size_t(std::max(rows, 0));
    if (s.status() != QDataStream::Ok || g.longDensity.size() != cells || g.shortDensity.size() != cells ||
        g.candles.size() != g.times.size())
        return Error(QStringLiteral("cached heatmap: inconsistent sizes"));
    return g;
}

}  // namespace lhm
