#pragma once
// Keeps the heatmap's signal badge and marks (SignalOverlay) in step with the shown grid: each
// grid the session computes starts `signalHistory` over the grid's window on a pool thread with
// its own read-only store connection; a newer grid cancels the older run, and only the newest
// answer is drawn. The live roll-forward does not recompute (a new grid does).
#include "analysis/SignalRules.h"
#include "engine/Session.h"

#include <QObject>
#include <atomic>
#include <memory>

namespace lhm::ui {

class HeatmapView;
class SignalOverlay;

class SignalWiring : public QObject {
    Q_OBJECT
public:
    SignalWiring(Session *session, HeatmapView *view, const QString &dbPath, QObject *parent = nullptr);
    ~SignalWiring() override;

    SignalOverlay *overlay() const { return overlay_; }
    void setParams(const SignalParams &p) { params_ = p; }
    bool isComputing() const { return computing_; }

signals:
    void computed();  // the overlay shows the answer for the newest grid

private:
    void start(const GridPtr &grid);

    Session *session_;
    SignalOverlay *overlay_;
    QString dbPath_;
    SignalParams params_;
    std::shared_ptr<std::atomic_bool> cancel_;
    quint64 seq_ = 0;
    bool computing_ = false;
    QString startedFor_;  // the request and grid span the running or shown signals belong to
    bool hiddenForLive_ = false;  // cleared while live events show on their own
};

}  // namespace lhm::ui
