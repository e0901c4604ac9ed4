#include "feeds/FeedWorker.h"

#include "common/Log.h"
#include "common/RowValidation.h"
#include "common/UrlRedaction.h"
#include "ingest/rest/RestBackfillClient.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <optional>

namespace lhm::feeds {

FeedWorker::FeedWorker(FeedOptions options, QObject *parent)
    : QObject(parent),
      opt_(std::move(options)),
      proto_(ExchangeProtocol::create(opt_.exchange, opt_.table)),
      backoff_(opt_.backoffFirstMs, opt_.backoffCapMs, opt_.jitterSeed) {
    health_.exchange = QString::fromLatin1(exchangeName(opt_.exchange));
    health_.liquidationStream = hasLiquidationStream(opt_.exchange);
}

FeedWorker::~FeedWorker() = default;

static QTimer *makeTimer(QObject *parent, int ms, bool single) {
    auto *t = new QTimer(parent);
    t->setInterval(ms);
    t->setSingleShot(single);
    return t;
}

void FeedWorker::start() {
    if (running_) return;
    running_ = true;
    createSocket();

    pingTimer_ = makeTimer(this, opt_.pingIntervalMs, false);
    connect(pingTimer_, &QTimer::timeout, this, &FeedWorker::onPing);
    watchdog_ = makeTimer(this, std::max(20, std::min(1000, opt_.watchdogMs / 4)), false);
    connect(watchdog_, &QTimer::timeout, this, &FeedWorker::onWatchdog);
    reconnectTimer_ = makeTimer(this, 0, true);
    connect(reconnectTimer_, &QTimer::timeout, this, &FeedWorker::connectNow);
    // Zero-interval flush: runs once the socket's burst of frames has been processed, so batches
    // stay small and latency stays at one event-loop turn.
    flushTimer_ = makeTimer(this, 0, true);
    connect(flushTimer_, &QTimer::timeout, this, &FeedWorker::flush);
    healthTimer_ = makeTimer(this, opt_.healthIntervalMs, false);
    connect(healthTimer_, &QTimer::timeout, this, &FeedWorker::reportHealth);
    connectTimeout_ = makeTimer(this, opt_.connectTimeoutMs, true);
    connect(connectTimeout_, &QTimer::timeout, this, [this] { scheduleReconnect(QStringLiteral("connect timeout")); });
    probeTimer_ = makeTimer(this, opt_.probeIntervalMs, false);
    connect(probeTimer_, &QTimer::timeout, this, &FeedWorker::startProbe);
    // Gap backfill over REST where the exchange has the endpoints (Hyperliquid: none used).
    const auto venue = rest::RestBackfillClient::venueFor(health_.exchange);
    if (!opt_.restUrl.isEmpty() && venue) {
        rest_ = new rest::RestBackfillClient(*venue, opt_.restUrl, this);
        connect(rest_, &rest::RestBackfillClient::backfilled, this,
                [this](const QString &native, const std::vector<Candle> &c, const std::vector<OpenInterestPoint> &oi) {
                    ++health_.backfills;
                    SymbolSpec spec;
                    const QString symbol = opt_.table.find(native, &spec) == SymbolTable::Lookup::Found ? spec.unified : native;
                    emit backfilled(health_.exchange, symbol, QList<Candle>(c.begin(), c.end()),
                                    QList<OpenInterestPoint>(oi.begin(), oi.end()));
                });
        connect(rest_, &rest::RestBackfillClient::failed, this, [this](const QString &symbol, const QString &msg) {
            qCWarning(lcFeed) << health_.exchange << "backfill failed for" << symbol << msg;
        });
    }
    healthTimer_->start();
    rateWindowStartMs_ = opt_.clock->nowMs();
    connectNow();
}

void FeedWorker::createSocket() {
    ws_ = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    ws_->setMaxAllowedIncomingMessageSize(quint64(opt_.maxMessageBytes));
    ws_->setMaxAllowedIncomingFrameSize(quint64(opt_.maxFrameBytes));
    connect(ws_, &QWebSocket::connected, this, &FeedWorker::onConnected);
    connect(ws_, &QWebSocket::disconnected, this, &FeedWorker::onDisconnected);
    // Qt 6.4 names the signal error(); errorOccurred() arrived in 6.5.
    connect(ws_, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, &FeedWorker::onError);
    connect(ws_, &QWebSocket::textMessageReceived, this, &FeedWorker::onText);
    // Some gateways send JSON as binary frames; treat them the same.
    connect(ws_, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &m) { onText(QString::fromUtf8(m)); });
}

