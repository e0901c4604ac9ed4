#include "main/ViewCoordinator.h"

#include "common/Format.h"
#include "compare/ModelComparisonView.h"
#include "heatmap/HeatmapView.h"
#include "map/LiquidationMapView.h"

namespace lhm::ui {

ViewCoordinator::ViewCoordinator(CoreEngine *engine, HeatmapView *heatmap, LiquidationMapView *map,
                                 ModelComparisonView *compare, const Clock &clock, QObject *parent)
    : QObject(parent), engine_(engine), heatmap_(heatmap), map_(map), compare_(compare), clock_(clock) {
    connect(engine_, &CoreEngine::heatmapReady, this, &ViewCoordinator::onHeatmap);
    connect(engine_, &CoreEngine::liquidationMapReady, this, [this](quint64 id, MapPtr m) {
        if (id == mapId_ && map_) map_->setMap(std::move(m));
    });
    connect(engine_, &CoreEngine::comparisonReady, this, [this](quint64 id, ComparisonPtr c) {
        if (id == compareId_ && compare_) compare_->setComparison(std::move(c));
    });
    connect(engine_, &CoreEngine::requestFailed, this, &ViewCoordinator::onFailed);
    connect(engine_, &CoreEngine::storeInfoReady, this, [this](quint64, const StoreSnapshot &s) {
        info_ = s;
        emit storeInfoChanged(info_);
    });
    connect(engine_, &CoreEngine::progress, this, [this](quint64 id, RequestKind kind, double f) {
        if (kind == RequestKind::Heatmap && id == heatmapId_) {
            emit progressChanged(int(f * 100));
            emit statusChanged(tr("Computing %1 %2… %3%").arg(sel_.symbol, sel_.window).arg(int(f * 100)));
        }
    });
    connect(engine_, &CoreEngine::busyChanged, this, [this](bool busy) {
        if (!busy) emit progressChanged(-1);
    });
}

void ViewCoordinator::refreshStoreInfo() { engine_->requestStoreInfo(sel_.exchange); }

void ViewCoordinator::setSelection(const ViewSelection &s) {
    if (started_ && s == sel_) return;
    const bool exchangeChanged = s.exchange != sel_.exchange;
    sel_ = s;
    started_ = true;
    if (exchangeChanged) refreshStoreInfo();
    reload();
}

void ViewCoordinator::reload() {
    const HeatmapRequest req = sel_.request();
    showingCached_ = false;
    recomputeError_.clear();
    heatmapId_ = engine_->requestHeatmap(req);
    if (map_) mapId_ = engine_->requestLiquidationMap(req);
    compareDirty_ = true;
    if (compareWanted_ && compare_) {
        compareId_ = engine_->requestComparison(req);
        compareDirty_ = false;
    }
    emit statusChanged(tr("Computing %1 %2…").arg(sel_.symbol, sel_.window));
    emit progressChanged(0);
}

void ViewCoordinator::setComparisonWanted(bool wanted) {
    compareWanted_ = wanted;
    if (wanted && compareDirty_ && started_ && compare_) {
        compareId_ = engine_->requestComparison(sel_.request());
        compareDirty_ = false;
    }
}

bool ViewCoordinator::showsSelection(const GridPtr &g) const {
    return g && g->symbol == sel_.symbol && g->window == sel_.window && g->exchange == sel_.exchange &&
           g->model == sel_.model;
}

void ViewCoordinator::onHeatmap(quint64 id, GridPtr grid, bool fromCache) {
    if (id != heatmapId_) return;
    heatmap_->setGrid(grid, fromCache);
    showingCached_ = fromCache;
    emit gridShown(grid);
    if (!fromCache) emit statusChanged({});
    updateBanner();
}

void ViewCoordinator::onFailed(quint64 id, RequestKind kind, const QString &message) {
    const QString title = tr("No estimate for %1 · %2 · %3").arg(sel_.symbol, sel_.exchange, sel_.window);
    const QString hint = tr("%1\nOpen Data → Manage data… to download or import history.").arg(message);
    switch (kind) {
    case RequestKind::Heatmap:
        if (id != heatmapId_) return;
        if (showsSelection(heatmap_->grid()) && !heatmap_->isShowingEmpty()) {
            // Keep the cached estimate on screen and say why it is not fresh.
            recomputeError_ = message;
            updateBanner();
        } else if (!info_.error.isEmpty()) {
            heatmap_->showEmpty(tr("The database cannot be read"),
                                tr("%1\nChoose another file with --db, or move this one away to start afresh.").arg(info_.error));
        } else {
            heatmap_->showEmpty(title, hint);
            emit bannerChanged({});
        }
        emit statusChanged(message);
        break;
    case RequestKind::LiquidationMap:
        if (id == mapId_ && map_) map_->showEmpty(title, hint);
        break;
    case RequestKind::Comparison:
        if (id == compareId_ && compare_) compare_->showEmpty(title, hint);
        break;
    case RequestKind::StoreInfo:
        info_ = StoreSnapshot{};
        info_.error = message;
        emit storeInfoChanged(info_);
        heatmap_->showEmpty(tr("The database cannot be read"),
                            tr("%1\nChoose another file with --db, or move this one away to start afresh.").arg(message));
        break;
    }
}

QString ViewCoordinator::staleMessage(const HeatmapGrid &g, qint64 nowMs) {
    if (g.dataTo <= 0) return {};
    // Age of what the chart shows: the end of its newest candle. dataTo is the store's watermark
    // (it may include inputs outside this window, e.g. trades from another period), so it only caps.
    const qint64 shownTo = g.times.empty() ? g.dataTo : std::min(g.dataTo, g.times.back() + g.intervalMs);
    // Stale once that is older than two candles (and at least an hour).
    const qint64 limit = std::max<qint64>(2 * g.intervalMs, 3600'000);
    const qint64 age = nowMs - shownTo;
    if (age <= limit) return {};
    return tr("Offline data: the newest candle shown ended %1 ago (%2). The estimate does not show what happened since.")
        .arg(Format::age(age), Format::utcTime(shownTo));
}

void ViewCoordinator::updateBanner() {
    const GridPtr &g = heatmap_->grid();
    if (!g) {
        emit bannerChanged({});
        return;
    }
    QStringList parts;
    if (showingCached_)
        parts << (g->computedAt > 0
                      ? tr("Showing the cached estimate computed %1 ago; recomputing…").arg(Format::age(clock_.nowMs() - g->computedAt))
                      : tr("Showing the cached estimate; recomputing…"));
    if (!recomputeError_.isEmpty()) parts << tr("Could not recompute: %1").arg(recomputeError_);
    const QString stale = staleMessage(*g, clock_.nowMs());
    if (!stale.isEmpty()) parts << stale;
    emit bannerChanged(parts.join(QStringLiteral("  ")));
}

}  // namespace lhm::ui
