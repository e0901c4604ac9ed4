// Local API benchmarks with a load generator of their own (never asserted on time; CI runs them
// with LHM_BENCH_SHORT=1, about a second each).
//  BM_HeatmapHttp/memory: GET /liquidations/heatmap of a cached 7-day BTCUSDT view (the real
//                     Coinalyze export, 168 columns) from 8 keep-alive HTTP/1.1 clients, each
//                     sending its next request when the previous answer is complete. The server
//                     runs on a thread of its own (as it does beside the GUI) and serves a repeated
//                     view from its one-second memory cache. Reports requests/s and p50/p99 ms.
//                     Target >= 500 requests/s with p99 < 50 ms.
//  BM_HeatmapHttp/store: the baseline in the same run: the memory cache off, so every request is
//                     answered from the store's heatmap cache (SQLite read, decode) and serialised
//                     to JSON on the engine's workers. The README reports memory as a ratio to it.
//  BM_StreamFanout/N: a WsReplayServer on a thread of its own (the exchange) floods 10,000
//                     forceOrder frames/s, each stamped with its send time, into LiveSession ->
//                     ApiServer -> N WebSocket clients of /ws/liquidations. The clients run in a
//                     separate process (FanoutClient: raw sockets that parse only frame headers and
//                     the message's "time"). Reports delivered messages/s and the latency from the
//                     frame leaving the replay server to the client holding the whole message,
//                     p50/p99 ms; feed_hop_p99_ms is the part of it before the server had the frame
//                     (send stamp -> the feed's receive stamp), so "frame received -> client
//                     delivered" is at most p99_ms. N = 10 is the baseline of the same run;
//                     server_cpu_ms is this process's CPU time (replay, feed and API threads),
//                     clients_cpu_ms the client process's: the two share the machine's cores.
//                     Target for N = 100: p99 < 100 ms.
#include "BenchSupport.h"
#include "FanoutClient.h"
#include "WsReplayServer.h"

#include "api/ApiServer.h"
#include "engine/CoreEngine.h"
#include "engine/LiveSession.h"
#include "ingest/Importer.h"
#include "store/Store.h"

#include <QDateTime>
#include <QEventLoop>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <memory>

using namespace lhm;
using namespace lhm::api;

