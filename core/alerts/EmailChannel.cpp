#include "alerts/EmailChannel.h"

#include "alerts/CurlTransport.h"
#include "common/UrlRedaction.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>

namespace lhm::alerts {

namespace {

QByteArray header(const QString &text) {
    bool ascii = true;
    for (QChar c : text) ascii &= c.unicode() < 128 && c.unicode() >= 32;
    return ascii ? text.toUtf8() : "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

}  // namespace

QByteArray EmailChannel::message(const EmailSettings &s, const QString &subject, const QString &text, qint64 timeMs) {
    const QString date = QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
                         QStringLiteral(" +0000");
    QByteArray m;
    m += "Date: " + date.toUtf8() + "\r\n";
    m += "From: " + s.from.toUtf8() + "\r\n";
    m += "To: " + s.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    m += "Subject: " + header(subject) + "\r\n";
    m += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() + "@liquidationheatmap>\r\n";
    m += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    QByteArray body = text.toUtf8();
    body.replace("\r\n", "\n").replace("\n", "\r\n");
    // No dot-stuffing here: libcurl escapes lines starting with '.' itself when it uploads over SMTP.
    m += body + "\r\n";
    return m;
}

Delivery EmailChannel::send(const EmailSettings &s, const QString &password, const QString &subject, const QString &text,
                            qint64 timeMs, int timeoutMs) {
    if (!s.configured()) return Delivery::failed(QStringLiteral("not set up (lhm alerts channel set email)"), 0);
    SmtpMessage m;
    m.url = s.smtpUrl;
    m.requireStartTls = s.startTls;
    m.user = s.user;
    m.password = password;
    m.caFile = s.caFile;
    m.from = s.from;
    m.to = s.to;
    m.payload = message(s, subject, text, timeMs);
    QString err = CurlTransport::sendMail(m, timeoutMs > 0 ? timeoutMs : s.timeoutMs);
    if (err.isEmpty()) return Delivery::ok();
    if (!password.isEmpty()) err.replace(password, QStringLiteral("***"));
    return Delivery::failed(QStringLiteral("%1 (%2)").arg(redactUrlsIn(err), redactUrl(s.smtpUrl)));
}

}  // namespace lhm::alerts
