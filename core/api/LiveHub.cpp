#include "api/LiveHub.h"

#include "api/ResultJson.h"

#include <QTimer>
#include <QWebSocket>

namespace lhm::api {

LiveHub::LiveHub(QObject *parent) : QObject(parent) {
    connect(&pingTimer_, &QTimer::timeout, this, &LiveHub::ping);
    pingTimer_.start(limits_.pingIntervalMs);
}

LiveHub::~LiveHub() { closeAll(); }

void LiveHub::setLimits(const StreamLimits &l) {
    limits_ = l;
    pingTimer_.start(limits_.pingIntervalMs);
}

void LiveHub::addClient(QWebSocket *socket, const QString &address, QSet<QString> symbols, QSet<QString> exchanges) {
    socket->setParent(this);
    Client c;
    c.address = address;
    c.symbols = std::move(symbols);
    c.exchanges = std::move(exchanges);
    clients_.insert(socket, c);
    connect(socket, &QWebSocket::bytesWritten, this, [this, socket](qint64 n) {
        auto it = clients_.find(socket);
        if (it != clients_.end()) it->pending = std::max<qint64>(0, it->pending - n);
    });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        auto it = clients_.find(socket);
        if (it != clients_.end()) it->unansweredPings = 0;
    });
    // Queued: close() may report the disconnect while publish() is iterating over the clients.
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (clients_.remove(socket)) emit clientCountChanged(clientCount());
        socket->deleteLater();
    }, Qt::QueuedConnection);
    emit clientCountChanged(clientCount());
}

int LiveHub::clientsFrom(const QString &address) const {
    int n = 0;
    for (const Client &c : clients_)
        if (c.address == address && !c.closing) ++n;
    return n;
}

void LiveHub::closeAll() {
    const QList<QWebSocket *> sockets = clients_.keys();
    clients_.clear();
    for (QWebSocket *s : sockets) {
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

void LiveHub::send(QWebSocket *s, Client &c, const QString &message, qint64 bytes) {
    if (c.closing) return;
    if (c.pending + bytes > limits_.maxBufferedBytes) {
        drop(s, c, kCloseTooSlow,
             QStringLiteral("too slow: over %1 bytes unsent").arg(limits_.maxBufferedBytes));
        return;
    }
    c.pending += bytes;
    s->sendTextMessage(message);
    ++relayed_;
}

void LiveHub::drop(QWebSocket *s, Client &c, quint16 code, const QString &reason) {
    c.closing = true;
    ++dropped_;
    emit clientDropped(c.address, code, reason);
    s->close(QWebSocketProtocol::CloseCode(code), reason);
    // A client that stopped reading never takes the close frame either: cut it after a grace period.
    QTimer::singleShot(1000, s, [s] { s->abort(); });
}

void LiveHub::publishLiquidations(const QList<LiquidationEvent> &events) {
    for (const LiquidationEvent &e : events) publish(liquidationLine(e), e.symbol, e.exchange);
}

void LiveHub::publish(const QByteArray &json, const QString &symbol, const QString &exchange) {
    if (clients_.isEmpty()) return;
    const QString message = QString::fromUtf8(json);
    for (auto it = clients_.begin(); it != clients_.end(); ++it) {
        Client &c = *it;
        if (!symbol.isEmpty() && !c.symbols.isEmpty() && !c.symbols.contains(symbol)) continue;
        if (!exchange.isEmpty() && !c.exchanges.isEmpty() && !c.exchanges.contains(exchange)) continue;
        send(it.key(), c, message, json.size());
    }
}

void LiveHub::ping() {
    for (auto it = clients_.begin(); it != clients_.end(); ++it) {
        if (it->closing) continue;
        if (it->unansweredPings >= 2) {
            drop(it.key(), *it, kCloseNoPong, QStringLiteral("no pong to two pings"));
            continue;
        }
        ++it->unansweredPings;
        it.key()->ping();
    }
}

}  // namespace lhm::api
