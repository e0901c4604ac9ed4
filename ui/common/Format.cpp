#include "common/Format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <cmath>

namespace lhm::ui::Format {

QString usd(double v) {
    const double a = std::fabs(v);
    const QString sign = v < 0 ? QStringLiteral("-") : QString();
    if (a >= 1e9) return sign + QStringLiteral("$%1B").arg(a / 1e9, 0, 'f', 2);
    if (a >= 1e6) return sign + QStringLiteral("$%1M").arg(a / 1e6, 0, 'f', 2);
    if (a >= 1e3) return sign + QStringLiteral("$%1K").arg(a / 1e3, 0, 'f', 1);
    return sign + QStringLiteral("$%1").arg(a, 0, 'f', 0);
}

int priceDecimals(double bucketSize) {
    if (bucketSize <= 0 || bucketSize >= 1) return 0;
    return std::min(8, int(std::ceil(-std::log10(bucketSize))));
}

QString price(double v, double bucketSize) {
    return QLocale::c().toString(v, 'f', priceDecimals(bucketSize)).replace(QLatin1Char(','), QString());
}

QString utcTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QString age(qint64 ms) {
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60) return QCoreApplication::translate("Format", "%1 s").arg(s);
    if (s < 3600) return QCoreApplication::translate("Format", "%1 min").arg(s / 60);
    if (s < 86400) return QCoreApplication::translate("Format", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("Format", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

}  // namespace lhm::ui::Format
