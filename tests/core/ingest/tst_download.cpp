// Downloader against a real HTTP server on 127.0.0.1 serving a data.binance.vision-style mirror
// built from the recorded BTCUSDT data (tests/support/VisionMirror). Expected counts come from
// ../shared/data/SOURCES.md (978 metrics rows 2024-05-09 20:35Z .. 05-13 06:00Z without gaps;
// mark-price OHLC, hence 5m klines, from 2024-05-10 20:30Z), not from the code under test.
#include "tst_download.h"

DownloadOptions TestDownload::fastOptions(const QString &dest) {
    DownloadOptions o;
    o.destDir = dest;
    o.retryBaseDelayMs = 5;  // real backoff, just short
    o.transferTimeoutMs = 5000;
    return o;
}

void TestDownload::initTestCase() {
    QVERIFY(mirror_.isValid());
    const Status s = buildVisionMirror(mirror_.path());
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    QVERIFY(server_.start(mirror_.path()));
}

void TestDownload::init() {
    server_.clearFaults();
    server_.clearLog();
}

// The server itself, since other tests reuse it: HEAD, ranges, 416, 404, 500 then success.
void TestDownload::httpTestServerBasics() {
    QNetworkAccessManager nam;
    auto fetch = [&](const QByteArray &verb, const QString &path, const QByteArray &range = {}) {
        QNetworkRequest req(QUrl(server_.baseUrl() + QLatin1Char('/') + path));
        if (!range.isEmpty()) req.setRawHeader("Range", range);
        QNetworkReply *reply = nam.sendCustomRequest(req, verb);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        reply->deleteLater();
        return std::make_tuple(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                               reply->rawHeader("Content-Range"), reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    };
    const QByteArray whole = readFile(mirror_.filePath(kMetrics11));
    const qint64 n = whole.size();
    auto [st, body, cr, len] = fetch("GET", kMetrics11);
    QCOMPARE(st, 200);
    QCOMPARE(body, whole);
    std::tie(st, body, cr, len) = fetch("HEAD", kMetrics11);
    QCOMPARE(st, 200);
    QCOMPARE(len, n);
    QVERIFY(body.isEmpty());
    std::tie(st, body, cr, len) = fetch("GET", kMetrics11, "bytes=10-19");
    QCOMPARE(st, 206);
    QCOMPARE(body, whole.mid(10, 10));
    QCOMPARE(cr, "bytes 10-19/" + QByteArray::number(n));
    std::tie(st, body, cr, len) = fetch("GET", kMetrics11, "bytes=-5");
    QCOMPARE(st, 206);
    QCOMPARE(body, whole.right(5));
    std::tie(st, body, cr, len) = fetch("GET", kMetrics11, "bytes=" + QByteArray::number(n) + '-');
    QCOMPARE(st, 416);
    QCOMPARE(cr, "bytes */" + QByteArray::number(n));
    std::tie(st, body, cr, len) = fetch("GET", QStringLiteral("data/nothing-here.zip"));
    QCOMPARE(st, 404);
    HttpFault twice;
    twice.failTimes = 2;
    server_.setFault(kMetrics11, twice);
    QCOMPARE(std::get<0>(fetch("GET", kMetrics11)), 500);
    QCOMPARE(std::get<0>(fetch("GET", kMetrics11)), 500);
    QCOMPARE(std::get<0>(fetch("GET", kMetrics11)), 200);
    QCOMPARE(server_.requestsFor(kMetrics11).size(), 8);
}

void TestDownload::layoutUrls() {
    const DownloadItem k = VisionLayout::item(QStringLiteral("https://data.binance.vision/"), QStringLiteral("BTCUSDT"),
                                              QStringLiteral("klines"), QStringLiteral("1m"), QDate(2024, 5, 10));
    QCOMPARE(k.url.toString(),
             QStringLiteral("https://data.binance.vision/data/futures/um/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-05-10.zip"));
    QCOMPARE(k.checksumUrl.toString(), k.url.toString() + QStringLiteral(".CHECKSUM"));
    const DownloadItem m = VisionLayout::item(QStringLiteral("http://h:1"), QStringLiteral("ETHUSDT"),
                                              QStringLiteral("metrics"), QStringLiteral("1m"), QDate(2024, 5, 10));
    QCOMPARE(m.url.toString(), QStringLiteral("http://h:1/data/futures/um/daily/metrics/ETHUSDT/ETHUSDT-metrics-2024-05-10.zip"));
    QCOMPARE(m.interval, QString());
    const DownloadItem f = VisionLayout::item(QStringLiteral("https://data.binance.vision"), QStringLiteral("BTCUSDT"),
                                              QStringLiteral("fundingRate"), QStringLiteral("1m"), QDate(2024, 5, 1));
    QCOMPARE(f.url.toString(), QStringLiteral("https://data.binance.vision/data/futures/um/monthly/fundingRate/BTCUSDT/"
                                              "BTCUSDT-fundingRate-2024-05.zip"));
}

void TestDownload::planCountsDaysAndMonths() {
    DownloadRequest r;
    r.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    r.from = QDate(2024, 4, 29);
    r.to = QDate(2024, 5, 2);
    r.types = {QStringLiteral("fundingRate"), QStringLiteral("metrics")};
    r.baseUrl = QStringLiteral("http://x");
    auto p = VisionLayout::plan(r);
    QVERIFY(p.ok());
    QCOMPARE(int(p->size()), 2 * (4 + 2));  // 4 days of metrics + April and May funding, per symbol
    QCOMPARE(p->at(0).fileName, QStringLiteral("BTCUSDT-metrics-2024-04-29.zip"));
    QCOMPARE(p->at(4).fileName, QStringLiteral("BTCUSDT-fundingRate-2024-04.zip"));
    QCOMPARE(p->at(5).fileName, QStringLiteral("BTCUSDT-fundingRate-2024-05.zip"));
    r.types = {QStringLiteral("trades")};
    QVERIFY(!VisionLayout::plan(r).ok());
    r.types = {QStringLiteral("metrics")};
    std::swap(r.from, r.to);
    QVERIFY(!VisionLayout::plan(r).ok());
}

void TestDownload::fullDownloadImportsWhatInfoReports() {
    TempStore ts;
    QTemporaryDir dest;
    auto items = plan({QStringLiteral("metrics"), QStringLiteral("klines")}, "2024-05-09", "2024-05-13");
    QCOMPARE(int(items.size()), 10);
    // Klines start 2024-05-10 in the mirror: 05-09 klines is a 404 like a missing day.
    Downloader dl(*ts.store, fastOptions(dest.path()));
    QSignalSpy filesSpy(&dl, &Downloader::filesProgress);
    QSignalSpy bytesSpy(&dl, &Downloader::fileProgress);
    const DownloadSummary s = dl.run(items);
    QVERIFY(s.ok());
    QCOMPARE(s.count(DownloadStatus::Imported), 9);
    QCOMPARE(s.count(DownloadStatus::NotFound), 1);
    QCOMPARE(s.files[5].item.fileName, QStringLiteral("BTCUSDT-5m-2024-05-09.zip"));
    QCOMPARE(s.files[5].status, DownloadStatus::NotFound);
    QVERIFY(filesSpy.size() == 11 && filesSpy.last().at(0).toInt() == 10 && filesSpy.last().at(1).toInt() == 10);
    QVERIFY(!bytesSpy.isEmpty());
    qint64 metricsRows = 0, klineRows = 0;
    for (const auto &f : s.files) {
        if (f.status != DownloadStatus::Imported) continue;
        QVERIFY(f.verified);
        QCOMPARE(sha256File(f.localPath), sha256File(mirror_.filePath(f.item.relativePath)));
        (f.item.type == QLatin1String("metrics") ? metricsRows : klineRows) += f.rows;
    }
    const auto info = ts.store->seriesInfo();
    const SeriesInfo *m = findSeries(info, QStringLiteral("BTCUSDT"), QStringLiteral("metrics"));
    const SeriesInfo *k = findSeries(info, QStringLiteral("BTCUSDT"), QStringLiteral("klines"), QStringLiteral("5m"));
    QVERIFY(m && k);
    QCOMPARE(m->rows, 978);
    QCOMPARE(m->from, utc("2024-05-09T20:35:00Z"));
    QCOMPARE(m->to, utc("2024-05-13T06:00:00Z"));
    QVERIFY(m->gaps.empty());
    QCOMPARE(k->rows, 691);
    QCOMPARE(k->from, utc("2024-05-10T20:30:00Z"));
    QCOMPARE(k->to, utc("2024-05-13T06:00:00Z"));
    QCOMPARE(metricsRows, m->rows);
    QCOMPARE(klineRows, k->rows);

    // A second run fetches nothing: every file is in the import log.
    server_.clearLog();
    Downloader again(*ts.store, fastOptions(dest.path()));
    const DownloadSummary s2 = again.run(items);
    QVERIFY(s2.ok());
    QCOMPARE(s2.count(DownloadStatus::AlreadyImported), 9);
    QCOMPARE(s2.count(DownloadStatus::NotFound), 1);
    QCOMPARE(server_.requests().size(), 2);  // only the missing day's .CHECKSUM and zip are asked again
    QCOMPARE(ts.store->seriesInfo().size(), info.size());
    QCOMPARE(findSeries(ts.store->seriesInfo(), QStringLiteral("BTCUSDT"), QStringLiteral("metrics"))->rows, 978);
}

void TestDownload::monthlyFundingRate() {
    // The mirror has no funding file; lay one out in the real monthly layout and format.
    const QString rel = QStringLiteral("data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-05.zip");
    QVERIFY(writeVisionZip(mirror_.filePath(rel), QStringLiteral("BTCUSDT-fundingRate-2024-05.csv"),
                           "calc_time,funding_interval_hours,last_funding_rate\n"
                           "1714521600000,8,0.00010000\n"
                           "1714550400000,8,0.00007421\n"
                           "1714579200000,8,-0.00002113\n")
                .ok());
    TempStore ts;
    QTemporaryDir dest;
    Downloader dl(*ts.store, fastOptions(dest.path()));
    // 2024-05-10 .. 2024-05-12 touches one month: one file, whatever the number of days.
    const auto items = plan({QStringLiteral("fundingRate")}, "2024-05-10", "2024-05-12");
    QCOMPARE(int(items.size()), 1);
    const DownloadSummary s = dl.run(items);
    QVERIFY2(s.ok(), qPrintable(s.files.empty() ? QString() : s.files[0].message));
    QCOMPARE(s.files[0].rows, 3);
    const auto info = ts.store->seriesInfo();  // findSeries points into it: keep it alive
    const SeriesInfo *f = findSeries(info, QStringLiteral("BTCUSDT"), QStringLiteral("fundingRate"));
    QVERIFY(f);
    QCOMPARE(f->rows, 3);
    QCOMPARE(f->from, utc("2024-05-01T00:00:00Z"));
    QCOMPARE(f->to, utc("2024-05-01T16:00:00Z"));
}

void TestDownload::cliDownloadThenInfo() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("cli.sqlite"));
    const QStringList common = {QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                                QStringLiteral("2024-05-10"), QStringLiteral("--to"), QStringLiteral("2024-05-11"),
                                QStringLiteral("--types"), QStringLiteral("metrics,klines"), QStringLiteral("--interval"),
                                QStringLiteral("5m"), QStringLiteral("--dest"), dir.filePath(QStringLiteral("cache"))};
    // The environment variable names the mirror; --base-url would override it.
    qputenv("LHM_BINANCE_VISION_URL", server_.baseUrl().toUtf8());
    CliRun r = runCli(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("download")} + common);
    qunsetenv("LHM_BINANCE_VISION_URL");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QStringList statuses;
    qint64 rows = 0;
    for (const QByteArray &l : lines) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        statuses << o.value(QStringLiteral("status")).toString();
        rows += o.value(QStringLiteral("rows")).toInteger();
    }
    QCOMPARE(statuses, QStringList(4, QStringLiteral("imported")));
    QCOMPARE(rows, 288 + 288 + 42 + 288);
    QVERIFY(r.err.contains("[4/4] BTCUSDT-5m-2024-05-11.zip"));

    r = runCli({QStringLiteral("--db"), db, QStringLiteral("info"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray series = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("series")).toArray();
    QMap<QString, qint64> byType;
    for (const auto &v : series) {
        const QJsonObject o = v.toObject();
        byType[o.value(QStringLiteral("type")).toString() + o.value(QStringLiteral("interval")).toString()] =
            o.value(QStringLiteral("rows")).toInteger();
    }
    QCOMPARE(byType.value(QStringLiteral("metrics")), 576);
    QCOMPARE(byType.value(QStringLiteral("klines5m")), 330);

    // Again, with a bad environment URL overridden by --base-url: nothing new, exit 0, text lines.
    qputenv("LHM_BINANCE_VISION_URL", "http://127.0.0.1:1");
    r = runCli(QStringList{QStringLiteral("--db"), db, QStringLiteral("download"), QStringLiteral("--base-url"),
                           server_.baseUrl()} + common);
    qunsetenv("LHM_BINANCE_VISION_URL");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count("already-imported"), 4);
}

void TestDownload::cliBadArgumentsExit2() {
    const QStringList base = {QStringLiteral("--db"), QStringLiteral("/nonexistent/never.sqlite"), QStringLiteral("download")};
    CliRun r = runCli(base + QStringList{"--symbol", "BTCUSDT", "--from", "2024-13-01", "--to", "2024-05-02"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--from '2024-13-01' is not a date YYYY-MM-DD"));
    QCOMPARE(r.err.count('\n'), 1);
    r = runCli(base + QStringList{"--symbol", "BTCUSDT", "--from", "2024-05-01", "--to", "2024-05-02", "--types", "trades"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown type 'trades'"));
    r = runCli(base + QStringList{"--from", "2024-05-01", "--to", "2024-05-02"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--symbol is required"));
}

LHM_TEST_MAIN(TestDownload)
