#include "ingest/rest/TierResponses.h"

#include "ingest/rest/RestJson.h"

#include <cmath>

namespace lhm::rest {

namespace {

QString num(double v) { return QString::number(v, 'g', 15); }

}  // namespace

Result<double> tierField(const QJsonObject &o, const char *key, const QString &what, int i) {
    double v = 0;
    if (!jsonNumber(o.value(QLatin1String(key)), &v) || !std::isfinite(v))
        return Error(QStringLiteral("%1: tier %2: '%3' is missing or not a number").arg(what).arg(i + 1).arg(QLatin1String(key)),
                     {}, 0, QString::fromLatin1(key));
    return v;
}

QByteArray tiersYaml(const LeverageTiers &t, const QString &source) {
    QString y;
    y += QStringLiteral("# %1 tiers for %2 in the config/tiers schema (docs/liquidation-price.md).\n").arg(t.exchange(), t.symbol());
    for (const QString &line : source.split(QLatin1Char('\n'))) y += QStringLiteral("# %1\n").arg(line);
    y += QStringLiteral("# Written by `lhm tiers fetch`; fetch again rather than edit.\n");
    y += QStringLiteral("exchange: %1\nsymbol: %2\n").arg(t.exchange(), t.symbol());
    if (t.assetMaxLeverage() > 0) return (y + QStringLiteral("maxLeverage: %1\n").arg(num(t.assetMaxLeverage()))).toUtf8();
    if (t.sizeUnit() == TierSize::Base) y += QStringLiteral("sizeUnit: base\n");
    if (!t.hasDeduction()) y += QStringLiteral("maintenanceDeduction: false\n");
    if (t.liquidationFeeRate() > 0) y += QStringLiteral("liquidationFeeRate: %1\n").arg(num(t.liquidationFeeRate()));
    y += QStringLiteral("brackets:\n");
    for (const LeverageTier &b : t.tiers()) {
        y += QStringLiteral("  - bracket: %1\n").arg(b.bracket);
        y += QStringLiteral("    initialLeverage: %1\n").arg(num(b.maxLeverage));
        y += QStringLiteral("    notionalFloor: %1\n").arg(num(b.floor));
        y += QStringLiteral("    notionalCap: %1\n").arg(num(b.cap));
        y += QStringLiteral("    maintMarginRatio: %1\n").arg(num(b.mmr));
        y += QStringLiteral("    cum: %1\n").arg(num(b.cum));
    }
    return y.toUtf8();
}

}  // namespace lhm::rest
