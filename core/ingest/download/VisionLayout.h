#pragma once
// Where data.binance.vision keeps each USDⓈ-M file: daily zips per type (klines add an interval
// folder and use it in the file name) and monthly zips for fundingRate, each with a .CHECKSUM.
#include "common/Error.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <vector>

namespace lhm {

// What the user asked for: symbols x types x days.
struct DownloadRequest {
    QStringList symbols;                  // "BTCUSDT", ...
    QDate from, to;                       // inclusive, UTC days
    QStringList types = {QStringLiteral("metrics"), QStringLiteral("klines"), QStringLiteral("fundingRate")};
    QString interval = QStringLiteral("1m");  // klines only
    QString baseUrl;                      // empty: VisionLayout::defaultBaseUrl()
    // binance: the data.binance.vision archive. Others take their REST history API
    // (ingest/history) with baseUrl as its REST base; types metrics/klines/fundingRate are read as
    // open interest/candles/funding there.
    QString exchange = QStringLiteral("binance");
};

// One zip to fetch.
struct DownloadItem {
    QString symbol, type, interval;  // interval: klines only
    QString period;                  // "2024-05-10" (daily) or "2024-05" (monthly)
    QString fileName;                // "BTCUSDT-1m-2024-05-10.zip"
    QString relativePath;            // "data/futures/um/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-05-10.zip"
    QUrl url, checksumUrl;
};

class VisionLayout {
public:
    static constexpr const char *kPublicHost = "https://data.binance.vision";
    // Limits of one request (refused up front): no day before the archive began, at most kMaxDays
    // days and kMaxFiles files (symbols x types x days), only http(s) base URLs.
    static inline const QDate kEarliestDay{2019, 1, 1};
    static constexpr qint64 kMaxDays = 3 * 366;
    static constexpr qint64 kMaxFiles = 5000;
    // The public host, or $LHM_BINANCE_VISION_URL when set (mirrors, tests).
    static QString defaultBaseUrl();
    // Types this layout knows, in the order they are fetched.
    static QStringList knownTypes();
    static bool isMonthly(const QString &type) { return type == QLatin1String("fundingRate"); }

    // URL of one file; `period` is a day for daily types, a month for monthly ones.
    static DownloadItem item(const QString &baseUrl, const QString &symbol, const QString &type,
                             const QString &interval, const QDate &period);
    // Every file of a request, monthly types once per month touched. Refuses unknown types, an
    // empty symbol list, a reversed or too long range, too many files, a non-http(s) base URL or an
    // unknown interval with a one-line error naming the flag in Error::field.
    static Result<std::vector<DownloadItem>> plan(const DownloadRequest &request);
};

}  // namespace lhm
