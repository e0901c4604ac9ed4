#pragma once
// Telegram: Bot API sendMessage (POST <api>/bot<token>/sendMessage, JSON chat_id + text). The
// API base URL is configurable so tests talk to a loopback server. The token is part of the
// request path, so no URL of this channel is ever shown: errors say only status and API host.
#include "alerts/Delivery.h"

#include <QString>

namespace lhm::alerts {

struct TelegramRequest {
    QString apiUrl;
    QString token;
    QString chatId;
    QString text;
    int timeoutMs = 5000;
    int retries = 1;
    int backoffMs = 500;
};

class TelegramChannel {
public:
    static Delivery send(const TelegramRequest &request);
};

}  // namespace lhm::alerts
