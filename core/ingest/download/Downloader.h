#pragma once
// Fetches data.binance.vision zips into a local cache folder (laid out like the host, so the cache
// is itself a mirror), verifies each against its .CHECKSUM, resumes cut transfers from the .part
// file with an HTTP Range request, retries dropped connections and 5xx with exponential backoff
// and jitter, and imports every verified zip. Files already in the store's import log are not
// fetched at all. A 404 is reported for that file and the others continue; an unreachable host
// stops the run at once with a message that says so.
//
// run() blocks the calling thread (it spins local event loops) and owns its own
// QNetworkAccessManager, so call it from a worker thread in a GUI; signals then arrive queued.
#include "common/Error.h"
#include "ingest/download/VisionLayout.h"
#include "store/Store.h"

#include <QMetaType>
#include <QObject>
#include <atomic>
#include <optional>
#include <vector>

namespace lhm {

struct DownloadOptions {
    QString destDir;               // cache folder; empty: defaultCacheDir()
    int maxAttempts = 5;           // per request, counting the first
    int retryBaseDelayMs = 1000;   // first backoff step; doubles per attempt, plus up to as much jitter
    int maxRetryDelayMs = 30000;
    int transferTimeoutMs = 30000; // no byte for this long counts as a dropped connection
    // Slower than this over a whole window fails the attempt (then retried like a drop).
    qint64 minBytesPerSec = 1024;
    int rateWindowMs = 20000;
    // No new attempt of a file starts after this long since its first one (the retries' total budget).
    int retryDeadlineMs = 120000;
    // This many files in a row failing by timeout or crawl stop the run: the host accepts but does
    // not serve, and waiting out every remaining file's retries would take hours.
    int maxStalledFiles = 3;
    qint64 maxChecksumBytes = 4096;        // a .CHECKSUM is one line of ~100 bytes
    qint64 maxFileBytes = qint64(4) << 30; // a zip; the largest archive file is far below
    bool import = true;            // import each verified zip (off: fetch and verify only)
};

enum class DownloadStatus {
    Imported,         // fetched (or found in the cache), verified and imported
    Downloaded,       // fetched and verified; not imported because DownloadOptions::import is off
    AlreadyImported,  // the import log already had it: nothing fetched
    NotFound,         // 404: the host has no such file (a missing day)
    ChecksumMismatch, // the bytes did not match the published sha256 twice: deleted, nothing imported
    Failed,           // network, disk or import error
    Cancelled,        // stopped by cancel(): the .part file stays for the next run
};
QString downloadStatusName(DownloadStatus s);  // "imported", "already-imported", "not-found", ...

struct DownloadFileResult {
    DownloadItem item;
    DownloadStatus status = DownloadStatus::Failed;
    QString localPath;    // the verified zip in the cache, when there is one
    qint64 bytes = 0;     // size of the zip
    bool verified = false;  // sha256 matched a published .CHECKSUM
    int attempts = 0;     // HTTP requests made for the zip
    qint64 rows = 0, skipped = 0;  // from the import
    QString message;      // why, for anything but a clean import
    bool hostUnreachable = false;  // this file stopped the run: the host could not be reached
    bool stalled = false;          // failed because the transfer timed out or crawled
};

struct DownloadSummary {
    std::vector<DownloadFileResult> files;
    std::optional<Error> fatal;  // the run stopped early (host unreachable, cache not writable)
    bool offline = false;        // fatal because the host could not be reached: offer Import instead
    bool cancelled = false;
    int count(DownloadStatus s) const;
    // Everything landed or was skipped; 404s are listed but do not fail a range with a missing day.
    bool ok() const;
};

// What a file is going through; a code, so only ui/ turns it into (translated) words.
enum class DownloadStage { Downloading, Verifying, Importing };
const char *downloadStageName(DownloadStage s);  // downloading, verifying, importing (CLI, logs)

class Downloader : public QObject {
    Q_OBJECT
public:
    explicit Downloader(Store &store, DownloadOptions options = {}, QObject *parent = nullptr);

    // <CacheLocation>/binance-vision (a folder only this app writes to).
    static QString defaultCacheDir();

    DownloadSummary run(const std::vector<DownloadItem> &items);
    // Thread-safe: stops at the next poll (within ~50 ms), keeping any .part file.
    void cancel() { cancel_.store(true); }
    bool isCancelled() const { return cancel_.load(); }

signals:
    void started(int totalFiles);
    void fileStarted(int index, const QString &fileName);
    // Bytes of the current zip (total -1 while unknown), then import progress with stage "importing".
    void fileProgress(int index, qint64 done, qint64 total);
    void fileStage(int index, lhm::DownloadStage stage);
    void retrying(int index, int attempt, int delayMs, const QString &reason);
    void fileFinished(int index, const lhm::DownloadFileResult &result);
    void filesProgress(int done, int total);

private:
    DownloadFileResult fetchOne(int index, const DownloadItem &item, class HttpFetcher &http,
                                std::optional<Error> &fatal);
    QString cachePath(const DownloadItem &item) const;

    Store &store_;
    DownloadOptions options_;
    std::atomic_bool cancel_{false};
};

}  // namespace lhm

Q_DECLARE_METATYPE(lhm::DownloadFileResult)
Q_DECLARE_METATYPE(lhm::DownloadStage)
