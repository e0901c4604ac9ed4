#pragma once
// Runs downloads, imports and coverage queries on its own thread (the dialog moves it there) with
// its own Store connection, so the UI thread never touches the network, the disk or SQLite.
// Results travel back as queued signals; cancel() is safe to call from any thread.
#include "ingest/download/Downloader.h"
#include "store/Store.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

Q_DECLARE_METATYPE(lhm::DownloadRequest)
Q_DECLARE_METATYPE(std::vector<lhm::SeriesInfo>)

namespace lhm {
class HistoryDownloader;
}

namespace lhm::ui {

class DataWorker : public QObject {
    Q_OBJECT
public:
    explicit DataWorker(QString dbPath, DownloadOptions options = {});
    ~DataWorker() override;
    void cancel();
    // Called by the dialog before it queues a job, so a Cancel clicked before the job starts counts.
    void resetCancel() { cancel_.store(false); }
    bool isRunning() const { return running_.load(); }  // a job is in progress (any thread may ask)

public slots:
    void download(const lhm::DownloadRequest &request);  // Binance archive, or an exchange's REST history
    void importPaths(const QStringList &paths);
    void refreshCoverage();

signals:
    void planned(const QStringList &fileNames);  // one row per file, in order
    void fileStage(int index, lhm::DownloadStage stage);
    void fileProgress(int index, qint64 done, qint64 total);
    void pageProgress(int index, int page, int percent);  // REST history series
    void fileDone(int index, int outcome, const QString &status);  // outcome: FileProgressTable::Outcome
    void overallProgress(int filesDone, int filesTotal);
    void retrying(int index, const QString &text);
    // ok: everything landed; offline: the host could not be reached at all.
    void finished(bool ok, bool offline, bool cancelled, const QString &summary);
    void coverageReady(const std::vector<lhm::SeriesInfo> &series);

private:
    Store *store(QString *error);
    void downloadHistory(const DownloadRequest &request);  // DataWorkerHistory.cpp

    QString dbPath_;
    DownloadOptions options_;
    std::unique_ptr<Store> store_;
    QMutex mutex_;  // guards current_
    Downloader *current_ = nullptr;
    HistoryDownloader *currentHistory_ = nullptr;
    std::atomic_bool cancel_{false};
    std::atomic_bool running_{false};
};

}  // namespace lhm::ui
