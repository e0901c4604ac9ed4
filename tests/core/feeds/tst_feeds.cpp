// The live feed worker against a real WebSocket server on loopback (WsReplayServer): events arrive
// and are stored exactly once; the worker survives a server that closes the socket, goes silent,
// refuses connections for a while, sends malformed frames or floods (gap backfill over REST is
// tst_feedbackfill); and the real `lhm live` prints exactly the events it was sent. Timings are shortened
// through FeedOptions so the file stays well under a minute.
#include "FeedTestKit.h"
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "common/Log.h"
#include "feeds/FeedWorker.h"
#include "feeds/LiveController.h"
#include "feeds/LiveStoreWriter.h"
#include "store/Store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>
#include <atomic>

using namespace lhm;
using namespace lhm::feeds;
using namespace lhm::test;

namespace {

qint64 storedCount(const QString &dbPath) {
    if (!Store::open(dbPath)) return -1;  // creates the file when there is none yet
    return test::sqlScalar(dbPath, QStringLiteral("SELECT COUNT(*) FROM liquidations"), -1);
}

// Log lines of lhm.feed "parse error" warnings, from any thread.
std::atomic<int> g_parseErrorLogs{0};
QtMessageHandler g_prevHandler = nullptr;
void countingHandler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
    if (type == QtWarningMsg && msg.contains(QLatin1String("parse error"))) g_parseErrorLogs.fetch_add(1);
    if (g_prevHandler) g_prevHandler(type, ctx, msg);
}

}  // namespace

