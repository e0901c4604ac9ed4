#pragma once
// One HTTP GET at a time, run to completion in a local event loop so the downloader reads as a
// plain sequence of steps. Works in any thread that owns the QNetworkAccessManager; polls a
// cancel flag and aborts the transfer when it is raised.
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
    bool rangeHonoured = false;  // download(): the server answered 206 for the resume offset
    qint64 resumedFrom = 0;      // download(): bytes kept from an earlier .part
    qint64 fileSize = -1;        // download(): full size of the file when the server said it

    bool ok() const { return !cancelled && error == QNetworkReply::NoError && (status == 200 || status == 206); }
    // DNS failure, connection refused, no network: retrying will not help, the user is offline.
    bool hostUnreachable() const;
    // Dropped connections, timeouts and 5xx/408/429 are worth another try.
    bool retriable() const;
};

class HttpFetcher {
public:
    HttpFetcher(QNetworkAccessManager &nam, const std::atomic_bool &cancel, int transferTimeoutMs);

    // Small resources (.CHECKSUM): the body in memory.
    HttpReply get(const QUrl &url);
    // Appends to `partPath`, asking for the rest with a Range header when it already holds bytes.
    // A server that ignores Range (200) restarts the file from zero.
    HttpReply download(const QUrl &url, const QString &partPath,
                       const std::function<void(qint64 done, qint64 total)> &progress);
    // Waits without blocking the thread's event loop; false when cancelled meanwhile.
    bool sleep(int ms);

private:
    QNetworkReply *start(const QUrl &url, qint64 offset);
    void waitFor(QNetworkReply *reply, HttpReply &out);

    QNetworkAccessManager &nam_;
    const std::atomic_bool &cancel_;
    int timeoutMs_;
};

}  // namespace lhm
