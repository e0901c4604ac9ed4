#pragma once
// Turns the toolbar selection into CoreEngine requests and routes the answers to the views:
// the cached heatmap first, then the fresh one; failures become a helpful empty state (or a
// banner when a cached estimate is still on screen); data age becomes the stale banner.
#include "common/Clock.h"
#include "engine/CoreEngine.h"
#include "main/ViewSelection.h"

#include <QObject>

namespace lhm::ui {

class HeatmapView;
class LiquidationMapView;
class ModelComparisonView;

class ViewCoordinator : public QObject {
    Q_OBJECT
public:
    ViewCoordinator(CoreEngine *engine, HeatmapView *heatmap, LiquidationMapView *map, ModelComparisonView *compare,
                    const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    void setSelection(const ViewSelection &s);
    const ViewSelection &selection() const { return sel_; }
    void setComparisonWanted(bool wanted);  // the comparison computes every model: only when shown
    void reload();                          // recompute everything for the current selection
    void refreshStoreInfo();
    const StoreSnapshot &storeInfo() const { return info_; }

    // Empty when the grid's newest input is recent; else a sentence saying how old it is.
    static QString staleMessage(const HeatmapGrid &g, qint64 nowMs);

signals:
    void bannerChanged(const QString &text);  // empty: hide the banner
    void statusChanged(const QString &text);
    void progressChanged(int percent);        // -1 when idle
    void storeInfoChanged(const lhm::StoreSnapshot &info);
    void gridShown(lhm::GridPtr grid);  // a grid from the engine is on screen (cached or fresh)

private:
    void onHeatmap(quint64 id, GridPtr grid, bool fromCache);
    void onFailed(quint64 id, RequestKind kind, const QString &message);
    void updateBanner();
    bool showsSelection(const GridPtr &g) const;

    CoreEngine *engine_;
    HeatmapView *heatmap_;
    LiquidationMapView *map_;
    ModelComparisonView *compare_;
    const Clock &clock_;
    ViewSelection sel_;
    bool started_ = false;
    bool compareWanted_ = false;
    bool compareDirty_ = true;
    quint64 heatmapId_ = 0, mapId_ = 0, compareId_ = 0;
    bool showingCached_ = false;
    QString recomputeError_;
    StoreSnapshot info_;
};

}  // namespace lhm::ui
