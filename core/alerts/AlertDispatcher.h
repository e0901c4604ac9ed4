#pragma once
// Hands firings to their channels without ever blocking the caller: each channel call of each
// firing runs as its own task on a small thread pool (an unreachable SMTP server does not delay a
// webhook), and `delivered` reports every channel's result back on the dispatcher's thread.
// A failure is a result, never an exception or a crash; evaluation never waits for delivery.
//
// The popup and the tray-icon fallback belong to the GUI: it connects popupRequested/trayMessage
// and sets popupAttached/trayAttached. Headless, those channels are recorded as skipped.
#include "alerts/AlertFiring.h"
#include "alerts/ChannelSettings.h"
#include "alerts/Delivery.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

namespace lhm::alerts {

class AlertDispatcher : public QObject {
    Q_OBJECT
public:
    explicit AlertDispatcher(QObject *parent = nullptr);
    ~AlertDispatcher() override;

    // Resolves the secrets the settings refer to (keychain or environment); problems are returned
    // as text (one per channel) and the affected channel reports them as its delivery failure.
    QStringList setSettings(const ChannelSettings &settings);
    const ChannelSettings &settings() const { return settings_; }

    bool popupAttached = false;
    bool trayAttached = false;

    void dispatch(const Firing &firing);
    // Runs one channel for one firing on the calling thread (lhm alerts test, the settings page's
    // "Send test" on a worker). Desktop without a notification service falls back to the tray
    // only when trayAttached.
    Delivery deliverNow(const Firing &firing, Channel channel);
    int pending() const { return pending_; }
    // Waits (running the event loop) until every dispatched firing has reported, or timeoutMs.
    bool waitForIdle(int timeoutMs);

signals:
    void delivered(const lhm::alerts::Firing &firing, const QJsonObject &deliveries, qint64 doneAtMs, int failures);
    void popupRequested(const lhm::alerts::Firing &firing);
    void trayMessage(const QString &title, const QString &body);

private:
    struct Secrets {
        QString telegramToken, smtpPassword, webhookSecret;
        QString telegramError, smtpError, webhookError;
    };
    QString webhookSecretFor(const Firing &f, QString *error);
    // Runs on pool threads: everything it reads is passed in (a snapshot), nothing shared.
    static Delivery runChannel(const Firing &f, Channel c, const ChannelSettings &settings, const Secrets &s,
                               const QString &hookSecret, const QString &hookError, bool trayAttached, bool *wantTray);

    ChannelSettings settings_;
    Secrets secrets_;
    QHash<QString, QString> ruleSecrets_;  // reference -> secret, resolved once
    QThreadPool pool_;
    int pending_ = 0;
};

}  // namespace lhm::alerts
