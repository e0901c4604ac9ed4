// Hostile input, one regression test per case of issue 9: every one ends in a clear refusal or a
// bounded failure (never an abort, a hang or a silent success) and nothing already stored is lost.
// Servers are real loopback servers (tests/support); hostile files are generated here.
#include "FeedTestKit.h"
#include "HttpTestServer.h"
#include "TestSupport.h"
#include "VisionMirror.h"
#include "WsReplayServer.h"

#include "config/ExchangesConfig.h"
#include "config/LeverageTiers.h"
#include "exchanges/binance/BinanceRest.h"
#include "ingest/CsvParser.h"
#include "ingest/Importer.h"
#include "ingest/download/Downloader.h"
#include "ingest/download/VisionLayout.h"
#include "ingest/rest/RestBackfillClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>
#include <sys/stat.h>

using namespace lhm;
using namespace lhm::test;
using lhm::feeds::LiveController;

namespace {

// 2024-05-10 00:00 UTC and the rows of a tiny metrics day (create_time, symbol, OI, OI value, 4 ratios).
const QByteArray kMetricsHeader =
    "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
    "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
QByteArray metricsCsv(const QString &symbol) {
    return kMetricsHeader + "2024-05-10 00:05:00," + symbol.toLatin1() + ",80000.5,4900000000.25,1.5,1.4,1.3,0.9\n" +
           "2024-05-10 00:10:00," + symbol.toLatin1() + ",80010.5,4901000000.25,1.5,1.4,1.3,0.9\n";
}

int count(Store &s, const char *table) {
    return int(sqlScalar(s.path(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
}

}  // namespace

class TestHostile : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        qRegisterMetaType<lhm::feeds::FeedBatch>();
    }

    // --- CSV: bounded lines, sane times, real dates -------------------------------------------
    void endlessLineIsRefusedAtTheLimit() {
        MetricsParser p(QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"));
        std::vector<OpenInterestPoint> rows;
        const std::string chunk(16 * 1024, '7');  // a line that never ends, fed like a zip stream
        Status s;
        int fed = 0;
        for (; fed < 1000 && s; ++fed) s = p.feed(chunk.data(), chunk.size(), rows);
        QVERIFY(!s);
        // 64 KiB / 16 KiB: the fifth chunk crosses the limit; nothing past it is buffered.
        QCOMPARE(fed, 5);
        QCOMPARE(s.error().toString(),
                 QStringLiteral("BTCUSDT-metrics-2024-05-10.csv:1: line longer than 65536 bytes (not a CSV line; a file "
                                "without line ends?)"));
    }
    void farFutureAndPre2009TimesAreRefused() {
        const qint64 now = 1'780'000'000'000;  // 2026-05-28
        KlinesParser p(QStringLiteral("BTCUSDT-1m-2024-05-10.csv"), now);
        std::vector<Candle> rows;
        const QByteArray far = "9999999999999,61000,61010,60990,61005,1,10000000059999,61005,5,0.5,30502,0\n";
        Status s = p.feed(far.constData(), size_t(far.size()), rows);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("open_time"));
        QCOMPARE(s.error().line, qint64(1));
        QVERIFY2(s.error().message.contains(QLatin1String("2026-05-29 20:26 UTC (now + 1 day)")), qPrintable(s.error().message));
        QVERIFY(rows.empty());
        // 99,999,999,999,999 is not converted from µs (that starts above 1e14) and lies in year 5138.
        KlinesParser q(QStringLiteral("k.csv"), now);
        const QByteArray y5138 = "99999999999999,61000,61010,60990,61005,1,99999999999999,61005,5,0.5,30502,0\n";
        QVERIFY(!q.feed(y5138.constData(), size_t(y5138.size()), rows));
    }
    void impossibleCalendarDateIsRefused() {
        MetricsParser p(QStringLiteral("BTCUSDT-metrics-2024-02-29.csv"));
        std::vector<OpenInterestPoint> rows;
        const QByteArray csv = kMetricsHeader + "2024-02-31 00:05:00,BTCUSDT,80000.5,4900000000.25,1.5,1.4,1.3,0.9\n";
        Status s = p.feed(csv.constData(), size_t(csv.size()), rows);
        QVERIFY(!s);
        QCOMPARE(s.error().line, qint64(2));
        QCOMPARE(s.error().field, QStringLiteral("create_time"));
        QVERIFY(rows.empty());
        // 2024-02-29 exists (leap year).
        MetricsParser ok(QStringLiteral("BTCUSDT-metrics-2024-02-29.csv"));
        const QByteArray leap = kMetricsHeader + "2024-02-29 00:05:00,BTCUSDT,80000.5,4900000000.25,1.5,1.4,1.3,0.9\n";
        QVERIFY(ok.feed(leap.constData(), size_t(leap.size()), rows));
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].time, qint64(1'709'165'100'000));  // 2024-02-29 00:05 UTC
    }

    // --- import: only regular files, type and symbol before "already imported" ---------------
    void fifoAndDeviceAreRefused() {
        TempStore ts;
        Importer imp(*ts.store);
        const QString fifo = tmp_.filePath(QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer t;
        t.start();
        const FileImportResult r = imp.importFile(fifo);  // would block forever in open()/read()
        QVERIFY(r.error);
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(r.error->toString(), fifo + QStringLiteral(": not a regular file (a FIFO, device or socket): refused"));
        QDir(tmp_.path()).mkdir(QStringLiteral("dev"));
        const QString zero = tmp_.filePath(QStringLiteral("dev/BTCUSDT-metrics-2024-05-11.csv"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), zero));
        const FileImportResult z = imp.importFile(zero);
        QVERIFY(z.error);
        QVERIFY(z.error->message.startsWith(QLatin1String("not a regular file")));
        // A FIFO .CHECKSUM beside a good file.
        QDir(tmp_.path()).mkdir(QStringLiteral("sumfifo"));
        const QString good = tmp_.filePath(QStringLiteral("sumfifo/BTCUSDT-metrics-2024-05-10.csv"));
        QVERIFY(writeFile(good, metricsCsv(QStringLiteral("BTCUSDT"))));
        QCOMPARE(::mkfifo(QFile::encodeName(good + QStringLiteral(".CHECKSUM")).constData(), 0600), 0);
        const FileImportResult sum = imp.importFile(good);
        QVERIFY(sum.error);
        QCOMPARE(sum.error->file, good + QStringLiteral(".CHECKSUM"));
        QCOMPARE(count(*ts.store, "open_interest"), 0);
        // The CLI: exit 2 naming the path.
        const CliRun run = runCli({QStringLiteral("--db"), ts.path, QStringLiteral("import"), fifo}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QFile::encodeName(fifo)), run.err.constData());
        QVERIFY(run.err.contains("not a regular file"));
    }
    void sameBytesUnderAnotherSymbolAreNotAlreadyImported() {
        TempStore ts;
        Importer imp(*ts.store);
        QDir(tmp_.path()).mkdir(QStringLiteral("same"));
        const QString a = tmp_.filePath(QStringLiteral("same/BTCUSDT-metrics-2024-05-10.csv"));
        QVERIFY(writeFile(a, metricsCsv(QStringLiteral("BTCUSDT"))));
        const FileImportResult first = imp.importFile(a);
        QVERIFY2(!first.error, qPrintable(first.error ? first.error->toString() : QString()));
        QCOMPARE(first.rows, qint64(2));
        // Identical bytes named as ETHUSDT, then as klines: refused, not "already imported" (exit 0).
        const QString b = tmp_.filePath(QStringLiteral("same/ETHUSDT-metrics-2024-05-10.csv"));
        QVERIFY(QFile::copy(a, b));
        const FileImportResult other = imp.importFile(b);
        QVERIFY(other.error);
        QVERIFY(!other.alreadyImported);
        QCOMPARE(other.error->field, QStringLiteral("file name"));
        QCOMPARE(other.error->message, QStringLiteral("the same content was imported as metrics BTCUSDT (from "
                                                      "BTCUSDT-metrics-2024-05-10.csv), but this file name says metrics ETHUSDT"));
        const QString c = tmp_.filePath(QStringLiteral("same/BTCUSDT-5m-2024-05-10.csv"));
        QVERIFY(QFile::copy(a, c));
        QVERIFY(imp.importFile(c).error);
        // The real repeat still is a no-op, and nothing stored was lost.
        QVERIFY(imp.importFile(a).alreadyImported);
        QCOMPARE(count(*ts.store, "open_interest"), 2);
    }
    void emptyFolderDanglingLinkAndLoopSayNothingToImport() {
        TempStore ts;
        const QString empty = tmp_.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        const QString dangling = tmp_.filePath(QStringLiteral("BTCUSDT-metrics-2024-05-12.csv"));
        QVERIFY(QFile::link(tmp_.filePath(QStringLiteral("gone.csv")), dangling));
        const QString loop = tmp_.filePath(QStringLiteral("loop.csv"));
        QVERIFY(QFile::link(loop, loop));
        Importer imp(*ts.store);
        const auto results = imp.importPaths({empty, dangling, loop});
        QCOMPARE(results.size(), size_t(3));
        QCOMPARE(results[0].error->toString(), empty + QStringLiteral(": nothing to import: no .csv or .zip files in this folder"));
        QCOMPARE(results[1].error->message, QStringLiteral("broken symbolic link (missing target or a loop)"));
        QCOMPARE(results[2].error->message, QStringLiteral("broken symbolic link (missing target or a loop)"));
        const CliRun run = runCli({QStringLiteral("--db"), ts.path, QStringLiteral("import"), empty}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("nothing to import"), run.err.constData());
        // Only a .CHECKSUM given: nothing at all to import, said so, exit 2.
        const QString sum = tmp_.filePath(QStringLiteral("x.zip.CHECKSUM"));
        QVERIFY(writeFile(sum, "00  x.zip\n"));
        const CliRun only = runCli({QStringLiteral("--db"), ts.path, QStringLiteral("import"), sum}, 20000);
        QCOMPARE(only.exitCode, 2);
        QVERIFY2(only.err.contains("nothing to import in"), only.err.constData());
    }
    void busyDatabaseNamesTheInputAndTheOtherImport() {
        TempStore ts;
        auto other = Store::open(ts.path);
        QVERIFY(other);
        Transaction holder = (*other)->transaction();  // "another import" holding the write lock
        QVERIFY(holder.ok());
        ts.store->setBusyTimeout(200);  // the test need not wait 10 s
        QDir(tmp_.path()).mkdir(QStringLiteral("busy"));
        const QString f = tmp_.filePath(QStringLiteral("busy/BTCUSDT-metrics-2024-05-10.csv"));
        QVERIFY(writeFile(f, metricsCsv(QStringLiteral("BTCUSDT"))));
        Importer imp(*ts.store);
        const FileImportResult r = imp.importFile(f);
        QVERIFY(r.error);
        QCOMPARE(r.error->file, f);
        QCOMPARE(r.error->message, QStringLiteral("not imported: another import is writing to the database %1; run this "
                                                  "one again when it has finished").arg(ts.path));
    }
    void controlBytesNeverReachTheTerminal() {
        // ESC ] 0 ; title BEL would retitle the terminal.
        const QString name = tmp_.filePath(QStringLiteral("BTCUSDT-metrics-2024-05-10\x1b]0;pwned\x07.csv"));
        TempStore ts;
        const CliRun run = runCli({QStringLiteral("--db"), ts.path, QStringLiteral("import"), name}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.contains('\x1b') && !run.err.contains('\x07'));
        QVERIFY2(run.err.contains("\\u001b]0;pwned\\u0007"), run.err.constData());
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

    // --- config loaders: wrong shapes are errors, never a yaml-cpp exception (fuzz_yaml found one) --
    void configLoadersRefuseWrongShapes() {
        for (const QByteArray &yaml : {QByteArray("just a scalar\n"), QByteArray("- 1\n- 2\n"), QByteArray("exchanges: 5\n")}) {
            auto cfg = ExchangesConfig::parse(yaml, QStringLiteral("exchanges.yaml"));
            QVERIFY(!cfg);
            QCOMPARE(cfg.error().field, QStringLiteral("exchanges"));
        }
        QVERIFY(!LeverageTiers::parse("- 1\n", QStringLiteral("tiers/binance/BTCUSDT.yaml")));
        const QByteArray big(2 << 20, ' ');
        auto huge = ExchangesConfig::parse(big, QStringLiteral("exchanges.yaml"));
        QVERIFY(!huge);
        QCOMPARE(huge.error().message, QStringLiteral("larger than 1048576 bytes: not a config file"));
    }

    // --- CLI arguments: ranges, right field names ---------------------------------------------
    void modelArgumentsOutOfRange_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tiny leverage") << QStringList{"--leverage-weights", "0.0001:1"}
                                       << "field 'leverage-weights': leverage 0.0001 is outside 1..200";
        QTest::newRow("weights overflow") << QStringList{"--leverage-weights", "5:1e308,10:1e308"}
                                          << "field 'leverage-weights': weights too large";
        QTest::newRow("bucket") << QStringList{"--bucket", "1e300"} << "field 'bucket': 1e300 USD is outside";
        QTest::newRow("interval wraps") << QStringList{"--interval", "144115188075855873h"}
                                        << "field 'interval': '144115188075855873h' is not an interval";
        QTest::newRow("interval > window") << QStringList{"--window", "48h", "--interval", "1y"}
                                           << "field 'interval': 1y is longer than the 48h window";
        QTest::newRow("end") << QStringList{"--end", "1"} << "field 'end': time 1 is before 2009-01-01";
        QTest::newRow("exchange") << QStringList{"--exchange", "nope"} << "field 'exchange': unknown exchange 'nope'";
        QTest::newRow("symbol path") << QStringList{"--symbol", "../../x"} << "field 'symbol': '../../X' is not a symbol";
    }
    void modelArgumentsOutOfRange() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QStringList full{QStringLiteral("--db"), tmp_.filePath(QStringLiteral("args.sqlite")), QStringLiteral("heatmap")};
        if (!args.contains(QStringLiteral("--symbol"))) full << QStringLiteral("--symbol") << QStringLiteral("BTCUSDT");
        const CliRun run = runCli(full + args, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected.toUtf8()), run.err.constData());
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
    void liveArgumentsOutOfRange() {
        const QStringList db{QStringLiteral("--db"), tmp_.filePath(QStringLiteral("live.sqlite")), QStringLiteral("live")};
        CliRun run = runCli(db + QStringList{QStringLiteral("--exchange"), QStringLiteral("nope")}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("unknown exchange 'nope' (binance, bybit, okx, hyperliquid)"), run.err.constData());
        run = runCli(db + QStringList{QStringLiteral("--duration"), QStringLiteral("1e300")}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--duration expects seconds in (0, 2000000]"), run.err.constData());
        run = runCli(db + QStringList{QStringLiteral("--url"), QStringLiteral("binance=ftp://u:pw@host/ws?listenKey=K3Y")}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--url binance=ftp://***@host/ws?listenKey=***: expected ws://host:port/"), run.err.constData());
        QVERIFY(!run.err.contains("K3Y") && !run.err.contains("pw@"));
    }
    void tierFileNeverLeavesTheConfigFolder() {
        const CliRun run = runCli({QStringLiteral("liqprice"), QStringLiteral("--exchange"), QStringLiteral("binance"),
                                   QStringLiteral("--symbol"), QStringLiteral("../../x"), QStringLiteral("--entry"),
                                   QStringLiteral("60000"), QStringLiteral("--leverage"), QStringLiteral("10"),
                                   QStringLiteral("--side"), QStringLiteral("long"), QStringLiteral("--qty"), QStringLiteral("1")},
                                  20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("is not a symbol like BTCUSDT"), run.err.constData());
    }
};

LHM_TEST_MAIN(TestHostile)
#include "tst_hostile.moc"
