#pragma once
// Alert rules and firings as the alerts module sees them, kept in the store: validation on save,
// created/updated times from the injected clock, rows converted to and from AlertRule.
#include "alerts/AlertFiring.h"
#include "alerts/AlertRule.h"
#include "common/Clock.h"
#include "store/AlertRepository.h"

#include <QJsonObject>
#include <vector>

namespace lhm {
class Store;
}

namespace lhm::alerts {

class RuleBook {
public:
    explicit RuleBook(Store &store, const Clock &clock = SystemClock::instance());

    // Validates, stamps times and inserts (id 0) or updates the rule; the id is written back.
    Status save(AlertRule &rule);
    Result<AlertRule> get(qint64 id);
    // Every stored rule; rows that no longer parse are skipped and named in `problems`.
    std::vector<AlertRule> all(QStringList *problems = nullptr);
    Result<bool> remove(qint64 id);
    QString signature() { return repo_.rulesSignature(); }

    // Records a firing (deliveries filled later with setDeliveries) and the rule's fired state.
    Result<qint64> recordFiring(const Firing &f);
    Status setDeliveries(qint64 firingId, const QJsonObject &deliveries);
    std::vector<AlertFiringRow> history(qint64 ruleId = 0, int limit = 1000) { return repo_.firings(ruleId, limit); }
    static QJsonObject firingJson(const AlertFiringRow &row);

    AlertRepository &repository() { return repo_; }

private:
    AlertRepository repo_;
    const Clock &clock_;
};

}  // namespace lhm::alerts
