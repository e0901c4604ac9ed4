#pragma once
// Alerts in the main window: runs core's AlertService on its own thread (evaluation, store and
// delivery never touch the UI thread), feeds it the session's live liquidations and ticks and the
// clusters of every recomputed grid, and presents it: the Alerts dock (rules and history), the
// create/edit dialog, "Create alert at <price>…" on the heatmap and the map, dashed alert lines
// on both, the popup toast, the tray icon with an unread count while minimised, and the channel
// settings page. MainWindow creates it with one line.
#include "alerts/AlertFiring.h"
#include "alerts/AlertRule.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

class QDockWidget;
class QMainWindow;
class QSystemTrayIcon;

namespace lhm {
class Session;
namespace alerts {
class AlertService;
}
}  // namespace lhm

namespace lhm::ui {

class AlertDialog;
class AlertOverlay;
class AlertToast;
class AlertsPanel;
class ChannelSettingsDialog;
class ControlBar;
class HeatmapView;
class LiquidationMapView;

class AlertsWiring : public QObject {
    Q_OBJECT
public:
    AlertsWiring(QMainWindow *window, Session *session, ControlBar *controls, HeatmapView *heatmap, LiquidationMapView *map,
                 const QString &dbPath);
    ~AlertsWiring() override;

    AlertsPanel *panel() const { return panel_; }
    QDockWidget *dock() const { return dock_; }
    AlertToast *toast() const { return toast_; }
    AlertOverlay *heatmapOverlay() const { return heatmapOverlay_; }
    AlertOverlay *mapOverlay() const { return mapOverlay_; }
    AlertDialog *dialog() const;
    ChannelSettingsDialog *channelsDialog() const;
    alerts::AlertService *service() const { return service_; }
    int unread() const { return unread_; }
    bool rulesLoaded() const { return loaded_; }

    // Opens the (non-modal) create dialog, prefilled with the shown symbol and `price` (0: none).
    void openCreate(double price = 0);
    void openEdit(const alerts::AlertRule &rule);
    void openChannels();

signals:
    void firingShown(const lhm::alerts::Firing &firing);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onDelivered(const alerts::Firing &f);
    void onRules(const QList<alerts::AlertRule> &rules, qint64 nowMs);
    void updateTray();
    void showAt(const QString &symbol, double price);

    QMainWindow *window_;
    Session *session_;
    ControlBar *controls_;
    HeatmapView *heatmap_;
    QThread thread_;
    alerts::AlertService *service_ = nullptr;
    AlertsPanel *panel_ = nullptr;
    QDockWidget *dock_ = nullptr;
    AlertToast *toast_ = nullptr;
    AlertOverlay *heatmapOverlay_ = nullptr, *mapOverlay_ = nullptr;
    QPointer<AlertDialog> dialog_;
    QPointer<ChannelSettingsDialog> channels_;
    QSystemTrayIcon *tray_ = nullptr;
    int unread_ = 0;
    bool loaded_ = false;
};

}  // namespace lhm::ui
