#pragma once
// What the evaluator hands to the channels: one rule that fired (or one flood summary standing
// for the firings the global cap held back), with everything a channel needs to say it.
#include "alerts/AlertRule.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace lhm::alerts {

struct Firing {
    enum class Kind { Alert, Summary };
    Kind kind = Kind::Alert;
    qint64 ruleId = 0;  // 0 for a summary
    QString name, symbol, exchange;
    RuleType type = RuleType::PriceCross;
    unsigned channels = 0;
    double value = 0;        // what crossed the threshold: notional, price, count (see docs/alerts.md)
    double price = 0;        // where: the liquidation's, the tick's or the cluster's price
    qint64 time = 0;         // when the triggering thing happened (exchange time), ms
    qint64 receiveTime = 0;  // when its frame arrived (local), ms; 0 for heatmap-driven firings
    qint64 firedAt = 0;      // evaluator clock, ms
    int suppressed = 0;      // summary only: firings held back by the flood cap
    bool once = false;       // the rule is now triggered and stops
    QString message;         // one English line for webhook, Telegram and e-mail
    QJsonObject event;       // the trigger itself, as in the webhook body's "event"
    QString webhookUrl, webhookSecretRef;  // copied from the rule for delivery
    qint64 historyId = 0;    // its row in the store's alert_firings, once recorded

    QString ruleName() const { return kind == Kind::Summary ? QStringLiteral("summary") : QLatin1String(ruleTypeName(type)); }
};

}  // namespace lhm::alerts

Q_DECLARE_METATYPE(lhm::alerts::Firing)
