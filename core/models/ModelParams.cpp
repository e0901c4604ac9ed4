#include "models/ModelParams.h"

#include <QCryptographicHash>
#include <QStringList>

namespace lhm {

namespace {
// 17 significant digits round-trip a double exactly, so equal parameters always hash equal and
// any change (even 1e-12) gives a new cache key.
QString num(double v) { return QString::number(v, 'g', 17); }
}  // namespace

QString ModelParams::hash() const {
    QStringList parts;
    QStringList lw;
    for (const auto &[lev, w] : leverageWeights) lw << num(lev) + QLatin1Char(':') + num(w);
    parts << QStringLiteral("lw=") + lw.join(QLatin1Char(','));
    parts << QStringLiteral("bucket=") + num(bucket);
    parts << QStringLiteral("side=") + sideRule;
    parts << QStringLiteral("close=") + closeRule;
    parts << QStringLiteral("book=") + book;
    parts << QStringLiteral("spread=") + QString::number(entrySpread);
    parts << QStringLiteral("turnover=") + num(turnover);
    parts << QStringLiteral("interval=") + interval;
    parts << QStringLiteral("pn=") + num(positionNotional);
    parts << QStringLiteral("fs=") + num(fundingScale);
    parts << QStringLiteral("fa=") + num(fundingAmplitude);
    parts << QStringLiteral("large=") + num(largeTradeNotional);
    QStringList ew;
    for (const auto &[m, w] : ensembleWeights) ew << m + QLatin1Char(':') + num(w);
    parts << QStringLiteral("ew=") + ew.join(QLatin1Char(','));
    // The model version: bump when a model's rules change so stale cached grids are not served.
    parts << QStringLiteral("v=3");  // 3: long windows compute hourly (heatmap/HeatmapService.cpp)
    const QByteArray digest =
        QCryptographicHash::hash(parts.join(QLatin1Char('|')).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QString::fromLatin1(digest.left(16));
}

}  // namespace lhm
