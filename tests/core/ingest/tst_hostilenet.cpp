// Hostile input over the network, the cases of issue 9 that need a server: every one ends in a
// clear refusal or a bounded failure (never an abort, a hang or a silent success), and no secret
// reaches the output. Servers are real loopback servers (tests/support); the file and argument
// cases are in tst_hostile.cpp.
#include "FeedTestKit.h"
#include "HostileFixtures.h"
#include "HttpTestServer.h"
#include "TestSupport.h"
#include "VisionMirror.h"
#include "WsReplayServer.h"

#include "common/RowValidation.h"
#include "exchanges/binance/BinanceRest.h"
#include "ingest/download/Downloader.h"
#include "ingest/download/VisionLayout.h"
#include "ingest/rest/RestBackfillClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace lhm;
using namespace lhm::test;
using namespace lhm::test::hostile;
using lhm::feeds::LiveController;

class TestHostileNet : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        qRegisterMetaType<lhm::feeds::FeedBatch>();
    }

    // --- download: limits up front, bounded bodies and time, secrets redacted ----------------
    void absurdRangesAndSchemesAreRefusedUpFront() {
        auto plan = [](const QString &from, const QString &to, const QString &base = {}) {
            DownloadRequest r;
            r.symbols = {QStringLiteral("BTCUSDT")};
            r.from = QDate::fromString(from, Qt::ISODate);
            r.to = QDate::fromString(to, Qt::ISODate);
            r.baseUrl = base.isEmpty() ? QStringLiteral("https://data.binance.vision") : base;
            return VisionLayout::plan(r);
        };
        QElapsedTimer t;
        t.start();
        auto huge = plan(QStringLiteral("1000-01-01"), QStringLiteral("9999-12-31"));
        QVERIFY(!huge);
        QCOMPARE(huge.error().field, QStringLiteral("from"));
        auto typo = plan(QStringLiteral("0024-05-10"), QStringLiteral("2024-05-10"));  // a mistyped year
        QVERIFY(!typo);
        QCOMPARE(typo.error().field, QStringLiteral("from"));
        auto long_ = plan(QStringLiteral("2020-01-01"), QStringLiteral("2024-01-01"));  // 1462 days > 1098
        QVERIFY(!long_);
        QCOMPARE(long_.error().field, QStringLiteral("to"));
        QVERIFY(long_.error().message.startsWith(QLatin1String("1462 days")));
        QVERIFY(t.elapsed() < 1000);
        auto ftp = plan(QStringLiteral("2024-05-10"), QStringLiteral("2024-05-10"), QStringLiteral("ftp://u:p@mirror/x"));
        QVERIFY(!ftp);
        QCOMPARE(ftp.error().field, QStringLiteral("base-url"));
        QCOMPARE(ftp.error().message, QStringLiteral("'ftp://***@mirror/x': only http and https URLs are supported"));
        // A base URL with a query string keeps it, and the file path goes into the path.
        auto signed_ = plan(QStringLiteral("2024-05-10"), QStringLiteral("2024-05-10"),
                            QStringLiteral("https://mirror.example/base/?sig=abc"));
        QVERIFY(signed_);
        QCOMPARE(signed_->front().url.toString(),
                 QStringLiteral("https://mirror.example/base/data/futures/um/daily/metrics/BTCUSDT/"
                                "BTCUSDT-metrics-2024-05-10.zip?sig=abc"));
        QCOMPARE(signed_->front().checksumUrl.path(),
                 QStringLiteral("/base/data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-10.zip.CHECKSUM"));
        // The CLI: exit 2 at once.
        const CliRun cli = runCli({QStringLiteral("--db"), tmp_.filePath(QStringLiteral("dl.sqlite")), QStringLiteral("download"),
                                   QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                                   QStringLiteral("2024-05-10"), QStringLiteral("--to"), QStringLiteral("2024-05-10"),
                                   QStringLiteral("--base-url"), QStringLiteral("ftp://mirror.example/")}, 20000);
        QCOMPARE(cli.exitCode, 2);
        QVERIFY2(cli.err.contains("--base-url"), cli.err.constData());
        // INT_MAX ms would overflow the jitter computation.
        const CliRun delay = runCli({QStringLiteral("--db"), tmp_.filePath(QStringLiteral("dl.sqlite")), QStringLiteral("download"),
                                     QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                                     QStringLiteral("2024-05-10"), QStringLiteral("--to"), QStringLiteral("2024-05-10"),
                                     QStringLiteral("--retry-delay"), QStringLiteral("2147483647")}, 20000);
        QCOMPARE(delay.exitCode, 2);
        QVERIFY2(delay.err.contains("--retry-delay '2147483647' is not a number of ms in 0..60000"), delay.err.constData());
    }
    void oversizedChecksumBodyIsRefused() {
        QTemporaryDir root;
        const QString rel = QStringLiteral("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-10.zip");
        QVERIFY(QDir(root.path()).mkpath(QFileInfo(root.filePath(rel)).path()));
        QVERIFY(writeFile(root.filePath(rel + QStringLiteral(".CHECKSUM")), QByteArray(1 << 20, 'a')));  // 1 MiB
        HttpTestServer server;
        QVERIFY(server.start(root.path()));
        TempStore ts;
        DownloadOptions o;
        o.destDir = tmp_.filePath(QStringLiteral("cache-big"));
        o.retryBaseDelayMs = 10;
        Downloader dl(*ts.store, o);
        const DownloadSummary s = dl.run({VisionLayout::item(server.baseUrl(), QStringLiteral("BTCUSDT"), QStringLiteral("metrics"),
                                                             {}, QDate(2024, 5, 10))});
        QCOMPARE(s.files.size(), size_t(1));
        QCOMPARE(s.files[0].status, DownloadStatus::Failed);
        QVERIFY2(s.files[0].message.contains(QLatin1String("response larger than 4096 bytes: refused")),
                 qPrintable(s.files[0].message));
        QCOMPARE(server.requests().size(), 1);  // final: not retried
    }
    void tricklingHostFailsWithinTheDeadline() {
        QTemporaryDir root;
        const QString rel = QStringLiteral("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-10.zip");
        QVERIFY(QDir(root.path()).mkpath(QFileInfo(root.filePath(rel)).path()));
        QVERIFY(writeVisionZip(root.filePath(rel), QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"), metricsCsv(QStringLiteral("BTCUSDT"))));
        HttpTestServer server;
        QVERIFY(server.start(root.path()));
        HttpFault crawl;
        crawl.chunkBytes = 1;      // one byte...
        crawl.chunkDelayMs = 300;  // ...every 0.3 s never trips a 30 s "no data" timeout
        crawl.dropTimes = -1;
        server.setFault(QLatin1Char('/') + rel, crawl);
        TempStore ts;
        DownloadOptions o;
        o.destDir = tmp_.filePath(QStringLiteral("cache-slow"));
        o.retryBaseDelayMs = 50;
        o.maxRetryDelayMs = 100;
        o.minBytesPerSec = 100;   // 50 bytes per 0.5 s window; the trickle brings 1-2
        o.rateWindowMs = 500;
        o.retryDeadlineMs = 1500;
        Downloader dl(*ts.store, o);
        QElapsedTimer t;
        t.start();
        const DownloadSummary s = dl.run({VisionLayout::item(server.baseUrl(), QStringLiteral("BTCUSDT"), QStringLiteral("metrics"),
                                                             {}, QDate(2024, 5, 10))});
        // Attempts of ~0.5 s each until the 1.5 s budget is spent: well under 5 s in all.
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(s.files[0].status, DownloadStatus::Failed);
        QVERIFY2(s.files[0].message.contains(QLatin1String("transfer too slow: under 100 bytes/s over 0.5 s")),
                 qPrintable(s.files[0].message));
        QVERIFY2(s.files[0].message.contains(QLatin1String("gave up after 1.5 s of retries")), qPrintable(s.files[0].message));
        QVERIFY(s.files[0].attempts >= 2 && s.files[0].attempts <= 4);
        QCOMPARE(count(*ts.store, "open_interest"), 0);
    }
    void stalledHostStopsTheRun() {
        QTemporaryDir root;
        HttpTestServer server;
        QVERIFY(server.start(root.path()));
        std::vector<DownloadItem> items;
        for (int day = 10; day <= 14; ++day) {
            items.push_back(VisionLayout::item(server.baseUrl(), QStringLiteral("BTCUSDT"), QStringLiteral("metrics"), {},
                                               QDate(2024, 5, day)));
            HttpFault hang;
            hang.delayMs = 3000;  // accepts, then says nothing
            hang.dropTimes = -1;
            server.setFault(items.back().checksumUrl.path(), hang);
        }
        TempStore ts;
        DownloadOptions o;
        o.destDir = tmp_.filePath(QStringLiteral("cache-stall"));
        o.transferTimeoutMs = 300;
        o.retryBaseDelayMs = 50;
        o.maxRetryDelayMs = 50;
        o.retryDeadlineMs = 400;
        o.maxStalledFiles = 2;
        Downloader dl(*ts.store, o);
        QElapsedTimer t;
        t.start();
        const DownloadSummary s = dl.run(items);
        QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(s.files.size(), size_t(2));  // the other three never started
        QVERIFY(s.files[0].stalled && s.files[1].stalled);
        QVERIFY(s.fatal);
        QCOMPARE(s.fatal->message, QStringLiteral("2 files in a row timed out or crawled: the host accepts connections but "
                                                  "does not serve; stopped with 3 file(s) left"));
        QVERIFY(!s.ok());
    }
    void credentialsNeverPrinted() {
        QTemporaryDir root;  // empty mirror: every file is a 404
        HttpTestServer server;
        QVERIFY(server.start(root.path()));
        const QString base = QStringLiteral("http://alice:hunter2@127.0.0.1:%1/?token=T0PS3CRET").arg(server.port());
        for (const bool json : {true, false}) {
            QStringList args{QStringLiteral("--db"), tmp_.filePath(QStringLiteral("secret.sqlite")), QStringLiteral("download"),
                             QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                             QStringLiteral("2024-05-10"), QStringLiteral("--to"), QStringLiteral("2024-05-10"),
                             QStringLiteral("--types"), QStringLiteral("metrics"), QStringLiteral("--base-url"), base,
                             QStringLiteral("--dest"), tmp_.filePath(QStringLiteral("cache-secret"))};
            if (json) args << QStringLiteral("--json");
            const CliRun run = runCli(args, 30000);
            QCOMPARE(run.exitCode, 0);  // a 404 is listed, not fatal
            const QByteArray all = run.out + run.err;
            QVERIFY2(!all.contains("hunter2") && !all.contains("alice") && !all.contains("T0PS3CRET"), all.constData());
            QVERIFY2(all.contains("not-found"), all.constData());
            if (json)
                QVERIFY2(run.out.contains("\"url\":\"http://***@127.0.0.1:" + QByteArray::number(server.port()) +
                                          "/data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-10.zip?token=***\""),
                         run.out.constData());
        }
        // The path went into the URL's path, the query stayed a query.
        QVERIFY(!server.requestsFor(QStringLiteral("/data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-10.zip")).isEmpty());
    }

    // --- REST backfill: the same validation, bounded bodies -----------------------------------
    void restParsersRefuseOutOfRangeIntegers() {
        // INT64_MIN as a string and 1e300 as a number: out of range, never cast.
        const QByteArray minTime = R"([["-9223372036854775808","61000","61010","60990","61005","1","1715299259999","61005",5,"0.5","30502","0"]])";
        QVERIFY(!rest::parseBinanceKlines(minTime));
        const QByteArray hugeTrades = R"([[1715299200000,"61000","61010","60990","61005","1",1715299259999,"61005",1e300,"0.5","30502","0"]])";
        QVERIFY(!rest::parseBinanceKlines(hugeTrades));
        const QByteArray oi = R"([{"symbol":"BTCUSDT","sumOpenInterest":"1","sumOpenInterestValue":"2","timestamp":-1e300}])";
        QVERIFY(!rest::parseBinanceOpenInterestHist(oi));
        // "NaN" / "-inf" strings: refused by the parser or, if it reads them, by the shared validation.
        const QByteArray nan = R"([[1715299200000,"NaN","61010","60990","-inf","1",1715299259999,"61005",5,"0.5","30502","0"]])";
        const auto parsed = rest::parseBinanceKlines(nan);
        QVERIFY(!parsed || firstInvalid<Candle>(*parsed, QDateTime::currentMSecsSinceEpoch()));
    }
    void restBackfillValidatesLikeTheImporter() {
        FakeRest server;
        // Negative volume in the second candle: the whole response is refused, nothing emitted.
        server.klines = R"([[1715299200000,"61000","61010","60990","61005","1",1715299259999,"61005",5,"0.5","30502","0"],)"
                        R"([1715299260000,"61005","61010","60990","61000","-3",1715299319999,"61005",5,"0.5","30502","0"]])";
        server.openInterest = R"([{"symbol":"BTCUSDT","sumOpenInterest":"80000","sumOpenInterestValue":"4.9e9","timestamp":1715299200000}])";
        QVERIFY(server.listen(QHostAddress::LocalHost));
        rest::RestBackfillClient client(rest::RestBackfillClient::Venue::Binance,
                                        QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        QSignalSpy ok(&client, &rest::RestBackfillClient::backfilled);
        QSignalSpy failed(&client, &rest::RestBackfillClient::failed);
        client.backfill(QStringLiteral("BTCUSDT"), 1715299200000, 1715299320000);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(ok.size(), 0);
        QCOMPARE(failed[0][1].toString(), QStringLiteral("klines response row:2: field 'volume': negative value: -3"));
        // Far-future open interest (a µs time read as ms) likewise.
        server.klines = R"([[1715299200000,"61000","61010","60990","61005","1",1715299259999,"61005",5,"0.5","30502","0"]])";
        server.openInterest = R"([{"symbol":"BTCUSDT","sumOpenInterest":"80000","sumOpenInterestValue":"4.9e9","timestamp":1715299200000000}])";
        client.backfill(QStringLiteral("BTCUSDT"), 1715299200000, 1715299320000);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        QVERIFY2(failed[1][1].toString().startsWith(QLatin1String("openInterestHist response row:1: field 'create_time': time 1715299200000000 is after")),
                 qPrintable(failed[1][1].toString()));
        // A body over the limit is cut off and refused.
        client.maxBodyBytes = 100;
        client.backfill(QStringLiteral("BTCUSDT"), 1715299200000, 1715299320000);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, 5000);
        QVERIFY2(failed[2][1].toString().contains(QLatin1String("response larger than 100 bytes: refused")),
                 qPrintable(failed[2][1].toString()));
        QCOMPARE(ok.size(), 0);
    }

    void tricklingRestHostFailsAtTheDeadline() {
        QTemporaryDir root;  // /fapi/v1/klines and /futures/data/openInterestHist as files
        QVERIFY(QDir(root.path()).mkpath(QStringLiteral("fapi/v1")) && QDir(root.path()).mkpath(QStringLiteral("futures/data")));
        QVERIFY(QFile::copy(sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_fapi_v1_klines__0.json")),
                            root.filePath(QStringLiteral("fapi/v1/klines"))));
        QVERIFY(QFile::copy(sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_futures_data_openInterestHist__0.json")),
                            root.filePath(QStringLiteral("futures/data/openInterestHist"))));
        HttpTestServer server;
        QVERIFY(server.start(root.path()));
        HttpFault crawl;
        crawl.chunkBytes = 16;
        crawl.chunkDelayMs = 100;  // bytes keep coming, so the 15 s "no data" timeout never fires
        crawl.dropTimes = -1;
        server.setFault(QStringLiteral("/fapi/v1/klines"), crawl);
        rest::RestBackfillClient client(rest::RestBackfillClient::Venue::Binance, server.baseUrl());
        client.deadlineMs = 800;
        QSignalSpy ok(&client, &rest::RestBackfillClient::backfilled);
        QSignalSpy failed(&client, &rest::RestBackfillClient::failed);
        QElapsedTimer t;
        t.start();
        client.backfill(QStringLiteral("BTCUSDT"), 1715299200000, 1715299320000);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QVERIFY(t.elapsed() < 3000);
        QCOMPARE(failed[0][1].toString(), QStringLiteral("klines: no complete response within 0.8 s"));
        QCOMPARE(ok.size(), 0);
    }

    // --- live feeds: bounded messages, one gap start across reconnects ------------------------
    void oversizedMessageClosesTheConnectionOnly_data() {
        QTest::addColumn<qint64>("serverFrameBytes");
        QTest::addColumn<qint64>("maxFrameBytes");
        QTest::newRow("one 300 KB frame") << qint64(0) << qint64(64 * 1024);
        // 19 continuation frames of 16 KiB, each under the frame limit: the message limit stops it.
        QTest::newRow("fragmented 300 KB message") << qint64(16 * 1024) << qint64(1 << 20);
    }
    void oversizedMessageClosesTheConnectionOnly() {
        QFETCH(qint64, serverFrameBytes);
        QFETCH(qint64, maxFrameBytes);
        const Sent s = binanceFrames(10);
        QStringList frames = s.frames.mid(0, 5);
        frames << QStringLiteral(R"({"stream":"btcusdt@forceOrder","data":{"pad":"%1"}})").arg(QString(300 * 1024, u'x'));
        WsReplayServer server(frames);
        server.setOutgoingFrameSize(serverFrameBytes);
        QVERIFY(server.listen());
        FeedOptions o = fastOptions(server.url());
        o.maxMessageBytes = 64 * 1024;
        o.maxFrameBytes = maxFrameBytes;
        o.watchdogMs = 5000;  // the close must come from the size limit, not from silence
        LiveController live;
        Collector got;
        got.attach(live);
        QVERIFY(live.start({o}, QString()));
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(5), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(live.supervisor().find(QStringLiteral("binance"))->reconnects >= 1, 3000);
        QCOMPARE(live.supervisor().find(QStringLiteral("binance"))->parseErrors, qint64(0));  // never buffered whole
        // The feed carries on over the new connection.
        server.appendFrames(s.frames.mid(5));
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(10), 5000);
        for (size_t i = 0; i < 10; ++i) QVERIFY(sameEvent(got.events[i], s.events[i]));
        live.stop();
    }
    void acceptThenSilentOutageIsBackfilledOnce() {
        FakeRest rest;
        rest.klines = readFile(sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_fapi_v1_klines__0.json")));
        rest.openInterest = readFile(sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_futures_data_openInterestHist__0.json")));
        QVERIFY(rest.listen(QHostAddress::LocalHost));
        const Sent s = binanceFrames(20);
        WsReplayServer server(s.frames.mid(0, 10));
        QVERIFY(server.listen());
        FeedOptions o = fastOptions(server.url());
        o.symbols = {QStringLiteral("BTCUSDT")};
        o.restUrl = QStringLiteral("http://127.0.0.1:%1").arg(rest.serverPort());
        o.watchdogMs = 300;        // each silent connection is dropped after 0.3 s...
        o.backoffCapMs = 200;
        o.backfillMinGapMs = 1500; // ...so no single one is long enough; the whole outage is
        LiveController live;
        Collector got;
        got.attach(live);
        QVERIFY(live.start({o}, tmp_.filePath(QStringLiteral("silent.sqlite"))));
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(10), 5000);
        const int before = server.connections();
        server.setSilent(true);  // accepts, subscribes, sends nothing
        QTest::qWait(2500);
        QVERIFY2(server.connections() - before >= 3, qPrintable(QString::number(server.connections() - before)));
        QCOMPARE(rest.requests.size(), 0);
        server.appendFrames(s.frames.mid(10));
        server.setSilent(false);
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(20), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(live.supervisor().find(QStringLiteral("binance"))->backfills, qint64(1), 5000);
        QCOMPARE(rest.requests.size(), 2);
        live.stop();
    }

    void liveNeverLogsCredentialsOrListenKeys() {
        const Sent s = binanceFrames(3);
        WsReplayServer server(s.frames);
        QVERIFY(server.listen());
        const QString key(64, QLatin1Char('k'));  // a listen key in the path, credentials, a token
        const QString url = QStringLiteral("ws://alice:hunter2@127.0.0.1:%1/ws/%2?token=T0PS3CRET").arg(server.port()).arg(key);
        QProcess p;  // asynchronous: the replay server lives on this thread's event loop
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lhm.*.debug=true"));
        p.setProcessEnvironment(env);
        p.start(cliPath(), {QStringLiteral("live"), QStringLiteral("--exchange"), QStringLiteral("binance"),
                            QStringLiteral("--url"), QStringLiteral("binance=") + url, QStringLiteral("--duration"),
                            QStringLiteral("1.5")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 15000);
        QCOMPARE(p.exitCode(), 0);
        const QByteArray all = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY(server.connections() >= 1);
        QVERIFY2(all.contains("connected to ws://***@127.0.0.1:" + QByteArray::number(server.port()) + "/ws/***?token=***"),
                 all.constData());
        QVERIFY2(!all.contains("hunter2") && !all.contains("alice") && !all.contains("T0PS3CRET") && !all.contains(key.toLatin1()),
                 all.constData());
    }
};

LHM_TEST_MAIN(TestHostileNet)
#include "tst_hostilenet.moc"
