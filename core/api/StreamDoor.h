#pragma once
// StreamDoor: the listening socket of the local API. It looks at the first request of every new
// connection without consuming it: a WebSocket upgrade is taken by the API's own stream (one
// shared frame per event, one socket write per client per event-loop turn, instead of a
// QWebSocket message per client per event); anything else goes on to QtHttpServer untouched.
// It keeps watching a connection it handed on, so an upgrade sent later on the same keep-alive
// connection is taken too (QtHttpServer 6.4 would close the connection on it).
//
//     auto *door = new StreamDoor(server);      // server: the QAbstractHttpServer
//     connect(door, &StreamDoor::upgradeRequested, …);
//     door->listen(address, port);
//     server->bind(door);
#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QTcpServer>

class QTcpSocket;

namespace lhm::api {

// The parts of an HTTP upgrade request the stream looks at.
struct UpgradeRequest {
    QByteArray method;                    // GET
    QByteArray target;                    // path and query, as sent
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

class StreamDoor : public QTcpServer {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxHead = 8192;  // a longer head goes to QtHttpServer (and its 414)

    static constexpr int kDefaultHeadTimeoutMs = 10000;

    explicit StreamDoor(QObject *parent = nullptr) : QTcpServer(parent) {}

    // A connection whose request head has not arrived in this time is closed, so a client that
    // connects and sends nothing cannot hold a socket for ever.
    void setHeadTimeoutMs(int ms) { headTimeoutMs_ = ms; }
    int waitingCount() const { return int(waiting_.size()); }  // connections whose head is still due

signals:
    // The request head is consumed; the socket is the receiver's (child of the door until reparented).
    void upgradeRequested(QTcpSocket *socket, const lhm::api::UpgradeRequest &request);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void sniff(QTcpSocket *socket);
    void watchKeepAlive(QTcpSocket *socket);

    int headTimeoutMs_ = kDefaultHeadTimeoutMs;
    QSet<QTcpSocket *> waiting_;
};

// Parses a request head (without its blank line). False when it is not a WebSocket upgrade.
bool parseUpgrade(const QByteArray &head, UpgradeRequest *out);

}  // namespace lhm::api
