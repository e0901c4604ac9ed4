#include "api/AlertRelay.h"

#include "alerts/FiringJson.h"
#include "alerts/RuleBook.h"
#include "api/LiveHub.h"
#include "engine/CoreEngine.h"
#include "store/Store.h"

namespace lhm::api {

using alerts::Firing;

QByteArray alertMessage(const Firing &f) {
    using alerts::jsonNumber;
    using alerts::jsonString;
    return QStringLiteral(R"({"type":"alert","alert_id":%1,"name":%2,"symbol":%3,"exchange":%4,"rule":%5,"value":%6,"price":%7,"time":%8,"message":%9})")
        .arg(f.ruleId)
        .arg(jsonString(f.name), jsonString(f.symbol), jsonString(f.exchange), jsonString(f.ruleName()), jsonNumber(f.value),
             jsonNumber(f.price))
        .arg(f.time)
        .arg(jsonString(f.message))
        .toUtf8();
}

AlertRelay::AlertRelay(CoreEngine *engine, LiveHub *hub, const Clock &clock, QObject *parent)
    : QObject(parent), engine_(engine), hub_(hub), evaluator_(clock, 0) {
    connect(&timer_, &QTimer::timeout, this, &AlertRelay::reload);
}

AlertRelay::~AlertRelay() {
    timer_.stop();
    // A worker answers through a queued call to `this`: none may still run when it is gone.
    if (inFlight_.load() > 0 && engine_) engine_->waitForIdle();
}

void AlertRelay::start(int reloadIntervalMs) {
    signature_.clear();
    reload();
    timer_.start(reloadIntervalMs);
}

void AlertRelay::stop() { timer_.stop(); }

void AlertRelay::reload() {
    if (!engine_ || loading_) return;
    loading_ = true;
    ++inFlight_;
    engine_->runWithStore([this, known = signature_](Result<Store *> store) {
        QString signature;
        std::vector<alerts::AlertRule> rules;
        bool changed = false;
        if (store) {
            alerts::RuleBook book(**store);
            signature = book.signature();
            if (signature != known) {
                changed = true;
                for (alerts::AlertRule &r : book.all())
                    if (r.type != alerts::RuleType::ClusterNear && r.type != alerts::RuleType::ClusterConsumed) rules.push_back(std::move(r));
            }
        }
        QMetaObject::invokeMethod(this, [this, signature, rules = std::move(rules), changed]() mutable {
            --inFlight_;
            loading_ = false;
            if (!changed) return;
            signature_ = signature;
            evaluator_.setRules(std::move(rules));
            emit rulesLoaded(evaluator_.ruleCount());
        }, Qt::QueuedConnection);
    });
}

void AlertRelay::onLiquidations(const QList<LiquidationEvent> &events) {
    if (evaluator_.ruleCount() == 0) return;
    scratch_.clear();
    for (const LiquidationEvent &e : events) evaluator_.onLiquidation(e, scratch_);
    relay(scratch_);
}

void AlertRelay::onTicks(const QList<feeds::PriceTick> &ticks) {
    if (evaluator_.ruleCount() == 0) return;
    scratch_.clear();
    for (const feeds::PriceTick &t : ticks)
        // Trades and last prices, as `lhm alerts watch`: mark prices are another series and would fake crossings.
        if (t.kind != feeds::PriceTick::Kind::Mark) evaluator_.onPrice({t.exchange, t.symbol, t.price, t.time, t.receiveTime}, scratch_);
    relay(scratch_);
}

void AlertRelay::relay(std::vector<Firing> &fired) {
    for (const Firing &f : fired) {
        if (f.kind != Firing::Kind::Alert) continue;
        hub_->publish(alertMessage(f), f.symbol, f.exchange);
        ++sent_;
    }
    fired.clear();
}

}  // namespace lhm::api
