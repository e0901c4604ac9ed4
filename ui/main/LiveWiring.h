#pragma once
// Live mode in the main window: a Live toggle that starts the exchange feeds (feeds/LiveController)
// for the shown symbol, connection lights in the status bar, the liquidation tape as a dock, and
// realised liquidations of the shown symbol as bubbles on the heatmap. The controller coalesces
// batches to ~25 per second, so the views refresh at most that often.
#include "engine/CoreEngine.h"
#include "heatmap/LiveHeatmap.h"

#include <QObject>
#include <QString>
#include <QTimer>

class QAction;
class QDockWidget;
class QMainWindow;

namespace lhm::feeds {
class LiveController;
}

namespace lhm::ui {

class ConnectionLights;
class HeatmapView;
class LiveTapePanel;

class LiveWiring : public QObject {
    Q_OBJECT
public:
    LiveWiring(QMainWindow *window, HeatmapView *heatmap, const QString &dbPath);
    ~LiveWiring() override;

    QAction *toggleAction() const { return toggle_; }
    QDockWidget *tapeDock() const { return tapeDock_; }
    ConnectionLights *lights() const { return lights_; }
    LiveTapePanel *tape() const { return tape_; }
    bool isRunning() const;

    void setSymbol(const QString &symbol);  // restarts the feeds when live
    // The grid the engine just computed for the shown view: live ticks roll it forward.
    void setBaseGrid(GridPtr grid);
    const LiveHeatmap &liveHeatmap() const { return rolling_; }
    void setRunning(bool on);

signals:
    void message(const QString &text);
    void refreshWanted();  // periodically while live

private:
    void start();
    void stop();

    QMainWindow *window_;
    HeatmapView *heatmap_;
    QString dbPath_, symbol_;
    feeds::LiveController *controller_ = nullptr;
    QAction *toggle_ = nullptr;
    QDockWidget *tapeDock_ = nullptr;
    ConnectionLights *lights_ = nullptr;
    LiveTapePanel *tape_ = nullptr;
    QTimer refresh_;
    LiveHeatmap rolling_;   // owned by the UI thread, like everything here
    QTimer redraw_;         // coalesces rolled-forward redraws to 5 per second
};

}  // namespace lhm::ui
