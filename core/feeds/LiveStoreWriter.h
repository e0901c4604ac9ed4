#pragma once
// Writes realised liquidations (and REST backfills) from the live feeds to the store, batched: one
// transaction per flush, every `flushIntervalMs` or as soon as `maxBatch` events are pending.
// Idempotent because the store ignores rows whose natural key it already holds. Lives on its own
// thread with its own store connection; records receive -> commit latency for the benchmark.
#include "common/Clock.h"
#include "feeds/FeedTypes.h"

#include <QObject>
#include <memory>
#include <vector>

class QTimer;

namespace lhm {
class Store;
}

namespace lhm::feeds {

class LiveStoreWriter : public QObject {
    Q_OBJECT
public:
    explicit LiveStoreWriter(QString dbPath, QObject *parent = nullptr);
    ~LiveStoreWriter() override;

    int flushIntervalMs = 20;  // small: the views want events within 50 ms of receipt
    int maxBatch = 500;
    const Clock *clock = &SystemClock::instance();

    // Counters, read after flushNow() from any thread once the writer is idle.
    qint64 received() const { return received_; }
    qint64 inserted() const { return inserted_; }
    qint64 transactions() const { return transactions_; }
    // Receive -> commit latency of every stored event, ms (the benchmark's p50/p99).
    const std::vector<qint64> &latenciesMs() const { return latencies_; }
    QString lastError() const { return lastError_; }

public slots:
    void open();  // opens the store in the writer's thread
    void add(const lhm::feeds::FeedBatch &batch);
    void addBackfill(const QString &exchange, const QString &symbol, const QList<lhm::Candle> &candles,
                     const QList<lhm::OpenInterestPoint> &openInterest);
    void flushNow();
    void close();

signals:
    void stored(qint64 inserted, qint64 totalInserted);
    void failed(const QString &message);

private:
    QString path_;
    std::unique_ptr<Store> store_;
    QTimer *timer_ = nullptr;
    std::vector<LiquidationEvent> pending_;
    std::vector<qint64> latencies_;
    qint64 received_ = 0, inserted_ = 0, transactions_ = 0;
    QString lastError_;
};

}  // namespace lhm::feeds
