#include "HttpTestServer.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace lhm::test {

namespace {

QString normPath(const QString &p) { return p.startsWith(QLatin1Char('/')) ? p : QLatin1Char('/') + p; }

QByteArray reason(int status) {
    switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

struct Request {
    QByteArray method;
    QString path;
    QString query;
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
};

// Parses "bytes=a-b", "bytes=a-" and "bytes=-n" against a file of `size` bytes.
// Returns false for a syntax we do not serve (then the whole file is sent, as RFC 9110 allows).
bool parseRange(const QByteArray &value, qint64 size, qint64 &first, qint64 &last) {
    static const QRegularExpression re(QStringLiteral("^bytes=(\\d*)-(\\d*)$"));
    const auto m = re.match(QString::fromLatin1(value.trimmed()));
    if (!m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty())) return false;
    if (m.captured(1).isEmpty()) {  // suffix: the last n bytes
        first = std::max<qint64>(0, size - m.captured(2).toLongLong());
        last = size - 1;
    } else {
        first = m.captured(1).toLongLong();
        last = m.captured(2).isEmpty() ? size - 1 : std::min(size - 1, m.captured(2).toLongLong());
    }
    return true;
}

}  // namespace

struct HttpTestServer::Impl {
    QThread thread;
    QObject *home = nullptr;  // lives in `thread`; parent of the server and its sockets
    QTcpServer *server = nullptr;
    quint16 port = 0;
    QString root;
    mutable QMutex mutex;  // guards faults and log (touched from the test thread and the server thread)
    QMap<QString, HttpFault> faults;
    QList<HttpRequestRecord> log;
    HttpHandler handler;

    void onConnection(QTcpSocket *sock);
    void handle(QTcpSocket *sock, const Request &req);
    void sendBody(QTcpSocket *sock, const QByteArray &body, const HttpFault &f, bool drop);
};

void HttpTestServer::Impl::onConnection(QTcpSocket *sock) {
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(sock, &QTcpSocket::disconnected, sock, &QObject::deleteLater);
    QObject::connect(sock, &QTcpSocket::readyRead, sock, [this, sock, buffer] {
        buffer->append(sock->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) return;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        Request req;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        const QUrl url(QString::fromLatin1(first.value(1)));
        req.path = normPath(url.path(QUrl::FullyDecoded));
        req.query = url.query(QUrl::FullyEncoded);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0) req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = req.headers.value("content-length").toLongLong();
        if (buffer->size() < end + 4 + length) return;  // wait for the rest of the body
        req.body = buffer->mid(end + 4, length);
        buffer->clear();
        QObject::disconnect(sock, &QTcpSocket::readyRead, nullptr, nullptr);  // one request per connection
        HttpFault f;
        {
            QMutexLocker lock(&mutex);
            f = faults.value(req.path);
        }
        if (f.delayMs > 0) {
            QPointer<QTcpSocket> guard(sock);
            QTimer::singleShot(f.delayMs, sock, [this, guard, req] {
                if (guard) handle(guard, req);
            });
        } else {
            handle(sock, req);
        }
    });
}

