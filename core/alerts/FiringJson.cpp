#include "alerts/FiringJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace lhm::alerts {

QString jsonNumber(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QString jsonString(const QString &s) {
    // QJsonDocument escapes exactly as JSON requires; strip the array brackets around it.
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QByteArray webhookBody(const Firing &f) {
    const QString body =
        QStringLiteral(R"({"version":%1,"alert_id":%2,"name":%3,"symbol":%4,"exchange":%5,"rule":%6,"message":%7,"value":%8,"price":%9,"time":%10,"event":%11})")
            .arg(kWebhookVersion)
            .arg(f.ruleId)
            .arg(jsonString(f.name), jsonString(f.symbol), jsonString(f.exchange), jsonString(f.ruleName()),
                 jsonString(f.message), jsonNumber(f.value), jsonNumber(f.price))
            .arg(f.time)
            .arg(QString::fromUtf8(QJsonDocument(f.event).toJson(QJsonDocument::Compact)));
    return body.toUtf8();
}

QString firingTitle(const Firing &f) {
    if (f.kind == Firing::Kind::Summary) return QStringLiteral("LiquidationHeatmap: %1 alerts held back").arg(f.suppressed);
    return QStringLiteral("%1 — %2").arg(f.name, f.symbol);
}

QString firingText(const Firing &f) {
    QString text = f.message;
    if (f.kind == Firing::Kind::Alert)
        text += QStringLiteral("\n%1 · %2 · %3 UTC")
                    .arg(QLatin1String(ruleTypeName(f.type)), f.exchange.isEmpty() ? QStringLiteral("-") : f.exchange,
                         QDateTime::fromMSecsSinceEpoch(f.time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return text;
}

}  // namespace lhm::alerts
