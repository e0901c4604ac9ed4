// SQL of the alert tables (migration in Schema.cpp): alert_rules, alert_firings, alert_channels.
#include "store/AlertRepository.h"

namespace lhm {

namespace {

const char *kRuleColumns =
    "id, name, enabled, symbol, exchanges, type, params, channels, cooldown_ms, once, expires_at, snoozed_until, "
    "status, webhook_url, webhook_secret_ref, created_at, updated_at, last_fired_at, fire_count";

AlertRuleRow readRule(const Statement &st) {
    AlertRuleRow r;
    r.id = st.i64(0);
    r.name = st.text(1);
    r.enabled = st.i64(2) != 0;
    r.symbol = st.text(3);
    r.exchanges = st.text(4);
    r.type = st.text(5);
    r.params = st.text(6);
    r.channels = st.text(7);
    r.cooldownMs = st.i64(8);
    r.once = st.i64(9) != 0;
    r.expiresAt = st.i64(10);
    r.snoozedUntil = st.i64(11);
    r.status = st.text(12);
    r.webhookUrl = st.text(13);
    r.webhookSecretRef = st.text(14);
    r.createdAt = st.i64(15);
    r.updatedAt = st.i64(16);
    r.lastFiredAt = st.i64(17);
    r.fireCount = st.i64(18);
    return r;
}

Error dbError(Database &db, const QString &what) {
    return Error(QStringLiteral("%1: %2").arg(what, db.lastError()), db.path());
}

}  // namespace

Status AlertRepository::saveRule(AlertRuleRow &r) {
    const bool insert = r.id == 0;
    Statement st = db_.prepare(
        insert ? QStringLiteral("INSERT INTO alert_rules(name, enabled, symbol, exchanges, type, params, channels, cooldown_ms, "
                                "once, expires_at, snoozed_until, status, webhook_url, webhook_secret_ref, created_at, "
                                "updated_at, last_fired_at, fire_count) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
               : QStringLiteral("UPDATE alert_rules SET name=?, enabled=?, symbol=?, exchanges=?, type=?, params=?, channels=?, "
                                "cooldown_ms=?, once=?, expires_at=?, snoozed_until=?, status=?, webhook_url=?, "
                                "webhook_secret_ref=?, created_at=?, updated_at=?, last_fired_at=?, fire_count=? WHERE id=?"));
    if (!st.valid()) return dbError(db_, QStringLiteral("cannot prepare alert rule write"));
    st.bind(1, r.name).bind(2, qint64(r.enabled)).bind(3, r.symbol).bind(4, r.exchanges).bind(5, r.type);
    st.bind(6, r.params).bind(7, r.channels).bind(8, r.cooldownMs).bind(9, qint64(r.once)).bind(10, r.expiresAt);
    st.bind(11, r.snoozedUntil).bind(12, r.status).bind(13, r.webhookUrl).bind(14, r.webhookSecretRef);
    st.bind(15, r.createdAt).bind(16, r.updatedAt).bind(17, r.lastFiredAt).bind(18, r.fireCount);
    if (!insert) st.bind(19, r.id);
    if (!st.run()) return Error(QStringLiteral("cannot store alert rule: %1").arg(st.lastError()), db_.path());
    if (insert) r.id = db_.scalar(QStringLiteral("SELECT last_insert_rowid()"));
    else if (st.changes() == 0) return Error(QStringLiteral("no alert with id %1").arg(r.id), db_.path());
    return {};
}

std::vector<AlertRuleRow> AlertRepository::rules() {
    std::vector<AlertRuleRow> out;
    Statement st = db_.prepare(QStringLiteral("SELECT %1 FROM alert_rules ORDER BY id").arg(QLatin1String(kRuleColumns)));
    while (st.valid() && st.step()) out.push_back(readRule(st));
    return out;
}

std::optional<AlertRuleRow> AlertRepository::rule(qint64 id) {
    Statement st = db_.prepare(QStringLiteral("SELECT %1 FROM alert_rules WHERE id=?").arg(QLatin1String(kRuleColumns)));
    if (!st.valid()) return std::nullopt;
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readRule(st);
}

Result<bool> AlertRepository::removeRule(qint64 id) {
    Statement st = db_.prepare(QStringLiteral("DELETE FROM alert_rules WHERE id=?"));
    if (!st.valid()) return dbError(db_, QStringLiteral("cannot prepare alert delete"));
    st.bind(1, id);
    if (!st.run()) return Error(QStringLiteral("cannot delete alert: %1").arg(st.lastError()), db_.path());
    return st.changes() > 0;
}

Status AlertRepository::markFired(qint64 id, qint64 firedAt, const QString &status) {
    Statement st = db_.prepare(QStringLiteral(
        "UPDATE alert_rules SET last_fired_at=?, fire_count=fire_count+1, status=? WHERE id=?"));
    if (!st.valid()) return dbError(db_, QStringLiteral("cannot prepare alert update"));
    st.bind(1, firedAt).bind(2, status).bind(3, id);
    if (!st.run()) return Error(QStringLiteral("cannot update alert: %1").arg(st.lastError()), db_.path());
    return {};
}

QString AlertRepository::rulesSignature() {
    Statement st = db_.prepare(QStringLiteral("SELECT count(*), coalesce(max(updated_at),0), coalesce(sum(id),0) FROM alert_rules"));
    if (!st.valid() || !st.step()) return {};
    return QStringLiteral("%1/%2/%3").arg(st.i64(0)).arg(st.i64(1)).arg(st.i64(2));
}

Status AlertRepository::addFiring(AlertFiringRow &r) {
    Statement st = db_.prepare(QStringLiteral(
        "INSERT INTO alert_firings(rule_id, rule_name, symbol, exchange, type, time, fired_at, value, price, message, event, "
        "deliveries) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"));
    if (!st.valid()) return dbError(db_, QStringLiteral("cannot prepare firing insert"));
    st.bind(1, r.ruleId).bind(2, r.ruleName).bind(3, r.symbol).bind(4, r.exchange).bind(5, r.type).bind(6, r.time);
    st.bind(7, r.firedAt).bind(8, r.value).bind(9, r.price).bind(10, r.message).bind(11, r.event).bind(12, r.deliveries);
    if (!st.run()) return Error(QStringLiteral("cannot store firing: %1").arg(st.lastError()), db_.path());
    r.id = db_.scalar(QStringLiteral("SELECT last_insert_rowid()"));
    return {};
}

Status AlertRepository::setDeliveries(qint64 firingId, const QString &deliveries) {
    Statement st = db_.prepare(QStringLiteral("UPDATE alert_firings SET deliveries=? WHERE id=?"));
    if (!st.valid()) return dbError(db_, QStringLiteral("cannot prepare firing update"));
    st.bind(1, deliveries).bind(2, firingId);
    if (!st.run()) return Error(QStringLiteral("cannot update firing: %1").arg(st.lastError()), db_.path());
    return {};
}

std::vector<AlertFiringRow> AlertRepository::firings(qint64 ruleId, int limit) {
    std::vector<AlertFiringRow> out;
    Statement st = db_.prepare(QStringLiteral(
        "SELECT id, rule_id, rule_name, symbol, exchange, type, time, fired_at, value, price, message, event, deliveries "
        "FROM alert_firings WHERE (?1 = 0 OR rule_id = ?1) ORDER BY fired_at DESC, id DESC LIMIT ?2"));
    if (!st.valid()) return out;
    st.bind(1, ruleId).bind(2, qint64(limit));
    while (st.step()) {
        AlertFiringRow r;
        r.id = st.i64(0);
        r.ruleId = st.i64(1);
        r.ruleName = st.text(2);
        r.symbol = st.text(3);
        r.exchange = st.text(4);
        r.type = st.text(5);
        r.time = st.i64(6);
        r.firedAt = st.i64(7);
        r.value = st.f64(8);
        r.price = st.f64(9);
        r.message = st.text(10);
        r.event = st.text(11);
        r.deliveries = st.text(12);
        out.push_back(r);
    }
    return out;
}

Status AlertRepository::saveChannel(const AlertChannelRow &r) {
    Statement st = db_.prepare(QStringLiteral(
        "INSERT INTO alert_channels(name, config, updated_at) VALUES(?,?,?) "
        "ON CONFLICT(name) DO UPDATE SET config=excluded.config, updated_at=excluded.updated_at"));
    if (!st.valid()) return dbError(db_, QStringLiteral("cannot prepare channel write"));
    st.bind(1, r.name).bind(2, r.config).bind(3, r.updatedAt);
    if (!st.run()) return Error(QStringLiteral("cannot store channel: %1").arg(st.lastError()), db_.path());
    return {};
}

std::optional<AlertChannelRow> AlertRepository::channel(const QString &name) {
    Statement st = db_.prepare(QStringLiteral("SELECT name, config, updated_at FROM alert_channels WHERE name=?"));
    if (!st.valid()) return std::nullopt;
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return AlertChannelRow{st.text(0), st.text(1), st.i64(2)};
}

}  // namespace lhm
