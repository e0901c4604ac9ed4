#include "alerts/RuleBook.h"

#include "store/Store.h"

#include <QJsonDocument>

namespace lhm::alerts {

namespace {

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

}  // namespace

RuleBook::RuleBook(Store &store, const Clock &clock) : repo_(store.alertRepository()), clock_(clock) {}

Status RuleBook::save(AlertRule &rule) {
    if (Status s = rule.validate(); !s) return s;
    const qint64 now = clock_.nowMs();
    if (rule.id == 0) rule.createdAt = now;
    // updated_at only moves forward, so a watcher's signature changes even on same-millisecond edits.
    rule.updatedAt = std::max(now, rule.updatedAt + 1);
    AlertRuleRow row = rule.toRow();
    if (Status s = repo_.saveRule(row); !s) return s;
    rule.id = row.id;
    return {};
}

Result<AlertRule> RuleBook::get(qint64 id) {
    const auto row = repo_.rule(id);
    if (!row) return Error(QStringLiteral("no alert with id %1").arg(id), QString(), 0, QStringLiteral("id"));
    return AlertRule::fromRow(*row);
}

std::vector<AlertRule> RuleBook::all(QStringList *problems) {
    std::vector<AlertRule> out;
    for (const AlertRuleRow &row : repo_.rules()) {
        auto r = AlertRule::fromRow(row);
        if (r) out.push_back(std::move(*r));
        else if (problems) *problems << QStringLiteral("alert %1: %2").arg(row.id).arg(r.error().toString());
    }
    return out;
}

Result<bool> RuleBook::remove(qint64 id) { return repo_.removeRule(id); }

Result<qint64> RuleBook::recordFiring(const Firing &f) {
    AlertFiringRow row;
    row.ruleId = f.ruleId;
    row.ruleName = f.name;
    row.symbol = f.symbol;
    row.exchange = f.exchange;
    row.type = f.ruleName();
    row.time = f.time;
    row.firedAt = f.firedAt;
    row.value = f.value;
    row.price = f.price;
    row.message = f.message;
    row.event = compact(f.event);
    row.deliveries = QStringLiteral("{}");
    Transaction tx = repo_.transaction();
    if (Status s = repo_.addFiring(row); !s) return s.error();
    if (f.kind == Firing::Kind::Alert)
        if (Status s = repo_.markFired(f.ruleId, f.firedAt,
                                       QLatin1String(ruleStatusName(f.once ? RuleStatus::Triggered : RuleStatus::Active)));
            !s)
            return s.error();
    if (Status s = tx.commit(); !s) return s.error();
    return row.id;
}

Status RuleBook::setDeliveries(qint64 firingId, const QJsonObject &deliveries) {
    return repo_.setDeliveries(firingId, compact(deliveries));
}

QJsonObject RuleBook::firingJson(const AlertFiringRow &r) {
    QJsonObject o;
    o[QStringLiteral("id")] = r.id;
    o[QStringLiteral("alert_id")] = r.ruleId;
    o[QStringLiteral("name")] = r.ruleName;
    o[QStringLiteral("symbol")] = r.symbol;
    o[QStringLiteral("exchange")] = r.exchange;
    o[QStringLiteral("rule")] = r.type;
    o[QStringLiteral("value")] = r.value;
    o[QStringLiteral("price")] = r.price;
    o[QStringLiteral("time")] = r.time;
    o[QStringLiteral("fired_at")] = r.firedAt;
    o[QStringLiteral("message")] = r.message;
    o[QStringLiteral("event")] = parseObject(r.event);
    o[QStringLiteral("deliveries")] = parseObject(r.deliveries);
    return o;
}

}  // namespace lhm::alerts
