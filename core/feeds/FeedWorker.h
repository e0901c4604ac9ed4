#pragma once
// One exchange's live connection. Lives on its own QThread: create it, moveToThread(), then invoke
// start() there (its QWebSocket and timers are created inside that thread). It subscribes, keeps
// the exchange's ping rule, reconnects with jittered exponential backoff when the socket closes or
// goes silent (watchdog), re-subscribes, backfills candles and open interest over REST after a
// gap, and hands parsed events on in small batches. Parse errors are counted per kind and logged
// once per kind. Every liquidation is emitted once (recent keys guard against replays).
#include "feeds/Backoff.h"
#include "feeds/ExchangeProtocol.h"
#include "feeds/FeedOptions.h"
#include "feeds/RecentKeys.h"

#include <QAbstractSocket>
#include <QObject>
#include <memory>

class QWebSocket;
class QTimer;
class QTcpSocket;

namespace lhm::rest {
class RestBackfillClient;
}

namespace lhm::feeds {

class FeedWorker : public QObject {
    Q_OBJECT
public:
    explicit FeedWorker(FeedOptions options, QObject *parent = nullptr);
    ~FeedWorker() override;

    Exchange exchange() const { return opt_.exchange; }

public slots:
    void start();
    // Closes the socket, hands over what is pending and reports the final health.
    void stop();

signals:
    void batchReady(const lhm::feeds::FeedBatch &batch);
    void healthChanged(const lhm::feeds::FeedHealth &health);
    void backfilled(const QString &exchange, const QString &symbol, const QList<lhm::Candle> &candles,
                    const QList<lhm::OpenInterestPoint> &openInterest);

private:
    void createSocket();
    FeedState state() const { return health_.state; }
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onText(const QString &message);
    void onWatchdog();
    void onPing();
    void scheduleReconnect(const QString &why);
    void startProbe();
    void flush();
    void reportHealth();
    void setState(FeedState s);
    void countErrors(const std::vector<ParseError> &errors);
    void maybeBackfill(qint64 gapStart, qint64 gapEnd);

    FeedOptions opt_;
    std::unique_ptr<ExchangeProtocol> proto_;
    Backoff backoff_;
    RecentKeys recent_;
    QWebSocket *ws_ = nullptr;
    QTimer *pingTimer_ = nullptr, *watchdog_ = nullptr, *reconnectTimer_ = nullptr, *flushTimer_ = nullptr,
           *healthTimer_ = nullptr, *connectTimeout_ = nullptr, *probeTimer_ = nullptr;
    QTcpSocket *probe_ = nullptr;
    rest::RestBackfillClient *rest_ = nullptr;

    FeedHealth health_;
    FrameResult scratch_;
    FeedBatch pending_;
    bool running_ = false;
    bool everConnected_ = false;
    bool gotDataThisConnection_ = false;
    QAbstractSocket::SocketError lastSocketError_ = QAbstractSocket::UnknownSocketError;
    qint64 lastMessageMs_ = 0;
    qint64 gapStartMs_ = 0;          // last message before the connection was lost
    qint64 rateWindowStartMs_ = 0;
    qint64 rateWindowMessages_ = 0;
    std::array<bool, kParseErrorKindCount> loggedKind_{};
};

}  // namespace lhm::feeds
