#include "api/ApiServer.h"

#include "api/StreamConnection.h"
#include "api/StreamDoor.h"
#include "feeds/LiveController.h"
#include "engine/CoreEngine.h"
#include "engine/LiveSession.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QLoggingCategory>
#include <exception>

Q_LOGGING_CATEGORY(lcApi, "lhm.api", QtInfoMsg)

namespace lhm::api {

namespace {

bool isLoopback(const QHostAddress &a) { return a.isLoopback(); }

// Compares without an early exit, so the time taken does not tell how much of a guess was right.
bool sameSecret(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString clientOf(const QHostAddress &a) {
    // IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d: one client, one address.
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok);
    return ok ? QHostAddress(v4).toString() : a.toString();
}

QSet<QString> listParam(const QUrlQuery &q, const QString &key, bool upper) {
    QSet<QString> out;
    for (const QString &v : q.allQueryItemValues(key, QUrl::FullyDecoded))
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) out.insert(upper ? part.trimmed().toUpper() : part.trimmed().toLower());
    return out;
}

}  // namespace

ApiServer::ApiServer(CoreEngine *engine, QObject *parent)
    : QAbstractHttpServer(parent), engine_(engine), alerts_(engine, &hub_), signals_(engine, &hub_) {
    clock_.start();
    connect(&hub_, &LiveHub::clientAdded, &signals_, &SignalRelay::greet);
}

ApiServer::~ApiServer() {
    setLiveSession(nullptr);
    stop();
    // Workers answer through queued calls to `this`: none may still be running when it is gone.
    if (inFlight_.load() > 0 && engine_) engine_->waitForIdle();
}

Status ApiServer::start(const ApiOptions &options) {
    stop();
    opt_ = options;
    if (opt_.version.isEmpty()) opt_.version = QCoreApplication::applicationVersion();
    if (!isLoopback(opt_.bind) && opt_.token.isEmpty())
        return Error(QStringLiteral("binding to %1 (not loopback) requires a token (--token-env VAR)").arg(opt_.bind.toString()), {}, 0,
                     QStringLiteral("token"));
    limiter_ = RateLimiter(opt_.ratePerSecond, std::max(1.0, opt_.rateBurst));
    hub_.setLimits(opt_.stream);
    auto *tcp = new StreamDoor(this);
    tcp->setHeadTimeoutMs(opt_.headTimeoutMs);
    connect(tcp, &StreamDoor::upgradeRequested, this, &ApiServer::onUpgrade);
    if (!tcp->listen(opt_.bind, opt_.port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Error(QStringLiteral("cannot listen on %1:%2: %3").arg(opt_.bind.toString()).arg(opt_.port).arg(why), {}, 0,
                     QStringLiteral("port"));
    }
    bind(tcp);
    port_ = tcp->serverPort();
    if (!isLoopback(opt_.bind))
        qCWarning(lcApi).noquote() << "local API listening on" << address()
                                    << "- reachable from other machines; requests need the bearer token";
    emit listeningChanged(true);
    return {};
}

void ApiServer::stop() {
    hub_.closeAll();
    for (QTcpServer *s : servers()) {
        s->close();
        s->deleteLater();
    }
    if (port_ != 0) {
        port_ = 0;
        emit listeningChanged(false);
    }
}

QString ApiServer::address() const {
    const QString host = opt_.bind.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(opt_.bind.toString())
                                                                               : opt_.bind.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port_);
}

