// Hostile input, one regression test per case of issue 9: every one ends in a clear refusal or a
// bounded failure (never an abort, a hang or a silent success) and nothing already stored is lost.
// This program: hostile files and arguments (CSV, import, config, CLI), generated here; the
// cases that need a server (download, REST backfill, live feeds) are in tst_hostilenet.cpp.
#include "HostileFixtures.h"
#include "TestSupport.h"

#include "config/ExchangesConfig.h"
#include "config/LeverageTiers.h"
#include "ingest/CsvParser.h"
#include "ingest/Importer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>
#include <sys/stat.h>

using namespace lhm;
using namespace lhm::test;
using namespace lhm::test::hostile;

class TestHostile : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

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
