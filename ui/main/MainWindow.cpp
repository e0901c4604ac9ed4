#include "main/MainWindow.h"

#include "engine/ExchangeAggregate.h"

#include "alerts/AlertsWiring.h"
#include "common/Theme.h"
#include "common/Translator.h"
#include "compare/ModelComparisonView.h"
#include "data/DataManagerDialog.h"
#include "exchanges/ExchangesView.h"
#include "heatmap/HeatmapView.h"
#include "main/ControlBar.h"
#include "main/ExportActions.h"
#include "main/LiveWiring.h"
#include "main/LocalApiWiring.h"
#include "main/StatusPanel.h"
#include "main/ViewCoordinator.h"
#include "main/ViewRegistry.h"
#include "map/LiquidationMapView.h"
#include "main/SignalWiring.h"
#include "research/ResearchPanel.h"

#include <QActionGroup>
#include <qcustomplot.h>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lhm::ui {

namespace {
MainWindowOptions withDb(const QString &dbPath) {
    MainWindowOptions o;
    o.dbPath = dbPath;
    return o;
}
}  // namespace

MainWindow::MainWindow(const QString &dbPath, QWidget *parent) : MainWindow(withDb(dbPath), nullptr, parent) {}

MainWindow::MainWindow(const MainWindowOptions &options, CoreEngine *engine, QWidget *parent)
    : QMainWindow(parent), opt_(options) {
    setWindowTitle(tr("LiquidationHeatmap"));
    setObjectName(QStringLiteral("mainWindow"));
    settings_ = opt_.settingsPath.isEmpty() ? std::make_unique<QSettings>()
                                            : std::make_unique<QSettings>(opt_.settingsPath, QSettings::IniFormat);
    engine_ = engine ? engine : new CoreEngine(opt_.dbPath, EngineBackend::standard(), this);
    const Clock &clock = opt_.clock ? *opt_.clock : SystemClock::instance();

    controls_ = new ControlBar(this);
    addToolBar(controls_);
    controls_->setExchanges(opt_.exchanges);
    controls_->setModels(engine_->models());

    tabs_ = new QTabWidget(this);
    views_ = createViews(this);
    placeViews();
    auto *research = new ResearchPanel(opt_.dbPath, this);  // a report panel, not a chart view
    tabs_->addTab(research, tr("Research"));
    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("staleBanner"));
    banner_->setWordWrap(true);
    banner_->hide();
    auto *central = new QWidget(this);
    auto *v = new QVBoxLayout(central);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(banner_);
    v->addWidget(tabs_, 1);
    setCentralWidget(central);

    status_ = new StatusPanel(statusBar(), clock);
    session_ = new Session(engine_, clock, this);
    LiveOptions liveOpt;
    liveOpt.dbPath = opt_.dbPath;
    session_->setLiveOptions(liveOpt);
    HeatmapView *heatmap = heatmapView();  // live bubbles, signal marks and alert lines draw on it
    live_ = new LiveWiring(this, heatmap, session_);
    live_->tapeDock()->hide();  // until the trader goes live (or the restored layout shows it)
    controls_->addAction(live_->toggleAction());
    connect(live_, &LiveWiring::message, this, [this](const QString &t) { status_->showMessage(t, 8000); });
    coordinator_ = new ViewCoordinator(session_, views_, this);
    // The current signal as a badge on the heatmap, its history as marks on the time axis.
    signalWiring_ = new SignalWiring(session_, heatmap, opt_.dbPath, this);
    // New figures for the comparison view's "Measured" row.
    connect(research, &ResearchPanel::validationStored, session_, &Session::reload);
    connect(controls_, &ControlBar::selectionChanged, this, [this](Selection s) {
        s.side = session_->selection().side;  // the heatmap's filter, kept by the session
        session_->setSelection(s);
        status_->setStore(session_->storeInfo(), s.exchange, s.symbol);
        saveState();
    });
    connect(coordinator_, &ViewCoordinator::bannerChanged, this, [this](const QString &text) {
        banner_->setText(text);
        banner_->setVisible(!text.isEmpty());
    });
    connect(coordinator_, &ViewCoordinator::statusChanged, this, [this](const QString &t) { status_->showMessage(t); });
    connect(coordinator_, &ViewCoordinator::progressChanged, status_, &StatusPanel::setProgress);
    connect(session_, &Session::gridChanged, status_, [this] { status_->setGrid(session_->grid()); });
    connect(session_, &Session::storeInfoChanged, this, [this](const StoreSnapshot &info) {
        if (info.ok) {
            QStringList symbols = info.symbols;
            for (const SeriesInfo &si : info.series)
                if ((si.exchange == session_->selection().exchange || isExchangeSelection(session_->selection().exchange)) &&
                    !symbols.contains(si.symbol))
                    symbols << si.symbol;
            symbols.sort();
            if (!symbols.isEmpty()) controls_->setSymbols(symbols);
        }
        const Selection &s = session_->selection();
        status_->setStore(info, s.exchange, s.symbol);
        if (!firstRunChecked_ && info.ok) {
            firstRunChecked_ = true;
            // An empty store: the data manager is the one useful first step.
            if (opt_.firstRunDialog && info.series.empty()) QMetaObject::invokeMethod(this, [this] { openDataManager(); }, Qt::QueuedConnection);
        }
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
        const auto *shown = qobject_cast<PlotView *>(tabs_->widget(i));
        session_->setComparisonWanted(shown && shown->input() == RequestKind::Comparison);
    });

    buildMenus();
    new AlertsWiring(this, session_, controls_, heatmap, mapView(), opt_.dbPath);  // Alerts menu, dock, lines, popup
    restoreSettings();
    session_->refreshStoreInfo();
    Selection first = controls_->selection();
    const int side = settings_->value(QStringLiteral("view/side"), int(DensitySide::Both)).toInt();
    first.side = DensitySide(std::clamp(side, 0, 2));
    session_->setSelection(first);
}

