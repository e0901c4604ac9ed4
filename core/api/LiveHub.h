#pragma once
// The WebSocket side of the local API: clients of /ws/liquidations?symbols=&exchanges= get one
// text message per live event, shaped like an `lhm live --json` line ({"type":"liquidation",…}),
// plus {"type":"alert",…} and {"type":"signal",…} messages. Every client is pinged; one that does
// not answer two pings, or whose unsent data exceeds the buffer limit (it reads slower than events
// arrive), is closed with a reason instead of buffering without bound.
//
// Fan-out cost: each message is framed once; published messages wait until the event loop's next
// turn, then every group of clients with the same filter gets one shared buffer (no copy per
// client) in one socket write.
#include "common/Types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>
#include <vector>

namespace lhm::api {

class StreamConnection;

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
    // Takes the connection; filters are upper-case symbols and lower-case exchanges (empty = all).
    void addClient(StreamConnection *connection, const QString &address, QSet<QString> symbols, QSet<QString> exchanges);
    int clientCount() const { return int(clients_.size()); }
    int clientsFrom(const QString &address) const;
    qint64 relayed() const { return relayed_; }
    qint64 dropped() const { return dropped_; }
    void closeAll();

public slots:
    void publishLiquidations(const QList<lhm::LiquidationEvent> &events);
    // A pre-built message for the clients following (symbol, exchange); empty matches every filter.
    void publish(const QByteArray &json, const QString &symbol, const QString &exchange);
    // A message for one client only (its current state right after it connected).
    void publishTo(lhm::api::StreamConnection *client, const QByteArray &json);

signals:
    void clientAdded(lhm::api::StreamConnection *client, const QSet<QString> &symbols, const QSet<QString> &exchanges);
    void clientDropped(const QString &address, quint16 code, const QString &reason);
    void clientCountChanged(int count);

private:
    struct Client {
        QString address;
        QSet<QString> symbols, exchanges;
        QString filterKey;  // clients with equal keys get the same messages
        int unansweredPings = 0;
    };
    struct Pending {
        QByteArray frame;
        QString symbol, exchange;
    };
    static bool matches(const Client &c, const Pending &p);
    void flush();
    void drop(StreamConnection *s, Client &c, quint16 code, const QString &reason);
    void ping();

    QHash<StreamConnection *, Client> clients_;
    std::vector<Pending> pending_;
    bool flushQueued_ = false;
    StreamLimits limits_;
    QTimer pingTimer_;
    qint64 relayed_ = 0, dropped_ = 0;
};

}  // namespace lhm::api