namespace {

bool shortMode() { return qEnvironmentVariableIsSet("LHM_BENCH_SHORT"); }

// A store holding the real Coinalyze BTCUSDT export (hourly candles and open interest).
struct RealStore {
    QTemporaryDir dir;
    QString path;
    RealStore() : path(dir.filePath(QStringLiteral("bench.sqlite"))) {
        auto store = Store::open(path);
        if (!store) qFatal("store: %s", qPrintable(store.error().toString()));
        ImportOptions o;
        o.zoneOffsetMs = 6 * 3600'000LL;  // the export's wall clock is UTC+6
        Importer imp(**store, o);
        for (const char *f : {"open-interest-history.csv", "ohlcv-history.csv"})
            imp.importFile(QStringLiteral(LHM_SHARED_DATA_DIR "/coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") + QLatin1String(f));
    }
};

// The server side on its own thread: engine, API server and (for the stream) the replay server
// feeding a live session.
class ServerThread {
public:
    ServerThread(const QString &db, ApiOptions opt, bool live) {
        thread_.start();
        ctx_.moveToThread(&thread_);
        QMetaObject::invokeMethod(&ctx_, [&] {
            engine_ = std::make_unique<CoreEngine>(db);
            server_ = std::make_unique<ApiServer>(engine_.get());
            opt.port = 0;
            if (!server_->start(opt)) qFatal("api server did not start");
            port_ = server_->port();
            if (live) {
                session_ = std::make_unique<LiveSession>();
                server_->setLiveSession(session_.get());
                // The feed's receive stamp against the frame's send stamp: the hop before the server has it.
                QObject::connect(session_.get(), &LiveSession::liquidations, &ctx_, [this](const QList<LiquidationEvent> &events) {
                    for (const LiquidationEvent &e : events) hops_.push_back(e.receiveTime - e.time);
                });
            }
        }, Qt::BlockingQueuedConnection);
        if (live) {
            exchangeThread_.start();
            exchangeCtx_.moveToThread(&exchangeThread_);
            QMetaObject::invokeMethod(&exchangeCtx_, [&] {
                replay_ = std::make_unique<test::WsReplayServer>();
                replay_->listen();
            }, Qt::BlockingQueuedConnection);
        }
    }
    ~ServerThread() {
        QMetaObject::invokeMethod(&ctx_, [&] {
            if (session_) session_->stop();
            session_.reset();
            server_.reset();
            engine_.reset();
        }, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
        if (exchangeThread_.isRunning()) {
            QMetaObject::invokeMethod(&exchangeCtx_, [&] { replay_.reset(); }, Qt::BlockingQueuedConnection);
            exchangeThread_.quit();
            exchangeThread_.wait();
        }
    }
    std::vector<qint64> hops() {
        std::vector<qint64> out;
        QMetaObject::invokeMethod(&ctx_, [&] { out = hops_; }, Qt::BlockingQueuedConnection);
        return out;
    }
    quint16 port() const { return port_; }
    // Starts the live session on the replay server and floods it at `rate` frames/s for `ms`.
    void flood(int rate, int ms) {
        QString url;
        QMetaObject::invokeMethod(&exchangeCtx_, [&, rate, ms] {
            url = replay_->url().toString();
            auto *r = replay_.get();
            QObject::connect(r, &test::WsReplayServer::clientSubscribed, r, [r, rate, ms] {
                r->startFlood(rate, ms, [](int i) {
                    const QByteArray t = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
                    // qty varies so no two frames are the same event (the feed de-duplicates replays)
                    const QByteArray q = QByteArray::number(0.001 * (1 + i % 997) + 0.000001 * i, 'f', 6);
                    return QString::fromLatin1(R"({"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":)" + t +
                                               R"(,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":")" + q +
                                               R"(","p":"60000.1","ap":"60000.1","X":"FILLED","l":")" + q + R"(","z":")" + q +
                                               R"(","T":)" + t + "}}}");
                });
            }, Qt::SingleShotConnection);
        }, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(&ctx_, [&] {
            LiveOptions o;
            o.exchanges = {QStringLiteral("binance")};
            o.symbols = {QStringLiteral("BTCUSDT")};
            o.urlOverrides.insert(QStringLiteral("binance"), url);
            if (session_->start(o)) qFatal("live session did not start");
        }, Qt::BlockingQueuedConnection);
    }

private:
    QThread thread_, exchangeThread_;
    QObject ctx_, exchangeCtx_;
    std::vector<qint64> hops_;
    std::unique_ptr<CoreEngine> engine_;
    std::unique_ptr<ApiServer> server_;
    std::unique_ptr<test::WsReplayServer> replay_;
    std::unique_ptr<LiveSession> session_;
    quint16 port_ = 0;
};

// One keep-alive HTTP/1.1 client: sends the request, reads the complete answer, sends the next.
class HttpClient : public QObject {
public:
    HttpClient(quint16 port, QByteArray request, std::vector<qint64> *latenciesUs, qint64 *errors)
        : request_(std::move(request)), lat_(latenciesUs), errors_(errors) {
        connect(&socket_, &QTcpSocket::connected, this, [this] { send(); });
        connect(&socket_, &QTcpSocket::readyRead, this, [this] { read(); });
        socket_.connectToHost(QHostAddress::LocalHost, port);
    }
    void stop() { stopped_ = true; }

private:
    void send() {
        if (stopped_) return;
        buf_.clear();
        need_ = -1;
        timer_.start();
        socket_.write(request_);
    }
    void read() {
        buf_ += socket_.readAll();
        if (need_ < 0) {
            const qsizetype end = buf_.indexOf("\r\n\r\n");
            if (end < 0) return;
            const qsizetype cl = buf_.indexOf("Content-Length: ");
            if (!buf_.startsWith("HTTP/1.1 200")) ++*errors_;
            need_ = end + 4 + buf_.mid(cl + 16, buf_.indexOf("\r\n", cl) - cl - 16).toLongLong();
        }
        if (buf_.size() < need_) return;
        lat_->push_back(timer_.nsecsElapsed() / 1000);
        send();
    }
    QTcpSocket socket_;
    QByteArray request_, buf_;
    qint64 need_ = -1;
    QElapsedTimer timer_;
    std::vector<qint64> *lat_;
    qint64 *errors_;
    bool stopped_ = false;
};

void runEventLoopFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void BM_HeatmapHttp(benchmark::State &state) {
    static RealStore store;
    const bool memory = state.range(0) == 1;
    ApiOptions opt;
    opt.ratePerSecond = 0;
    opt.cacheTtlMs = memory ? 1000 : 0;
    ServerThread server(store.path, opt, false);
    const QByteArray req = "GET /liquidations/heatmap?symbol=BTCUSDT&window=7d HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    {  // warm the store's heatmap cache (the "cached 7-day view")
        std::vector<qint64> lat;
        qint64 errors = 0;
        HttpClient warm(server.port(), req, &lat, &errors);
        while (lat.empty()) runEventLoopFor(20);
        warm.stop();
        runEventLoopFor(50);
    }
    const int durationMs = shortMode() ? 1000 : 5000;
    for (auto _ : state) {
        std::vector<qint64> lat;
        qint64 errors = 0;
        std::vector<std::unique_ptr<HttpClient>> clients;
        QElapsedTimer wall;
        wall.start();
        for (int i = 0; i < 8; ++i) clients.push_back(std::make_unique<HttpClient>(server.port(), req, &lat, &errors));
        runEventLoopFor(durationMs);
        for (auto &c : clients) c->stop();
        const double seconds = wall.nsecsElapsed() / 1e9;
        runEventLoopFor(100);  // let the last answers drain before the sockets go
        clients.clear();
        state.counters["req_per_s"] = double(lat.size()) / seconds;
        state.counters["p50_ms"] = lhm::bench::percentile(lat, 0.50) / 1000.0;
        state.counters["p99_ms"] = lhm::bench::percentile(lat, 0.99) / 1000.0;
        state.counters["errors"] = double(errors);
    }
}
BENCHMARK(BM_HeatmapHttp)->Arg(1)->Arg(0)->ArgNames({"memory"})->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_StreamFanout(benchmark::State &state) {
    static RealStore store;
    const int clients = int(state.range(0));
    const int rate = 10000;
    const int durationMs = shortMode() ? 1000 : 5000;
    const qint64 perClient = qint64(rate) * durationMs / 1000;
    ApiOptions opt;
    opt.ratePerSecond = 0;
    opt.maxStreamsPerAddress = clients;  // every client comes from 127.0.0.1
    for (auto _ : state) {
        ServerThread server(store.path, opt, true);
        QProcess proc;
        proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        proc.start(QCoreApplication::applicationFilePath(),
                   {QStringLiteral("--fanout-client"), QString::number(server.port()), QString::number(clients),
                    QString::number(perClient), QString::number(durationMs + 5000)});
        QByteArray out;
        for (int tries = 0; tries < 1000 && !out.contains("ready\n"); ++tries) {
            proc.waitForReadyRead(10);
            out += proc.readAllStandardOutput();
        }
        if (!out.contains("ready\n")) qFatal("fan-out clients did not connect");
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = lhm::bench::processCpuMs();
        server.flood(rate, durationMs);
        if (!proc.waitForFinished(durationMs + 30000)) qFatal("fan-out clients did not finish");
        const double seconds = wall.nsecsElapsed() / 1e9;
        const double serverCpuMs = lhm::bench::processCpuMs() - cpu0;
        out += proc.readAllStandardOutput();
        const QList<QByteArray> r = out.mid(out.indexOf("result ")).trimmed().split(' ');
        if (r.size() < 7) qFatal("fan-out clients: no result");
        const double delivered = r[1].toDouble();
        state.counters["clients"] = clients - r[5].toInt();
        state.counters["delivered_per_s"] = delivered / seconds;
        state.counters["delivered_frac"] = delivered / double(perClient * clients);
        state.counters["p50_ms"] = r[2].toDouble() / 1000.0;
        state.counters["p99_ms"] = r[3].toDouble() / 1000.0;
        state.counters["max_ms"] = r[4].toDouble() / 1000.0;
        state.counters["server_cpu_ms"] = serverCpuMs;  // replay + feed + API threads, this process
        state.counters["clients_cpu_ms"] = r[6].toDouble();  // the client process, connect to exit
        state.counters["feed_hop_p99_ms"] = lhm::bench::percentile(server.hops(), 0.99);
    }
}
BENCHMARK(BM_StreamFanout)->Arg(10)->Arg(100)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], "--fanout-client") == 0) return lhm::bench::runFanoutClient(argc, argv);
    return lhm::bench::benchmarkMain(argc, argv);
}