void ApiServer::setLiveSession(LiveSession *live) {
    if (live_) live_->disconnect(this), live_->disconnect(&hub_), live_->disconnect(&alerts_), live_->disconnect(&signals_);
    alerts_.stop();
    signals_.stop();
    live_ = live;
    if (!live) return;
    // The liquidation messages go first; the alerts they fire follow them on the stream.
    connect(live, &LiveSession::liquidations, &hub_, &LiveHub::publishLiquidations);
    connect(live, &LiveSession::liquidations, &alerts_, &AlertRelay::onLiquidations);
    connect(live, &LiveSession::ticks, &alerts_, &AlertRelay::onTicks);
    connect(live, &LiveSession::liquidations, &signals_, &SignalRelay::onLiquidations);
    auto follow = [this, live] {
        // The GUI follows every symbol of its exchanges (an empty list): signals for the focus symbol.
        QStringList symbols = live->options().symbols;
        if (symbols.isEmpty() && !live->focusSymbol().isEmpty()) symbols << live->focusSymbol();
        signals_.start(symbols, live->exchanges(), opt_.signalIntervalMs);
    };
    connect(live, &LiveSession::started, this, follow);
    connect(live, &LiveSession::stopped, &signals_, &SignalRelay::stop);
    if (live->isRunning()) follow();
    alerts_.start();
}

LiveStatus ApiServer::liveStatus() const {
    LiveStatus s;
    s.streamClients = hub_.clientCount();
    s.eventsRelayed = hub_.relayed();
    if (!live_) return s;
    s.running = live_->isRunning();
    s.exchanges = live_->exchanges();
    s.symbols = live_->options().symbols;
    if (s.running && live_->controller()) {
        s.health = live_->controller()->supervisor().snapshot();
    }
    return s;
}

bool ApiServer::authorized(const QByteArray &authorization, const QString &queryToken) const {
    if (opt_.token.isEmpty()) return true;
    const QByteArray want = opt_.token.toUtf8();
    if (authorization.startsWith("Bearer ") && sameSecret(authorization.mid(7).trimmed(), want)) return true;
    return !queryToken.isEmpty() && sameSecret(queryToken.toUtf8(), want);
}

