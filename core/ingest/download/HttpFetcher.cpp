#include "ingest/download/HttpFetcher.h"

#include "common/UrlRedaction.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>

namespace lhm {

bool HttpReply::hostUnreachable() const {
    switch (error) {
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return true;
    default:
        return false;
    }
}

bool HttpReply::retriable() const {
    if (cancelled || tooLarge || hostUnreachable()) return false;
    if (status >= 500 || status == 408 || status == 429) return true;
    if (status == 0 && error != QNetworkReply::NoError) return true;  // dropped, timed out, reset
    // A body cut short still arrives with the status of its headers.
    return (status == 200 || status == 206) && error != QNetworkReply::NoError;
}

HttpFetcher::HttpFetcher(QNetworkAccessManager &nam, const std::atomic_bool &cancel, HttpLimits limits)
    : nam_(nam), cancel_(cancel), limits_(limits) {}

QNetworkReply *HttpFetcher::start(const QUrl &url, qint64 offset, const QByteArray *postBody) {
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setTransferTimeout(limits_.transferTimeoutMs);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("liquidationheatmap"));
    // Resumed bytes must not be re-encoded: ask for the raw file.
    req.setRawHeader("Accept-Encoding", "identity");
    if (offset > 0) req.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
    if (postBody) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return nam_.post(req, *postBody);
    }
    return nam_.get(req);
}

void HttpFetcher::waitFor(QNetworkReply *reply, HttpReply &out, qint64 maxBytes) {
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(50);
    enum class Abort { None, TooLarge, TooSlow } why = Abort::None;
    qint64 received = 0, windowStartBytes = 0;
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 got, qint64 total) {
        received = got;
        if (why == Abort::None && maxBytes > 0 && (got > maxBytes || total > maxBytes)) {
            why = Abort::TooLarge;  // even when the last bytes already arrived: the body is refused
            if (reply->isRunning()) reply->abort();
        }
    });
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancel_.load() && reply->isRunning()) {
            out.cancelled = true;
            reply->abort();
        }
    });
    QTimer rate;
    rate.setInterval(limits_.rateWindowMs);
    QObject::connect(&rate, &QTimer::timeout, &loop, [&] {
        const qint64 inWindow = received - windowStartBytes;
        windowStartBytes = received;
        if (why == Abort::None && reply->isRunning() &&
            inWindow * 1000 < limits_.minBytesPerSec * qint64(limits_.rateWindowMs)) {
            why = Abort::TooSlow;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    poll.start();
    if (limits_.minBytesPerSec > 0 && limits_.rateWindowMs > 0) rate.start();
    if (reply->isRunning()) loop.exec();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    // Retry-After in seconds (the HTTP-date form is not used by exchanges); bounded to an hour.
    bool secondsOk = false;
    const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&secondsOk);
    if (secondsOk && seconds >= 0) out.retryAfterMs = std::min(seconds, 3600) * 1000;
    if (out.error != QNetworkReply::NoError) out.errorString = redactUrlsIn(reply->errorString());
    if (out.cancelled) {
        out.error = QNetworkReply::OperationCanceledError;
    } else if (why == Abort::TooLarge) {
        out.error = QNetworkReply::UnknownContentError;
        out.tooLarge = true;
        out.errorString = QStringLiteral("response larger than %1 bytes: refused").arg(maxBytes);
    } else if (why == Abort::TooSlow) {
        out.error = QNetworkReply::TimeoutError;
        out.errorString = QStringLiteral("transfer too slow: under %1 bytes/s over %2 s").arg(limits_.minBytesPerSec)
                              .arg(limits_.rateWindowMs / 1000.0);
    } else if (out.error == QNetworkReply::OperationCanceledError) {
        // Not our cancel: the transfer timeout fired, which Qt reports as "Operation canceled".
        out.error = QNetworkReply::TimeoutError;
        out.errorString = QStringLiteral("no data for %1 s (timed out)").arg(limits_.transferTimeoutMs / 1000.0);
    }
}

HttpReply HttpFetcher::get(const QUrl &url, qint64 maxBytes) {
    HttpReply out;
    if (cancel_.load()) {
        out.cancelled = true;
        return out;
    }
    QNetworkReply *reply = start(url, 0);
    waitFor(reply, out, maxBytes);
    if (out.ok()) out.body = reply->read(maxBytes);
    reply->deleteLater();
    return out;
}

HttpReply HttpFetcher::post(const QUrl &url, const QByteArray &json, qint64 maxBytes) {
    HttpReply out;
    if (cancel_.load()) {
        out.cancelled = true;
        return out;
    }
    QNetworkReply *reply = start(url, 0, &json);
    waitFor(reply, out, maxBytes);
    if (out.ok()) out.body = reply->read(maxBytes);
    reply->deleteLater();
    return out;
}

HttpReply HttpFetcher::download(const QUrl &url, const QString &partPath,
                                const std::function<void(qint64, qint64)> &progress) {
    HttpReply out;
    if (cancel_.load()) {
        out.cancelled = true;
        return out;
    }
    QFile part(partPath);
    if (!part.open(QIODevice::ReadWrite)) {
        out.error = QNetworkReply::UnknownContentError;
        out.errorString = QStringLiteral("cannot write %1: %2").arg(partPath, part.errorString());
        return out;
    }
    qint64 offset = part.size();
    part.seek(offset);
    out.resumedFrom = offset;
    QNetworkReply *reply = start(url, offset);
    bool decided = false, writable = false;
    QString diskError;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        if (!decided) {
            decided = true;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (status == 206) {
                static const QRegularExpression re(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"));
                const auto m = re.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
                if (!m.hasMatch() || m.captured(1).toLongLong() != offset) {
                    // Not the bytes we asked for: start over rather than splice a wrong range in.
                    part.resize(0);
                    out.resumedFrom = 0;
                    reply->abort();
                    return;
                }
                out.rangeHonoured = true;
                if (m.captured(3) != QLatin1String("*")) out.fileSize = m.captured(3).toLongLong();
                writable = true;
            } else if (status == 200) {
                // The server ignored Range (or none was sent): the body is the whole file.
                part.resize(0);
                part.seek(0);
                offset = 0;
                out.resumedFrom = 0;
                out.fileSize = length > 0 ? length : -1;
                writable = true;
            }
        }
        if (!writable) return;
        const QByteArray chunk = reply->readAll();
        if (part.write(chunk) != chunk.size()) {
            diskError = QStringLiteral("cannot write %1: %2").arg(partPath, part.errorString());
            reply->abort();
            return;
        }
        if (progress) progress(part.pos(), out.fileSize);
        if (cancel_.load() && reply->isRunning()) {  // raised by the progress handler: stop right here
            out.cancelled = true;
            reply->abort();
        }
    });
    waitFor(reply, out, limits_.maxFileBytes);
    if (!diskError.isEmpty()) {
        out.error = QNetworkReply::UnknownContentError;  // our own abort after a disk error
        out.errorString = diskError;
    }
    part.flush();
    reply->deleteLater();
    return out;
}

bool HttpFetcher::sleep(int ms) {
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancel_.load()) loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return !cancel_.load();
}

}  // namespace lhm
