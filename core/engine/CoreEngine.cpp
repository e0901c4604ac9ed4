#include "engine/CoreEngine.h"

#include "engine/MemoryPolicy.h"

#include <QMutexLocker>
#include <QThread>
#include <exception>

namespace lhm {

CoreEngine::CoreEngine(QString dbPath, EngineBackend backend, QObject *parent)
    : QObject(parent), dbPath_(std::move(dbPath)), backend_(std::move(backend)) {
    retainFreedMemory();  // the engine computes again and again: keep the pages between runs
    qRegisterMetaType<GridPtr>();
    qRegisterMetaType<MapPtr>();
    qRegisterMetaType<ComparisonPtr>();
    qRegisterMetaType<StoreSnapshot>();
    qRegisterMetaType<RequestKind>();
    // Two workers: a heatmap and a map or comparison can compute side by side without starving
    // the other processes of a small machine.
    pool_.setMaxThreadCount(2);
    // Workers never expire, so each keeps its store connection for the engine's lifetime.
    pool_.setExpiryTimeout(-1);
}

// One store connection per worker thread: SQLite connections must not be shared between threads,
// and opening one per request would repeat the migration and integrity checks each time.
Result<Store *> CoreEngine::workerStore() {
    QMutexLocker lock(&storesMutex_);
    auto &slot = stores_[QThread::currentThread()];
    if (!slot) {
        auto opened = Store::open(dbPath_);
        if (!opened.ok()) return opened.error();
        slot = std::move(opened.value());
    }
    return slot.get();
}

CoreEngine::~CoreEngine() {
    cancelAll();
    pool_.waitForDone();  // workers post to `this`: none may outlive it
    QMutexLocker lock(&storesMutex_);
    stores_.clear();  // close the connections before the caller removes the file
}

CoreEngine::Ticket CoreEngine::begin(RequestKind kind) {
    Ticket &cur = current_[size_t(kind)];
    if (cur.cancel) cur.cancel->store(true);  // superseded
    cur = Ticket{nextId_++, kind, std::make_shared<std::atomic_bool>(false)};
    return cur;
}

bool CoreEngine::isCurrent(const Ticket &t) const {
    const Ticket &cur = current_[size_t(t.kind)];
    return cur.id == t.id && !t.cancel->load();
}

void CoreEngine::cancel(RequestKind kind) {
    Ticket &cur = current_[size_t(kind)];
    if (cur.cancel) cur.cancel->store(true);
}

void CoreEngine::cancelAll() {
    for (size_t k = 0; k < current_.size(); ++k) cancel(RequestKind(k));
}

void CoreEngine::waitForIdle() { pool_.waitForDone(); }

void CoreEngine::runWithStore(std::function<void(Result<Store *>)> fn) {
    pool_.start([this, fn = std::move(fn)] { fn(workerStore()); });
}

void CoreEngine::finish() {
    if (--running_ == 0) emit busyChanged(false);
}

void CoreEngine::postProgress(const Ticket &t, double fraction) {
    QMetaObject::invokeMethod(
        this, [this, t, fraction] { if (isCurrent(t)) emit progress(t.id, t.kind, fraction); }, Qt::QueuedConnection);
}

template <class Fn>
void CoreEngine::run(const Ticket &t, Fn fn) {
    if (++running_ == 1) emit busyChanged(true);
    pool_.start([this, t, fn = std::move(fn)]() mutable {
        if (!t.cancel->load()) {
            QString failure;
            try {
                auto store = workerStore();
                if (!store.ok()) failure = store.error().toString();
                else failure = fn(*store.value());
            } catch (const std::exception &e) {
                failure = QString::fromUtf8(e.what());
            }
            if (!failure.isEmpty())
                QMetaObject::invokeMethod(
                    this, [this, t, failure] { if (isCurrent(t)) emit requestFailed(t.id, t.kind, failure); },
                    Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(this, [this] { finish(); }, Qt::QueuedConnection);
    });
}

namespace {
// Model errors reach a person reading the GUI: "field 'symbol': " is CLI syntax for the flag at
// fault, so only errors tied to a file keep the full file:line:field form.
QString userMessage(const Error &e) { return e.file.isEmpty() ? e.message : e.toString(); }

// Progress callbacks fire per candle; forward only whole-percent steps.
ProgressFn throttled(std::function<void(double)> post) {
    auto last = std::make_shared<int>(-1);
    return [post = std::move(post), last](double f) {
        const int pct = int(f * 100);
        if (pct != *last) {
            *last = pct;
            post(f);
        }
    };
}
}  // namespace

quint64 CoreEngine::requestHeatmap(const HeatmapRequest &req, bool useCache) {
    const Ticket t = begin(RequestKind::Heatmap);
    run(t, [this, t, req, useCache](Store &store) -> QString {
        if (useCache && backend_.cachedHeatmap) {
            if (GridPtr cached = backend_.cachedHeatmap(store, req))
                QMetaObject::invokeMethod(
                    this, [this, t, cached] { if (isCurrent(t)) emit heatmapReady(t.id, cached, true); },
                    Qt::QueuedConnection);
        }
        ComputeOptions opt;
        opt.useCache = useCache;
        opt.cancel = t.cancel.get();
        opt.progress = throttled([this, t](double f) { postProgress(t, f); });
        auto r = backend_.heatmap(store, req, opt);
        if (t.cancel->load()) return {};
        if (!r.ok()) return userMessage(r.error());
        GridPtr grid = r.value();
        QMetaObject::invokeMethod(
            this, [this, t, grid] { if (isCurrent(t)) emit heatmapReady(t.id, grid, false); }, Qt::QueuedConnection);
        return {};
    });
    return t.id;
}

quint64 CoreEngine::requestLiquidationMap(const HeatmapRequest &req, qint64 at) {
    const Ticket t = begin(RequestKind::LiquidationMap);
    run(t, [this, t, req, at](Store &store) -> QString {
        ComputeOptions opt;
        opt.cancel = t.cancel.get();
        opt.progress = throttled([this, t](double f) { postProgress(t, f); });
        auto r = backend_.liquidationMap(store, req, at, opt);
        if (t.cancel->load()) return {};
        if (!r.ok()) return userMessage(r.error());
        MapPtr map = r.value();
        QMetaObject::invokeMethod(
            this, [this, t, map] { if (isCurrent(t)) emit liquidationMapReady(t.id, map); }, Qt::QueuedConnection);
        return {};
    });
    return t.id;
}

quint64 CoreEngine::requestComparison(const HeatmapRequest &req) {
    const Ticket t = begin(RequestKind::Comparison);
    run(t, [this, t, req](Store &store) -> QString {
        ComputeOptions opt;
        opt.cancel = t.cancel.get();
        opt.progress = throttled([this, t](double f) { postProgress(t, f); });
        auto r = backend_.compare(store, req, opt);
        if (t.cancel->load()) return {};
        if (!r.ok()) return userMessage(r.error());
        ComparisonPtr cmp = r.value();
        QMetaObject::invokeMethod(
            this, [this, t, cmp] { if (isCurrent(t)) emit comparisonReady(t.id, cmp); }, Qt::QueuedConnection);
        return {};
    });
    return t.id;
}

quint64 CoreEngine::requestStoreInfo(const QString &exchange) {
    const Ticket t = begin(RequestKind::StoreInfo);
    run(t, [this, t, exchange](Store &store) -> QString {
        StoreSnapshot snap;
        snap.ok = true;
        snap.symbols = store.symbols(exchange);
        snap.series = store.seriesInfo();
        QMetaObject::invokeMethod(
            this, [this, t, snap] { if (isCurrent(t)) emit storeInfoReady(t.id, snap); }, Qt::QueuedConnection);
        return {};
    });
    return t.id;
}

}  // namespace lhm
