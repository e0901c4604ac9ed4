#include "api/StreamDoor.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace lhm::api {

bool parseUpgrade(const QByteArray &head, UpgradeRequest *out) {
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty()) return false;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    if (first.size() != 3 || !first[2].startsWith("HTTP/")) return false;
    UpgradeRequest r;
    r.method = first[0];
    r.target = first[1];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0) continue;
        r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    if (!r.header("upgrade").toLower().contains("websocket")) return false;
    *out = std::move(r);
    return true;
}

void StreamDoor::incomingConnection(qintptr descriptor) {
    auto *s = new QTcpSocket(this);
    if (!s->setSocketDescriptor(descriptor)) {
        delete s;
        return;
    }
    waiting_.insert(s);
    connect(s, &QTcpSocket::readyRead, this, [this, s] { sniff(s); });
    connect(s, &QTcpSocket::disconnected, this, [this, s] { waiting_.remove(s); });
    connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    QTimer::singleShot(headTimeoutMs_, this, [this, guard = QPointer<QTcpSocket>(s)] {
        if (!guard || !waiting_.remove(guard.data())) return;  // the head came in time
        guard->abort();
        guard->deleteLater();
    });
}

void StreamDoor::sniff(QTcpSocket *s) {
    const QByteArray head = s->peek(kMaxHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 && head.size() < kMaxHead) return;  // the head is still arriving
    waiting_.remove(s);
    s->disconnect(this);
    UpgradeRequest r;
    if (end >= 0 && parseUpgrade(head.left(end), &r)) {
        s->skip(end + 4);
        emit upgradeRequested(s, r);
        return;
    }
    // Plain HTTP: QtHttpServer takes the socket from the pending queue (synchronously, same
    // thread) and reads the bytes that were only peeked at. Connected before QtHttpServer's own
    // handler, the watch sees every later arrival first.
    connect(s, &QTcpSocket::readyRead, this, [this, s] { watchKeepAlive(s); });
    addPendingConnection(s);
    emit s->readyRead();
}

void StreamDoor::watchKeepAlive(QTcpSocket *s) {
    // QtHttpServer reads a request inside a socket transaction that it commits once the request is
    // complete: while one is open, the bytes of the request so far are held from its start. Look
    // from there, and put the read position back where QtHttpServer's parser left it otherwise.
    qint64 consumed = 0;
    if (s->isTransactionStarted()) {
        const qint64 unread = s->bytesAvailable();
        s->rollbackTransaction();
        consumed = s->bytesAvailable() - unread;
    }
    const QByteArray head = s->peek(kMaxHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    UpgradeRequest r;
    if (end >= 0 && parseUpgrade(head.left(end), &r)) {
        // QtHttpServer lets go of the connection: its handler would answer the upgrade by closing it.
        QObject::disconnect(s, &QTcpSocket::readyRead, nullptr, nullptr);
        s->skip(end + 4);
        emit upgradeRequested(s, r);
        return;
    }
    if (consumed > 0) {
        s->startTransaction();
        s->read(consumed);
    }
}

}  // namespace lhm::api