void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket) {
    write(socket, ApiResponse::error(404, QString(), QStringLiteral("no such endpoint")), false);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    // StreamDoor takes every WebSocket upgrade, on a new connection or a keep-alive one, before
    // QtHttpServer parses it; one reaching here got past it (a QtHttpServer that hands upgrades on).
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        write(socket, ApiResponse::error(400, QStringLiteral("upgrade"), QStringLiteral("WebSocket upgrade not taken by the stream")), true);
        return true;
    }
    const QString client = clientOf(request.remoteAddress());
    const bool closeAfter = request.value("connection").toLower() == "close";
    const QUrl url = request.url();
    if (url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority).size() > opt_.maxUrlBytes) {
        write(socket, ApiResponse::error(414, QString(), QStringLiteral("URL longer than %1 bytes").arg(opt_.maxUrlBytes)), true);
        return true;
    }
    ApiRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get: r.method = "GET"; break;
    case QHttpServerRequest::Method::Post: r.method = "POST"; break;
    case QHttpServerRequest::Method::Put: r.method = "PUT"; break;
    case QHttpServerRequest::Method::Delete: r.method = "DELETE"; break;
    case QHttpServerRequest::Method::Options: r.method = "OPTIONS"; break;
    default:
        write(socket, ApiResponse::error(405, QString(), QStringLiteral("method not allowed")), closeAfter);
        return true;
    }
    if (r.method == "OPTIONS") {  // CORS preflight: answered only when CORS is on
        ApiResponse pre;
        pre.status = opt_.corsOrigin.isEmpty() ? 405 : 204;
        if (!opt_.corsOrigin.isEmpty())
            pre.headers = {{"Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"},
                           {"Access-Control-Allow-Headers", "Authorization, Content-Type"}};
        write(socket, pre, closeAfter);
        return true;
    }
    if (!limiter_.allow(client, clock_.elapsed())) {
        ApiResponse busy = ApiResponse::error(429, QString(), QStringLiteral("over %1 requests per second").arg(opt_.ratePerSecond));
        busy.headers << qMakePair(QByteArray("Retry-After"), QByteArray::number(std::max<qint64>(1, (limiter_.retryAfterMs(client) + 999) / 1000)));
        write(socket, busy, closeAfter);
        return true;
    }
    const QUrlQuery query(url);
    if (!authorized(request.value("authorization"), QString())) {
        ApiResponse no = ApiResponse::error(401, QStringLiteral("authorization"), QStringLiteral("a valid bearer token is required"));
        no.headers << qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer"));
        write(socket, no, closeAfter);
        return true;
    }
    if (request.body().size() > opt_.maxBodyBytes) {
        write(socket, ApiResponse::error(413, QString(), QStringLiteral("body longer than %1 bytes").arg(opt_.maxBodyBytes)), true);
        return true;
    }
    r.path = url.path(QUrl::FullyDecoded);
    if (r.path.size() > 1 && r.path.endsWith(u'/')) r.path.chop(1);
    for (const auto &[k, v] : query.queryItems(QUrl::FullyDecoded)) r.query.append({k, v});
    r.body = request.body();
    r.client = client;

    QString cacheKey;
    if (ApiRoutes::cacheable(r) && opt_.cacheTtlMs > 0) {
        QStringList parts;
        for (const auto &[k, v] : r.query) parts << k + u'=' + v;
        parts.sort();
        cacheKey = r.path + u'?' + parts.join(u'&');
        if (const ApiResponse *hit = cached(cacheKey)) {
            ++cacheHits_;
            write(socket, *hit, closeAfter);
            return true;
        }
    }
    if (!engine_) {
        write(socket, ApiResponse::error(503, QString(), QStringLiteral("shutting down")), true);
        return true;
    }
    const LiveStatus live = liveStatus();
    const QString version = opt_.version;
    QPointer<QTcpSocket> sock(socket);
    ++inFlight_;
    ++answering_[socket];
    const QTcpSocket *key = socket;
    engine_->runWithStore([this, r = std::move(r), live, version, sock, key, closeAfter, cacheKey](Result<Store *> store) {
        ApiResponse resp;
        try {
            resp = store ? ApiRoutes::handle(r, **store, live, version)
                         : ApiResponse::error(503, QString(), QStringLiteral("store unavailable: %1").arg(store.error().toString()));
        } catch (const std::exception &e) {
            resp = ApiResponse::error(500, QString(), QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(this, [this, resp = std::move(resp), sock, key, closeAfter, cacheKey] {
            --inFlight_;
            if (--answering_[key] <= 0) answering_.remove(key);
            if (!cacheKey.isEmpty() && resp.status == 200) remember(cacheKey, resp);
            if (sock && sock->state() == QAbstractSocket::ConnectedState) write(sock, resp, closeAfter);
        }, Qt::QueuedConnection);
    });
    return true;
}

void ApiServer::write(QTcpSocket *socket, const ApiResponse &r, bool closeAfter) {
    ++served_;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + statusText(r.status) + "\r\n";
    if (r.status != 204) head += "Content-Type: " + r.contentType + "\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    if (!opt_.corsOrigin.isEmpty()) head += "Access-Control-Allow-Origin: " + opt_.corsOrigin.toUtf8() + "\r\nVary: Origin\r\n";
    for (const auto &[k, v] : r.headers) head += k + ": " + v + "\r\n";
    head += "Cache-Control: no-store\r\n";
    if (closeAfter) head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    if (r.status != 204) socket->write(r.body);
    if (closeAfter) socket->disconnectFromHost();
}

const ApiResponse *ApiServer::cached(const QString &key) {
    auto it = cache_.find(key);
    if (it == cache_.end()) return nullptr;
    if (clock_.elapsed() - it->at > opt_.cacheTtlMs) {
        cacheBytes_ -= it->response.body.size();
        lru_.erase(it->lru);
        cache_.erase(it);
        return nullptr;
    }
    lru_.splice(lru_.begin(), lru_, it->lru);
    return &it->response;
}

void ApiServer::remember(const QString &key, const ApiResponse &r) {
    if (r.body.size() > opt_.cacheMaxBytes) return;
    if (auto old = cache_.find(key); old != cache_.end()) {
        cacheBytes_ -= old->response.body.size();
        lru_.erase(old->lru);
        cache_.erase(old);
    }
    while (cacheBytes_ + r.body.size() > opt_.cacheMaxBytes && !lru_.empty()) {
        auto victim = cache_.find(lru_.back());
        cacheBytes_ -= victim->response.body.size();
        cache_.erase(victim);
        lru_.pop_back();
    }
    lru_.push_front(key);
    cache_.insert(key, CacheEntry{r, clock_.elapsed(), lru_.begin()});
    cacheBytes_ += r.body.size();
}

void ApiServer::onUpgrade(QTcpSocket *socket, const UpgradeRequest &request) {
    const QString client = clientOf(socket->peerAddress());
    if (answering_.contains(socket)) {
        // Sent before the previous answer on this keep-alive connection was read: that answer
        // would land in the stream. Refused; the pending answer is dropped with the connection.
        answering_.remove(socket);
        write(socket, ApiResponse::error(400, QStringLiteral("upgrade"),
                                         QStringLiteral("WebSocket upgrade sent before the previous response on this connection was read")),
              true);
        return;
    }
    const QByteArray key = request.header("sec-websocket-key");
    if (request.method != "GET" || QByteArray::fromBase64(key).size() != 16 || request.header("sec-websocket-version") != "13") {
        // Not a WebSocket handshake we can answer (RFC 6455 section 4.2.2): 400 (426 names the version).
        const bool version = request.method == "GET" && QByteArray::fromBase64(key).size() == 16;
        ApiResponse r = ApiResponse::error(version ? 426 : 400, QStringLiteral("Sec-WebSocket-%1").arg(version ? QStringLiteral("Version") : QStringLiteral("Key")),
                                           version ? QStringLiteral("WebSocket version 13 required") : QStringLiteral("not a WebSocket handshake"));
        if (version) r.headers << qMakePair(QByteArray("Sec-WebSocket-Version"), QByteArray("13"));
        write(socket, r, true);
        return;
    }
    auto *s = new StreamConnection(socket, key, this);
    connect(s, &StreamConnection::closed, s, &QObject::deleteLater);  // until the hub takes it
    const QUrl url = QUrl::fromEncoded("http://localhost" + request.target);
    const QUrlQuery q(url);
    // Refusals complete the handshake and then close with a code, so every WebSocket client can
    // read why (a failed handshake only shows as a network error).
    auto refuse = [s](quint16 code, const QString &why) { s->close(code, why); };
    if (!authorized(request.header("authorization"), q.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded))) {
        refuse(kCloseUnauthorized, QStringLiteral("a valid bearer token is required"));
        return;
    }
    QString path = url.path();
    if (path.endsWith(u'/')) path.chop(1);
    if (path != QLatin1String("/ws/liquidations")) {
        refuse(kCloseUnknownPath, QStringLiteral("no stream at %1 (use /ws/liquidations)").arg(path));
        return;
    }
    if (hub_.clientsFrom(client) >= opt_.maxStreamsPerAddress) {
        refuse(kCloseTooManyStreams, QStringLiteral("over %1 connections from %2").arg(opt_.maxStreamsPerAddress).arg(client));
        return;
    }
    const QSet<QString> symbols = listParam(q, QStringLiteral("symbols"), true);
    const QSet<QString> exchanges = listParam(q, QStringLiteral("exchanges"), false);
    QString bad;
    for (const QString &e : exchanges)
        if (feeds::Exchange x; !feeds::exchangeFromName(e, &x)) bad = QStringLiteral("unknown exchange '%1'").arg(e);
    if (symbols.size() > 100 || exchanges.size() > 10) bad = QStringLiteral("too many symbols or exchanges");
    if (!bad.isEmpty()) {
        refuse(kCloseBadRequest, bad);
        return;
    }
    s->disconnect(s);
    hub_.addClient(s, client, symbols, exchanges);
}

}  // namespace lhm::api
