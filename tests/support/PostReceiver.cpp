#include "PostReceiver.h"

#include <QDateTime>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace lhm::test {

struct PostReceiver::Impl {
    QThread thread;
    QObject *home = nullptr;
    QTcpServer *server = nullptr;
    quint16 port = 0;
    mutable QMutex mutex;
    QMap<QString, PostReply> replies;
    QMap<QString, int> served;  // prefix -> requests answered so far
    QList<ReceivedRequest> log;

    void onConnection(QTcpSocket *sock);
    void answer(QTcpSocket *sock, const ReceivedRequest &req);
};

void PostReceiver::Impl::onConnection(QTcpSocket *sock) {
    auto buffer = std::make_shared<QByteArray>();
    auto done = std::make_shared<bool>(false);
    QObject::connect(sock, &QTcpSocket::disconnected, sock, &QObject::deleteLater);
    QObject::connect(sock, &QTcpSocket::readyRead, sock, [this, sock, buffer, done] {
        if (*done) return;
        buffer->append(sock->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) return;
        ReceivedRequest req;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        req.path = QString::fromUtf8(first.value(1));
        qint64 length = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            req.headers.insert(name, value);
            if (name == "content-length") length = value.toLongLong();
        }
        if (buffer->size() - end - 4 < length) return;  // body not complete yet
        req.body = buffer->mid(end + 4, length);
        req.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        *done = true;
        answer(sock, req);
    });
}

void PostReceiver::Impl::answer(QTcpSocket *sock, const ReceivedRequest &req) {
    PostReply reply;
    QString matched;
    bool fail = false;
    {
        QMutexLocker lock(&mutex);
        log.append(req);
        for (auto it = replies.cbegin(); it != replies.cend(); ++it)
            if (req.path.startsWith(it.key()) && it.key().size() >= matched.size()) matched = it.key(), reply = it.value();
        fail = served[matched]++ < reply.failFirst;
    }
    const int status = fail ? 500 : reply.status;
    const QByteArray body = fail ? QByteArray("{\"ok\":false}") : reply.body;
    const QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nConnection: close\r\n"
                           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    auto send = [sock, out] {
        sock->write(out);
        sock->disconnectFromHost();
    };
    if (reply.delayMs > 0) QTimer::singleShot(reply.delayMs, sock, send);
    else send();
}

PostReceiver::PostReceiver() : d(new Impl) {}

PostReceiver::~PostReceiver() {
    if (d->home) QMetaObject::invokeMethod(d->home, [this] { delete d->home; }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

bool PostReceiver::start() {
    d->thread.start();
    d->home = new QObject;
    d->home->moveToThread(&d->thread);
    bool ok = false;
    QMetaObject::invokeMethod(d->home, [this, &ok] {
        d->server = new QTcpServer(d->home);
        QObject::connect(d->server, &QTcpServer::newConnection, d->server, [this] {
            while (QTcpSocket *s = d->server->nextPendingConnection()) d->onConnection(s);
        });
        ok = d->server->listen(QHostAddress::LocalHost, 0);
        d->port = d->server->serverPort();
    }, Qt::BlockingQueuedConnection);
    return ok;
}

quint16 PostReceiver::port() const { return d->port; }
QString PostReceiver::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(d->port); }

void PostReceiver::setReply(const QString &prefix, const PostReply &reply) {
    QMutexLocker lock(&d->mutex);
    d->replies.insert(prefix, reply);
    d->served.remove(prefix);
}

QList<ReceivedRequest> PostReceiver::requests() const {
    QMutexLocker lock(&d->mutex);
    return d->log;
}

int PostReceiver::count() const {
    QMutexLocker lock(&d->mutex);
    return int(d->log.size());
}

}  // namespace lhm::test
