#include "api/SignalRelay.h"

#include "api/LiveHub.h"
#include "api/SignalQuery.h"
#include "engine/CoreEngine.h"
#include "store/Store.h"

#include <QJsonObject>

namespace lhm::api {

namespace {

// The query GET /trading/signals?symbol=S&exchange=E answers: the newest closed bar, the default
// model, interval and thresholds.
Result<SignalQuery> latestQuery(const QString &symbol, const QString &exchange) {
    QCommandLineParser p;
    addSignalOptions(p);
    if (!p.parse({QStringLiteral("lhm"), QStringLiteral("--symbol"), symbol, QStringLiteral("--exchange"), exchange}))
        return Error(p.errorText(), {}, 0, QStringLiteral("symbol"));
    return signalQueryFromArgs(p, true);
}

}  // namespace

SignalRelay::SignalRelay(CoreEngine *engine, LiveHub *hub, QObject *parent) : QObject(parent), engine_(engine), hub_(hub) {
    connect(&timer_, &QTimer::timeout, this, &SignalRelay::computeDirty);
}

SignalRelay::~SignalRelay() {
    timer_.stop();
    if (inFlight_.load() > 0 && engine_) engine_->waitForIdle();
}

void SignalRelay::start(const QStringList &symbols, const QStringList &exchanges, int intervalMs) {
    pairs_.clear();
    current_.clear();
    for (const QString &s : symbols)
        for (const QString &e : exchanges) pairs_.insert(key(s, e));
    dirty_ = pairs_;
    computeDirty();
    timer_.start(intervalMs);
}

void SignalRelay::stop() {
    timer_.stop();
    pairs_.clear();
    dirty_.clear();
}

void SignalRelay::onLiquidations(const QList<LiquidationEvent> &events) {
    for (const LiquidationEvent &e : events) {
        const QString k = key(e.symbol, e.exchange);
        if (pairs_.contains(k)) dirty_.insert(k);
    }
}

void SignalRelay::computeDirty() {
    if (hub_->clientCount() == 0) return;  // nobody to tell: the pairs stay marked
    const QSet<QString> todo = dirty_ - busy_;
    for (const QString &k : todo) {
        const qsizetype bar = k.indexOf(u'|');
        compute(k.left(bar), k.mid(bar + 1));
    }
}

void SignalRelay::compute(const QString &symbol, const QString &exchange) {
    auto q = latestQuery(symbol, exchange);
    const QString k = key(symbol, exchange);
    dirty_.remove(k);
    if (!q || !engine_) return;
    busy_.insert(k);
    ++inFlight_;
    engine_->runWithStore([this, q = *q, symbol, exchange, k](Result<Store *> store) {
        QByteArray message;
        if (store) {
            std::vector<ExchangeShare> shares;
            auto list = evaluateSignalQuery(**store, q, &shares);
            if (list && !list->empty()) {
                QJsonObject o = signalsJson(*list, q, shares).object();
                o.insert(QStringLiteral("type"), QStringLiteral("signal"));
                o.insert(QStringLiteral("exchange"), exchange);
                message = QJsonDocument(o).toJson(QJsonDocument::Compact);
            }
        }
        QMetaObject::invokeMethod(this, [this, message, symbol, exchange, k] {
            --inFlight_;
            busy_.remove(k);
            if (!pairs_.contains(k)) return;  // stopped meanwhile
            const bool changed = !message.isEmpty() && message != current_.value(k);
            if (changed) {
                current_.insert(k, message);
                hub_->publish(message, symbol, exchange);
            }
            emit computed(symbol, exchange, changed);
        }, Qt::QueuedConnection);
    });
}

void SignalRelay::greet(StreamConnection *client, const QSet<QString> &symbols, const QSet<QString> &exchanges) {
    computeDirty();  // the first client after a quiet time: what changed meanwhile goes to everyone
    for (auto it = current_.cbegin(); it != current_.cend(); ++it) {
        const qsizetype bar = it.key().indexOf(u'|');
        if (!symbols.isEmpty() && !symbols.contains(it.key().left(bar))) continue;
        if (!exchanges.isEmpty() && !exchanges.contains(it.key().mid(bar + 1))) continue;
        hub_->publishTo(client, it.value());
    }
}

}  // namespace lhm::api
