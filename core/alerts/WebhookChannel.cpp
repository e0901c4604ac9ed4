#include "alerts/WebhookChannel.h"

#include "alerts/CurlTransport.h"
#include "common/UrlRedaction.h"

#include <QMessageAuthenticationCode>
#include <QThread>

namespace lhm::alerts {

QByteArray WebhookChannel::signature(const QByteArray &body, const QByteArray &secret) {
    return "sha256=" + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

Delivery WebhookChannel::send(const WebhookRequest &r) {
    if (r.url.isEmpty()) return Delivery::failed(QStringLiteral("no webhook URL (set --webhook-url or 'lhm alerts channel set webhook')"), 0);
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"},
                                                 {"User-Agent", "LiquidationHeatmap-alerts/1"}};
    if (!r.secret.isEmpty()) headers.append({"X-LHM-Signature", signature(r.body, r.secret)});
    QString last;
    int delay = r.backoffMs;
    const int attempts = 1 + std::max(0, r.retries);
    for (int i = 1; i <= attempts; ++i) {
        const HttpReply reply = CurlTransport::post(r.url, headers, r.body, r.timeoutMs);
        if (reply.ok()) return Delivery::ok(i);
        if (!reply.error.isEmpty()) last = redactUrlsIn(reply.error);
        else last = QStringLiteral("HTTP %1").arg(reply.status);
        const bool retryable = !reply.error.isEmpty() || reply.status == 429 || reply.status >= 500;
        if (!retryable) return Delivery::failed(QStringLiteral("%1 from %2").arg(last, redactUrl(r.url)), i);
        if (i < attempts) {
            QThread::msleep(static_cast<unsigned long>(delay));
            delay *= 2;
        }
    }
    return Delivery::failed(QStringLiteral("%1 from %2 after %3 attempts").arg(last, redactUrl(r.url)).arg(attempts), attempts);
}

}  // namespace lhm::alerts
