// lhm alerts channel set telegram|email|webhook ..., lhm alerts channel show, lhm alerts test.
#include "AlertsCli.h"

#include "alerts/AlertDispatcher.h"
#include "alerts/RuleBook.h"
#include "alerts/SecretVault.h"
#include "common/UrlRedaction.h"
#include "store/Store.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::alerts;

namespace lhm::cli::alertscli {

namespace {

Error fieldError(const QString &field, const QString &message) { return Error(message, QString(), 0, field); }

// Stores the secret from environment variable `var` and returns its reference.
Result<QString> secretFromEnv(Context &ctx, const QString &key, const QString &var, const char *field) {
    QString warning;
    auto ref = SecretVault::put(key, qEnvironmentVariable(var.toLocal8Bit().constData()), var, &warning);
    if (!ref) return fieldError(QLatin1String(field), ref.error().message);
    if (!warning.isEmpty()) ctx.progress(QStringLiteral("warning: ") + warning);
    return *ref;
}

int show(Context &ctx, AlertRepository &repo) {
    const ChannelSettings s = ChannelSettings::load(repo);
    const QJsonObject o = s.toJson();
    if (ctx.json) ctx.printJson(QJsonDocument(o));
    else ctx.print(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed());
    return kOk;
}

}  // namespace

int channel(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Set up a delivery channel: 'set telegram', 'set email', 'set webhook', or 'show'. Secrets are read from the named "
        "environment variable and kept in the OS keychain."));
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("set | show"));
    p.addPositionalArgument(QStringLiteral("channel"), QStringLiteral("telegram | email | webhook"));
    auto opt = [&](const char *name, const char *help, const char *value = nullptr) { addOption(p, name, help, value); };
    opt("token-env", "telegram: environment variable holding the bot token.", "VAR");
    opt("chat-id", "telegram: chat id.", "ID");
    opt("api-url", "telegram: Bot API base URL (default https://api.telegram.org).", "URL");
    opt("smtp-url", "email: smtp://host:port or smtps://host:port.", "URL");
    opt("from", "email: sender address.", "A");
    opt("to", "email: recipients, comma separated.", "B[,C]");
    opt("user", "email: SMTP user.", "U");
    opt("password-env", "email: environment variable holding the SMTP password.", "VAR");
    opt("starttls", "email: require STARTTLS on smtp://.");
    opt("ca-file", "email: extra CA certificate (PEM) for a self-hosted server.", "PATH");
    opt("url", "webhook: default URL for rules without --webhook-url.", "URL");
    opt("secret-env", "webhook: environment variable holding the default HMAC secret.", "VAR");
    opt("timeout-ms", "webhook: timeout per attempt (default 5000).", "MS");
    opt("retries", "webhook: retries after a failed attempt (default 2).", "N");
    if (!ctx.parse(p)) return ctx.exitCode;
    const QStringList pos = p.positionalArguments();
    auto store = ctx.openStore();
    if (!store) return kFailure;
    AlertRepository repo = store->alertRepository();
    if (pos.value(0) == QLatin1String("show")) return show(ctx, repo);
    if (pos.size() != 2 || pos[0] != QLatin1String("set"))
        return ctx.fail(QStringLiteral("usage: lhm alerts channel set telegram|email|webhook [options] | channel show"));
    ChannelSettings s = ChannelSettings::load(repo);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto isSet = [&](const char *n) { return p.isSet(QLatin1String(n)); };
    auto value = [&](const char *n) { return p.value(QLatin1String(n)).trimmed(); };
    Status saved;
    const QString which = pos[1];
    if (which == QLatin1String("telegram")) {
        if (isSet("chat-id")) s.telegram.chatId = value("chat-id");
        if (isSet("api-url")) s.telegram.apiUrl = value("api-url");
        if (!isSet("token-env") && s.telegram.tokenRef.isEmpty())
            return ctx.fail(fieldError(QStringLiteral("token_env"), QStringLiteral("--token-env VAR is required")));
        TelegramSettings check = s.telegram;
        if (isSet("token-env")) check.tokenRef = QStringLiteral("pending");
        if (Status v = ChannelSettings::validateTelegram(check); !v) return ctx.fail(v.error());
        if (isSet("token-env")) {
            auto ref = secretFromEnv(ctx, QStringLiteral("telegram-token"), value("token-env"), "token_env");
            if (!ref) return ctx.fail(ref.error());
            s.telegram.tokenRef = *ref;
        }
        saved = s.saveTelegram(repo, now);
    } else if (which == QLatin1String("email")) {
        if (isSet("smtp-url")) s.email.smtpUrl = value("smtp-url");
        if (isSet("from")) s.email.from = value("from");
        if (isSet("to")) s.email.to = splitList({value("to")});
        if (isSet("user")) s.email.user = value("user");
        if (isSet("ca-file")) s.email.caFile = value("ca-file");
        s.email.startTls = isSet("starttls") || (s.email.startTls && !isSet("smtp-url"));
        if (s.email.smtpUrl.isEmpty()) return ctx.fail(fieldError(QStringLiteral("smtp_url"), QStringLiteral("--smtp-url is required")));
        EmailSettings check = s.email;
        if (isSet("password-env")) check.passwordRef = QStringLiteral("pending");
        if (Status v = ChannelSettings::validateEmail(check); !v) return ctx.fail(v.error());
        if (isSet("password-env")) {
            auto ref = secretFromEnv(ctx, QStringLiteral("smtp-password"), value("password-env"), "password_env");
            if (!ref) return ctx.fail(ref.error());
            s.email.passwordRef = *ref;
        }
        saved = s.saveEmail(repo, now);
    } else if (which == QLatin1String("webhook")) {
        if (isSet("url")) s.webhook.url = value("url");
        double n = 0;
        if (isSet("timeout-ms")) {
            if (Status st = numberOption(p, QStringLiteral("timeout-ms"), &n); !st) return ctx.fail(st.error());
            s.webhook.timeoutMs = int(n);
        }
        if (isSet("retries")) {
            if (Status st = numberOption(p, QStringLiteral("retries"), &n, true); !st) return ctx.fail(st.error());
            s.webhook.retries = int(n);
        }
        if (Status v = ChannelSettings::validateWebhook(s.webhook); !v) return ctx.fail(v.error());
        if (isSet("secret-env")) {
            auto ref = secretFromEnv(ctx, QStringLiteral("webhook-secret"), value("secret-env"), "secret_env");
            if (!ref) return ctx.fail(ref.error());
            s.webhook.secretRef = *ref;
        }
        saved = s.saveWebhook(repo, now);
    } else {
        return ctx.fail(fieldError(QStringLiteral("channel"), QStringLiteral("unknown channel '%1' (telegram, email, webhook)").arg(which)));
    }
    if (!saved) return ctx.fail(saved.error(), saved.error().field.isEmpty() ? kFailure : kBadInput);
    if (ctx.json) return show(ctx, repo);
    ctx.print(QStringLiteral("%1 channel saved").arg(which));
    return kOk;
}

