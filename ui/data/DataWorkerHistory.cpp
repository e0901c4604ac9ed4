// The data manager's download for exchanges other than Binance: their REST history APIs through
// core's HistoryDownloader, one progress row per series (symbol × type).
#include "data/DataWorker.h"

#include "config/ExchangeRegistry.h"
#include "data/FileProgressTable.h"
#include "ingest/history/HistoryDownloader.h"

#include <QDateTime>

namespace lhm::ui {

void DataWorker::downloadHistory(const DownloadRequest &request) {
    running_.store(true);
    const auto done = qScopeGuard([this] { running_.store(false); });
    QString err;
    Store *st = store(&err);
    auto registry = ExchangeRegistry::load();
    const ExchangeDescriptor *ex = registry ? registry->find(request.exchange) : nullptr;
    if (!ex) ex = ExchangeRegistry::builtin(request.exchange);
    const QString base = request.baseUrl.isEmpty() && ex ? ex->restUrl : request.baseUrl;
    const auto source = ex ? createHistorySource(ex->name, base) : nullptr;
    if (!st || !source) {
        emit finished(false, false, false, st ? tr("%1 has no history download").arg(request.exchange) : err);
        return;
    }
    HistoryPlanRequest req;
    req.symbols = request.symbols;
    req.from = request.from;
    req.to = request.to;
    req.interval = request.interval;
    for (const QString &t : request.types) {
        const HistoryType type = t == QLatin1String("metrics") || t == QLatin1String("open_interest") ? HistoryType::OpenInterest
                                 : t == QLatin1String("klines")                                       ? HistoryType::Klines
                                                                                                       : HistoryType::Funding;
        if (t == QLatin1String("aggTrades")) continue;  // archive only
        if (std::find(req.types.begin(), req.types.end(), type) == req.types.end()) req.types.push_back(type);
    }
    auto plan = HistoryDownloader::plan(*ex, *source, req, QDateTime::currentMSecsSinceEpoch());
    if (!plan) {
        emit finished(false, false, false, plan.error().message);
        return;
    }
    QStringList names;
    for (const HistorySeries &s : *plan) names << s.name();
    emit planned(names);

    HistoryOptions opts;
    opts.retryBaseDelayMs = options_.retryBaseDelayMs;
    opts.maxAttempts = options_.maxAttempts;
    const QString host = QUrl(base).host();
    if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")) opts.minRequestIntervalMs = 0;
    HistoryDownloader dl(*st, *ex, *source, opts);
    {
        QMutexLocker lock(&mutex_);
        currentHistory_ = &dl;
    }
    if (cancel_.load()) dl.cancel();
    const int total = int(plan->size());
    int finishedCount = 0;
    connect(&dl, &HistoryDownloader::seriesStarted, this, [this](int i) { emit fileStage(i, DownloadStage::Downloading); });
    connect(&dl, &HistoryDownloader::seriesProgress, this,
            [this](int i, int page, double fraction) { emit pageProgress(i, page, int(fraction * 100)); });
    connect(&dl, &HistoryDownloader::retrying, this, [this](int i, int attempt, int delayMs, const QString &why) {
        emit retrying(i, tr("attempt %1 failed (%2), retrying in %3 s").arg(attempt).arg(why).arg(delayMs / 1000.0, 0, 'f', 1));
    });
    connect(&dl, &HistoryDownloader::seriesFinished, this, [&, this](int i, const HistorySeriesResult &r) {
        QString text;
        int outcome = FileProgressTable::Failure;
        switch (r.status) {
        case HistorySeriesResult::Status::Imported:
            text = tr("stored, %L1 new rows").arg(r.inserted);
            outcome = FileProgressTable::Success;
            break;
        case HistorySeriesResult::Status::AlreadyComplete:
            text = tr("already in the store");
            outcome = FileProgressTable::Skipped;
            break;
        case HistorySeriesResult::Status::Failed: text = tr("failed: %1").arg(r.message); break;
        case HistorySeriesResult::Status::Cancelled: text = tr("cancelled"); break;
        }
        emit fileDone(i, outcome, text);
        emit overallProgress(++finishedCount, total);
    });
    const HistorySummary s = dl.run(*plan);
    {
        QMutexLocker lock(&mutex_);
        currentHistory_ = nullptr;
    }
    int stored = 0, complete = 0, failed = 0;
    for (const HistorySeriesResult &r : s.series) {
        if (r.status == HistorySeriesResult::Status::Imported) ++stored;
        else if (r.status == HistorySeriesResult::Status::AlreadyComplete) ++complete;
        else if (r.status == HistorySeriesResult::Status::Failed) ++failed;
    }
    QString text;
    if (s.fatal) {
        text = s.fatal->message;
    } else if (s.cancelled) {
        text = tr("Cancelled. What was stored stays; the next download fetches only the rest.");
    } else {
        text = tr("%1 series stored, %2 already in the store, %3 failed").arg(stored).arg(complete).arg(failed);
    }
    emit finished(s.ok(), s.offline, s.cancelled, text);
    refreshCoverage();
}

}  // namespace lhm::ui
