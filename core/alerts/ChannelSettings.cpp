#include "alerts/ChannelSettings.h"

#include "common/UrlRedaction.h"
#include "store/AlertRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace lhm::alerts {

namespace {

Error fieldError(const char *field, const QString &message) { return Error(message, QString(), 0, QString::fromLatin1(field)); }

QJsonObject readRow(AlertRepository &repo, const QString &name) {
    const auto row = repo.channel(name);
    return row ? QJsonDocument::fromJson(row->config.toUtf8()).object() : QJsonObject();
}

Status writeRow(AlertRepository &repo, const char *name, const QJsonObject &o, qint64 now) {
    return repo.saveChannel({QLatin1String(name), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)), now});
}

bool httpUrl(const QString &s) {
    const QUrl u(s, QUrl::StrictMode);
    return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https")) && !u.host().isEmpty();
}

bool address(const QString &s) {
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s<>,]+@[^@\s<>,]+$)"));
    return re.match(s).hasMatch();
}

}  // namespace

ChannelSettings ChannelSettings::load(AlertRepository &repo) {
    ChannelSettings s;
    const QJsonObject t = readRow(repo, QStringLiteral("telegram"));
    s.telegram.apiUrl = t.value(QLatin1String("api_url")).toString(s.telegram.apiUrl);
    s.telegram.chatId = t.value(QLatin1String("chat_id")).toString();
    s.telegram.tokenRef = t.value(QLatin1String("token_ref")).toString();
    const QJsonObject e = readRow(repo, QStringLiteral("email"));
    s.email.smtpUrl = e.value(QLatin1String("smtp_url")).toString();
    s.email.startTls = e.value(QLatin1String("starttls")).toBool();
    s.email.from = e.value(QLatin1String("from")).toString();
    for (const QJsonValue &v : e.value(QLatin1String("to")).toArray()) s.email.to << v.toString();
    s.email.user = e.value(QLatin1String("user")).toString();
    s.email.passwordRef = e.value(QLatin1String("password_ref")).toString();
    s.email.caFile = e.value(QLatin1String("ca_file")).toString();
    s.email.timeoutMs = e.value(QLatin1String("timeout_ms")).toInt(s.email.timeoutMs);
    const QJsonObject w = readRow(repo, QStringLiteral("webhook"));
    s.webhook.url = w.value(QLatin1String("url")).toString();
    s.webhook.secretRef = w.value(QLatin1String("secret_ref")).toString();
    s.webhook.timeoutMs = w.value(QLatin1String("timeout_ms")).toInt(s.webhook.timeoutMs);
    s.webhook.retries = w.value(QLatin1String("retries")).toInt(s.webhook.retries);
    s.webhook.backoffMs = w.value(QLatin1String("backoff_ms")).toInt(s.webhook.backoffMs);
    return s;
}

Status ChannelSettings::saveTelegram(AlertRepository &repo, qint64 now) const {
    if (Status s = validateTelegram(telegram); !s) return s;
    QJsonObject o;
    o[QStringLiteral("api_url")] = telegram.apiUrl;
    o[QStringLiteral("chat_id")] = telegram.chatId;
    o[QStringLiteral("token_ref")] = telegram.tokenRef;
    return writeRow(repo, "telegram", o, now);
}

Status ChannelSettings::saveEmail(AlertRepository &repo, qint64 now) const {
    if (Status s = validateEmail(email); !s) return s;
    QJsonObject o;
    o[QStringLiteral("smtp_url")] = email.smtpUrl;
    o[QStringLiteral("starttls")] = email.startTls;
    o[QStringLiteral("from")] = email.from;
    o[QStringLiteral("to")] = QJsonArray::fromStringList(email.to);
    o[QStringLiteral("user")] = email.user;
    o[QStringLiteral("password_ref")] = email.passwordRef;
    o[QStringLiteral("ca_file")] = email.caFile;
    o[QStringLiteral("timeout_ms")] = email.timeoutMs;
    return writeRow(repo, "email", o, now);
}

