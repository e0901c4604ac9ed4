#pragma once
// SignalRelay: {"type":"signal",…} messages on the local API's stream. The current signal of each
// live (symbol, exchange) is the one GET /trading/signals and `lhm signals` give for the newest
// closed bar (default thresholds); it is recomputed on the engine's workers after live
// liquidations of that pair arrived, at most once per interval, and sent only when it changed.
// A client gets the current signals of the pairs it follows right after it connects.
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <atomic>

#include "common/Types.h"

namespace lhm {
class CoreEngine;
}

namespace lhm::api {

class LiveHub;
class StreamConnection;

class SignalRelay : public QObject {
    Q_OBJECT
public:
    SignalRelay(CoreEngine *engine, LiveHub *hub, QObject *parent = nullptr);
    ~SignalRelay() override;

    // Follows these pairs: computes each now, then again when marked by live events.
    void start(const QStringList &symbols, const QStringList &exchanges, int intervalMs = 5000);
    void stop();
    // The last message sent for (symbol, exchange), empty before the first computation.
    QByteArray current(const QString &symbol, const QString &exchange) const { return current_.value(key(symbol, exchange)); }

public slots:
    void onLiquidations(const QList<lhm::LiquidationEvent> &events);
    // Sends the current signals that match the client's filters to that client alone.
    void greet(lhm::api::StreamConnection *client, const QSet<QString> &symbols, const QSet<QString> &exchanges);

signals:
    void computed(const QString &symbol, const QString &exchange, bool changed);

private:
    static QString key(const QString &symbol, const QString &exchange) { return symbol + u'|' + exchange; }
    void computeDirty();
    void compute(const QString &symbol, const QString &exchange);

    QPointer<CoreEngine> engine_;
    LiveHub *hub_;
    QTimer timer_;
    QSet<QString> pairs_, dirty_, busy_;
    QHash<QString, QByteArray> current_;
    std::atomic<int> inFlight_{0};
};

}  // namespace lhm::api
