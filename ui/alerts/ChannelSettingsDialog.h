#pragma once
// The channel settings page: webhook default URL and secret, Telegram bot, SMTP server, each with
// a "Send test" button whose result appears beside it. Secrets typed here go to the OS keychain
// (the fields stay empty afterwards: a saved secret shows as "set").
#include "alerts/AlertRule.h"
#include "alerts/ChannelSettings.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lhm::ui {

class ChannelSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChannelSettingsDialog(QWidget *parent = nullptr);

    void setSettings(const alerts::ChannelSettings &s);
    alerts::ChannelSettings settings() const;
    QString telegramToken() const;
    QString smtpPassword() const;
    QString webhookSecret() const;
    void setTestResult(alerts::Channel channel, const QString &result, bool ok);
    void setSaveWarnings(const QStringList &warnings);
    QLabel *resultLabel(alerts::Channel c) const { return results_.value(c); }
    QPushButton *testButton(alerts::Channel c) const { return tests_.value(c); }

signals:
    void saveRequested();
    void testRequested(lhm::alerts::Channel channel);

private:
    alerts::ChannelSettings base_;
    QLineEdit *hookUrl_, *hookSecret_, *tgApi_, *tgChat_, *tgToken_, *smtpUrl_, *from_, *to_, *user_, *password_;
    QCheckBox *startTls_;
    QMap<alerts::Channel, QLabel *> results_;
    QMap<alerts::Channel, QPushButton *> tests_;
    QLabel *warnings_;
};

}  // namespace lhm::ui
