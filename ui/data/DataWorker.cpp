#include "data/DataWorker.h"

#include "config/ExchangeRegistry.h"
#include "data/FileProgressTable.h"
#include "ingest/Importer.h"
#include "ingest/history/HistoryDownloader.h"
#include "ingest/thirdparty/ThirdPartyImporter.h"

#include <QDirIterator>
#include <QSet>
#include <QFileInfo>

namespace lhm::ui {

namespace {
// Marks the worker busy for the scope of a job, so the dialog can wait for it to unwind.
struct RunningFlag {
    std::atomic_bool &flag;
    explicit RunningFlag(std::atomic_bool &f) : flag(f) { flag.store(true); }
    ~RunningFlag() { flag.store(false); }
};
}  // namespace

DataWorker::DataWorker(QString dbPath, DownloadOptions options)
    : dbPath_(std::move(dbPath)), options_(std::move(options)) {
    qRegisterMetaType<lhm::DownloadRequest>();
    qRegisterMetaType<std::vector<lhm::SeriesInfo>>();
}

DataWorker::~DataWorker() = default;

void DataWorker::cancel() {
    cancel_.store(true);
    QMutexLocker lock(&mutex_);
    if (current_) current_->cancel();
    if (currentHistory_) currentHistory_->cancel();
}

Store *DataWorker::store(QString *error) {
    if (!store_) {
        auto s = Store::open(dbPath_);
        if (!s) {
            *error = s.error().toString();
            return nullptr;
        }
        store_ = std::move(*s);
    }
    return store_.get();
}

void DataWorker::download(const DownloadRequest &request) {
    if (const ExchangeDescriptor *ex = ExchangeRegistry::builtin(request.exchange); !ex || !ex->dailyArchive) {
        downloadHistory(request);
        return;
    }
    RunningFlag running(running_);
    QString err;
    Store *st = store(&err);
    auto plan = VisionLayout::plan(request);
    if (!st || !plan) {
        emit finished(false, false, false, st ? plan.error().toString() : err);
        return;
    }
    QStringList names;
    for (const DownloadItem &it : *plan) names << it.fileName;
    emit planned(names);

    Downloader dl(*st, options_);
    {
        QMutexLocker lock(&mutex_);
        current_ = &dl;
    }
    if (cancel_.load()) dl.cancel();  // cancelled between the click and here
    connect(&dl, &Downloader::fileStage, this, &DataWorker::fileStage);
    connect(&dl, &Downloader::fileProgress, this, &DataWorker::fileProgress);
    connect(&dl, &Downloader::filesProgress, this, &DataWorker::overallProgress);
    connect(&dl, &Downloader::retrying, this, [this](int i, int attempt, int delayMs, const QString &why) {
        emit retrying(i, tr("attempt %1 failed (%2), retrying in %3 s").arg(attempt).arg(why).arg(delayMs / 1000.0, 0, 'f', 1));
    });
    connect(&dl, &Downloader::fileFinished, this, [this](int i, const DownloadFileResult &r) {
        QString text;
        int outcome = FileProgressTable::Failure;
        switch (r.status) {
        case DownloadStatus::Imported:
            text = tr("imported, %L1 rows").arg(r.rows);
            outcome = FileProgressTable::Success;
            break;
        case DownloadStatus::Downloaded:
            text = tr("downloaded");
            outcome = FileProgressTable::Success;
            break;
        case DownloadStatus::AlreadyImported:
            text = tr("already in the store");
            outcome = FileProgressTable::Skipped;
            break;
        case DownloadStatus::NotFound:
            text = tr("not published (404)");
            outcome = FileProgressTable::Skipped;
            break;
        case DownloadStatus::ChecksumMismatch: text = tr("checksum mismatch, not imported"); break;
        case DownloadStatus::Failed:
            text = r.hostUnreachable ? tr("host unreachable") : tr("failed: %1").arg(r.message);
            break;
        case DownloadStatus::Cancelled: text = tr("cancelled"); break;
        }
        emit fileDone(i, outcome, text);
    });
    const DownloadSummary s = dl.run(*plan);
    {
        QMutexLocker lock(&mutex_);
        current_ = nullptr;
    }
    QString text;
    if (s.fatal) text = s.fatal->message;
    else if (s.cancelled) text = tr("Cancelled. Partial files are kept and resume next time.");
    else
        text = tr("%1 imported, %2 already in the store, %3 not published, %4 failed")
                   .arg(s.count(DownloadStatus::Imported)).arg(s.count(DownloadStatus::AlreadyImported))
                   .arg(s.count(DownloadStatus::NotFound))
                   .arg(s.count(DownloadStatus::Failed) + s.count(DownloadStatus::ChecksumMismatch));
    emit finished(s.ok(), s.offline, s.cancelled, text);
    refreshCoverage();
}

void DataWorker::importPaths(const QStringList &paths) {
    RunningFlag running(running_);
    QString err;
    Store *st = store(&err);
    if (!st) {
        emit finished(false, false, false, err);
        return;
    }
    // Expand folders here (as the importer would) so each file gets its own row and progress bar.
    QStringList files;
    QSet<QString> fromFolders;  // found by the walk, not named: an unknown layout is skipped, not refused
    for (const QString &p : paths) {
        if (QFileInfo(p).isDir()) {
            QStringList found;
            QDirIterator it(p, {QStringLiteral("*.zip"), QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) found << it.next();
            found.sort();
            files += found;
            for (const QString &f : found) fromFolders.insert(f);
        } else {
            files << p;
        }
    }
    QStringList names;
    for (const QString &f : files) names << QFileInfo(f).fileName();
    emit planned(names);
    emit overallProgress(0, int(files.size()));
    Importer importer(*st);
    int failed = 0, imported = 0, same = 0;
    for (int i = 0; i < files.size() && !cancel_.load(); ++i) {
        if (fromFolders.contains(files[i]) && !isImportableFile(files[i], {})) {
            emit fileDone(i, FileProgressTable::Skipped, tr("skipped: unknown layout"));
            emit overallProgress(i + 1, int(files.size()));
            continue;
        }
        emit fileStage(i, DownloadStage::Importing);
        const FileImportResult r = importer.importFile(
            files[i], [&](qint64 done, qint64 total) { emit fileProgress(i, done, total); }, &cancel_);
        if (r.error) {
            ++failed;
            emit fileDone(i, FileProgressTable::Failure,
                          cancel_.load() ? tr("cancelled") : tr("refused: %1").arg(r.error->toString()));
        } else if (r.alreadyImported) {
            ++same;
            emit fileDone(i, FileProgressTable::Skipped, tr("already in the store"));
        } else {
            ++imported;
            emit fileDone(i, FileProgressTable::Success, tr("imported, %L1 rows").arg(r.rows));
        }
        emit overallProgress(i + 1, int(files.size()));
    }
    const bool cancelled = cancel_.load();
    emit finished(failed == 0 && !cancelled, false, cancelled,
                  cancelled ? tr("Import cancelled.")
                            : tr("%1 imported, %2 already in the store, %3 refused").arg(imported).arg(same).arg(failed));
    refreshCoverage();
}

void DataWorker::refreshCoverage() {
    QString err;
    Store *st = store(&err);
    emit coverageReady(st ? st->seriesInfo() : std::vector<SeriesInfo>{});
}

}  // namespace lhm::ui
