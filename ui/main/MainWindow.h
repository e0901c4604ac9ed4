#pragma once
// The main window wires the panels together (toolbar, views, docks, status bar, menus) and keeps
// their state between runs; it owns no logic of its own.
#include "common/Clock.h"
#include "common/PlotView.h"
#include "engine/Session.h"

#include <QHash>
#include <QMainWindow>
#include <memory>

class QLabel;
class QSettings;
class QTabWidget;
class QDockWidget;

namespace lhm::ui {

class ControlBar;
class HeatmapView;
class LiquidationMapView;
class ModelComparisonView;
class ExchangesView;
class StatusPanel;
class ViewCoordinator;
class LiveWiring;
class SignalWiring;

struct MainWindowOptions {
    QString dbPath;
    QString settingsPath;            // empty: the user's settings; tests pass a temporary file
    QStringList exchanges{QStringLiteral("binance")};
    const Clock *clock = nullptr;    // null: the system clock
    bool firstRunDialog = true;      // open the data manager when the store is empty
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `engine` null: the window creates one on options.dbPath with the real liquidation engine.
    explicit MainWindow(const MainWindowOptions &options, CoreEngine *engine = nullptr, QWidget *parent = nullptr);
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    ControlBar *controlBar() const { return controls_; }
    // The registered views (ui/main/ViewRegistry.cpp), in registration order.
    const QList<PlotView *> &views() const { return views_; }
    PlotView *view(const QString &id) const;
    template <class V>
    V *view() const {
        for (PlotView *v : views_)
            if (auto *typed = qobject_cast<V *>(v)) return typed;
        return nullptr;
    }
    HeatmapView *heatmapView() const;
    LiquidationMapView *mapView() const;
    ModelComparisonView *compareView() const;
    ExchangesView *exchangesView() const;
    QDockWidget *dock(const PlotView *v) const;  // null for a tab
    ViewCoordinator *coordinator() const { return coordinator_; }
    Session *session() const { return session_; }
    StatusPanel *statusPanel() const { return status_; }
    LiveWiring *live() const { return live_; }
    SignalWiring *signalWiring() const { return signalWiring_; }
    QTabWidget *tabs() const { return tabs_; }
    CoreEngine *engine() const { return engine_; }
    QString bannerText() const;

    void saveState();

signals:
    // View → Language: the choice is saved; WindowHost installs it and rebuilds the window at once.
    void languageChosen(const QString &code);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreSettings();
    void openDataManager();
    void setTheme(int kind);
    void placeViews();

    MainWindowOptions opt_;
    std::unique_ptr<QSettings> settings_;
    CoreEngine *engine_ = nullptr;
    ControlBar *controls_ = nullptr;
    QList<PlotView *> views_;
    QHash<const PlotView *, QDockWidget *> docks_;
    QTabWidget *tabs_ = nullptr;
    QLabel *banner_ = nullptr;
    Session *session_ = nullptr;
    ViewCoordinator *coordinator_ = nullptr;
    StatusPanel *status_ = nullptr;
    LiveWiring *live_ = nullptr;
    SignalWiring *signalWiring_ = nullptr;
    bool firstRunChecked_ = false;
};

}  // namespace lhm::ui
