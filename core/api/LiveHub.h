#pragma once
// The WebSocket side of the local API: clients of /ws/liquidations?symbols=&exchanges= get one
// text message per live event, shaped like an `lhm live --json` line ({"type":"liquidation",…}),
// plus {"type":"alert",…} and {"type":"signal",…} messages. Every client is pinged; one that does
// not answer two pings, or whose unsent data exceeds the buffer limit (it reads slower than events
// arrive), is closed with a reason instead of buffering without bound.
#include "common/Types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

class QWebSocket;

namespace lhm::api {

struct StreamLimits {
    qint64 maxBufferedBytes = 4 << 20;  // unsent bytes per client before it is dropped
    int pingIntervalMs = 15000;
};

// Close codes (application range 4000-4999) the API uses; docs/api.md lists them.
enum StreamCloseCode : quint16 {
    kCloseTooSlow = 4008,           // the client did not keep up
    kCloseTooManyStreams = 4029,    // more than the per-address limit of connections
    kCloseUnauthorized = 4001,      // missing or wrong token
    kCloseUnknownPath = 4004,       // not /ws/liquidations
    kCloseBadRequest = 4000,        // bad symbols/exchanges parameter
    kCloseNoPong = 4010,            // two pings unanswered
};

class LiveHub : public QObject {
    Q_OBJECT
public:
    explicit LiveHub(QObject *parent = nullptr);
    ~LiveHub() override;

    void setLimits(const StreamLimits &l);
    // Takes the socket; filters are upper-case symbols and lower-case exchanges (empty = all).
    void addClient(QWebSocket *socket, const QString &address, QSet<QString> symbols, QSet<QString> exchanges);
    int clientCount() const { return int(clients_.size()); }
    int clientsFrom(const QString &address) const;
    qint64 relayed() const { return relayed_; }
    qint64 dropped() const { return dropped_; }
    void closeAll();

public slots:
    void publishLiquidations(const QList<lhm::LiquidationEvent> &events);
    // A pre-built message for the clients following (symbol, exchange); empty matches every filter.
    void publish(const QByteArray &json, const QString &symbol, const QString &exchange);

signals:
    void clientDropped(const QString &address, quint16 code, const QString &reason);
    void clientCountChanged(int count);

private:
    struct Client {
        QString address;
        QSet<QString> symbols, exchanges;
        qint64 pending = 0;  // bytes handed to the socket and not yet written
        int unansweredPings = 0;
        bool closing = false;
    };
    void send(QWebSocket *s, Client &c, const QString &message, qint64 bytes);
    void drop(QWebSocket *s, Client &c, quint16 code, const QString &reason);
    void ping();

    QHash<QWebSocket *, Client> clients_;
    StreamLimits limits_;
    QTimer pingTimer_;
    qint64 relayed_ = 0, dropped_ = 0;
};

}  // namespace lhm::api
