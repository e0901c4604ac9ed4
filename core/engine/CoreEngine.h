#pragma once
// CoreEngine: the one QObject the UI (and anything interactive) talks to. Every request runs on
// the engine's thread pool, each worker with its own store connection, and answers on a signal
// with an immutable shared result. A newer request of the same kind supersedes (and cancels) the
// older one, whose result is then dropped. Heatmap requests answer twice when the store holds a
// cached grid for the view: the cached grid at once, then the fresh one.
#include "engine/EngineBackend.h"
#include "store/Store.h"

#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <array>
#include <functional>
#include <atomic>
#include <map>
#include <memory>

namespace lhm {

using GridPtr = std::shared_ptr<const HeatmapGrid>;
using MapPtr = std::shared_ptr<const LiquidationMap>;
using ComparisonPtr = std::shared_ptr<const ModelComparison>;

enum class RequestKind { Heatmap = 0, LiquidationMap = 1, Comparison = 2, StoreInfo = 3 };

// What the store holds, for the toolbar and the status bar.
struct StoreSnapshot {
    bool ok = false;
    QString error;            // why the store could not be read
    QStringList symbols;      // for the requested exchange
    std::vector<SeriesInfo> series;
};

class CoreEngine : public QObject {
    Q_OBJECT
public:
    explicit CoreEngine(QString dbPath, EngineBackend backend = EngineBackend::standard(), QObject *parent = nullptr);
    ~CoreEngine() override;

    const QString &dbPath() const { return dbPath_; }
    const QStringList &models() const { return backend_.models; }

    // Each returns the request id that the answering signal carries.
    quint64 requestHeatmap(const HeatmapRequest &req, bool useCache = true);
    quint64 requestLiquidationMap(const HeatmapRequest &req, qint64 at = 0);
    quint64 requestComparison(const HeatmapRequest &req);
    quint64 requestStoreInfo(const QString &exchange = QStringLiteral("binance"));

    // Runs fn on the engine's pool with that worker's own store connection (or why it could not be
    // opened), outside the one-request-per-kind bookkeeping: for a client with many requests in
    // flight (the local API). fn must not touch `this` after the engine is gone.
    void runWithStore(std::function<void(Result<Store *>)> fn);

    void cancel(RequestKind kind);  // the running request of that kind stops; its result is dropped
    void cancelAll();
    bool isBusy() const { return running_ > 0; }
    // Blocks until every worker finished (for the screenshot mode and tests; never on the UI path).
    void waitForIdle();

signals:
    void heatmapReady(quint64 id, lhm::GridPtr grid, bool fromCache);
    void liquidationMapReady(quint64 id, lhm::MapPtr map);
    void comparisonReady(quint64 id, lhm::ComparisonPtr comparison);
    void storeInfoReady(quint64 id, const lhm::StoreSnapshot &snapshot);
    void requestFailed(quint64 id, lhm::RequestKind kind, const QString &message);
    void progress(quint64 id, lhm::RequestKind kind, double fraction);
    void busyChanged(bool busy);

private:
    struct Ticket {
        quint64 id = 0;
        RequestKind kind = RequestKind::Heatmap;
        std::shared_ptr<std::atomic_bool> cancel;
    };
    Ticket begin(RequestKind kind);
    bool isCurrent(const Ticket &t) const;
    void finish();
    // Runs fn(store, options) on the pool; store is this worker thread's own connection.
    template <class Fn>
    void run(const Ticket &t, Fn fn);
    void postProgress(const Ticket &t, double fraction);
    Result<Store *> workerStore();

    QString dbPath_;
    EngineBackend backend_;
    QThreadPool pool_;
    quint64 nextId_ = 1;
    std::array<Ticket, 4> current_;
    int running_ = 0;
    QMutex storesMutex_;
    std::map<QThread *, std::unique_ptr<Store>> stores_;
};

}  // namespace lhm

Q_DECLARE_METATYPE(lhm::GridPtr)
Q_DECLARE_METATYPE(lhm::MapPtr)
Q_DECLARE_METATYPE(lhm::ComparisonPtr)
Q_DECLARE_METATYPE(lhm::StoreSnapshot)
Q_DECLARE_METATYPE(lhm::RequestKind)
