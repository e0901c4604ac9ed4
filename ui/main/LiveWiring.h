#pragma once
// Live mode's widgets in the main window: the Live toggle, connection lights in the status bar,
// the liquidation tape as a dock and the focus symbol's liquidations as bubbles on the heatmap.
// The live session itself (feeds, symbol filter, roll-forward) is core's (engine/LiveSession),
// reached through the Session document; this class only presents it.
#include "engine/Session.h"

#include <QObject>
#include <QString>
#include <QTimer>

class QAction;
class QDockWidget;
class QMainWindow;

namespace lhm::ui {

class ConnectionLights;
class HeatmapView;
class LiveTapePanel;

class LiveWiring : public QObject {
    Q_OBJECT
public:
    LiveWiring(QMainWindow *window, HeatmapView *heatmap, Session *session);
    ~LiveWiring() override;

    QAction *toggleAction() const { return toggle_; }
    QDockWidget *tapeDock() const { return tapeDock_; }
    ConnectionLights *lights() const { return lights_; }
    LiveTapePanel *tape() const { return tape_; }
    bool isRunning() const { return session_->isLive(); }
    const LiveHeatmap &liveHeatmap() const { return session_->live()->heatmap(); }
    void setRunning(bool on);

signals:
    void message(const QString &text);

private:
    QString errorText(const LiveError &e) const;

    QMainWindow *window_;
    HeatmapView *heatmap_;
    Session *session_;
    QAction *toggle_ = nullptr;
    QDockWidget *tapeDock_ = nullptr;
    ConnectionLights *lights_ = nullptr;
    LiveTapePanel *tape_ = nullptr;
    QTimer refresh_;
};

}  // namespace lhm::ui