Status ChannelSettings::saveWebhook(AlertRepository &repo, qint64 now) const {
    if (Status s = validateWebhook(webhook); !s) return s;
    QJsonObject o;
    o[QStringLiteral("url")] = webhook.url;
    o[QStringLiteral("secret_ref")] = webhook.secretRef;
    o[QStringLiteral("timeout_ms")] = webhook.timeoutMs;
    o[QStringLiteral("retries")] = webhook.retries;
    o[QStringLiteral("backoff_ms")] = webhook.backoffMs;
    return writeRow(repo, "webhook", o, now);
}

Status ChannelSettings::validateTelegram(const TelegramSettings &t) {
    if (!httpUrl(t.apiUrl)) return fieldError("api_url", QStringLiteral("not an http(s) URL: %1").arg(redactUrl(t.apiUrl)));
    if (t.chatId.isEmpty() || t.chatId.size() > 64 || t.chatId.contains(QRegularExpression(QStringLiteral("\\s"))))
        return fieldError("chat_id", QStringLiteral("expects a chat id such as 123456789, -1001234567890 or @channel"));
    if (t.tokenRef.isEmpty()) return fieldError("token_env", QStringLiteral("the bot token is required"));
    return {};
}

Status ChannelSettings::validateEmail(const EmailSettings &e) {
    const QUrl u(e.smtpUrl, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("smtp") && u.scheme() != QLatin1String("smtps")) || u.host().isEmpty())
        return fieldError("smtp_url", QStringLiteral("expects smtp://host:port or smtps://host:port, got %1").arg(redactUrl(e.smtpUrl)));
    if (!u.userInfo().isEmpty()) return fieldError("smtp_url", QStringLiteral("put the user in --user and the password in --password-env, not in the URL"));
    if (!address(e.from)) return fieldError("from", QStringLiteral("not an e-mail address: '%1'").arg(e.from));
    if (e.to.isEmpty()) return fieldError("to", QStringLiteral("at least one recipient is needed"));
    if (e.to.size() > 50) return fieldError("to", QStringLiteral("at most 50 recipients"));
    for (const QString &t : e.to)
        if (!address(t)) return fieldError("to", QStringLiteral("not an e-mail address: '%1'").arg(t));
    if (!e.passwordRef.isEmpty() && e.user.isEmpty()) return fieldError("user", QStringLiteral("a password needs --user"));
    return {};
}

Status ChannelSettings::validateWebhook(const WebhookSettings &w) {
    if (!w.url.isEmpty() && !httpUrl(w.url)) return fieldError("url", QStringLiteral("not an http(s) URL: %1").arg(redactUrl(w.url)));
    if (w.timeoutMs < 100 || w.timeoutMs > 60000) return fieldError("timeout_ms", QStringLiteral("must be 100..60000"));
    if (w.retries < 0 || w.retries > 10) return fieldError("retries", QStringLiteral("must be 0..10"));
    if (w.backoffMs < 0 || w.backoffMs > 60000) return fieldError("backoff_ms", QStringLiteral("must be 0..60000"));
    return {};
}

QJsonObject ChannelSettings::toJson() const {
    QJsonObject t;
    t[QStringLiteral("configured")] = telegram.configured();
    t[QStringLiteral("api_url")] = redactUrl(telegram.apiUrl);
    t[QStringLiteral("chat_id")] = telegram.chatId;
    t[QStringLiteral("token")] = !telegram.tokenRef.isEmpty();
    QJsonObject e;
    e[QStringLiteral("configured")] = email.configured();
    e[QStringLiteral("smtp_url")] = email.smtpUrl.isEmpty() ? QString() : redactUrl(email.smtpUrl);
    e[QStringLiteral("starttls")] = email.startTls;
    e[QStringLiteral("from")] = email.from;
    e[QStringLiteral("to")] = QJsonArray::fromStringList(email.to);
    e[QStringLiteral("user")] = email.user;
    e[QStringLiteral("password")] = !email.passwordRef.isEmpty();
    QJsonObject w;
    w[QStringLiteral("url")] = webhook.url.isEmpty() ? QString() : redactUrl(webhook.url);
    w[QStringLiteral("secret")] = !webhook.secretRef.isEmpty();
    w[QStringLiteral("timeout_ms")] = webhook.timeoutMs;
    w[QStringLiteral("retries")] = webhook.retries;
    QJsonObject o;
    o[QStringLiteral("telegram")] = t;
    o[QStringLiteral("email")] = e;
    o[QStringLiteral("webhook")] = w;
    return o;
}

}  // namespace lhm::alerts
