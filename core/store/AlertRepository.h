#pragma once
// Alert rules, their firings and the channels' (non-secret) settings, in the store. Rows are plain
// data: the rule's parameters and a firing's event and delivery results are JSON text, which
// core/alerts builds and reads. Secrets never reach these tables (only a reference to where one
// lives). Shares the Store's connection, so use it on the thread that owns that Store.
#include "common/Error.h"
#include "store/Database.h"

#include <QString>
#include <optional>
#include <vector>

namespace lhm {

struct AlertRuleRow {
    qint64 id = 0;
    QString name;
    bool enabled = true;
    QString symbol;
    QString exchanges;  // comma separated; empty = all
    QString type;
    QString params;     // JSON object
    QString channels;   // comma separated
    qint64 cooldownMs = 5000;
    bool once = false;
    qint64 expiresAt = 0, snoozedUntil = 0;
    QString status;
    QString webhookUrl, webhookSecretRef;
    qint64 createdAt = 0, updatedAt = 0, lastFiredAt = 0, fireCount = 0;
};

struct AlertFiringRow {
    qint64 id = 0;
    qint64 ruleId = 0;  // 0 for a flood summary; kept after the rule is deleted
    QString ruleName, symbol, exchange, type;
    qint64 time = 0;     // when the triggering thing happened (exchange time), ms
    qint64 firedAt = 0;  // local time the evaluator fired, ms
    double value = 0, price = 0;
    QString message;
    QString event;       // JSON object
    QString deliveries;  // JSON object: channel -> result
};

struct AlertChannelRow {
    QString name;    // telegram | email | webhook
    QString config;  // JSON object without secrets
    qint64 updatedAt = 0;
};

class AlertRepository {
public:
    explicit AlertRepository(Database &db) : db_(db) {}
    // Groups several writes (a firing and its rule's state) into one atomic unit.
    Transaction transaction() { return Transaction(db_); }

    // Inserts (id == 0; the new id is written back) or updates a rule.
    Status saveRule(AlertRuleRow &row);
    std::vector<AlertRuleRow> rules();
    std::optional<AlertRuleRow> rule(qint64 id);
    // False when no such rule.
    Result<bool> removeRule(qint64 id);
    // After a firing: last fired time, count and (for once rules) the status.
    Status markFired(qint64 id, qint64 firedAt, const QString &status);
    // Changes whenever any rule is added, edited or removed (cheap; polled by watchers).
    QString rulesSignature();

    Status addFiring(AlertFiringRow &row);
    Status setDeliveries(qint64 firingId, const QString &deliveries);
    // Newest first; ruleId 0 = all rules. At most `limit` rows.
    std::vector<AlertFiringRow> firings(qint64 ruleId = 0, int limit = 1000);

    Status saveChannel(const AlertChannelRow &row);
    std::optional<AlertChannelRow> channel(const QString &name);

private:
    Database &db_;
};

}  // namespace lhm
