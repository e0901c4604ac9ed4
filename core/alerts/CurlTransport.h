#pragma once
// The blocking network calls the channels make, over libcurl: an HTTP POST and an SMTP send.
// Blocking on purpose: channels run on the dispatcher's worker threads, never on the UI or the
// evaluator's thread, and a blocking call with a hard timeout is the simplest bounded shape.
// Error texts are curl's own messages, which name host and port but never the URL path, user or
// password; callers still pass them through redaction before showing them.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace lhm::alerts {

struct HttpReply {
    int status = 0;      // HTTP status; 0 when no response arrived
    QByteArray body;     // at most 64 KiB kept
    QString error;       // transport error (connect, timeout, TLS); empty when a response arrived
    bool ok() const { return error.isEmpty() && status >= 200 && status < 300; }
};

struct SmtpMessage {
    QString url;          // smtp://host:port (STARTTLS optional) or smtps://host:port (implicit TLS)
    bool requireStartTls = false;
    QString user, password;
    QString caFile;       // extra CA bundle for self-hosted servers (PEM); empty = system store
    QString from;
    QStringList to;
    QByteArray payload;   // RFC 5322 message, CRLF line ends
};

class CurlTransport {
public:
    static HttpReply post(const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                          int timeoutMs);
    // Empty string on success, else the reason.
    static QString sendMail(const SmtpMessage &m, int timeoutMs);
};

}  // namespace lhm::alerts
