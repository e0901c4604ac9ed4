// HeatmapView as a PlotView: what it draws of the Session document and which of its own controls
// it keeps between runs (the side filter is the session's selection; the cut-offs are the view's).
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapView.h"

#include <QSettings>
#include <qcustomplot.h>

namespace lhm::ui {

void HeatmapView::attach(Session *session) {
    connect(session, &Session::gridChanged, this, [this](const GridPtr &grid, GridOrigin origin) {
        if (!grid) return;  // the session's status says why; the coordinator shows it
        if (origin == GridOrigin::Live) {
            setLiveGrid(grid);
        } else {
            setGrid(grid, origin == GridOrigin::Cached);
        }
        emit rendered();
    });
    // Live off: the session is back on the engine's grid; the view goes back to the whole window
    // (not the rolled or live-only one).
    connect(session, &Session::liveChanged, this, [this](bool on) {
        if (!on) resetView();
    });
    connect(this, &HeatmapView::sideChanged, session, [session](DensitySide side) {
        Selection s = session->selection();
        s.side = side;
        session->setSelection(s);
    });
    connect(session, &Session::selectionChanged, this, [this](const Selection &s) { setSide(s.side); });
    setSide(session->selection().side);
}

QWidget *HeatmapView::chart() { return plot_; }

void HeatmapView::renderNow() {
    plot_->replot(QCustomPlot::rpImmediateRefresh);
    layer_->refreshNow();
    plot_->replot(QCustomPlot::rpImmediateRefresh);
}

void HeatmapView::saveSettings(QSettings &s) const {
    s.setValue(QStringLiteral("view/cutoffLow"), lowCutoff());
    s.setValue(QStringLiteral("view/cutoffHigh"), highCutoff());
}

void HeatmapView::restoreSettings(const QSettings &s) {
    setCutoff(s.value(QStringLiteral("view/cutoffLow"), 0.0).toDouble(),
              s.value(QStringLiteral("view/cutoffHigh"), 97.0).toDouble());
}

}  // namespace lhm::ui
