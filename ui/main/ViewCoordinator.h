#pragma once
// The GUI's client of the Session document: pushes what the session holds into the views and
// turns its typed status into translated text (empty states, the banner, the status line). It
// holds no state of the view itself; ask the session.
#include "engine/Session.h"

#include <QObject>

namespace lhm::ui {

class HeatmapView;
class LiquidationMapView;
class ModelComparisonView;

class ViewCoordinator : public QObject {
    Q_OBJECT
public:
    ViewCoordinator(Session *session, HeatmapView *heatmap, LiquidationMapView *map, ModelComparisonView *compare,
                    QObject *parent = nullptr);

    Session *session() const { return session_; }
    void reload() { session_->reload(); }

    // Empty when the grid's newest input is recent; else a sentence saying how old it is.
    static QString staleMessage(const HeatmapGrid &g, qint64 nowMs);
    // "Data covers 2 d 12 h of the 90 d window" when the data is shorter than the window; else empty.
    static QString coverageMessage(const HeatmapGrid &g);
    // "Model parameters: profile fitted on … → … (lhm calibrate)." when the grid used a fitted profile; else empty.
    static QString profileMessage(const HeatmapGrid &g);
    QString bannerText() const { return banner_; }

signals:
    void bannerChanged(const QString &text);  // empty: hide the banner
    void statusChanged(const QString &text);
    void progressChanged(int percent);        // -1 when idle

private:
    void onGrid(const GridPtr &grid, GridOrigin origin);
    void onStatus(const SessionStatus &s);
    void onViewFailed(RequestKind kind, const QString &detail);
    void updateBanner();
    QString noEstimateTitle() const;

    Session *session_;
    HeatmapView *heatmap_;
    LiquidationMapView *map_;
    ModelComparisonView *compare_;
    QString banner_;
};

}  // namespace lhm::ui
