#include "alerts/ChannelSettingsDialog.h"

#include "alerts/AlertText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lhm::ui {

using namespace lhm::alerts;

ChannelSettingsDialog::ChannelSettingsDialog(QWidget *parent) : QDialog(parent) {
    setWindowTitle(tr("Alert channels"));
    setObjectName(QStringLiteral("channelSettingsDialog"));
    auto *v = new QVBoxLayout(this);
    auto secret = [this] {
        auto *e = new QLineEdit(this);
        e->setEchoMode(QLineEdit::Password);
        return e;
    };
    auto group = [&](Channel c, const QString &title, QFormLayout **form) {
        auto *box = new QGroupBox(title, this);
        *form = new QFormLayout(box);
        v->addWidget(box);
        auto *row = new QHBoxLayout;
        auto *test = new QPushButton(tr("Send test"), box);
        auto *result = new QLabel(box);
        result->setWordWrap(true);
        row->addWidget(test);
        row->addWidget(result, 1);
        (*form)->addRow(row);
        tests_.insert(c, test);
        results_.insert(c, result);
        connect(test, &QPushButton::clicked, this, [this, c, result] {
            result->setText(tr("Sending…"));
            emit testRequested(c);
        });
    };
    QFormLayout *f = nullptr;
    group(Webhook, AlertText::channel(Webhook), &f);
    hookUrl_ = new QLineEdit(this);
    hookUrl_->setPlaceholderText(QStringLiteral("https://example.org/hook"));
    hookSecret_ = secret();
    f->insertRow(0, tr("Default URL"), hookUrl_);
    f->insertRow(1, tr("HMAC secret"), hookSecret_);
    group(Telegram, AlertText::channel(Telegram), &f);
    tgApi_ = new QLineEdit(this);
    tgChat_ = new QLineEdit(this);
    tgToken_ = secret();
    f->insertRow(0, tr("Bot API URL"), tgApi_);
    f->insertRow(1, tr("Chat id"), tgChat_);
    f->insertRow(2, tr("Bot token"), tgToken_);
    group(Email, AlertText::channel(Email), &f);
    smtpUrl_ = new QLineEdit(this);
    smtpUrl_->setPlaceholderText(QStringLiteral("smtp://mail.example.org:587"));
    startTls_ = new QCheckBox(tr("Require STARTTLS"), this);
    from_ = new QLineEdit(this);
    to_ = new QLineEdit(this);
    to_->setPlaceholderText(tr("one or more, comma separated"));
    user_ = new QLineEdit(this);
    password_ = secret();
    f->insertRow(0, tr("SMTP server"), smtpUrl_);
    f->insertRow(1, QString(), startTls_);
    f->insertRow(2, tr("From"), from_);
    f->insertRow(3, tr("To"), to_);
    f->insertRow(4, tr("User"), user_);
    f->insertRow(5, tr("Password"), password_);
    group(Desktop, AlertText::channel(Desktop), &f);
    warnings_ = new QLabel(this);
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("color: #f0b429;"));
    v->addWidget(warnings_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChannelSettingsDialog::saveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ChannelSettingsDialog::setSettings(const ChannelSettings &s) {
    base_ = s;
    hookUrl_->setText(s.webhook.url);
    tgApi_->setText(s.telegram.apiUrl);
    tgChat_->setText(s.telegram.chatId);
    smtpUrl_->setText(s.email.smtpUrl);
    startTls_->setChecked(s.email.startTls);
    from_->setText(s.email.from);
    to_->setText(s.email.to.join(QStringLiteral(", ")));
    user_->setText(s.email.user);
    const QString set = tr("saved — type to replace");
    hookSecret_->setPlaceholderText(s.webhook.secretRef.isEmpty() ? QString() : set);
    tgToken_->setPlaceholderText(s.telegram.tokenRef.isEmpty() ? QString() : set);
    password_->setPlaceholderText(s.email.passwordRef.isEmpty() ? QString() : set);
}

ChannelSettings ChannelSettingsDialog::settings() const {
    ChannelSettings s = base_;
    s.webhook.url = hookUrl_->text().trimmed();
    s.telegram.apiUrl = tgApi_->text().trimmed();
    s.telegram.chatId = tgChat_->text().trimmed();
    s.email.smtpUrl = smtpUrl_->text().trimmed();
    s.email.startTls = startTls_->isChecked();
    s.email.from = from_->text().trimmed();
    s.email.to.clear();
    for (const QString &t : to_->text().split(u',', Qt::SkipEmptyParts)) s.email.to << t.trimmed();
    s.email.user = user_->text().trimmed();
    return s;
}

QString ChannelSettingsDialog::telegramToken() const { return tgToken_->text(); }
QString ChannelSettingsDialog::smtpPassword() const { return password_->text(); }
QString ChannelSettingsDialog::webhookSecret() const { return hookSecret_->text(); }

void ChannelSettingsDialog::setTestResult(Channel c, const QString &result, bool ok) {
    if (QLabel *l = results_.value(c)) {
        l->setText(ok ? tr("Delivered.") : tr("Not delivered: %1").arg(result));
        l->setStyleSheet(ok ? QStringLiteral("color: #3fb950;") : QStringLiteral("color: #f85149;"));
    }
}

void ChannelSettingsDialog::setSaveWarnings(const QStringList &w) {
    for (QLineEdit *e : {hookSecret_, tgToken_, password_}) e->clear();
    warnings_->setText(w.isEmpty() ? tr("Saved.")
                                   : tr("Saved, but: %1. Without a keychain, secrets cannot be kept; run the alerts with "
                                        "'lhm alerts channel set … --token-env VAR' instead.")
                                         .arg(w.join(QStringLiteral("; "))));
}

}  // namespace lhm::ui
