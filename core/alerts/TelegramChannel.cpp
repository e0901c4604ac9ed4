#include "alerts/TelegramChannel.h"

#include "alerts/CurlTransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUrl>

namespace lhm::alerts {

Delivery TelegramChannel::send(const TelegramRequest &r) {
    if (r.token.isEmpty() || r.chatId.isEmpty())
        return Delivery::failed(QStringLiteral("not set up (lhm alerts channel set telegram)"), 0);
    QString base = r.apiUrl;
    while (base.endsWith(u'/')) base.chop(1);
    const QString url = base + QStringLiteral("/bot") + r.token + QStringLiteral("/sendMessage");
    const QString host = QUrl(base).host();
    QJsonObject msg;
    msg[QStringLiteral("chat_id")] = r.chatId;
    msg[QStringLiteral("text")] = r.text.left(4096);  // the Bot API's message limit
    msg[QStringLiteral("disable_web_page_preview")] = true;
    const QByteArray body = QJsonDocument(msg).toJson(QJsonDocument::Compact);
    QString last;
    int delay = r.backoffMs;
    const int attempts = 1 + std::max(0, r.retries);
    for (int i = 1; i <= attempts; ++i) {
        const HttpReply reply = CurlTransport::post(url, {{"Content-Type", "application/json"}}, body, r.timeoutMs);
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        if (reply.ok() && answer.value(QLatin1String("ok")).toBool()) return Delivery::ok(i);
        if (!reply.error.isEmpty()) {
            last = reply.error;
            last.replace(r.token, QStringLiteral("***"));
        } else {
            const QString desc = answer.value(QLatin1String("description")).toString().left(200);
            last = QStringLiteral("HTTP %1%2").arg(reply.status).arg(desc.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(desc));
        }
        const bool retryable = !reply.error.isEmpty() || reply.status == 429 || reply.status >= 500;
        if (!retryable) return Delivery::failed(QStringLiteral("%1 from %2").arg(last, host), i);
        if (i < attempts) {
            QThread::msleep(static_cast<unsigned long>(delay));
            delay *= 2;
        }
    }
    return Delivery::failed(QStringLiteral("%1 from %2 after %3 attempts").arg(last, host).arg(attempts), attempts);
}

}  // namespace lhm::alerts