void HttpTestServer::Impl::handle(QTcpSocket *sock, const Request &req) {
    HttpFault f;
    bool fail = false, drop = false;
    {
        QMutexLocker lock(&mutex);
        HttpFault &stored = faults[req.path];
        f = stored;
        if (stored.failTimes > 0) {
            --stored.failTimes;
            fail = true;
        } else if (stored.dropAfterBytes >= 0 && stored.dropTimes != 0) {
            if (stored.dropTimes > 0) --stored.dropTimes;
            drop = true;
        }
    }
    int status = 200;
    QByteArray body;
    QByteArray extra;
    qint64 total = 0;
    const QString filePath = QDir(root).absoluteFilePath(req.path.mid(1));
    std::optional<HttpResponse> scripted;
    HttpHandler h;
    {
        QMutexLocker lock(&mutex);
        h = handler;
    }
    if (h && !fail && f.status == 0) scripted = h(HttpRequestRecord{req.method, req.path, req.headers, 0, req.query, req.body});
    if (scripted) {
        status = scripted->status;
        body = scripted->body;
        for (const auto &[name, value] : scripted->headers) extra += name + ": " + value + "\r\n";
        extra += "Content-Type: application/json\r\n";
    } else if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
        // (POST without a handler is answered like GET: enough for JSON-RPC-style endpoints such as
        // Hyperliquid's POST /info, whose reply a test can lay out as a file.)
        status = 400;
    } else if (fail) {
        status = 500;
        body = "fault injected\n";
    } else if (f.status > 0) {
        status = f.status;
    } else if (req.path.contains(QLatin1String("..")) || !QFileInfo(filePath).isFile()) {
        status = 404;
        body = "not found\n";
    } else {
        QFile file(filePath);
        file.open(QIODevice::ReadOnly);
        body = file.readAll();
        total = body.size();
        qint64 a = 0, b = 0;
        if (req.headers.contains("range") && !f.ignoreRange && parseRange(req.headers.value("range"), total, a, b)) {
            if (a >= total || a > b) {
                status = 416;
                extra = "Content-Range: bytes */" + QByteArray::number(total) + "\r\n";
                body.clear();
            } else {
                status = 206;
                extra = "Content-Range: bytes " + QByteArray::number(a) + '-' + QByteArray::number(b) + '/' +
                        QByteArray::number(total) + "\r\n";
                body = body.mid(a, b - a + 1);
            }
        }
        extra += "Accept-Ranges: bytes\r\nContent-Type: application/octet-stream\r\n";
    }
    {
        QMutexLocker lock(&mutex);
        log.append({req.method, req.path, req.headers, status, req.query, req.body});
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extra + "\r\n";
    sock->write(head);
    if (req.method == "HEAD") body.clear();
    sendBody(sock, body, f, drop);
}

void HttpTestServer::Impl::sendBody(QTcpSocket *sock, const QByteArray &body, const HttpFault &f, bool drop) {
    const QByteArray payload = drop ? body.left(f.dropAfterBytes) : body;
    if (f.chunkBytes <= 0) {
        sock->write(payload);
        sock->disconnectFromHost();  // flushes first; a dropped body ends short of Content-Length
        return;
    }
    auto offset = std::make_shared<qint64>(0);
    auto *timer = new QTimer(sock);
    timer->setInterval(f.chunkDelayMs);
    QObject::connect(timer, &QTimer::timeout, sock, [sock, timer, payload, offset, n = f.chunkBytes] {
        if (sock->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        sock->write(payload.mid(*offset, n));
        *offset += n;
        if (*offset >= payload.size()) {
            timer->stop();
            sock->disconnectFromHost();
        }
    });
    timer->start();
}

HttpTestServer::HttpTestServer() : d(std::make_unique<Impl>()) {}

HttpTestServer::~HttpTestServer() {
    if (d->home) {
        QMetaObject::invokeMethod(d->home, [this] { delete d->home; }, Qt::BlockingQueuedConnection);
        d->home = nullptr;
    }
    d->thread.quit();
    d->thread.wait();
}

bool HttpTestServer::start(const QString &rootDir) {
    d->root = rootDir;
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

quint16 HttpTestServer::port() const { return d->port; }
QString HttpTestServer::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(d->port); }

void HttpTestServer::setFault(const QString &path, const HttpFault &fault) {
    QMutexLocker lock(&d->mutex);
    d->faults.insert(normPath(path), fault);
}

void HttpTestServer::setHandler(HttpHandler handler) {
    QMutexLocker lock(&d->mutex);
    d->handler = std::move(handler);
}

void HttpTestServer::clearFaults() {
    QMutexLocker lock(&d->mutex);
    d->faults.clear();
}

QList<HttpRequestRecord> HttpTestServer::requests() const {
    QMutexLocker lock(&d->mutex);
    return d->log;
}

QList<HttpRequestRecord> HttpTestServer::requestsFor(const QString &path) const {
    QMutexLocker lock(&d->mutex);
    QList<HttpRequestRecord> out;
    for (const auto &r : d->log)
        if (r.path == normPath(path)) out.append(r);
    return out;
}

void HttpTestServer::clearLog() {
    QMutexLocker lock(&d->mutex);
    d->log.clear();
}

}  // namespace lhm::test
