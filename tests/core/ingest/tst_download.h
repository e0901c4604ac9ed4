#pragma once
// TestDownload, declared here: its slots are defined in tst_download.cpp and tst_download_*.cpp (one executable).
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

inline qint64 utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch(); }

inline QByteArray sha256File(const QString &path) {
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex();
}

inline const SeriesInfo *findSeries(const std::vector<SeriesInfo> &all, const QString &symbol, const QString &type,
                                    const QString &interval = {}) {
    for (const SeriesInfo &s : all)
        if (s.symbol == symbol && s.type == type && s.interval == interval) return &s;
    return nullptr;
}

const QString kKline10 = QStringLiteral("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-05-10.zip");
const QString kKline11 = QStringLiteral("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-05-11.zip");
const QString kMetrics11 = QStringLiteral("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-11.zip");

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
    static DownloadOptions fastOptions(const QString &dest);

private slots:
    void initTestCase();
    void init();
    void httpTestServerBasics();
    void layoutUrls();
    void planCountsDaysAndMonths();
    void fullDownloadImportsWhatInfoReports();
    void monthlyFundingRate();
    void resumesAfterDroppedConnection();
    void serverIgnoringRangeRestartsFromZero();
    void retriesServerErrorsThenGivesUp();
    void verifiedCacheIsNotFetchedAgain();
    void stalledTransferTimesOut();
    void fileLockedByAnotherProcessIsLeftAlone();
    void checksumMismatchIsRefused();
    void cancelKeepsPartAndImportsNothing();
    void unreachableHostSaysOffline();
    void cliDownloadThenInfo();
    void cliBadArgumentsExit2();
};
