#include "ingest/download/Downloader.h"

#include "common/Log.h"
#include "common/UrlRedaction.h"
#include "ingest/Importer.h"
#include "ingest/download/HttpFetcher.h"

#include <QCryptographicHash>
#include <algorithm>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace lhm {

const char *downloadStageName(DownloadStage s) {
    switch (s) {
    case DownloadStage::Downloading: return "downloading";
    case DownloadStage::Verifying: return "verifying";
    case DownloadStage::Importing: break;
    }
    return "importing";
}

QString downloadStatusName(DownloadStatus s) {
    switch (s) {
    case DownloadStatus::Imported: return QStringLiteral("imported");
    case DownloadStatus::Downloaded: return QStringLiteral("downloaded");
    case DownloadStatus::AlreadyImported: return QStringLiteral("already-imported");
    case DownloadStatus::NotFound: return QStringLiteral("not-found");
    case DownloadStatus::ChecksumMismatch: return QStringLiteral("checksum-mismatch");
    case DownloadStatus::Failed: return QStringLiteral("failed");
    case DownloadStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

int DownloadSummary::count(DownloadStatus s) const {
    int n = 0;
    for (const auto &f : files) n += f.status == s;
    return n;
}

bool DownloadSummary::ok() const {
    return !fatal && !cancelled && count(DownloadStatus::Failed) == 0 &&
           count(DownloadStatus::ChecksumMismatch) == 0 && count(DownloadStatus::Cancelled) == 0;
}

namespace {

QByteArray sha256Of(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

// "<sha256hex>  <name>.zip" -> the hex digest, lower case; empty when the file is not that shape.
QByteArray parseChecksum(const QByteArray &body) {
    const QByteArray first = body.trimmed().split(' ').value(0).toLower();
    if (first.size() != 64) return {};
    for (char c : first)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return {};
    return first;
}

QString describe(const HttpReply &r) {
    if (r.status > 0 && r.error == QNetworkReply::NoError) return QStringLiteral("HTTP %1").arg(r.status);
    if (r.status > 0) return QStringLiteral("HTTP %1, %2").arg(r.status).arg(redactUrlsIn(r.errorString));
    return redactUrlsIn(r.errorString);
}

Error offlineError(const QUrl &url, const HttpReply &r) {
    return Error(QStringLiteral("cannot reach %1: %2 — you are offline? use Import instead")
                     .arg(url.host(), redactUrlsIn(r.errorString)));
}

}  // namespace

Downloader::Downloader(Store &store, DownloadOptions options, QObject *parent)
    : QObject(parent), store_(store), options_(std::move(options)) {
    qRegisterMetaType<lhm::DownloadFileResult>();
    qRegisterMetaType<lhm::DownloadStage>();
    if (options_.destDir.isEmpty()) options_.destDir = defaultCacheDir();
    options_.maxAttempts = std::max(1, options_.maxAttempts);
    options_.retryBaseDelayMs = std::clamp(options_.retryBaseDelayMs, 0, 60000);  // jitter adds as much again
}

QString Downloader::defaultCacheDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .absoluteFilePath(QStringLiteral("binance-vision"));
}

QString Downloader::cachePath(const DownloadItem &item) const {
    return QDir(options_.destDir).absoluteFilePath(item.relativePath);
}

DownloadSummary Downloader::run(const std::vector<DownloadItem> &items) {
    DownloadSummary summary;
    QNetworkAccessManager nam;  // lives in the calling thread, like the replies it makes
    HttpLimits limits;
    limits.transferTimeoutMs = options_.transferTimeoutMs;
    limits.minBytesPerSec = options_.minBytesPerSec;
    limits.rateWindowMs = options_.rateWindowMs;
    limits.maxFileBytes = options_.maxFileBytes;
    HttpFetcher http(nam, cancel_, limits);
    const int total = int(items.size());
    emit started(total);
    emit filesProgress(0, total);
    if (!QDir().mkpath(options_.destDir)) {
        summary.fatal = Error(QStringLiteral("cannot create the download folder"), options_.destDir);
        return summary;
    }
    int stalledInARow = 0;
    for (int i = 0; i < total; ++i) {
        if (cancel_.load()) break;
        emit fileStarted(i, items[size_t(i)].fileName);
        DownloadFileResult r = fetchOne(i, items[size_t(i)], http, summary.fatal);
        summary.files.push_back(r);
        emit fileFinished(i, r);
        emit filesProgress(i + 1, total);
        summary.offline = summary.fatal.has_value();  // fetchOne only stops the run for an unreachable host
        if (summary.fatal || r.status == DownloadStatus::Cancelled) break;
        stalledInARow = r.stalled ? stalledInARow + 1 : 0;
        if (stalledInARow >= options_.maxStalledFiles && i + 1 < total) {
            summary.fatal = Error(QStringLiteral("%1 files in a row timed out or crawled: the host accepts connections but "
                                                 "does not serve; stopped with %2 file(s) left")
                                      .arg(stalledInARow)
                                      .arg(total - i - 1));
            break;
        }
    }
    summary.cancelled = cancel_.load();
    return summary;
}

DownloadFileResult Downloader::fetchOne(int index, const DownloadItem &item, HttpFetcher &http,
                                        std::optional<Error> &fatal) {
    DownloadFileResult r;
    r.item = item;
    if (store_.hasImportedFile(item.fileName)) {
        r.status = DownloadStatus::AlreadyImported;
        r.message = QStringLiteral("already imported, not fetched");
        return r;
    }
    const QString finalPath = cachePath(item);
    const QString partPath = finalPath + QStringLiteral(".part");
    const QString sumPath = finalPath + QStringLiteral(".CHECKSUM");
    QDir().mkpath(QFileInfo(finalPath).absolutePath());
    // The GUI and the CLI share the cache: two writers on one .part would interleave bytes.
    QLockFile lock(finalPath + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);  // stale only when the holder died, however long a download takes
    if (!lock.tryLock(0)) {
        r.message = QStringLiteral("another LiquidationHeatmap process is downloading this file");
        return r;
    }

    // Runs `request` until it succeeds, is final (404, other 4xx) or runs out of attempts; backs
    // off between tries. Returns the last reply; an unreachable host sets `fatal`.
    QElapsedTimer sinceFirst;
    sinceFirst.start();
    auto withRetries = [&](const QUrl &url, auto request, int *attemptsOut) {
        HttpReply rep;
        for (int attempt = 1;; ++attempt) {
            if (attemptsOut) *attemptsOut = attempt;
            rep = request();
            if (rep.ok() || rep.cancelled) return rep;
            if (rep.hostUnreachable()) {
                fatal = offlineError(url, rep);
                return rep;
            }
            if (!rep.retriable() || attempt >= options_.maxAttempts) return rep;
            const qint64 step = qint64(options_.retryBaseDelayMs) << std::min(attempt - 1, 20);
            const int jitter = int(QRandomGenerator::global()->bounded(options_.retryBaseDelayMs + 1));
            int delay = int(std::min<qint64>(step + jitter, options_.maxRetryDelayMs));
            const qint64 budgetLeft = options_.retryDeadlineMs - sinceFirst.elapsed();
            if (budgetLeft <= delay) {
                rep.errorString = QStringLiteral("%1; gave up after %2 s of retries").arg(rep.errorString)
                                      .arg(options_.retryDeadlineMs / 1000.0);
                return rep;
            }
            qCInfo(lcDownload) << item.fileName << "attempt" << attempt << "failed:" << describe(rep)
                               << "- retrying in" << delay << "ms";
            emit retrying(index, attempt, delay, describe(rep));
            if (!http.sleep(delay)) {
                rep.cancelled = true;
                return rep;
            }
        }
    };
    auto cancelled = [&] {
        r.status = DownloadStatus::Cancelled;
        r.message = QFile::exists(partPath) ? QStringLiteral("cancelled; partial download kept for resume")
                                            : QStringLiteral("cancelled");
        return r;
    };

    // 1. The published checksum (tiny). Missing is tolerated: the zip may still exist.
    const HttpReply sumReply = withRetries(item.checksumUrl, [&] { return http.get(item.checksumUrl, options_.maxChecksumBytes); }, nullptr);
    if (sumReply.cancelled) return cancelled();
    if (fatal) {
        r.message = fatal->message;
        r.hostUnreachable = true;
        return r;
    }
    QByteArray expected;
    if (sumReply.ok()) {
        expected = parseChecksum(sumReply.body);
        if (expected.isEmpty()) {
            r.message = QStringLiteral("malformed .CHECKSUM from %1").arg(redactUrl(item.checksumUrl));
            return r;
        }
    } else if (sumReply.status != 404) {
        r.stalled = sumReply.error == QNetworkReply::TimeoutError;
        r.message = QStringLiteral("cannot fetch %1: %2").arg(redactUrl(item.checksumUrl), describe(sumReply));
        return r;
    }

    // 2. The zip, unless a verified copy is already in the cache. A mismatch is downloaded once more
    //    from zero, since a resumed .part may have spliced in bad bytes.
    bool haveFile = !expected.isEmpty() && QFile::exists(finalPath) && sha256Of(finalPath) == expected;
    for (int round = 0; !haveFile && round < 2; ++round) {
        emit fileStage(index, DownloadStage::Downloading);
        if (round > 0) QFile::remove(partPath);
        int attempts = 0;
        HttpReply rep = withRetries(item.url, [&] {
            HttpReply x = http.download(item.url, partPath, [&](qint64 done, qint64 total) {
                emit fileProgress(index, done, total);
            });
            if (x.status == 416) {  // the .part is not a prefix of this file (or is all of it): restart
                QFile::remove(partPath);
                x = http.download(item.url, partPath, [&](qint64 done, qint64 total) {
                    emit fileProgress(index, done, total);
                });
            }
            return x;
        }, &attempts);
        r.attempts += attempts;
        if (rep.cancelled) return cancelled();
        if (fatal) {
            r.message = fatal->message;
            r.hostUnreachable = true;
            return r;
        }
        if (!rep.ok()) {
            r.stalled = rep.error == QNetworkReply::TimeoutError;
            if (rep.tooLarge || QFileInfo(partPath).size() == 0) QFile::remove(partPath);
            if (rep.status == 404) {
                r.status = DownloadStatus::NotFound;
                r.message = QStringLiteral("not on the server (404): %1").arg(redactUrl(item.url));
            } else {
                r.message = QStringLiteral("cannot fetch %1 after %2 attempt(s): %3")
                                .arg(redactUrl(item.url)).arg(attempts).arg(describe(rep));
            }
            return r;
        }
        QFile::remove(finalPath);
        if (!QFile::rename(partPath, finalPath)) {
            r.message = QStringLiteral("cannot move %1 into place").arg(partPath);
            return r;
        }
        emit fileStage(index, DownloadStage::Verifying);
        const QByteArray actual = sha256Of(finalPath);
        if (expected.isEmpty() || actual == expected) {
            haveFile = true;
        } else {
            QFile::remove(finalPath);
            r.status = DownloadStatus::ChecksumMismatch;
            r.message = QStringLiteral("sha256 mismatch: .CHECKSUM says %1, the download is %2; deleted, not imported")
                            .arg(QString::fromLatin1(expected), QString::fromLatin1(actual));
        }
    }
    if (!haveFile) return r;
    r.localPath = finalPath;
    r.bytes = QFileInfo(finalPath).size();
    r.verified = !expected.isEmpty();
    if (r.verified) {
        // Kept beside the zip so the importer (and a later `lhm import` of the cache) verifies it too.
        QFile sum(sumPath);
        if (sum.open(QIODevice::WriteOnly | QIODevice::Truncate)) sum.write(sumReply.body);
    } else {
        QFile::remove(sumPath);
        r.message = QStringLiteral("no .CHECKSUM published; imported unverified");
    }
    if (!options_.import) {
        r.status = DownloadStatus::Downloaded;
        return r;
    }

    // 3. Import. The importer is cancellable too and stores nothing from a file it stops in.
    emit fileStage(index, DownloadStage::Importing);
    Importer importer(store_);
    const FileImportResult imp = importer.importFile(
        finalPath, [&](qint64 done, qint64 total) { emit fileProgress(index, done, total); }, &cancel_);
    if (cancel_.load() && imp.error) return cancelled();
    r.rows = imp.rows;
    r.skipped = imp.skipped;
    if (imp.error) {
        r.status = DownloadStatus::Failed;
        r.message = QStringLiteral("import failed: %1").arg(imp.error->toString());
    } else {
        r.status = imp.alreadyImported ? DownloadStatus::AlreadyImported : DownloadStatus::Imported;
        if (imp.alreadyImported) r.message = QStringLiteral("same content already imported");
    }
    return r;
}

}  // namespace lhm
