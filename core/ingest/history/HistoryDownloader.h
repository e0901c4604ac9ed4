#pragma once
// Downloads Bybit, OKX and Hyperliquid history over their REST APIs into the store, page by
// page, under the same rules as the Binance archive download: only what the store lacks is
// fetched (a complete range costs no request, so re-downloading is a no-op and a cancelled run
// resumes where it stopped), each page is stored as it arrives (a later failure loses nothing),
// 429/5xx and dropped connections are retried with the server's Retry-After or a backoff, a
// malformed page stops its series with an error naming the endpoint, page and field, and an
// unreachable host stops the run at once.
//
// run() blocks the calling thread (local event loops, its own QNetworkAccessManager): call it
// from a worker thread in a GUI; signals then arrive queued.
#include "common/Error.h"
#include "config/ExchangeDescriptor.h"
#include "ingest/history/HistorySource.h"
#include "store/Store.h"

#include <QDate>
#include <QMetaType>
#include <QObject>
#include <atomic>
#include <optional>
#include <vector>

namespace lhm {

struct HistoryOptions {
    int maxAttempts = 5;            // per page, counting the first
    int retryBaseDelayMs = 1000;    // doubles per attempt (when the server names no Retry-After)
    int maxRetryDelayMs = 30000;
    int minRequestIntervalMs = 250; // spacing between requests (OKX allows 5 open-interest requests per 2 s)
    int transferTimeoutMs = 30000;
    qint64 maxBodyBytes = 8 << 20;  // one page is a few hundred KB
    int maxPagesPerSeries = 50000;
};

struct HistoryPlanRequest {
    QStringList symbols;            // unified
    QDate from, to;                 // inclusive days, UTC
    std::vector<HistoryType> types;
    QString interval = QStringLiteral("1m");  // klines
};

struct HistorySeriesResult {
    HistorySeries series;
    enum class Status { Imported, AlreadyComplete, Failed, Cancelled } status = Status::Imported;
    int pages = 0;
    qint64 rows = 0;      // rows received in range
    qint64 inserted = 0;  // rows new to the store
    QString message;      // why, for a failure
};
const char *historyStatusName(HistorySeriesResult::Status s);  // imported | already-complete | failed | cancelled

struct HistorySummary {
    std::vector<HistorySeriesResult> series;
    std::optional<Error> fatal;  // the run stopped early (host unreachable)
    bool offline = false;
    bool cancelled = false;
    bool ok() const;
};

class HistoryDownloader : public QObject {
    Q_OBJECT
public:
    HistoryDownloader(Store &store, const ExchangeDescriptor &exchange, const HistorySource &source, HistoryOptions options = {},
                      QObject *parent = nullptr);

    // Checks the request against what the exchange offers; errors name the flag (field) at fault.
    static Result<std::vector<HistorySeries>> plan(const ExchangeDescriptor &exchange, const HistorySource &source,
                                                   const HistoryPlanRequest &request, qint64 nowMs);
    // The parts of [s.from, s.to) the store lacks, on the series' step grid (nearby holes merged).
    static std::vector<TimeRange> missingRanges(Store &store, const QString &exchange, const HistorySeries &s);

    HistorySummary run(const std::vector<HistorySeries> &series);
    void cancel() { cancel_.store(true); }

signals:
    void started(int totalSeries);
    void seriesStarted(int index, const QString &name);
    void seriesProgress(int index, int page, double fraction);  // fraction of the series' range covered
    void retrying(int index, int attempt, int delayMs, const QString &reason);
    void seriesFinished(int index, const lhm::HistorySeriesResult &result);

private:
    HistorySeriesResult fetchSeries(int index, const HistorySeries &s, class HttpFetcher &http, std::optional<Error> &fatal);

    Store &store_;
    const ExchangeDescriptor &exchange_;
    const HistorySource &source_;
    HistoryOptions options_;
    std::atomic_bool cancel_{false};
    qint64 lastRequestMs_ = 0;
};

}  // namespace lhm

Q_DECLARE_METATYPE(lhm::HistorySeriesResult)
