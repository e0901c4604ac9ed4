#include "api/LiveHub.h"

#include "api/ResultJson.h"
#include "api/StreamConnection.h"
#include "api/WsFrame.h"

#include <QStringList>
#include <algorithm>

namespace lhm::api {

namespace {

QString keyOf(const QSet<QString> &symbols, const QSet<QString> &exchanges) {
    QStringList s(symbols.begin(), symbols.end()), e(exchanges.begin(), exchanges.end());
    s.sort();
    e.sort();
    return s.join(u',') + u'|' + e.join(u',');
}

}  // namespace

LiveHub::LiveHub(QObject *parent) : QObject(parent) {
    connect(&pingTimer_, &QTimer::timeout, this, &LiveHub::ping);
    pingTimer_.start(limits_.pingIntervalMs);
}

LiveHub::~LiveHub() { closeAll(); }

void LiveHub::setLimits(const StreamLimits &l) {
    limits_ = l;
    pingTimer_.start(limits_.pingIntervalMs);
}

void LiveHub::addClient(StreamConnection *s, const QString &address, QSet<QString> symbols, QSet<QString> exchanges) {
    s->setParent(this);
    Client c;
    c.address = address;
    c.filterKey = keyOf(symbols, exchanges);
    c.symbols = std::move(symbols);
    c.exchanges = std::move(exchanges);
    clients_.insert(s, c);
    connect(s, &StreamConnection::pong, this, [this, s] {
        auto it = clients_.find(s);
        if (it != clients_.end()) it->unansweredPings = 0;
    });
    // Queued: a connection may report its end while flush() is iterating over the clients.
    connect(s, &StreamConnection::closed, this, [this, s] {
        if (clients_.remove(s)) emit clientCountChanged(clientCount());
        s->deleteLater();
    }, Qt::QueuedConnection);
    emit clientCountChanged(clientCount());
    emit clientAdded(s, c.symbols, c.exchanges);
}

int LiveHub::clientsFrom(const QString &address) const {
    int n = 0;
    for (auto it = clients_.begin(); it != clients_.end(); ++it)
        if (it->address == address && !it.key()->isClosing()) ++n;
    return n;
}

void LiveHub::closeAll() {
    const QList<StreamConnection *> conns = clients_.keys();
    clients_.clear();
    pending_.clear();
    for (StreamConnection *s : conns) {
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

bool LiveHub::matches(const Client &c, const Pending &p) {
    if (!p.symbol.isEmpty() && !c.symbols.isEmpty() && !c.symbols.contains(p.symbol)) return false;
    if (!p.exchange.isEmpty() && !c.exchanges.isEmpty() && !c.exchanges.contains(p.exchange)) return false;
    return true;
}

void LiveHub::publishLiquidations(const QList<LiquidationEvent> &events) {
    for (const LiquidationEvent &e : events) publish(liquidationLine(e), e.symbol, e.exchange);
}

void LiveHub::publish(const QByteArray &json, const QString &symbol, const QString &exchange) {
    if (clients_.isEmpty()) return;
    pending_.push_back({ws::textFrame(json), symbol, exchange});
    if (!flushQueued_) {
        flushQueued_ = true;
        QMetaObject::invokeMethod(this, &LiveHub::flush, Qt::QueuedConnection);
    }
}

void LiveHub::publishTo(StreamConnection *client, const QByteArray &json) {
    auto it = clients_.find(client);
    if (it == clients_.end() || client->isClosing()) return;
    const QByteArray frame = ws::textFrame(json);
    if (client->unsent() + frame.size() > limits_.maxBufferedBytes) {
        drop(client, *it, kCloseTooSlow, QStringLiteral("too slow: over %1 bytes unsent").arg(limits_.maxBufferedBytes));
        return;
    }
    client->sendFrames(frame);
    ++relayed_;
}

void LiveHub::flush() {
    flushQueued_ = false;
    if (pending_.empty()) return;
    std::vector<Pending> batch;
    batch.swap(pending_);
    // One buffer per filter: every client of a group shares it (QTcpSocket keeps a reference).
    QHash<QString, std::pair<QByteArray, int>> byFilter;
    for (auto it = clients_.begin(); it != clients_.end(); ++it) {
        Client &c = *it;
        StreamConnection *s = it.key();
        if (s->isClosing()) continue;
        auto group = byFilter.find(c.filterKey);
        if (group == byFilter.end()) {
            QByteArray bytes;
            int count = 0;
            for (const Pending &p : batch)
                if (matches(c, p)) bytes += p.frame, ++count;
            group = byFilter.insert(c.filterKey, {bytes, count});
        }
        const QByteArray &bytes = group->first;
        if (bytes.isEmpty()) continue;
        if (s->unsent() + bytes.size() > limits_.maxBufferedBytes) {
            drop(s, c, kCloseTooSlow, QStringLiteral("too slow: over %1 bytes unsent").arg(limits_.maxBufferedBytes));
            continue;
        }
        s->sendFrames(bytes);
        relayed_ += group->second;
    }
}

void LiveHub::drop(StreamConnection *s, Client &c, quint16 code, const QString &reason) {
    ++dropped_;
    emit clientDropped(c.address, code, reason);
    s->close(code, reason);
}

void LiveHub::ping() {
    for (auto it = clients_.begin(); it != clients_.end(); ++it) {
        if (it.key()->isClosing()) continue;
        if (it->unansweredPings >= 2) {
            drop(it.key(), *it, kCloseNoPong, QStringLiteral("no pong to two pings"));
            continue;
        }
        ++it->unansweredPings;
        it.key()->ping();
    }
}

}  // namespace lhm::api
