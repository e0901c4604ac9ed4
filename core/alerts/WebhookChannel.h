#pragma once
// Webhook: HTTP POST of the versioned JSON body (FiringJson.h) with a timeout, retries with
// exponential backoff on transport errors, 429 and 5xx, and — when a secret is set —
// `X-LHM-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>`.
#include "alerts/Delivery.h"

#include <QByteArray>
#include <QString>

namespace lhm::alerts {

struct WebhookRequest {
    QString url;
    QByteArray secret;  // empty = unsigned
    QByteArray body;
    int timeoutMs = 5000;
    int retries = 2;
    int backoffMs = 500;
};

class WebhookChannel {
public:
    static QByteArray signature(const QByteArray &body, const QByteArray &secret);  // "sha256=<hex>"
    static Delivery send(const WebhookRequest &request);
};

}  // namespace lhm::alerts
