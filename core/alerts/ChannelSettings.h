#pragma once
// The delivery channels' settings as `lhm alerts channel set` and the GUI's settings page keep
// them: plain values plus secret REFERENCES (see SecretVault); secrets are resolved only when a
// message goes out. Stored as one JSON row per channel in the store's alert_channels table.
#include "common/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lhm {
class AlertRepository;
}

namespace lhm::alerts {

struct TelegramSettings {
    QString apiUrl = QStringLiteral("https://api.telegram.org");  // tests point it at a loopback server
    QString chatId;
    QString tokenRef;
    bool configured() const { return !chatId.isEmpty() && !tokenRef.isEmpty(); }
};

struct EmailSettings {
    QString smtpUrl;  // smtp://host:port (plain or STARTTLS) or smtps://host:port (implicit TLS)
    bool startTls = false;
    QString from;
    QStringList to;
    QString user, passwordRef;
    QString caFile;
    int timeoutMs = 10000;
    bool configured() const { return !smtpUrl.isEmpty() && !from.isEmpty() && !to.isEmpty(); }
};

struct WebhookSettings {
    QString url;        // default URL for rules without their own
    QString secretRef;  // default HMAC secret
    int timeoutMs = 5000;
    int retries = 2;    // attempts after the first
    int backoffMs = 500;  // first retry delay, doubled each time
};

struct ChannelSettings {
    TelegramSettings telegram;
    EmailSettings email;
    WebhookSettings webhook;

    static ChannelSettings load(AlertRepository &repo);
    Status saveTelegram(AlertRepository &repo, qint64 now) const;
    Status saveEmail(AlertRepository &repo, qint64 now) const;
    Status saveWebhook(AlertRepository &repo, qint64 now) const;
    // Validation; errors name the CLI field.
    static Status validateTelegram(const TelegramSettings &t);
    static Status validateEmail(const EmailSettings &e);
    static Status validateWebhook(const WebhookSettings &w);
    // For `lhm alerts channel show --json`: URLs redacted, secrets as "set"/absent only.
    QJsonObject toJson() const;
};

}  // namespace lhm::alerts
