#pragma once
// The one interface every chart view implements, so MainWindow, the coordinator and the screenshot
// mode iterate the registered views (ui/views/ViewRegistry.cpp) instead of naming each one.
// A view observes the Session document (attach) and draws one of its answers (input); what it
// holds is for drawing only: nobody reads state back from a view.
#include "engine/Session.h"

#include <QWidget>

class QSettings;

namespace lhm::ui {

class PlotView : public QWidget {
    Q_OBJECT
public:
    // Where the main window puts it: a tab of the central area or a dock on the right.
    enum class Placement { Tab, Dock };

    using QWidget::QWidget;

    virtual QString id() const = 0;     // stable: `--screenshot --view <id>`, object names
    virtual QString title() const = 0;  // translated tab or dock title
    virtual Placement placement() const { return Placement::Tab; }
    // The session answer it draws: Heatmap (the grid), LiquidationMap or Comparison. The
    // comparison computes every model, so the session asks for it only while such a view is shown.
    virtual RequestKind input() const = 0;
    // Observe the document: draw its answers (emitting rendered() after each), follow its live state.
    virtual void attach(Session *session) = 0;
    // What File → Export writes as PNG: the chart alone, without toolbar buttons or the hover line.
    virtual QWidget *chart() = 0;
    virtual QString exportFileName() const { return id() + QStringLiteral(".png"); }
    virtual void showEmpty(const QString &title, const QString &hint = {}) = 0;
    virtual bool isShowingEmpty() const = 0;
    virtual void applyTheme() = 0;
    // Finish drawing now, asynchronous layers included (screenshots grab right after).
    virtual void renderNow() {}
    // The view's own controls (not the selection: that is the session's) kept between runs.
    virtual void saveSettings(QSettings &) const {}
    virtual void restoreSettings(const QSettings &) {}

signals:
    // Drew a new answer of the session or an empty state in its place.
    void rendered();
};

}  // namespace lhm::ui
