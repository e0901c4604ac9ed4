#include "alerts/AlertDispatcher.h"

#include "alerts/DesktopNotifier.h"
#include "alerts/EmailChannel.h"
#include "alerts/FiringJson.h"
#include "alerts/SecretVault.h"
#include "alerts/TelegramChannel.h"
#include "alerts/WebhookChannel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <memory>

namespace lhm::alerts {

namespace {

struct Pending {
    QMutex mutex;
    QJsonObject deliveries;
    int left = 0;
    int failures = 0;
    bool tray = false;
};

}  // namespace

AlertDispatcher::AlertDispatcher(QObject *parent) : QObject(parent) { pool_.setMaxThreadCount(4); }

AlertDispatcher::~AlertDispatcher() { pool_.waitForDone(); }

QStringList AlertDispatcher::setSettings(const ChannelSettings &settings) {
    settings_ = settings;
    secrets_ = {};
    QStringList problems;
    auto resolve = [&](const QString &ref, QString *out, QString *error, const char *what) {
        if (ref.isEmpty()) return;
        auto s = SecretVault::get(ref);
        if (s) *out = *s;
        else {
            *error = s.error().message;
            problems << QStringLiteral("%1: %2").arg(QLatin1String(what), *error);
        }
    };
    resolve(settings.telegram.tokenRef, &secrets_.telegramToken, &secrets_.telegramError, "telegram");
    resolve(settings.email.passwordRef, &secrets_.smtpPassword, &secrets_.smtpError, "email");
    resolve(settings.webhook.secretRef, &secrets_.webhookSecret, &secrets_.webhookError, "webhook");
    return problems;
}

QString AlertDispatcher::webhookSecretFor(const Firing &f, QString *error) {
    if (f.webhookSecretRef.isEmpty()) {
        *error = secrets_.webhookError;
        return f.webhookUrl.isEmpty() ? secrets_.webhookSecret : QString();
    }
    auto it = ruleSecrets_.constFind(f.webhookSecretRef);
    if (it != ruleSecrets_.constEnd()) return *it;
    auto s = SecretVault::get(f.webhookSecretRef);
    if (!s) {
        *error = s.error().message;
        return {};
    }
    ruleSecrets_.insert(f.webhookSecretRef, *s);
    return *s;
}

Delivery AlertDispatcher::runChannel(const Firing &f, Channel c, const ChannelSettings &cfg, const Secrets &s,
                                     const QString &hookSecret, const QString &hookError, bool trayAttached, bool *wantTray) {
    switch (c) {
    case Webhook: {
        if (!hookError.isEmpty()) return Delivery::failed(QStringLiteral("secret: ") + hookError, 0);
        WebhookRequest r;
        r.url = f.webhookUrl.isEmpty() ? cfg.webhook.url : f.webhookUrl;
        r.secret = hookSecret.toUtf8();
        r.body = webhookBody(f);
        r.timeoutMs = cfg.webhook.timeoutMs;
        r.retries = cfg.webhook.retries;
        r.backoffMs = cfg.webhook.backoffMs;
        return WebhookChannel::send(r);
    }
    case Telegram: {
        if (!s.telegramError.isEmpty()) return Delivery::failed(QStringLiteral("secret: ") + s.telegramError, 0);
        TelegramRequest r;
        r.apiUrl = cfg.telegram.apiUrl;
        r.token = s.telegramToken;
        r.chatId = cfg.telegram.chatId;
        r.text = firingTitle(f) + u'\n' + firingText(f);
        return TelegramChannel::send(r);
    }
    case Email:
        if (!s.smtpError.isEmpty()) return Delivery::failed(QStringLiteral("secret: ") + s.smtpError, 0);
        return EmailChannel::send(cfg.email, s.smtpPassword, firingTitle(f), firingText(f), f.time);
    case Desktop: {
        QString why;
        switch (DesktopNotifier::notify(firingTitle(f), firingText(f), &why)) {
        case DesktopNotifier::Result::Shown: return Delivery::ok();
        case DesktopNotifier::Result::Failed: return Delivery::failed(why);
        case DesktopNotifier::Result::Unavailable:
            if (trayAttached) {
                *wantTray = true;
                return {Delivery::State::Ok, QStringLiteral("tray"), 1};
            }
            return Delivery::skipped(why);
        }
        return Delivery::failed(QStringLiteral("unknown"));
    }
    case Popup: return Delivery::skipped(QStringLiteral("no window"));
    }
    return Delivery::failed(QStringLiteral("unknown channel"));
}

Delivery AlertDispatcher::deliverNow(const Firing &f, Channel c) {
    if (c == Popup) {
        if (!popupAttached) return Delivery::skipped(QStringLiteral("no window"));
        emit popupRequested(f);
        return Delivery::ok();
    }
    QString hookError;
    const QString hookSecret = c == Webhook ? webhookSecretFor(f, &hookError) : QString();
    bool tray = false;
    const Delivery d = runChannel(f, c, settings_, secrets_, hookSecret, hookError, trayAttached, &tray);
    if (tray) emit trayMessage(firingTitle(f), firingText(f));
    return d;
}

void AlertDispatcher::dispatch(const Firing &f) {
    auto state = std::make_shared<Pending>();
    QList<Channel> remote;
    for (Channel c : {Webhook, Telegram, Email, Desktop, Popup}) {
        if (!(f.channels & c)) continue;
        if (c == Popup) {
            const Delivery d = popupAttached ? Delivery::ok() : Delivery::skipped(QStringLiteral("no window"));
            if (popupAttached) emit popupRequested(f);
            state->deliveries.insert(QLatin1String(channelName(c)), d.text());
            continue;
        }
        remote << c;
    }
    ++pending_;
    auto finish = [this, f, state] {
        --pending_;
        if (state->tray) emit trayMessage(firingTitle(f), firingText(f));
        emit delivered(f, state->deliveries, QDateTime::currentMSecsSinceEpoch(), state->failures);
    };
    if (remote.isEmpty()) {
        QMetaObject::invokeMethod(this, finish, Qt::QueuedConnection);
        return;
    }
    QString hookError;
    const QString hookSecret = (f.channels & Webhook) ? webhookSecretFor(f, &hookError) : QString();
    state->left = int(remote.size());
    const Secrets secrets = secrets_;
    const ChannelSettings settings = settings_;
    const bool trayOk = trayAttached;
    for (Channel c : remote) {
        pool_.start([this, f, c, state, settings, secrets, hookSecret, hookError, trayOk, finish] {
            bool tray = false;
            const Delivery d = runChannel(f, c, settings, secrets, hookSecret, hookError, trayOk, &tray);
            bool last = false;
            {
                QMutexLocker lock(&state->mutex);
                state->deliveries.insert(QLatin1String(channelName(c)), d.text());
                state->failures += d.isFailure();
                state->tray |= tray;
                last = --state->left == 0;
            }
            if (last) QMetaObject::invokeMethod(this, finish, Qt::QueuedConnection);
        });
    }
}

bool AlertDispatcher::waitForIdle(int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (pending_ > 0 && t.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return pending_ == 0;
}

}  // namespace lhm::alerts
