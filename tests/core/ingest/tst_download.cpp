// Downloader against a real HTTP server on 127.0.0.1 serving a data.binance.vision-style mirror
// built from the recorded BTCUSDT data (tests/support/VisionMirror). Expected counts come from
// ../shared/data/SOURCES.md (978 metrics rows 2024-05-09 20:35Z .. 05-13 06:00Z without gaps;
// mark-price OHLC, hence 5m klines, from 2024-05-10 20:30Z), not from the code under test.
#include "HttpTestServer.h"
#include "TestSupport.h"
#include "VisionMirror.h"
#include "ingest/download/Downloader.h"
#include "ingest/download/VisionLayout.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>

using namespace lhm;
using namespace lhm::test;

namespace {

qint64 utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch(); }

QByteArray sha256File(const QString &path) {
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex();
}

const SeriesInfo *findSeries(const std::vector<SeriesInfo> &all, const QString &symbol, const QString &type,
                             const QString &interval = {}) {
    for (const SeriesInfo &s : all)
        if (s.symbol == symbol && s.type == type && s.interval == interval) return &s;
    return nullptr;
}

const QString kKline10 = QStringLiteral("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-05-10.zip");
const QString kKline11 = QStringLiteral("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-05-11.zip");
const QString kMetrics11 = QStringLiteral("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-11.zip");

}  // namespace

class TestDownload : public QObject {
    Q_OBJECT

    QTemporaryDir mirror_;
    HttpTestServer server_;

    std::vector<DownloadItem> plan(const QStringList &types, const char *from, const char *to,
                                   const QString &symbol = QStringLiteral("BTCUSDT")) {
        DownloadRequest r;
        r.symbols = {symbol};
        r.types = types;
        r.interval = QStringLiteral("5m");
        r.from = QDate::fromString(QString::fromLatin1(from), Qt::ISODate);
        r.to = QDate::fromString(QString::fromLatin1(to), Qt::ISODate);
        r.baseUrl = server_.baseUrl();
        auto p = VisionLayout::plan(r);
        if (!p) qWarning() << p.error().toString();
        return p ? *p : std::vector<DownloadItem>{};
    }
    static DownloadOptions fastOptions(const QString &dest) {
        DownloadOptions o;
        o.destDir = dest;
        o.retryBaseDelayMs = 5;  // real backoff, just short
        o.transferTimeoutMs = 5000;
        return o;
    }

private slots:
    void initTestCase() {
        QVERIFY(mirror_.isValid());
        const Status s = buildVisionMirror(mirror_.path());
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QVERIFY(server_.start(mirror_.path()));
    }
    void init() {
        server_.clearFaults();
        server_.clearLog();
    }

    // The server itself, since other tests reuse it: HEAD, ranges, 416, 404, 500 then success.
    void httpTestServerBasics() {
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

    void layoutUrls() {
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

    void planCountsDaysAndMonths() {
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

    void fullDownloadImportsWhatInfoReports() {
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

    void monthlyFundingRate() {
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

    void resumesAfterDroppedConnection() {
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

    void serverIgnoringRangeRestartsFromZero() {
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

    void retriesServerErrorsThenGivesUp() {
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

    void verifiedCacheIsNotFetchedAgain() {
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

    void stalledTransferTimesOut() {
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

    void fileLockedByAnotherProcessIsLeftAlone() {
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

    void checksumMismatchIsRefused() {
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

    void cancelKeepsPartAndImportsNothing() {
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

    void unreachableHostSaysOffline() {
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

    void cliDownloadThenInfo() {
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

    void cliBadArgumentsExit2() {
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
};

LHM_TEST_MAIN(TestDownload)
#include "tst_download.moc"