MainWindow::~MainWindow() {
    // Tearing down the editable symbol box commits its text on focus-out: no selection change may
    // reach this half-destroyed window (its settings are already gone when the children die).
    controls_->blockSignals(true);
    disconnect(controls_, nullptr, this, nullptr);
    // Children die in creation order, so the Session (created first) would go before the
    // LiveWiring whose destructor stops the Session's live feed: stop it while both exist.
    delete live_;
}

void MainWindow::placeViews() {
    for (PlotView *v : views_) {
        if (v->placement() == PlotView::Placement::Tab) {
            tabs_->addTab(v, v->title());
            continue;
        }
        auto *dock = new QDockWidget(v->title(), this);
        dock->setObjectName(v->id() + QStringLiteral("Dock"));  // the saved layout's key
        dock->setWidget(v);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        docks_.insert(v, dock);
    }
}

PlotView *MainWindow::view(const QString &id) const {
    for (PlotView *v : views_)
        if (v->id() == id) return v;
    return nullptr;
}

HeatmapView *MainWindow::heatmapView() const { return view<HeatmapView>(); }
LiquidationMapView *MainWindow::mapView() const { return view<LiquidationMapView>(); }
ModelComparisonView *MainWindow::compareView() const { return view<ModelComparisonView>(); }
ExchangesView *MainWindow::exchangesView() const { return view<ExchangesView>(); }
QDockWidget *MainWindow::dock(const PlotView *v) const { return docks_.value(v); }

