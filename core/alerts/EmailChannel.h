#pragma once
// E-mail over SMTP through libcurl: smtp:// with optional (or, with startTls, required) STARTTLS,
// smtps:// for implicit TLS, AUTH when a user is set, one or more recipients.
#include "alerts/ChannelSettings.h"
#include "alerts/Delivery.h"

namespace lhm::alerts {

class EmailChannel {
public:
    // RFC 5322 message with CRLF line ends (subject encoded when it is not ASCII).
    static QByteArray message(const EmailSettings &s, const QString &subject, const QString &text, qint64 timeMs);
    static Delivery send(const EmailSettings &s, const QString &password, const QString &subject, const QString &text,
                         qint64 timeMs, int timeoutMs = -1);  // -1: the settings' timeout
};

}  // namespace lhm::alerts
