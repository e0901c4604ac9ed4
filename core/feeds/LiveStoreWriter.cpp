#include "feeds/LiveStoreWriter.h"

#include "common/Log.h"
#include "store/Store.h"

#include <QTimer>

namespace lhm::feeds {

LiveStoreWriter::LiveStoreWriter(QString dbPath, QObject *parent) : QObject(parent), path_(std::move(dbPath)) {}

LiveStoreWriter::~LiveStoreWriter() = default;

void LiveStoreWriter::open() {
    if (store_) return;
    auto s = Store::open(path_);
    if (!s) {
        lastError_ = s.error().toString();
        emit failed(lastError_);
        return;
    }
    store_ = std::move(*s);
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    timer_->setInterval(flushIntervalMs);
    connect(timer_, &QTimer::timeout, this, &LiveStoreWriter::flushNow);
}

void LiveStoreWriter::add(const FeedBatch &batch) {
    if (batch.liquidations.isEmpty()) return;
    received_ += batch.liquidations.size();
    pending_.insert(pending_.end(), batch.liquidations.begin(), batch.liquidations.end());
    if (int(pending_.size()) >= maxBatch) flushNow();
    else if (timer_ && !timer_->isActive()) timer_->start();
}

void LiveStoreWriter::addBackfill(const QString &exchange, const QString &symbol, const QList<Candle> &candles,
                                  const QList<OpenInterestPoint> &openInterest) {
    if (!store_) return;
    qint64 n = 0;
    Status st = store_->insertCandles({exchange, symbol, QStringLiteral("1m")}, {candles.begin(), candles.end()}, &n);
    if (st) st = store_->insertOpenInterest({exchange, symbol, {}}, {openInterest.begin(), openInterest.end()});
    if (!st) {
        lastError_ = st.error().toString();
        emit failed(lastError_);
    }
}

void LiveStoreWriter::flushNow() {
    if (timer_) timer_->stop();
    if (pending_.empty() || !store_) return;
    qint64 n = 0;
    const Status st = store_->insertLiquidations(pending_, &n);
    if (!st) {
        // Keep the events: the next flush retries (a busy or locked database is usually transient).
        lastError_ = st.error().toString();
        qCWarning(lcFeed) << "storing liquidations failed:" << lastError_;
        emit failed(lastError_);
        if (timer_) timer_->start();
        return;
    }
    const qint64 now = clock->nowMs();
    for (const LiquidationEvent &e : pending_) latencies_.push_back(now - e.receiveTime);
    inserted_ += n;
    ++transactions_;
    pending_.clear();
    emit stored(n, inserted_);
}

void LiveStoreWriter::close() {
    flushNow();
    store_.reset();
}

}  // namespace lhm::feeds
