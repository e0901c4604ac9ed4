#include "api/StreamConnection.h"

#include <QTimer>

namespace lhm::api {

StreamConnection::StreamConnection(QTcpSocket *socket, const QByteArray &clientKey, QObject *parent)
    : QObject(parent), socket_(socket), peer_(socket->peerAddress()) {
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);  // frames are small; do not hold them for Nagle
    connect(socket, &QTcpSocket::readyRead, this, &StreamConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &StreamConnection::onDisconnected);
    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
                  ws::acceptKey(clientKey) + "\r\n\r\n");
    if (socket->bytesAvailable() > 0) QMetaObject::invokeMethod(this, &StreamConnection::onReadyRead, Qt::QueuedConnection);
    if (socket->state() != QAbstractSocket::ConnectedState) QMetaObject::invokeMethod(this, &StreamConnection::onDisconnected, Qt::QueuedConnection);
}

StreamConnection::~StreamConnection() {
    if (socket_) socket_->disconnect(this);
}

void StreamConnection::sendFrames(const QByteArray &frames) {
    if (socket_ && !closeSent_ && !frames.isEmpty()) socket_->write(frames);
}

void StreamConnection::ping() {
    if (socket_ && !closeSent_) socket_->write(ws::frame(ws::kPing, QByteArray()));
}

void StreamConnection::close(quint16 code, const QString &reason, int graceMs) {
    if (!socket_ || closeSent_) return;
    closeSent_ = true;
    socket_->write(ws::closeFrame(code, reason));
    QTimer::singleShot(graceMs, this, &StreamConnection::abort);
}

void StreamConnection::abort() {
    if (socket_) socket_->abort();
    onDisconnected();
}

void StreamConnection::onReadyRead() {
    if (!socket_) return;
    QList<ws::Frame> frames;
    if (!reader_.feed(socket_->readAll(), &frames)) {
        close(reader_.errorCode(), reader_.errorText());
        return;
    }
    for (const ws::Frame &f : frames) {
        switch (f.opcode) {
        case ws::kPing:
            if (!closeSent_) socket_->write(ws::frame(ws::kPong, f.payload));
            break;
        case ws::kPong:
            emit pong();
            break;
        case ws::kClose:
            // The client's close, or its answer to ours: echo its code once, then the server
            // closes TCP first (RFC 6455 section 7.1.1).
            if (!closeSent_) {
                closeSent_ = true;
                socket_->write(ws::frame(ws::kClose, f.payload.left(2)));
            }
            socket_->disconnectFromHost();
            return;
        default:
            break;  // the stream is one way: data frames from a client are read and dropped
        }
    }
}

void StreamConnection::onDisconnected() {
    if (gone_) return;
    gone_ = true;
    emit closed();
}

}  // namespace lhm::api