class TestFeeds : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<FeedBatch>(); }

    void replayedEventsArriveAndAreStoredOnce() {
        const Sent s = binanceFrames(300);
        WsReplayServer server(s.frames);
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("live.sqlite"));
        LiveController live;
        Collector got;
        got.attach(live);
        QVERIFY(live.start({fastOptions(server.url())}, db));
        QTRY_VERIFY_WITH_TIMEOUT(got.events.size() >= s.events.size(), 10000);
        QTest::qWait(100);  // nothing more may come
        live.stop();
        QCOMPARE(got.events.size(), s.events.size());
        for (size_t i = 0; i < s.events.size(); ++i) QVERIFY2(sameEvent(got.events[i], s.events[i]), qPrintable(QString::number(i)));
        QCOMPARE(live.storedEvents(), qint64(300));
        QCOMPARE(storedCount(db), qint64(300));
        // The worker subscribed with the documented SUBSCRIBE request.
        QCOMPARE(server.received().first(),
                 QStringLiteral(R"({"id":1,"method":"SUBSCRIBE","params":["btcusdt@forceOrder","btcusdt@aggTrade","btcusdt@markPrice@1s","ethusdt@forceOrder","ethusdt@aggTrade","ethusdt@markPrice@1s"]})"));
        const FeedHealth *h = live.supervisor().find(QStringLiteral("binance"));
        QVERIFY(h);
        QCOMPARE(h->state, FeedState::Stopped);
        QCOMPARE(h->reconnects, qint64(0));
        QCOMPARE(h->parseErrors, qint64(0));
        QCOMPARE(h->liquidations, qint64(300));
        // Re-running the same replay into the same store adds nothing: storage is idempotent.
        WsReplayServer again(s.frames);
        QVERIFY(again.listen());
        QVERIFY(live.start({fastOptions(again.url())}, db));
        QTRY_VERIFY_WITH_TIMEOUT(again.allSent(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(live.supervisor().totalLiquidations(), qint64(300), 5000);
        live.stop();
        QCOMPARE(live.storedEvents(), qint64(0));
        QCOMPARE(storedCount(db), qint64(300));
    }

    void serverClosesSocketReconnectAndResubscribe() {
        const Sent s = binanceFrames(200);
        WsReplayServer server(s.frames);
        server.setCloseAfter(50);
        server.setResendOnReconnect(10);  // like a snapshot on reconnect: must not duplicate anything
        server.setRate(2000);
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("live.sqlite"));
        LiveController live;
        Collector got;
        got.attach(live);
        QVERIFY(live.start({fastOptions(server.url())}, db));
        QTRY_VERIFY_WITH_TIMEOUT(server.allSent() && got.events.size() >= 200, 15000);
        QTest::qWait(200);
        live.stop();
        QCOMPARE(got.events.size(), size_t(200));
        for (size_t i = 0; i < 200; ++i) QVERIFY(sameEvent(got.events[i], s.events[i]));
        QCOMPARE(storedCount(db), qint64(200));
        QVERIFY(server.connections() >= 4);  // 200 frames, closed after every 50
        QCOMPARE(server.subscriptions(), server.connections());  // every connection re-subscribed
        const FeedHealth *h = live.supervisor().find(QStringLiteral("binance"));
        QCOMPARE(h->reconnects, qint64(server.connections() - 1));
        QCOMPARE(h->duplicates, qint64(10 * (server.subscriptions() - 1)));
    }

    // Each exchange's keep-alive: the application ping goes out on time and the pong keeps the
    // watchdog quiet on a connection that carries no data.
    void pingPongKeepsQuietConnectionAlive_data() {
        QTest::addColumn<int>("exchange");
        QTest::addColumn<QString>("ping");
        QTest::addColumn<QString>("subscribe");
        QTest::newRow("bybit") << int(Exchange::Bybit) << QStringLiteral(R"({"op":"ping"})")
                               << QStringLiteral(R"({"args":["allLiquidation.BTCUSDT","tickers.BTCUSDT","allLiquidation.ETHUSDT","tickers.ETHUSDT"],"op":"subscribe"})");
        QTest::newRow("okx") << int(Exchange::Okx) << QStringLiteral("ping")
                             << QStringLiteral(R"({"args":[{"channel":"liquidation-orders","instType":"SWAP"},{"channel":"tickers","instId":"BTC-USDT-SWAP"},{"channel":"tickers","instId":"ETH-USDT-SWAP"}],"op":"subscribe"})");
        QTest::newRow("hyperliquid") << int(Exchange::Hyperliquid) << QStringLiteral(R"({"method":"ping"})")
                                     << QStringLiteral(R"({"method":"subscribe","subscription":{"coin":"BTC","type":"trades"}})");
    }
    void pingPongKeepsQuietConnectionAlive() {
        QFETCH(int, exchange);
        QFETCH(QString, ping);
        QFETCH(QString, subscribe);
        WsReplayServer server;  // no data at all, only pongs
        QVERIFY(server.listen());
        FeedOptions o = fastOptions(server.url(), Exchange(exchange));
        o.table = SymbolTable();
        if (o.exchange == Exchange::Okx) {
            o.table.add({"BTC-USDT-SWAP", "BTCUSDT", 0.01, false});
            o.table.add({"ETH-USDT-SWAP", "ETHUSDT", 0.1, false});
        } else if (o.exchange == Exchange::Hyperliquid) {
            o.table.add({"BTC", "BTCUSDT", 1, false});
            o.table.add({"ETH", "ETHUSDT", 1, false});
        }
        o.pingIntervalMs = 100;
        o.watchdogMs = 350;
        LiveController live;
        QVERIFY(live.start({o}));
        QTest::qWait(1500);
        live.stop();
        const QStringList got = server.received();
        QVERIFY(!got.isEmpty());
        QCOMPARE(got.first(), subscribe);
        QVERIFY2(got.count(ping) >= 8, qPrintable(QString::number(got.count(ping))));
        QCOMPARE(server.connections(), 1);
        QCOMPARE(live.supervisor().totalReconnects(), qint64(0));
        // Without the pongs the same connection is declared dead by the watchdog.
        WsReplayServer mute;
        mute.setSilent(true);
        QVERIFY(mute.listen());
        o.url = mute.url();
        QVERIFY(live.start({o}));
        QTRY_VERIFY_WITH_TIMEOUT(mute.connections() >= 2, 3000);
        live.stop();
    }

    void silentServerWatchdogReconnects() {
        const Sent s = binanceFrames(100);
        WsReplayServer server(s.frames);
        server.setSilent(true);  // accept, then say nothing (not even pongs)
        QVERIFY(server.listen());
        LiveController live;
        Collector got;
        got.attach(live);
        FeedOptions o = fastOptions(server.url());
        QElapsedTimer t;
        t.start();
        QVERIFY(live.start({o}));
        QTRY_VERIFY_WITH_TIMEOUT(server.connections() >= 2, 5000);
        // The watchdog (400 ms) fired, not some other timeout.
        QVERIFY2(t.elapsed() >= o.watchdogMs, qPrintable(QString::number(t.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(live.supervisor().find(QStringLiteral("binance")) &&
                                     live.supervisor().find(QStringLiteral("binance"))->lastError.startsWith(QLatin1String("no message for")),
                                 3000);
        QVERIFY(got.events.empty());
        server.setSilent(false);
        QTRY_VERIFY_WITH_TIMEOUT(got.events.size() >= 100, 10000);
        QTest::qWait(100);
        live.stop();
        QCOMPARE(got.events.size(), size_t(100));
        QVERIFY(live.supervisor().totalReconnects() >= 1);
        QCOMPARE(server.subscriptions(), server.connections());
    }

    // Real policy (first retry <= 1 s, cap 30 s, TCP probe every 2 s): back within 10 s of the
    // server's return even after the backoff has grown.
    void refusedThenBackWithinTenSeconds() {
        const Sent s = binanceFrames(100);
        WsReplayServer server(QStringList(s.frames.mid(0, 50)));
        QVERIFY(server.listen());
        LiveController live;
        Collector got;
        got.attach(live);
        FeedOptions o = fastOptions(server.url());
        o.backoffFirstMs = 1000;
        o.backoffCapMs = 30000;
        o.probeIntervalMs = 2000;
        o.watchdogMs = 30000;
        QVERIFY(live.start({o}));
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(50), 5000);
        const int subsBefore = server.subscriptions();
        server.refuseFor(5000);
        server.appendFrames(s.frames.mid(50));
        QSignalSpy back(&server, &WsReplayServer::relistening);
        QVERIFY(back.wait(8000));
        QElapsedTimer sinceReturn;
        sinceReturn.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.subscriptions() > subsBefore, 10000);
        const qint64 backAfter = sinceReturn.elapsed();
        qInfo("reconnected %lld ms after the server came back", backAfter);
        QVERIFY(backAfter < 10000);
        // The TCP probe is what makes this quick: without it the grown backoff could wait ~10 s.
        QVERIFY(backAfter <= o.probeIntervalMs + 1000);
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(100), 5000);
        live.stop();
        for (size_t i = 0; i < 100; ++i) QVERIFY(sameEvent(got.events[i], s.events[i]));
        QCOMPARE(live.supervisor().totalReconnects(), qint64(1));
    }

    void malformedFramesCountedOncePerKind() {
        const Sent s = binanceFrames(100);
        WsReplayServer server(s.frames);
        server.setMalformed(10, {QStringLiteral(R"({"e":"forceOrder","o":{)"),                     // malformed JSON
                                 QStringLiteral(R"({"e":"forceOrder","o":"x"})"),                  // wrong type
                                 QStringLiteral(R"({"e":"forceOrder","o":{"s":"FOOUSDT","S":"SELL","q":"1","p":"1","T":1}})"),  // unknown symbol
                                 QStringLiteral(R"({"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","q":"1","p":"1"}})")});    // missing field
        QVERIFY(server.listen());
        g_parseErrorLogs = 0;
        g_prevHandler = qInstallMessageHandler(countingHandler);
        LiveController live;
        Collector got;
        got.attach(live);
        QVERIFY(live.start({fastOptions(server.url())}));
        QTRY_VERIFY_WITH_TIMEOUT(server.allSent() && got.events.size() >= 100, 10000);
        QTest::qWait(100);
        live.stop();
        qInstallMessageHandler(g_prevHandler);
        QCOMPARE(server.malformedSent(), 10);
        QCOMPARE(got.events.size(), size_t(100));
        const FeedHealth *h = live.supervisor().find(QStringLiteral("binance"));
        QCOMPARE(h->parseErrors, qint64(10));
        QCOMPARE(h->parseErrorsByKind[size_t(ParseErrorKind::MalformedJson)], qint64(3));
        QCOMPARE(h->parseErrorsByKind[size_t(ParseErrorKind::WrongType)], qint64(3));
        QCOMPARE(h->parseErrorsByKind[size_t(ParseErrorKind::UnknownSymbol)], qint64(2));
        QCOMPARE(h->parseErrorsByKind[size_t(ParseErrorKind::MissingField)], qint64(2));
        QCOMPARE(g_parseErrorLogs.load(), 4);  // one line per kind, not per frame
        QCOMPARE(h->reconnects, qint64(0));
    }

    // 10,000 frames/s; LHM_FLOOD_MS sets the duration (2 s here, the full 10 s in bench_feeds and
    // with LHM_FLOOD_MS=10000).
    void floodEveryEventStoredOnce() {
        const int floodMs = qEnvironmentVariableIntValue("LHM_FLOOD_MS") > 0 ? qEnvironmentVariableIntValue("LHM_FLOOD_MS") : 2000;
        WsReplayServer server;
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("flood.sqlite"));
        LiveController live;
        Collector got;
        got.attach(live);
        FeedOptions o = fastOptions(server.url());
        o.watchdogMs = 5000;
        QVERIFY(live.start({o}, db));
        QTRY_COMPARE_WITH_TIMEOUT(server.subscriptions(), 1, 5000);
        const QStringList pool = binanceFrames(1).frames;
        Q_UNUSED(pool);
        QElapsedTimer t;
        t.start();
        server.startFlood(10000, floodMs, [](int i) { return binanceFrames(1, i).frames.first(); });
        QTRY_VERIFY_WITH_TIMEOUT(server.floodFinished(), floodMs + 5000);
        const int sent = server.floodSent();
        QCOMPARE(sent, 10 * floodMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(got.events.size()), sent, 10000);
        live.stop();
        QCOMPARE(int(got.events.size()), sent);
        QCOMPARE(storedCount(db), qint64(sent));
        const FeedHealth *h = live.supervisor().find(QStringLiteral("binance"));
        QCOMPARE(h->parseErrors, qint64(0));
        QCOMPARE(h->reconnects, qint64(0));
        // Coalescing: at most ~25 UI updates per second however fast events arrive.
        const double seconds = std::max<qint64>(1, got.lastUpdateMs - got.firstUpdateMs) / 1000.0;
        qInfo("flood: %d events in %.2f s, %d UI updates (%.1f/s)", sent, double(t.elapsed()) / 1000, got.updates,
              got.updates / seconds);
        QVERIFY(got.updates / seconds <= 26.0);
        std::vector<qint64> lat = live.storeLatenciesMs();
        QCOMPARE(int(lat.size()), sent);
        std::sort(lat.begin(), lat.end());
        qInfo("receive -> stored latency: p50 %lld ms, p99 %lld ms", lat[lat.size() / 2], lat[lat.size() * 99 / 100]);
    }

    // The real CLI against two replay servers: prints exactly the events sent, then the summary.
    void cliLivePrintsExactlyWhatWasSent() {
        // Binance: the capture's 49 real BTCUSDT/ETHUSDT liquidations as forceOrder frames.
        Sent bin;
        const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("chiefJurist-binance-forceorder-csv/binance_liquidations.csv"))).split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> f = line.trimmed().split(',');
            if (f.size() != 6 || (f[1] != "BTCUSDT" && f[1] != "ETHUSDT")) continue;
            const qint64 t = QDateTime::fromString(QString::fromLatin1(f[0].left(23)), Qt::ISODateWithMs).toUTC().toMSecsSinceEpoch();
            bin.frames << QString::fromLatin1(R"({"e":"forceOrder","E":%1,"o":{"s":"%2","S":"%3","o":"LIMIT","f":"IOC","q":"%4","p":"%5","ap":"%5","X":"FILLED","l":"%4","z":"%4","T":%6}})")
                              .arg(t + 2).arg(QString::fromLatin1(f[1]), QString::fromLatin1(f[2]), QString::fromLatin1(f[4]), QString::fromLatin1(f[3])).arg(t);
            LiquidationEvent e{QStringLiteral("binance"), QString::fromLatin1(f[1]), f[2] == "SELL" ? Side::Long : Side::Short,
                               f[3].toDouble(), f[4].toDouble(), f[3].toDouble() * f[4].toDouble(), t, 0};
            bin.events.push_back(e);
        }
        QCOMPARE(bin.events.size(), size_t(49));
        // Bybit: documented allLiquidation frames (position side: Buy = long) and one malformed frame.
        const QStringList bybitFrames = {
            QStringLiteral(R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1761125900000,"data":[{"T":1761125899990,"s":"BTCUSDT","S":"Buy","v":"0.012","p":"107800.4"}]})"),
            QStringLiteral(R"({"topic":"allLiquidation.ETHUSDT","type":"snapshot","ts":1761125900100,"data":[{"T":1761125900050,"s":"ETHUSDT","S":"Sell","v":"1.25","p":"3850.61"}]})"),
            QStringLiteral(R"({"topic":"allLiquidation.BTCUSDT","data":[{"T":1)"),
        };
        WsReplayServer binance(bin.frames), bybit(bybitFrames);
        QVERIFY(binance.listen());
        QVERIFY(bybit.listen());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.sqlite"));
        QProcess p;
        p.start(cliPath(), {QStringLiteral("--db"), db, QStringLiteral("live"), QStringLiteral("--exchange"), QStringLiteral("binance,bybit"),
                            QStringLiteral("--symbols"), QStringLiteral("BTCUSDT,ETHUSDT"), QStringLiteral("--url"),
                            QStringLiteral("binance=") + binance.url().toString(), QStringLiteral("--url"),
                            QStringLiteral("bybit=") + bybit.url().toString(), QStringLiteral("--duration"), QStringLiteral("3"),
                            QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        // Keep this thread's event loop running: the replay servers live here.
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> out = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(out.size(), 49 + 2 + 1);
        QVERIFY2(out.first().startsWith(R"({"type":"liquidation","exchange":)"), out.first().constData());
        QCOMPARE(out.last(), QByteArray(R"({"type":"summary","events":51,"reconnects":0,"parse_errors":1})"));
        std::vector<LiquidationEvent> printedBinance, printedBybit;
        for (int i = 0; i + 1 < out.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(out[i]).object();
            QCOMPARE(o.keys().size(), 8);
            QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("liquidation"));
            LiquidationEvent e{o.value(QStringLiteral("exchange")).toString(), o.value(QStringLiteral("symbol")).toString(),
                               o.value(QStringLiteral("side")).toString() == QLatin1String("long") ? Side::Long : Side::Short,
                               o.value(QStringLiteral("price")).toDouble(), o.value(QStringLiteral("qty")).toDouble(),
                               o.value(QStringLiteral("notional")).toDouble(), qint64(o.value(QStringLiteral("time")).toDouble()), 0};
            (e.exchange == QLatin1String("binance") ? printedBinance : printedBybit).push_back(e);
        }
        QCOMPARE(printedBinance.size(), size_t(49));
        for (size_t i = 0; i < 49; ++i) QVERIFY2(sameEvent(printedBinance[i], bin.events[i]), qPrintable(QString::number(i)));
        QCOMPARE(printedBybit.size(), size_t(2));
        QVERIFY(sameEvent(printedBybit[0], {QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), Side::Long, 107800.4, 0.012, 107800.4 * 0.012, 1761125899990, 0}));
        QVERIFY(sameEvent(printedBybit[1], {QStringLiteral("bybit"), QStringLiteral("ETHUSDT"), Side::Short, 3850.61, 1.25, 3850.61 * 1.25, 1761125900050, 0}));
        QCOMPARE(storedCount(db), qint64(51));
        // Bad input: one clear line on stderr, exit 2.
        const CliRun badUrl = runCli({QStringLiteral("live"), QStringLiteral("--url"), QStringLiteral("binance=http://x")});
        QCOMPARE(badUrl.exitCode, 2);
        QVERIFY(badUrl.err.contains("expected ws://host:port"));
        const CliRun bad = runCli({QStringLiteral("live"), QStringLiteral("--exchange"), QStringLiteral("kraken")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("unknown exchange 'kraken'"));
        const CliRun badOkx = runCli({QStringLiteral("live"), QStringLiteral("--exchange"), QStringLiteral("okx"), QStringLiteral("--symbols"), QStringLiteral("SOLUSDT")});
        QCOMPARE(badOkx.exitCode, 2);
        QVERIFY(badOkx.err.contains("no contract value for SOLUSDT"));
    }

    // --prices prints the ticks; SIGTERM ends the run with the summary (Hyperliquid: trades only).
    void cliPricesAndSigterm() {
        QStringList frames;
        for (int i = 0; i < 5; ++i)
            frames << QStringLiteral(R"({"channel":"trades","data":[{"coin":"BTC","side":"%1","px":"%2","sz":"0.5","time":%3,"hash":"0x0","tid":%4,"users":["0xa","0xb"]}]})")
                          .arg(QLatin1String(i % 2 ? "A" : "B")).arg(72581 + i).arg(1787259217020 + i).arg(i);
        frames << QStringLiteral("{not json");
        WsReplayServer server(frames);
        QVERIFY(server.listen());
        QProcess p;
        p.start(cliPath(), {QStringLiteral("live"), QStringLiteral("--exchange"), QStringLiteral("hyperliquid"), QStringLiteral("--symbols"),
                            QStringLiteral("BTCUSDT"), QStringLiteral("--url"), QStringLiteral("hyperliquid=") + server.url().toString(),
                            QStringLiteral("--prices"), QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).count('\n') >= 5, 10000);
        QTest::qWait(200);  // the malformed frame right behind them is in too
        p.terminate();  // SIGTERM
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 10000);
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        out += p.readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0], QByteArray(R"({"type":"price","exchange":"hyperliquid","symbol":"BTCUSDT","kind":"trade","price":72581,"qty":0.5,"time":1787259217020})"));
        QCOMPARE(lines[4], QByteArray(R"({"type":"price","exchange":"hyperliquid","symbol":"BTCUSDT","kind":"trade","price":72585,"qty":0.5,"time":1787259217024})"));
        QCOMPARE(lines[5], QByteArray(R"({"type":"summary","events":0,"reconnects":0,"parse_errors":1})"));
        QVERIFY(p.readAllStandardError().contains("no public liquidation stream"));
    }
};

LHM_TEST_MAIN(TestFeeds)
#include "tst_feeds.moc"