void FeedWorker::stop() {
    if (!running_) return;
    running_ = false;
    for (QTimer *t : {pingTimer_, watchdog_, reconnectTimer_, flushTimer_, healthTimer_, connectTimeout_, probeTimer_}) t->stop();
    if (probe_) probe_->abort();
    ws_->disconnect(this);
    ws_->abort();
    flush();
    setState(FeedState::Stopped);
    reportHealth();
}

void FeedWorker::connectNow() {
    if (!running_) return;
    probeTimer_->stop();
    setState(FeedState::Connecting);
    gotDataThisConnection_ = false;
    connectTimeout_->start();
    ws_->open(opt_.url);
}

void FeedWorker::onConnected() {
    connectTimeout_->stop();
    lastSocketError_ = QAbstractSocket::UnknownSocketError;
    if (everConnected_) ++health_.reconnects;
    everConnected_ = true;
    lastMessageMs_ = opt_.clock->nowMs();  // the watchdog counts from the handshake
    for (const QString &m : proto_->subscribeMessages(opt_.symbols)) ws_->sendTextMessage(m);
    pingTimer_->start();
    watchdog_->start();
    setState(FeedState::Live);
    qCInfo(lcFeed).noquote() << health_.exchange << "connected to" << redactUrl(opt_.url);
}

void FeedWorker::onDisconnected() {
    if (!running_) return;
    // disconnected() can come before error(): take the socket's error now so the probe decision
    // in scheduleReconnect() sees a refused connection as refused.
    if (ws_->error() != QAbstractSocket::UnknownSocketError) lastSocketError_ = ws_->error();
    QString why = ws_->closeReason();
    if (why.isEmpty())
        why = lastSocketError_ != QAbstractSocket::UnknownSocketError ? ws_->errorString() : QStringLiteral("closed by server");
    scheduleReconnect(why);
}

void FeedWorker::onError(QAbstractSocket::SocketError error) {
    lastSocketError_ = error;
    health_.lastError = redactUrlsIn(ws_->errorString());
    // A failed open() does not always emit disconnected(); make sure a retry is scheduled.
    if (running_ && ws_->state() == QAbstractSocket::UnconnectedState && !reconnectTimer_->isActive())
        scheduleReconnect(ws_->errorString());
}

void FeedWorker::scheduleReconnect(const QString &why) {
    if (!running_ || reconnectTimer_->isActive()) return;
    pingTimer_->stop();
    watchdog_->stop();
    connectTimeout_->stop();
    // The gap starts at the last message before the FIRST loss; reconnects that are accepted but
    // bring no data (lastMessageMs_ then only marks the handshake) must not move it forward, or a
    // long outage made of short silent connections would never look long enough to backfill.
    if (gapStartMs_ == 0 && (state() == FeedState::Live || state() == FeedState::Stale)) gapStartMs_ = lastMessageMs_;
    if (ws_->state() != QAbstractSocket::UnconnectedState) {
        ws_->disconnect(this);  // abort() would re-enter onDisconnected
        ws_->abort();
        ws_->deleteLater();
        createSocket();
    }
    const int delay = backoff_.next();
    health_.lastError = redactUrlsIn(why);
    qCInfo(lcFeed).noquote() << health_.exchange << "reconnecting in" << delay << "ms:" << redactUrlsIn(why);
    setState(FeedState::Backoff);
    reconnectTimer_->start(delay);
    if (lastSocketError_ == QAbstractSocket::ConnectionRefusedError && delay > opt_.probeIntervalMs) probeTimer_->start();
    flush();
}

void FeedWorker::startProbe() {
    // A refused connection costs the server nothing; a successful TCP connect means it is back.
    if (probe_) probe_->abort();
    else {
        probe_ = new QTcpSocket(this);
        connect(probe_, &QTcpSocket::connected, this, [this] {
            probe_->abort();
            if (!running_ || !reconnectTimer_->isActive()) return;
            reconnectTimer_->stop();
            connectNow();
        });
    }
    probe_->connectToHost(opt_.url.host(), quint16(opt_.url.port(opt_.url.scheme() == QLatin1String("wss") ? 443 : 80)));
}