QString MainWindow::bannerText() const { return banner_->isVisibleTo(this) ? banner_->text() : QString(); }

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *exports = new ExportActions(this);
    connect(exports, &ExportActions::message, this, [this](const QString &t) { status_->showMessage(t, 8000); });
    file->addAction(tr("Export view as &PNG…"), this, [this, exports] {
        if (auto *v = qobject_cast<PlotView *>(tabs_->currentWidget())) exports->png(v->chart(), v->exportFileName());
        else exports->png(tabs_->currentWidget(), QStringLiteral("view.png"));
    });
    for (PlotView *v : views_)
        if (v->placement() == PlotView::Placement::Dock)
            file->addAction(tr("Export %1 as P&NG…").arg(v->title()), this,
                            [v, exports] { exports->png(v->chart(), v->exportFileName()); });
    file->addAction(tr("Export heatmap grid as &CSV…"), this, [this, exports] { exports->gridCsv(session_->grid()); });
    file->addAction(tr("Export liquidation &map as CSV…"), this, [this, exports] { exports->mapCsv(session_->map()); });
    file->addAction(tr("Export TradingView Pine &Script…"), this, [this, exports] { exports->pine(session_->map()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *data = menuBar()->addMenu(tr("&Data"));
    data->addAction(tr("&Manage data…"), this, &MainWindow::openDataManager);
    data->addAction(tr("&Recompute"), QKeySequence::Refresh, this, [this] { session_->reload(); });
    QAction *cancel = data->addAction(tr("&Cancel computation"), this, [this] {
        engine_->cancelAll();
        status_->showMessage(tr("Computation cancelled"), 5000);
    });
    cancel->setEnabled(false);
    connect(engine_, &CoreEngine::busyChanged, cancel, &QAction::setEnabled);

    QMenu *live = menuBar()->addMenu(tr("&Live"));
    live->addAction(live_->toggleAction());
    live->addAction(live_->tapeDock()->toggleViewAction());
    auto *api = new LocalApiWiring(this, engine_, session_, settings_.get());  // Live → Local API, address in the status bar
    connect(api, &LocalApiWiring::message, this, [this](const QString &t) { statusBar()->showMessage(t, 8000); });
    live->addAction(api->toggleAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (PlotView *v : views_)
        if (QDockWidget *d = dock(v)) view->addAction(d->toggleViewAction());
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    for (auto [kind, label] : {std::pair{int(Theme::Dark), tr("Dark")}, std::pair{int(Theme::Light), tr("Light")}}) {
        QAction *a = theme->addAction(label, this, [this, kind = kind] { setTheme(kind); });
        a->setCheckable(true);
        a->setChecked(Theme::fromName(settings_->value(QStringLiteral("ui/theme")).toString()) == kind);
        themes->addAction(a);
    }
    QMenu *lang = view->addMenu(tr("&Language"));
    auto *langs = new QActionGroup(this);
    const QString current = settings_->value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
    for (const QString &code : Translator::languages()) {
        QAction *a = lang->addAction(Translator::displayName(code), this, [this, code] {
            settings_->setValue(QStringLiteral("ui/language"), code);
            settings_->sync();
            emit languageChosen(code);
        });
        a->setCheckable(true);
        a->setChecked(code == current);
        langs->addAction(a);
    }
}

void MainWindow::restoreSettings() {
    QSettings &s = *settings_;
    ViewSelection sel;
    sel.exchange = s.value(QStringLiteral("view/exchange"), sel.exchange).toString();
    sel.symbol = s.value(QStringLiteral("view/symbol"), sel.symbol).toString();
    sel.window = s.value(QStringLiteral("view/window"), sel.window).toString();
    sel.model = s.value(QStringLiteral("view/model"), sel.model).toString();
    sel.bucket = s.value(QStringLiteral("view/bucket"), 0.0).toDouble();
    controls_->setSelection(sel);
    for (PlotView *v : views_) v->restoreSettings(s);
    if (!restoreGeometry(s.value(QStringLiteral("ui/geometry")).toByteArray())) resize(1500, 900);
    // First start: give the docked views (the liquidation map) two fifths of the width, enough for its legend.
    if (!restoreState(s.value(QStringLiteral("ui/state")).toByteArray())) {
        QList<QDockWidget *> docks;
        QList<int> widths;
        for (PlotView *v : views_)
            if (QDockWidget *d = dock(v)) docks << d, widths << width() * 2 / 5;
        if (!docks.isEmpty()) resizeDocks(docks, widths, Qt::Horizontal);
    }
    tabs_->setCurrentIndex(s.value(QStringLiteral("ui/tab"), 0).toInt());
}

void MainWindow::saveState() {
    QSettings &s = *settings_;
    const ViewSelection sel = controls_->selection();
    s.setValue(QStringLiteral("view/exchange"), sel.exchange);
    s.setValue(QStringLiteral("view/symbol"), sel.symbol);
    s.setValue(QStringLiteral("view/window"), sel.window);
    s.setValue(QStringLiteral("view/model"), sel.model);
    s.setValue(QStringLiteral("view/bucket"), sel.bucket);
    s.setValue(QStringLiteral("view/side"), int(session_->selection().side));
    for (PlotView *v : views_) v->saveSettings(s);
    s.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    s.setValue(QStringLiteral("ui/state"), QMainWindow::saveState());
    s.setValue(QStringLiteral("ui/tab"), tabs_->currentIndex());
    s.sync();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::setTheme(int kind) {
    Theme::apply(Theme::Kind(kind));
    settings_->setValue(QStringLiteral("ui/theme"), Theme::name(Theme::Kind(kind)));
    for (PlotView *v : views_) v->applyTheme();
}

void MainWindow::openDataManager() {
    auto *dlg = new DataManagerDialog(opt_.dbPath, {}, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &DataManagerDialog::dataChanged, this, [this] {
        session_->refreshStoreInfo();
        session_->reload();
    });
    dlg->open();
}

}  // namespace lhm::ui