int test(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Send a test notification through one channel and report the result."));
    p.addOption({QStringLiteral("channel"), QStringLiteral("desktop|popup|webhook|telegram|email."), QStringLiteral("C")});
    p.addOption({QStringLiteral("id"), QStringLiteral("Use this alert's webhook URL and secret."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("webhook-url"), QStringLiteral("Send the test webhook here."), QStringLiteral("URL")});
    if (!ctx.parse(p)) return ctx.exitCode;
    Channel channel;
    if (!channelFromName(p.value(QStringLiteral("channel")).toLower(), &channel))
        return ctx.fail(fieldError(QStringLiteral("channel"), QStringLiteral("expects desktop, popup, webhook, telegram or email")));
    auto store = ctx.openStore();
    if (!store) return kFailure;
    RuleBook book(*store);
    Firing f;
    f.kind = Firing::Kind::Alert;
    f.name = QStringLiteral("test notification");
    f.symbol = QStringLiteral("BTCUSDT");
    f.exchange = QStringLiteral("binance");
    f.type = RuleType::PriceCross;
    f.channels = channel;
    f.time = f.firedAt = QDateTime::currentMSecsSinceEpoch();
    f.message = QStringLiteral("Test notification from LiquidationHeatmap: this channel works.");
    f.event[QStringLiteral("test")] = true;
    if (p.isSet(QStringLiteral("id"))) {
        bool ok = false;
        const qint64 id = p.value(QStringLiteral("id")).toLongLong(&ok);
        auto rule = ok ? book.get(id) : Result<AlertRule>(fieldError(QStringLiteral("id"), QStringLiteral("not an alert ID")));
        if (!rule) return ctx.fail(rule.error());
        f.ruleId = rule->id;
        f.name = rule->name;
        f.symbol = rule->symbol;
        f.webhookUrl = rule->webhookUrl;
        f.webhookSecretRef = rule->webhookSecretRef;
    }
    if (p.isSet(QStringLiteral("webhook-url"))) {
        AlertRule check;
        check.name = f.name;
        check.symbol = f.symbol;
        check.type = RuleType::Liquidation;
        check.params.minNotional = 1;
        check.webhookUrl = p.value(QStringLiteral("webhook-url"));
        if (Status s = check.validate(); !s) return ctx.fail(s.error());
        f.webhookUrl = check.webhookUrl;
    }
    AlertDispatcher dispatcher;
    for (const QString &problem : dispatcher.setSettings(ChannelSettings::load(book.repository())))
        ctx.progress(QStringLiteral("warning: ") + problem);
    const Delivery d = dispatcher.deliverNow(f, channel);
    if (ctx.json) {
        QJsonObject o;
        o[QStringLiteral("channel")] = QLatin1String(channelName(channel));
        o[QStringLiteral("result")] = d.text();
        o[QStringLiteral("attempts")] = d.attempts;
        ctx.printJson(QJsonDocument(o));
    } else {
        ctx.print(QStringLiteral("%1: %2").arg(QLatin1String(channelName(channel)), d.text()));
    }
    return d.isOk() ? kOk : kFailure;
}

}  // namespace lhm::cli::alertscli
