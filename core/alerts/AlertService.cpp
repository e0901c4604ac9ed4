#include "alerts/AlertService.h"

#include "alerts/FiringJson.h"
#include "alerts/RuleBook.h"
#include "alerts/SecretVault.h"
#include "store/Store.h"

#include <QTimer>

namespace lhm::alerts {

AlertService::AlertService(QString dbPath, const Clock &clock, QObject *parent)
    : QObject(parent), dbPath_(std::move(dbPath)), clock_(clock), evaluator_(clock), dispatcher_(this) {
    qRegisterMetaType<lhm::alerts::PriceUpdate>();
    qRegisterMetaType<lhm::alerts::ClusterSet>();
    qRegisterMetaType<lhm::alerts::Firing>();
    qRegisterMetaType<lhm::alerts::AlertRule>();
    qRegisterMetaType<QList<lhm::alerts::AlertRule>>();
    qRegisterMetaType<lhm::alerts::ChannelSettings>();
    qRegisterMetaType<lhm::AlertFiringRow>();
    qRegisterMetaType<QList<lhm::AlertFiringRow>>();
    qRegisterMetaType<lhm::alerts::Channel>();
    qRegisterMetaType<QList<lhm::alerts::PriceUpdate>>();
    qRegisterMetaType<QList<lhm::LiquidationEvent>>();
    connect(&dispatcher_, &AlertDispatcher::delivered, this, &AlertService::onDelivered);
}

AlertService::~AlertService() = default;

Result<QStringList> AlertService::start() {
    auto store = Store::open(dbPath_);
    if (!store) return store.error();
    store_ = std::move(*store);
    book_ = std::make_unique<RuleBook>(*store_, clock_);
    evaluator_.setMaxPerMinute(maxPerMinute);
    QStringList warnings;
    evaluator_.setRules(book_->all(&warnings));
    signature_ = book_->signature();
    warnings += dispatcher_.setSettings(ChannelSettings::load(book_->repository()));
    timer_ = new QTimer(this);
    connect(timer_, &QTimer::timeout, this, &AlertService::checkReload);
    timer_->start(reloadIntervalMs);
    return warnings;
}

void AlertService::stop(int timeoutMs) {
    if (timer_) timer_->stop();
    scratch_.clear();
    evaluator_.flush(scratch_);
    handle(scratch_);
    dispatcher_.waitForIdle(timeoutMs);
}

void AlertService::checkReload() {
    // The flood cap's summary goes out once its window has room, even when no event arrives.
    scratch_.clear();
    evaluator_.tick(scratch_);
    handle(scratch_);
    if (book_ && book_->signature() != signature_) reload();
}

void AlertService::reload() {
    if (!book_) return;
    QStringList problems;
    evaluator_.setRules(book_->all(&problems));
    signature_ = book_->signature();
    for (const QString &p : dispatcher_.setSettings(ChannelSettings::load(book_->repository())) + problems) emit problem(p);
    emit rulesChanged();
}

void AlertService::changed() {
    reload();
    requestRules();
}

void AlertService::requestRules() {
    if (!book_) return;
    const std::vector<AlertRule> rules = book_->all();
    emit rulesListed(QList<AlertRule>(rules.begin(), rules.end()), clock_.nowMs());
}

void AlertService::requestHistory(int limit) {
    if (!book_) return;
    const std::vector<AlertFiringRow> rows = book_->history(0, limit);
    emit historyListed(QList<AlertFiringRow>(rows.begin(), rows.end()));
}

void AlertService::saveRule(const AlertRule &in) {
    if (!book_) return;
    AlertRule rule = in;
    if (rule.id > 0)
        if (auto old = book_->get(rule.id)) {
            rule.createdAt = old->createdAt;
            rule.updatedAt = old->updatedAt;
            rule.lastFiredAt = old->lastFiredAt;
            rule.fireCount = old->fireCount;
            rule.webhookSecretRef = old->webhookSecretRef;
        }
    rule.status = RuleStatus::Active;  // an edit re-arms a triggered rule
    if (Status s = book_->save(rule); !s) {
        emit ruleSaved(0, s.error().field, s.error().message);
        return;
    }
    emit ruleSaved(rule.id, QString(), QString());
    changed();
}

void AlertService::removeRule(qint64 id) {
    if (!book_) return;
    if (auto rule = book_->get(id)) SecretVault::remove(rule->webhookSecretRef);
    if (auto r = book_->remove(id); !r) emit problem(r.error().toString());
    changed();
}

void AlertService::requestChannels() {
    if (book_) emit channelsListed(ChannelSettings::load(book_->repository()));
}

void AlertService::saveChannels(const ChannelSettings &in, const QString &telegramToken, const QString &smtpPassword,
                                const QString &webhookSecret) {
    if (!book_) return;
    ChannelSettings s = in;
    QStringList warnings;
    auto keep = [&](const QString &key, const QString &secret, QString *ref, const char *what) {
        if (secret.isEmpty()) return;
        QString warning;
        // Typed in the GUI: there is no environment variable to fall back on.
        auto r = SecretVault::put(key, secret, QStringLiteral("LHM_%1").arg(QString::fromLatin1(what).toUpper()), &warning);
        if (r && warning.isEmpty()) *ref = *r;
        else warnings << QString::fromLatin1(what);
    };
    keep(QStringLiteral("telegram-token"), telegramToken, &s.telegram.tokenRef, "telegram_token");
    keep(QStringLiteral("smtp-password"), smtpPassword, &s.email.passwordRef, "smtp_password");
    keep(QStringLiteral("webhook-secret"), webhookSecret, &s.webhook.secretRef, "webhook_secret");
    const qint64 now = clock_.nowMs();
    for (Status st : {s.telegram.chatId.isEmpty() ? Status() : s.saveTelegram(book_->repository(), now),
                      s.email.smtpUrl.isEmpty() ? Status() : s.saveEmail(book_->repository(), now),
                      s.saveWebhook(book_->repository(), now)})
        if (!st) warnings << st.error().toString();
    warnings += dispatcher_.setSettings(ChannelSettings::load(book_->repository()));
    emit channelsSaved(warnings);
    requestChannels();
}

void AlertService::sendTest(Channel channel) {
    Firing f;
    f.name = QStringLiteral("test notification");
    f.symbol = QStringLiteral("BTCUSDT");
    f.exchange = QStringLiteral("binance");
    f.channels = channel;
    f.time = f.firedAt = clock_.nowMs();
    f.message = QStringLiteral("Test notification from LiquidationHeatmap: this channel works.");
    f.event[QStringLiteral("test")] = true;
    const Delivery d = dispatcher_.deliverNow(f, channel);
    emit testResult(channel, d.text(), d.isOk());
}

void AlertService::onLiquidations(const QList<LiquidationEvent> &events) {
    scratch_.clear();
    for (const LiquidationEvent &e : events) evaluator_.onLiquidation(e, scratch_);
    liquidations_ += events.size();
    handle(scratch_);
}

void AlertService::onPrices(const QList<PriceUpdate> &ticks) {
    scratch_.clear();
    for (const PriceUpdate &t : ticks) evaluator_.onPrice(t, scratch_);
    handle(scratch_);
}

void AlertService::onClusters(const ClusterSet &set) {
    scratch_.clear();
    evaluator_.onClusters(set, scratch_);
    handle(scratch_);
}

void AlertService::handle(std::vector<Firing> &fired) {
    for (Firing &f : fired) {
        // Recorded before delivery: a crash mid-delivery still leaves the firing in the history.
        if (book_) {
            auto id = book_->recordFiring(f);
            if (id) f.historyId = *id;
            else emit problem(id.error().toString());
        }
        dispatcher_.dispatch(f);
    }
    fired.clear();
}

void AlertService::onDelivered(const Firing &f, const QJsonObject &deliveries, qint64 doneAtMs, int failures) {
    failures_ += failures;
    if (book_ && f.historyId > 0)
        if (Status s = book_->setDeliveries(f.historyId, deliveries); !s) emit problem(s.error().toString());
    emit delivered(f, deliveries, f.receiveTime > 0 ? doneAtMs - f.receiveTime : 0);
}

}  // namespace lhm::alerts
