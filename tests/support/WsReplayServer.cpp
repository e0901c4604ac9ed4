#include "WsReplayServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace lhm::test {

WsReplayServer::WsReplayServer(QStringList frames, QObject *parent) : QObject(parent), frames_(std::move(frames)) {
    timer_ = new QTimer(this);
    timer_->setInterval(2);
    connect(timer_, &QTimer::timeout, this, &WsReplayServer::tick);
}

WsReplayServer::~WsReplayServer() {
    for (Client &c : clients_) {
        c.socket->disconnect(this);
        c.socket->abort();
    }
}

bool WsReplayServer::listen() {
    if (!server_) {
        server_ = new QWebSocketServer(QStringLiteral("lhm-replay"), QWebSocketServer::NonSecureMode, this);
        connect(server_, &QWebSocketServer::newConnection, this, &WsReplayServer::onNewConnection);
    }
    if (!server_->listen(QHostAddress::LocalHost, port_)) return false;
    port_ = server_->serverPort();
    timer_->start();
    return true;
}

QUrl WsReplayServer::url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port_)); }

void WsReplayServer::setFrames(QStringList frames) {
    frames_ = std::move(frames);
    cursor_ = 0;
}

void WsReplayServer::appendFrames(const QStringList &frames) { frames_ += frames; }

void WsReplayServer::onNewConnection() {
    while (QWebSocket *s = server_->nextPendingConnection()) {
        ++connections_;
        if (outgoingFrameSize_ > 0) s->setOutgoingFrameSize(quint64(outgoingFrameSize_));
        clients_.append({s, false, 0});
        connect(s, &QWebSocket::textMessageReceived, this, [this, s](const QString &m) { onMessage(s, m); });
        connect(s, &QWebSocket::disconnected, this, [this, s] {
            for (qsizetype i = 0; i < clients_.size(); ++i)
                if (clients_[i].socket == s) clients_.removeAt(i--);
            s->deleteLater();
        });
    }
}

WsReplayServer::Client *WsReplayServer::find(QWebSocket *s) {
    for (Client &c : clients_)
        if (c.socket == s) return &c;
    return nullptr;
}

void WsReplayServer::onMessage(QWebSocket *socket, const QString &msg) {
    received_ << msg;
    Client *c = find(socket);
    if (!c) return;
    const QString compact = QString(msg).remove(u' ');
    if (compact == QLatin1String("ping") || compact == QLatin1String(R"({"op":"ping"})") ||
        compact == QLatin1String(R"({"method":"ping"})")) {
        if (silent_) return;
        if (compact == QLatin1String("ping")) socket->sendTextMessage(QStringLiteral("pong"));
        else if (compact.contains(QLatin1String("\"op\""))) socket->sendTextMessage(QStringLiteral(R"({"op":"pong","success":true})"));
        else socket->sendTextMessage(QStringLiteral(R"({"channel":"pong"})"));
        return;
    }
    if (c->subscribed) return;
    c->subscribed = true;
    ++subscriptions_;
    if (subscriptions_ > 1 && resend_ > 0) {
        // Like an exchange snapshot after a reconnect: frames the client may already have.
        for (int i = std::max(0, cursor_ - resend_); i < cursor_; ++i) socket->sendTextMessage(frames_.at(i));
    }
    emit clientSubscribed(subscriptions_);
}

void WsReplayServer::sendTo(Client &c, const QString &frame) {
    c.socket->sendTextMessage(frame);
    ++c.sentThisConnection;
}

void WsReplayServer::tick() {
    if (silent_) {
        rateClock_.invalidate();
        return;
    }
    // Flood first: generated frames at a fixed rate, to every subscribed client.
    if (floodGen_ && !floodDone_) {
        const qint64 elapsed = floodClock_.elapsed();
        const qint64 due = std::min<qint64>(qint64(floodRate_) * std::min<qint64>(elapsed, floodDurationMs_) / 1000,
                                            qint64(floodRate_) * floodDurationMs_ / 1000);
        while (floodSent_ < due) {
            const QString f = floodGen_(floodSent_++);
            for (Client &c : clients_)
                if (c.subscribed) c.socket->sendTextMessage(f);
        }
        if (elapsed >= floodDurationMs_) floodDone_ = true;
    }
    if (cursor_ >= frames_.size()) return;
    Client *target = nullptr;
    for (Client &c : clients_)
        if (c.subscribed && c.socket->state() == QAbstractSocket::ConnectedState) target = &c;
    if (!target) {
        rateClock_.invalidate();
        return;
    }
    qint64 budget = frames_.size() - cursor_;
    if (rate_ > 0) {
        if (!rateClock_.isValid()) {
            rateClock_.start();
            rateBase_ = sent_;
        }
        budget = std::min<qint64>(budget, rateBase_ + rateClock_.elapsed() * rate_ / 1000 + 1 - sent_);
    }
    while (budget-- > 0 && cursor_ < frames_.size()) {
        if (closeAfter_ > 0 && target->sentThisConnection >= closeAfter_) {
            target->socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("replay: close after N frames"));
            target->subscribed = false;
            return;
        }
        sendTo(*target, frames_.at(cursor_++));
        ++sent_;
        if (malformedEvery_ > 0 && !malformed_.isEmpty() && sent_ % malformedEvery_ == 0) {
            target->socket->sendTextMessage(malformed_.at(malformedCursor_++ % malformed_.size()));
            ++malformedSent_;
        }
    }
}

void WsReplayServer::refuseFor(int ms) {
    server_->close();
    for (Client &c : clients_) {
        c.socket->disconnect(this);
        c.socket->abort();
        c.socket->deleteLater();
    }
    clients_.clear();
    relistenAt_ = 0;
    QTimer::singleShot(ms, this, [this] {
        if (!listen()) qWarning("WsReplayServer: cannot listen again on port %u", unsigned(port_));
        relistenAt_ = QDateTime::currentMSecsSinceEpoch();
        emit relistening();
    });
}

void WsReplayServer::startFlood(int framesPerSecond, int durationMs, std::function<QString(int)> generator) {
    floodGen_ = std::move(generator);
    floodRate_ = framesPerSecond;
    floodDurationMs_ = durationMs;
    floodSent_ = 0;
    floodDone_ = false;
    floodClock_.start();
}

}  // namespace lhm::test
