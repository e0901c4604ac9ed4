#pragma once
// The webhook body (versioned contract, docs/alerts.md) and the text other channels send.
// Keys are written in the documented order, so the body is byte-stable and its HMAC reproducible.
#include "alerts/AlertFiring.h"

#include <QByteArray>

namespace lhm::alerts {

constexpr int kWebhookVersion = 1;

// {"version":1,"alert_id":…,"name":…,"symbol":…,"exchange":…,"rule":…,"message":…,"value":…,
//  "price":…,"time":<ms>,"event":{…}}
QByteArray webhookBody(const Firing &f);
// A JSON number as the CLI and the webhook write it (shortest round-trip form).
QString jsonNumber(double v);
QString jsonString(const QString &s);
// Subject and plain-text body for e-mail and Telegram.
QString firingTitle(const Firing &f);
QString firingText(const Firing &f);

}  // namespace lhm::alerts
