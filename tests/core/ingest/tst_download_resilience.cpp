// TestDownload (continued from tst_download.cpp).
#include "tst_download.h"

void TestDownload::resumesAfterDroppedConnection() {
    TempStore ts;
    QTemporaryDir dest;
    const qint64 size = QFileInfo(mirror_.filePath(kKline11)).size();
    QVERIFY(size > 2000);
    HttpFault drop;
    drop.dropAfterBytes = size / 2;
    server_.setFault(kKline11, drop);
    Downloader dl(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s = dl.run(plan({QStringLiteral("klines")}, "2024-05-11", "2024-05-11"));
    QVERIFY2(s.ok(), qPrintable(s.files.empty() ? QString() : s.files[0].message));
    QCOMPARE(s.files[0].status, DownloadStatus::Imported);
    QCOMPARE(s.files[0].attempts, 2);
    const auto reqs = server_.requestsFor(kKline11);
    QCOMPARE(reqs.size(), 2);
    QVERIFY(!reqs[0].headers.contains("range"));
    QCOMPARE(reqs[1].headers.value("range"), "bytes=" + QByteArray::number(size / 2) + '-');
    QCOMPARE(reqs[1].status, 206);
    QCOMPARE(sha256File(s.files[0].localPath), sha256File(mirror_.filePath(kKline11)));
    QVERIFY(!QFile::exists(s.files[0].localPath + QStringLiteral(".part")));
    QCOMPARE(findSeries(ts.store->seriesInfo(), QStringLiteral("BTCUSDT"), QStringLiteral("klines"), QStringLiteral("5m"))->rows, 288);
}

void TestDownload::serverIgnoringRangeRestartsFromZero() {
    TempStore ts;
    QTemporaryDir dest;
    const qint64 size = QFileInfo(mirror_.filePath(kKline11)).size();
    HttpFault f;
    f.dropAfterBytes = size / 3;
    f.ignoreRange = true;
    server_.setFault(kKline11, f);
    Downloader dl(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s = dl.run(plan({QStringLiteral("klines")}, "2024-05-11", "2024-05-11"));
    QVERIFY(s.ok());
    const auto reqs = server_.requestsFor(kKline11);
    QCOMPARE(reqs.size(), 2);
    QVERIFY(reqs[1].headers.contains("range"));
    QCOMPARE(reqs[1].status, 200);
    QCOMPARE(sha256File(s.files[0].localPath), sha256File(mirror_.filePath(kKline11)));
}

void TestDownload::retriesServerErrorsThenGivesUp() {
    TempStore ts;
    QTemporaryDir dest;
    HttpFault flaky;
    flaky.failTimes = 2;
    server_.setFault(kMetrics11, flaky);
    DownloadOptions o = fastOptions(dest.path());
    o.maxAttempts = 3;
    Downloader dl(*ts.store, o);
    QSignalSpy retrySpy(&dl, &Downloader::retrying);
    DownloadSummary s = dl.run(plan({QStringLiteral("metrics")}, "2024-05-11", "2024-05-11"));
    QVERIFY(s.ok());
    QCOMPARE(s.files[0].attempts, 3);
    QCOMPARE(retrySpy.size(), 2);
    QVERIFY(retrySpy[1].at(2).toInt() >= 10);  // second backoff step: 2 x 5 ms plus jitter
    QCOMPARE(s.files[0].rows, 288);

    // A fresh store AND cache folder: the verified zip cached above would otherwise be reused.
    TempStore ts2;
    QTemporaryDir dest2;
    o.destDir = dest2.path();
    flaky.failTimes = 100;
    server_.setFault(kMetrics11, flaky);
    Downloader dl2(*ts2.store, o);
    s = dl2.run(plan({QStringLiteral("metrics")}, "2024-05-11", "2024-05-11"));
    QVERIFY(!s.ok());
    QCOMPARE(s.files[0].status, DownloadStatus::Failed);
    QCOMPARE(s.files[0].attempts, 3);
    QVERIFY2(s.files[0].message.contains(QLatin1String("HTTP 500")), qPrintable(s.files[0].message));
    QVERIFY(ts2.store->seriesInfo().empty());
}

void TestDownload::verifiedCacheIsNotFetchedAgain() {
    TempStore ts;
    QTemporaryDir dest;
    DownloadOptions o = fastOptions(dest.path());
    o.import = false;
    const auto items = plan({QStringLiteral("metrics")}, "2024-05-12", "2024-05-12");
    Downloader fetchOnly(*ts.store, o);
    DownloadSummary s = fetchOnly.run(items);
    QVERIFY(s.ok());
    QCOMPARE(s.files[0].status, DownloadStatus::Downloaded);
    QVERIFY(ts.store->seriesInfo().empty());
    const QString rel = items[0].relativePath;
    QCOMPARE(server_.requestsFor(rel).size(), 1);
    QCOMPARE(readFile(dest.filePath(rel + QStringLiteral(".CHECKSUM"))), readFile(mirror_.filePath(rel + QStringLiteral(".CHECKSUM"))));

    server_.clearLog();
    Downloader importing(*ts.store, fastOptions(dest.path()));
    s = importing.run(items);
    QCOMPARE(s.files[0].status, DownloadStatus::Imported);
    QCOMPARE(s.files[0].rows, 288);
    QCOMPARE(server_.requestsFor(rel).size(), 0);  // only the .CHECKSUM was asked, to verify the cached zip
    QCOMPARE(server_.requests().size(), 1);
}

void TestDownload::stalledTransferTimesOut() {
    TempStore ts;
    QTemporaryDir dest;
    HttpFault stall;
    stall.delayMs = 3000;
    server_.setFault(kMetrics11, stall);
    DownloadOptions o = fastOptions(dest.path());
    o.transferTimeoutMs = 300;
    o.maxAttempts = 2;
    Downloader dl(*ts.store, o);
    const DownloadSummary s = dl.run(plan({QStringLiteral("metrics")}, "2024-05-11", "2024-05-11"));
    QCOMPARE(s.files[0].status, DownloadStatus::Failed);
    QCOMPARE(s.files[0].attempts, 2);
    QVERIFY2(s.files[0].message.contains(QLatin1String("timed out")), qPrintable(s.files[0].message));
}

void TestDownload::fileLockedByAnotherProcessIsLeftAlone() {
    TempStore ts;
    QTemporaryDir dest;
    const auto items = plan({QStringLiteral("metrics")}, "2024-05-12", "2024-05-12");
    QDir().mkpath(QFileInfo(dest.filePath(items[0].relativePath)).absolutePath());
    QLockFile other(dest.filePath(items[0].relativePath + QStringLiteral(".lock")));
    QVERIFY(other.tryLock(0));
    Downloader dl(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s = dl.run(items);
    QCOMPARE(s.files[0].status, DownloadStatus::Failed);
    QVERIFY(s.files[0].message.contains(QLatin1String("another LiquidationHeatmap process")));
    QCOMPARE(server_.requests().size(), 0);
}

void TestDownload::checksumMismatchIsRefused() {
    TempStore ts;
    QTemporaryDir dest;
    // An ETHUSDT day whose published checksum does not match its bytes.
    const QString rel = QStringLiteral("data/futures/um/daily/metrics/ETHUSDT/ETHUSDT-metrics-2024-05-11.zip");
    const QByteArray csv = readFile(mirror_.filePath(QString(kMetrics11).replace(QLatin1String(".zip"), QLatin1String(".zip"))));
    QVERIFY(writeVisionZip(mirror_.filePath(rel), QStringLiteral("ETHUSDT-metrics-2024-05-11.csv"),
                           "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                           "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n"
                           "2024-05-11 00:00:00,ETHUSDT,1000.5,2900000.1,2.1,1.9,2.2,0.95\n")
                .ok());
    QVERIFY(writeFile(mirror_.filePath(rel + QStringLiteral(".CHECKSUM")),
                      QByteArray(64, 'a') + "  ETHUSDT-metrics-2024-05-11.zip\n"));
    Downloader dl(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s =
        dl.run(plan({QStringLiteral("metrics")}, "2024-05-11", "2024-05-11", QStringLiteral("ETHUSDT")));
    QVERIFY(!s.ok());
    QCOMPARE(s.files[0].status, DownloadStatus::ChecksumMismatch);
    QVERIFY(s.files[0].message.contains(QString(64, QLatin1Char('a'))));
    QCOMPARE(server_.requestsFor(rel).size(), 2);  // fetched once more from zero before giving up
    QVERIFY(!QFile::exists(dest.filePath(rel)));
    QVERIFY(!QFile::exists(dest.filePath(rel + QStringLiteral(".part"))));
    QVERIFY(ts.store->seriesInfo().empty());
    QVERIFY(!ts.store->hasImportedFile(QStringLiteral("ETHUSDT-metrics-2024-05-11.zip")));
}

void TestDownload::cancelKeepsPartAndImportsNothing() {
    TempStore ts;
    QTemporaryDir dest;
    const qint64 size = QFileInfo(mirror_.filePath(kKline10)).size();
    HttpFault slow;
    slow.chunkBytes = 256;
    slow.chunkDelayMs = 50;  // ~0.5 s for the whole file: cancel lands well before the end
    server_.setFault(kKline10, slow);
    Downloader dl(*ts.store, fastOptions(dest.path()));
    connect(&dl, &Downloader::fileProgress, &dl, [&](int, qint64 done, qint64) {
        if (done >= 1024) dl.cancel();
    });
    const DownloadSummary s = dl.run(plan({QStringLiteral("klines")}, "2024-05-10", "2024-05-10"));
    QVERIFY(s.cancelled);
    QVERIFY(!s.ok());
    QCOMPARE(s.files[0].status, DownloadStatus::Cancelled);
    const QString part = dest.filePath(kKline10 + QStringLiteral(".part"));
    QVERIFY(QFile::exists(part));
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept >= 1024 && kept < size, qPrintable(QString::number(kept)));
    QVERIFY(ts.store->seriesInfo().empty());

    // The next run resumes from the .part file.
    server_.clearFaults();
    server_.clearLog();
    Downloader resume(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s2 = resume.run(plan({QStringLiteral("klines")}, "2024-05-10", "2024-05-10"));
    QVERIFY(s2.ok());
    QCOMPARE(server_.requestsFor(kKline10).value(0).headers.value("range"), "bytes=" + QByteArray::number(kept) + '-');
    QCOMPARE(sha256File(s2.files[0].localPath), sha256File(mirror_.filePath(kKline10)));
    QCOMPARE(s2.files[0].rows, 42);  // 20:30 .. 23:55 on the first day with OHLC
}

void TestDownload::unreachableHostSaysOffline() {
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    TempStore ts;
    QTemporaryDir dest;
    auto items = plan({QStringLiteral("metrics")}, "2024-05-10", "2024-05-12");
    for (auto &it : items) {
        it = VisionLayout::item(QStringLiteral("http://127.0.0.1:%1").arg(closedPort), it.symbol, it.type,
                                it.interval, QDate::fromString(it.period, Qt::ISODate));
    }
    Downloader dl(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s = dl.run(items);
    QVERIFY(s.fatal.has_value());
    QVERIFY2(s.fatal->message.startsWith(QStringLiteral("cannot reach 127.0.0.1:")), qPrintable(s.fatal->message));
    QVERIFY(s.fatal->message.contains(QLatin1String("offline? use Import instead")));
    QCOMPARE(int(s.files.size()), 1);  // stops at the first file instead of failing each in turn
}
