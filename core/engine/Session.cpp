#include "engine/Session.h"

#include <algorithm>

namespace lhm {

HeatmapRequest Selection::request() const {
    HeatmapRequest r;
    r.exchange = exchange;
    r.symbol = symbol;
    r.window = window;
    r.model = model;
    r.params.bucket = bucket;
    return r;
}

bool Selection::sameRequest(const Selection &o) const {
    return exchange == o.exchange && symbol == o.symbol && window == o.window && model == o.model && bucket == o.bucket;
}

Session::Session(CoreEngine *engine, const Clock &clock, QObject *parent)
    : QObject(parent), engine_(engine), clock_(clock), live_(new LiveSession(this)) {
    qRegisterMetaType<Selection>();
    qRegisterMetaType<SessionStatus>();
    qRegisterMetaType<GridOrigin>();
    qRegisterMetaType<LiveState>();
    connect(engine_, &CoreEngine::heatmapReady, this, &Session::onHeatmap);
    connect(engine_, &CoreEngine::liquidationMapReady, this, [this](quint64 id, MapPtr m) {
        if (id != mapId_) return;
        map_ = std::move(m);
        mapDone_ = true;
        emit mapChanged(map_);
        checkSettled();
    });
    connect(engine_, &CoreEngine::comparisonReady, this, [this](quint64 id, ComparisonPtr c) {
        if (id != compareId_) return;
        comparison_ = std::move(c);
        compareDone_ = true;
        emit comparisonChanged(comparison_);
        checkSettled();
    });
    connect(engine_, &CoreEngine::requestFailed, this, &Session::onFailed);
    connect(engine_, &CoreEngine::storeInfoReady, this, [this](quint64, const StoreSnapshot &s) {
        info_ = s;
        emit storeInfoChanged(info_);
    });
    connect(engine_, &CoreEngine::progress, this, [this](quint64 id, RequestKind kind, double f) {
        if (kind == RequestKind::Heatmap && id == heatmapId_) requestMapIfPending();  // no cached grid: computing
        if (kind == RequestKind::Heatmap && id == heatmapId_ && status_.code == SessionStatus::Code::Computing)
            setStatus({SessionStatus::Code::Computing, int(f * 100), {}});
    });
    connect(live_, &LiveSession::gridRolled, this, [this](GridPtr g) {
        if (!g || !live_->isRunning()) return;
        grid_ = std::move(g);
        origin_ = GridOrigin::Live;
        emit gridChanged(grid_, origin_);
    });
    connect(live_, &LiveSession::historyTooOld, this, [this] { emit liveStateChanged(liveState()); });
    connect(live_, &LiveSession::started, this, [this] {
        emit liveChanged(true);
        emit liveStateChanged(liveState());
    });
    connect(live_, &LiveSession::stopped, this, [this] {
        // Back to the engine's grid: the rolled view belongs to live mode only.
        if (origin_ == GridOrigin::Live && baseGrid_) {
            grid_ = baseGrid_;
            origin_ = GridOrigin::Fresh;
            emit gridChanged(grid_, origin_);
        }
        emit liveChanged(false);
        emit liveStateChanged(LiveState::Off);
    });
}

void Session::refreshStoreInfo() { engine_->requestStoreInfo(sel_.exchange); }

void Session::setSelection(const Selection &s) {
    if (started_ && s == sel_) return;
    const bool recompute = !started_ || !s.sameRequest(sel_);
    const bool exchangeChanged = s.exchange != sel_.exchange;
    const bool symbolChanged = s.symbol != sel_.symbol;
    sel_ = s;
    started_ = true;
    emit selectionChanged(sel_);
    if (symbolChanged || exchangeChanged) {
        if (auto err = live_->setFocusSymbol(sel_.symbol)) emit liveChanged(false);
    }
    if (exchangeChanged) refreshStoreInfo();
    if (recompute) reload();
}

void Session::reload() {
    const HeatmapRequest req = sel_.request();
    heatmapId_ = engine_->requestHeatmap(req);
    // The map runs the model (it has no cache) and would take one of the two cores while the first
    // heatmap, usually from the cache, is decoded and drawn: it is asked for at the heatmap's first
    // sign (cached grid, progress of a computation, answer or failure). See requestMapIfPending().
    mapId_ = 0;
    mapPending_ = true;
    heatmapDone_ = mapDone_ = false;
    settledSent_ = false;
    compareDirty_ = true;
    if (compareWanted_) {
        compareId_ = engine_->requestComparison(req);
        compareDirty_ = false;
        compareDone_ = false;
    }
    setStatus({SessionStatus::Code::Computing, 0, {}});
}

void Session::setComparisonWanted(bool wanted) {
    compareWanted_ = wanted;
    if (wanted && compareDirty_ && started_) {
        compareId_ = engine_->requestComparison(sel_.request());
        compareDirty_ = false;
        compareDone_ = false;
        settledSent_ = false;
    }
}

void Session::requestMapIfPending() {
    if (!mapPending_) return;
    mapPending_ = false;
    mapId_ = engine_->requestLiquidationMap(sel_.request());
}

void Session::onHeatmap(quint64 id, GridPtr grid, bool fromCache) {
    if (id != heatmapId_) return;
    requestMapIfPending();
    baseGrid_ = grid;
    grid_ = grid;
    origin_ = fromCache ? GridOrigin::Cached : GridOrigin::Fresh;
    if (!fromCache) {
        heatmapDone_ = true;
        live_->setBaseGrid(grid);
    }
    emit gridChanged(grid_, origin_);
    if (fromCache) setStatus({SessionStatus::Code::ShowingCached, status_.percent, {}});
    else setStatus({SessionStatus::Code::Ready, -1, {}});
    if (live_->isRunning()) emit liveStateChanged(liveState());
    checkSettled();
}

void Session::onFailed(quint64 id, RequestKind kind, const QString &message) {
    switch (kind) {
    case RequestKind::Heatmap:
        if (id != heatmapId_) return;
        requestMapIfPending();
        heatmapDone_ = true;
        if (grid_ && grid_->symbol == sel_.symbol && grid_->window == sel_.window && grid_->exchange == sel_.exchange &&
            grid_->model == sel_.model) {
            setStatus({SessionStatus::Code::RecomputeFailed, -1, message});  // the cached grid stays shown
        } else {
            grid_ = baseGrid_ = nullptr;
            emit gridChanged(nullptr, GridOrigin::Fresh);
            setStatus({info_.error.isEmpty() ? SessionStatus::Code::NoData : SessionStatus::Code::StoreUnreadable, -1,
                       info_.error.isEmpty() ? message : info_.error});
        }
        break;
    case RequestKind::LiquidationMap:
        if (id != mapId_) return;
        mapDone_ = true;
        map_ = nullptr;
        emit viewFailed(kind, message);
        break;
    case RequestKind::Comparison:
        if (id != compareId_) return;
        compareDone_ = true;
        comparison_ = nullptr;
        emit viewFailed(kind, message);
        break;
    case RequestKind::StoreInfo:
        info_ = StoreSnapshot{};
        info_.error = message;
        emit storeInfoChanged(info_);
        setStatus({SessionStatus::Code::StoreUnreadable, -1, message});
        break;
    }
    checkSettled();
}

void Session::setStatus(SessionStatus s) {
    if (s == status_) return;
    status_ = std::move(s);
    emit statusChanged(status_);
}

bool Session::isSettled() const {
    return started_ && heatmapDone_ && mapDone_ && (!compareWanted_ || compareDone_);
}

void Session::checkSettled() {
    if (settledSent_ || !isSettled()) return;
    settledSent_ = true;
    emit settled();
}

qint64 Session::shownTo(const HeatmapGrid &g) {
    // dataTo is the store's watermark (it may include inputs outside this window), so it only caps;
    // the coverage's end caps too: a reduced 12-hour column ends hours after the data does, and
    // the banner, the status bar and "Data covers …" must name one and the same time.
    if (g.times.empty()) return g.dataTo;
    qint64 end = g.times.back() + g.intervalMs;
    if (g.coverageTo > 0) end = std::min(end, g.coverageTo);
    return g.dataTo > 0 ? std::min(g.dataTo, end) : end;
}

bool Session::isStale(const HeatmapGrid &g, qint64 nowMs) {
    if (g.dataTo <= 0 && g.times.empty()) return false;
    const qint64 limit = std::max<qint64>(2 * g.intervalMs, 3600'000);
    return nowMs - shownTo(g) > limit;
}

qint64 Session::dataAgeMs() const { return grid_ ? clock_.nowMs() - shownTo(*grid_) : -1; }
bool Session::isStale() const { return grid_ && isStale(*grid_, clock_.nowMs()); }

std::optional<LiveError> Session::setLive(bool on) {
    if (on == live_->isRunning()) return std::nullopt;
    if (!on) {
        live_->stop();
        return std::nullopt;
    }
    LiveOptions o = liveOpt_;
    o.focusSymbol = sel_.symbol;
    auto err = live_->start(o);
    if (err) return err;
    live_->setBaseGrid(baseGrid_);
    // What the feeds backfilled reaches the store: recompute so live starts from the newest history.
    reload();
    return std::nullopt;
}

LiveState Session::liveState() const {
    if (!live_->isRunning()) return LiveState::Off;
    switch (live_->rollState()) {
    case LiveSession::RollState::Rolling: return LiveState::Rolling;
    case LiveSession::RollState::HistoryTooOld: return LiveState::HistoryTooOld;
    case LiveSession::RollState::NoGrid: break;
    }
    return LiveState::WaitingForGrid;
}

}  // namespace lhm