void FeedWorker::onText(const QString &message) {
    const qint64 now = opt_.clock->nowMs();
    lastMessageMs_ = now;
    ++health_.messages;
    ++rateWindowMessages_;
    scratch_.clear();
    proto_->parse(message.toUtf8(), now, scratch_);
    if (!scratch_.errors.empty()) countErrors(scratch_.errors);
    if (state() == FeedState::Stale) setState(FeedState::Live);
    if (!gotDataThisConnection_ && !scratch_.control) {
        // The server is really serving again: forget past failures and fetch what the gap missed.
        gotDataThisConnection_ = true;
        backoff_.reset();
        if (gapStartMs_ > 0) maybeBackfill(gapStartMs_, now);
        gapStartMs_ = 0;
    }
    for (LiquidationEvent &e : scratch_.liquidations) {
        // The same checks as an imported file: a far-future time or a zero size is not stored.
        if (RowCheck bad = validateRow(e, now)) {
            countErrors({ParseError{ParseErrorKind::BadValue, bad->field + QStringLiteral(": ") + bad->message}});
            continue;
        }
        if (!recent_.insert(e)) {
            ++health_.duplicates;
            continue;
        }
        ++health_.liquidations;
        pending_.liquidations.append(std::move(e));
    }
    for (PriceTick &t : scratch_.ticks) {
        RowCheck bad = checkTime(t.time, now, QStringLiteral("time"));
        if (!bad) bad = checkPositive(t.price, QStringLiteral("price"));
        if (bad) {
            countErrors({ParseError{ParseErrorKind::BadValue, bad->field + QStringLiteral(": ") + bad->message}});
            continue;
        }
        pending_.ticks.append(std::move(t));
    }
    if (pending_.liquidations.size() + pending_.ticks.size() >= opt_.batchMaxEvents) flush();
    else if (!pending_.isEmpty() && !flushTimer_->isActive()) flushTimer_->start();
}

void FeedWorker::countErrors(const std::vector<ParseError> &errors) {
    for (const ParseError &e : errors) {
        ++health_.parseErrors;
        const int k = int(e.kind);
        ++health_.parseErrorsByKind[size_t(k)];
        if (!loggedKind_[size_t(k)]) {
            // Once per kind: a broken stream must not flood the log at 10,000 lines a second.
            loggedKind_[size_t(k)] = true;
            qCWarning(lcFeed).noquote() << health_.exchange << "parse error" << parseErrorKindName(e.kind) << e.detail
                                        << "(further errors of this kind are counted, not logged)";
        }
    }
}

void FeedWorker::onWatchdog() {
    const qint64 age = opt_.clock->nowMs() - lastMessageMs_;
    if (age >= opt_.watchdogMs) {
        scheduleReconnect(QStringLiteral("no message for %1 ms").arg(age));
    } else if (age >= opt_.watchdogMs / 2 && state() == FeedState::Live) {
        setState(FeedState::Stale);
    }
}

void FeedWorker::onPing() {
    if (ws_->state() != QAbstractSocket::ConnectedState) return;
    const QString msg = proto_->pingMessage();
    if (msg.isEmpty()) ws_->ping();
    else ws_->sendTextMessage(msg);
}

void FeedWorker::flush() {
    flushTimer_->stop();
    if (pending_.isEmpty()) return;
    FeedBatch out;
    std::swap(out, pending_);
    emit batchReady(out);
}

void FeedWorker::setState(FeedState s) {
    if (health_.state == s) return;
    health_.state = s;
    reportHealth();
}

void FeedWorker::reportHealth() {
    const qint64 now = opt_.clock->nowMs();
    health_.lastMessageAgeMs = lastMessageMs_ > 0 ? now - lastMessageMs_ : -1;
    const qint64 span = now - rateWindowStartMs_;
    if (span >= 1000 || (span > 0 && health_.state == FeedState::Stopped)) {
        health_.messagesPerSec = double(rateWindowMessages_) * 1000.0 / double(span);
        rateWindowStartMs_ = now;
        rateWindowMessages_ = 0;
    }
    emit healthChanged(health_);
}

void FeedWorker::maybeBackfill(qint64 gapStart, qint64 gapEnd) {
    if (!rest_ || gapEnd - gapStart < opt_.backfillMinGapMs) return;
    qCInfo(lcFeed) << health_.exchange << "backfilling" << (gapEnd - gapStart) << "ms gap over REST";
    for (const QString &u : opt_.symbols) rest_->backfill(proto_->nativeSymbol(u), gapStart, gapEnd);
}

}  // namespace lhm::feeds
