#pragma once
// One HTTP GET at a time, run to completion in a local event loop so the downloader reads as a
// plain sequence of steps. Works in any thread that owns the QNetworkAccessManager; polls a
// cancel flag and aborts the transfer when it is raised, when the body outgrows its limit, or
// when the transfer stalls or crawls (HttpLimits). Error strings carry redacted URLs only.
#include <QNetworkReply>
#include <QString>
#include <QUrl>
#include <atomic>
#include <functional>

class QNetworkAccessManager;

namespace lhm {

struct HttpReply {
    int status = 0;  // HTTP status; 0 when no response arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;       // get() only
    bool cancelled = false;
    bool tooLarge = false;       // aborted past the size limit: final, a retry would be as large
    bool rangeHonoured = false;  // download(): the server answered 206 for the resume offset
    qint64 resumedFrom = 0;      // download(): bytes kept from an earlier .part
    qint64 fileSize = -1;        // download(): full size of the file when the server said it
    int retryAfterMs = -1;       // a 429/503's Retry-After (seconds on the wire), -1 when absent

    bool ok() const { return !cancelled && error == QNetworkReply::NoError && (status == 200 || status == 206); }
    // DNS failure, connection refused, no network: retrying will not help, the user is offline.
    bool hostUnreachable() const;
    // Dropped connections, timeouts and 5xx/408/429 are worth another try.
    bool retriable() const;
};

// Bounds on one transfer, so no peer can hold a command forever or fill memory or disk.
struct HttpLimits {
    int transferTimeoutMs = 30000;   // no byte at all for this long: dropped
    // A transfer that crawls: fewer than minBytesPerSec on average over any full window fails
    // (a host trickling one byte every few seconds never trips the transfer timeout).
    qint64 minBytesPerSec = 1024;
    int rateWindowMs = 20000;
    qint64 maxFileBytes = qint64(4) << 30;  // download(): the largest archive zip is well under 1 GiB
};

class HttpFetcher {
public:
    HttpFetcher(QNetworkAccessManager &nam, const std::atomic_bool &cancel, HttpLimits limits);

    // Small resources (.CHECKSUM): the body in memory, refused (and aborted) past maxBytes.
    HttpReply get(const QUrl &url, qint64 maxBytes);
    // A JSON POST (Hyperliquid's /info), bounded like get().
    HttpReply post(const QUrl &url, const QByteArray &json, qint64 maxBytes);
    // Appends to `partPath`, asking for the rest with a Range header when it already holds bytes.
    // A server that ignores Range (200) restarts the file from zero.
    HttpReply download(const QUrl &url, const QString &partPath,
                       const std::function<void(qint64 done, qint64 total)> &progress);
    // Waits without blocking the thread's event loop; false when cancelled meanwhile.
    bool sleep(int ms);

private:
    QNetworkReply *start(const QUrl &url, qint64 offset, const QByteArray *postBody = nullptr);
    void waitFor(QNetworkReply *reply, HttpReply &out, qint64 maxBytes);

    QNetworkAccessManager &nam_;
    const std::atomic_bool &cancel_;
    HttpLimits limits_;
};

}  // namespace lhm
