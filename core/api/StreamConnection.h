#pragma once
// StreamConnection: the server end of one /ws/liquidations WebSocket after StreamDoor took its
// upgrade request. It writes pre-built frames (LiveHub builds each event's frame once for every
// client) and answers the client's control frames: ping -> pong, pong -> pong(), close -> the
// closing handshake. RFC 6455 framing lives in WsFrame.
#include "api/WsFrame.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace lhm::api {

class StreamConnection : public QObject {
    Q_OBJECT
public:
    // Takes the socket whose upgrade request was read; writes the 101 answer for `clientKey`.
    StreamConnection(QTcpSocket *socket, const QByteArray &clientKey, QObject *parent = nullptr);
    ~StreamConnection() override;

    // Bytes already framed; several frames may go in one call (one socket write).
    void sendFrames(const QByteArray &frames);
    qint64 unsent() const { return socket_ ? socket_->bytesToWrite() : 0; }
    void ping();
    // Sends a close frame and stops sending; the TCP connection is cut after `graceMs` if the
    // client never answers (a client that stopped reading never takes the close frame either).
    void close(quint16 code, const QString &reason, int graceMs = 1000);
    void abort();
    bool isClosing() const { return closeSent_; }
    QHostAddress peerAddress() const { return peer_; }

signals:
    void pong();
    void closed();  // the TCP connection is gone (emitted once)

private:
    void onReadyRead();
    void onDisconnected();

    QPointer<QTcpSocket> socket_;
    ws::FrameReader reader_{64 * 1024};
    QHostAddress peer_;
    bool closeSent_ = false;
    bool gone_ = false;
};

}  // namespace lhm::api
