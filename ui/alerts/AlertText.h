#pragma once
// Alert enums and field codes turned into translated text (core hands over types and codes only).
#include "alerts/AlertRule.h"

#include <QCoreApplication>
#include <QString>

namespace lhm::ui {

class AlertText {
    Q_DECLARE_TR_FUNCTIONS(lhm::ui::AlertText)
public:
    static QString type(alerts::RuleType t);
    static QString status(alerts::RuleStatus s);
    static QString channel(alerts::Channel c);
    static QString channels(unsigned mask);
    static QString field(const QString &field);  // "min_notional" -> "Minimum notional"
    static QString condition(const alerts::AlertRule &r);  // "below 95,000", "≥ 100,000 USD in 94,000–95,000"
    static QString invalid(const QString &field, const QString &coreMessage);
};

}  // namespace lhm::ui
