#include "alerts/AlertService.h"

#include "alerts/RuleBook.h"
#include "store/Store.h"

#include <QTimer>

namespace lhm::alerts {

AlertService::AlertService(QString dbPath, const Clock &clock, QObject *parent)
    : QObject(parent), dbPath_(std::move(dbPath)), clock_(clock), evaluator_(clock), dispatcher_(this) {
    qRegisterMetaType<lhm::alerts::PriceUpdate>();
    qRegisterMetaType<lhm::alerts::ClusterSet>();
    qRegisterMetaType<lhm::alerts::Firing>();
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
