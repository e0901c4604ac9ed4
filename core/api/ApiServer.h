#pragma once
// ApiServer: the local HTTP + WebSocket API (`lhm serve`, the GUI's Local API toggle). QtHttpServer
// parses requests and upgrades WebSockets; every endpoint that reads the store runs on the
// CoreEngine's worker pool with that worker's own connection (the same heatmap cache the GUI
// uses), so the thread the server lives on (the GUI thread in the app) never waits on disk.
//
// Safety defaults: 127.0.0.1 only; any other address needs a bearer token and logs a warning; no
// CORS headers unless enabled; URL and body size limits; a per-address rate limit (429) and at
// most 10 WebSocket streams per address. Contract: docs/api.md, docs/openapi.yaml.
//
//     CoreEngine engine(dbPath);
//     ApiServer api(&engine);
//     ApiOptions o;                        // o.port = 0 picks a free port
//     if (Status s = api.start(o); !s) …   // refuses a non-loopback bind without a token
//     api.setLiveSession(&live);           // relays its events on /ws/liquidations, reports health
#include "api/ApiMessage.h"
#include "api/AlertRelay.h"
#include "api/ApiRoutes.h"
#include "api/LiveHub.h"
#include "api/RateLimiter.h"
#include "api/SignalRelay.h"
#include "api/StreamDoor.h"
#include "common/Error.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <atomic>
#include <list>
#include <QHash>

namespace lhm {
class CoreEngine;
class LiveSession;
}

namespace lhm::api {

struct ApiOptions {
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8765;            // 0: any free port (see ApiServer::port())
    QString token;                  // required for a non-loopback bind; "Authorization: Bearer <token>"
    QString corsOrigin;             // empty: no CORS headers at all
    double ratePerSecond = 50;      // per client address; <= 0 unlimited
    double rateBurst = 100;
    int maxUrlBytes = 4096;         // path + query (414 beyond)
    int maxBodyBytes = 64 * 1024;   // request body (413 beyond)
    int maxStreamsPerAddress = 10;  // WebSocket connections per client address
    int headTimeoutMs = StreamDoor::kDefaultHeadTimeoutMs;  // a silent new connection is closed after this
    StreamLimits stream;
    int signalIntervalMs = 5000;    // a pair's signal is recomputed at most this often after live events
    int cacheTtlMs = 1000;          // a model answer is served from memory this long; 0 = never
    qint64 cacheMaxBytes = 64 << 20;
    QString version;                // reported by /health (default: the application's version)
};

class ApiServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit ApiServer(CoreEngine *engine, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on options.bind:options.port. Errors name the field: "token" for a non-loopback bind
    // without one, "port" when the address is taken.
    Status start(const ApiOptions &options);
    void stop();
    bool isListening() const { return port_ != 0; }
    quint16 port() const { return port_; }
    QString address() const;  // http://127.0.0.1:8765
    const ApiOptions &options() const { return opt_; }

    // Relays the session's liquidations to the stream, with the alert and signal messages they
    // cause, and reports its feeds in /health.
    void setLiveSession(LiveSession *live);
    LiveHub *hub() { return &hub_; }
    AlertRelay *alertRelay() { return &alerts_; }
    SignalRelay *signalRelay() { return &signals_; }
    LiveStatus liveStatus() const;

    qint64 requestsServed() const { return served_; }
    qint64 cacheHits() const { return cacheHits_; }

signals:
    void listeningChanged(bool listening);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct CacheEntry {
        ApiResponse response;
        qint64 at = 0;
        std::list<QString>::iterator lru;
    };
    void write(QTcpSocket *socket, const ApiResponse &r, bool closeAfter);
    void onUpgrade(QTcpSocket *socket, const UpgradeRequest &request);
    bool authorized(const QByteArray &authorization, const QString &queryToken) const;
    const ApiResponse *cached(const QString &key);
    void remember(const QString &key, const ApiResponse &r);

    QPointer<CoreEngine> engine_;  // the GUI may destroy its engine first: then nothing is in flight
    QPointer<LiveSession> live_;
    ApiOptions opt_;
    quint16 port_ = 0;
    LiveHub hub_;
    AlertRelay alerts_;
    SignalRelay signals_;
    RateLimiter limiter_{0, 0};
    QElapsedTimer clock_;
    std::atomic<int> inFlight_{0};
    // Connections whose request is still being answered on a worker (UI thread only): an upgrade
    // arriving on one of them was pipelined and is refused, so no answer lands in a stream.
    QHash<const QTcpSocket *, int> answering_;
    qint64 served_ = 0, cacheHits_ = 0;
    QHash<QString, CacheEntry> cache_;
    std::list<QString> lru_;  // most recent first
    qint64 cacheBytes_ = 0;
};

}  // namespace lhm::api
