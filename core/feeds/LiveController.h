#pragma once
// The one object the UI and `lhm live` drive for live mode: starts one FeedWorker thread per
// exchange and a store-writer thread, and re-emits what the feeds produce in coalesced batches —
// at most one `updated` per `uiIntervalMs` (40 ms = 25/s) however many events arrive — plus the
// supervisor's health snapshots. Core only: no widgets.
#include "common/Error.h"
#include "feeds/FeedOptions.h"
#include "feeds/FeedSupervisor.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <vector>

class QThread;
class QTimer;

namespace lhm {
class ExchangeRegistry;
using ExchangesConfig = ExchangeRegistry;
}

namespace lhm::feeds {

class FeedWorker;
class LiveStoreWriter;

struct LiveRequest {
    QStringList exchanges;               // binance, bybit, okx, hyperliquid
    QStringList symbols;                 // unified
    QMap<QString, QString> urlOverrides;  // exchange -> ws:// URL
};

class LiveController : public QObject {
    Q_OBJECT
public:
    explicit LiveController(QObject *parent = nullptr);
    ~LiveController() override;

    int uiIntervalMs = 40;

    // Resolves a request against the config; errors name the bad exchange, symbol or URL.
    static Result<std::vector<FeedOptions>> resolve(const ExchangesConfig &config, const LiveRequest &request);

    // Starts the feeds; with a non-empty dbPath liquidations are also stored.
    Status start(std::vector<FeedOptions> feeds, const QString &dbPath = {});
    // Synchronous: stops every feed, stores what is pending, delivers the final batch and health.
    void stop();
    bool isRunning() const { return !workers_.empty(); }

    FeedSupervisor &supervisor() { return supervisor_; }
    LiveStoreWriter *writer() const { return writer_; }
    // Events the store accepted as new (after stop(): the final count of the last run).
    qint64 storedEvents() const;
    // Receive -> commit latencies of the last run, ms (filled by stop()).
    const std::vector<qint64> &storeLatenciesMs() const { return latencies_; }

signals:
    void updated(const QList<lhm::LiquidationEvent> &liquidations, const QList<lhm::feeds::PriceTick> &ticks);
    void healthUpdated(const QList<lhm::feeds::FeedHealth> &health);
    void storeFailed(const QString &message);

private:
    void onBatch(const FeedBatch &batch);
    void emitCoalesced();

    std::vector<FeedWorker *> workers_;
    std::vector<QThread *> threads_;
    LiveStoreWriter *writer_ = nullptr;
    QThread *writerThread_ = nullptr;
    FeedSupervisor supervisor_;
    QTimer *uiTimer_ = nullptr;
    FeedBatch pending_;
    bool healthDirty_ = false;
    qint64 stored_ = 0;
    std::vector<qint64> latencies_;
};

}  // namespace lhm::feeds
