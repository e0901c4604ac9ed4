#include "main/LiveWiring.h"

#include "config/ExchangesConfig.h"
#include "feeds/LiveController.h"
#include "heatmap/HeatmapView.h"
#include "live/ConnectionLights.h"
#include "live/LiveTapePanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>

namespace lhm::ui {

LiveWiring::LiveWiring(QMainWindow *window, HeatmapView *heatmap, const QString &dbPath)
    : QObject(window), window_(window), heatmap_(heatmap), dbPath_(dbPath) {
    controller_ = new feeds::LiveController(this);
    toggle_ = new QAction(tr("Live"), this);
    toggle_->setObjectName(QStringLiteral("liveToggle"));
    toggle_->setCheckable(true);
    toggle_->setToolTip(tr("Follow the exchanges' liquidation streams for the shown symbol"));
    connect(toggle_, &QAction::toggled, this, &LiveWiring::setRunning);

    lights_ = new ConnectionLights(window);
    lights_->connectTo(controller_);
    window->statusBar()->addPermanentWidget(lights_);

    tape_ = new LiveTapePanel(window);
    tape_->connectTo(controller_);
    tapeDock_ = new QDockWidget(tr("Liquidation tape"), window);
    tapeDock_->setObjectName(QStringLiteral("tapeDock"));
    tapeDock_->setWidget(tape_);
    window->addDockWidget(Qt::RightDockWidgetArea, tapeDock_);

    connect(controller_, &feeds::LiveController::updated, this,
            [this](const QList<LiquidationEvent> &events, const QList<feeds::PriceTick> &ticks) {
                std::vector<LiquidationEvent> mine;
                for (const LiquidationEvent &e : events)
                    if (e.symbol == symbol_) mine.push_back(e);
                if (!mine.empty()) heatmap_->addRealisedLiquidations(mine);
                // Trades roll the shown heatmap forward (consuming the levels they cross); the
                // newest tick of the shown symbol is its current price.
                double last = 0;
                bool rolled = false;
                const GridPtr &shown = heatmap_->grid();
                for (const feeds::PriceTick &t : ticks) {
                    if (t.symbol != symbol_ || t.price <= 0) continue;
                    last = t.price;
                    if (t.kind == feeds::PriceTick::Kind::Trade && shown && t.exchange == shown->exchange)
                        rolled |= rolling_.addTick(t.time, t.price, t.qty);
                }
                if (rolled && !redraw_.isActive()) redraw_.start();
                else if (last > 0 && !rolled) heatmap_->setLivePrice(last);
            });
    redraw_.setSingleShot(true);
    redraw_.setInterval(200);
    connect(&redraw_, &QTimer::timeout, this, [this] {
        if (rolling_.hasGrid()) heatmap_->setLiveGrid(rolling_.snapshot());
    });
    // While live, ask for the estimate again now and then: when new candles or open interest
    // reached the store (the feeds backfill them), the open heatmap moves forward; when nothing
    // new arrived, the engine answers from its cache at once.
    refresh_.setInterval(60'000);
    connect(&refresh_, &QTimer::timeout, this, &LiveWiring::refreshWanted);
    connect(controller_, &feeds::LiveController::storeFailed, this, &LiveWiring::message);
}

LiveWiring::~LiveWiring() {
    // Disconnect the panels first: they must not hear from a controller that is going away.
    if (controller_->isRunning()) controller_->stop();
}

bool LiveWiring::isRunning() const { return controller_->isRunning(); }

void LiveWiring::setBaseGrid(GridPtr grid) {
    // Only grids of the shown symbol; a new computation replaces the rolled-forward state.
    rolling_.setGrid(grid && grid->symbol == symbol_ ? std::move(grid) : nullptr);
}

void LiveWiring::setSymbol(const QString &symbol) {
    if (symbol == symbol_) return;
    symbol_ = symbol;
    rolling_.setGrid(nullptr);  // until the new symbol's grid arrives
    if (controller_->isRunning()) {
        stop();
        start();
    }
}

void LiveWiring::setRunning(bool on) {
    if (on == controller_->isRunning()) return;
    on ? start() : stop();
    const QSignalBlocker block(toggle_);
    toggle_->setChecked(controller_->isRunning());
}

void LiveWiring::start() {
    auto cfg = ExchangesConfig::load();
    if (!cfg.ok()) {
        emit message(tr("Live mode needs config/exchanges.yaml: %1").arg(cfg.error().toString()));
        return;
    }
    // Every exchange that lists the shown symbol, each with all the symbols it lists: the tape shows
    // the whole market, the heatmap only the shown symbol's bubbles.
    std::vector<feeds::FeedOptions> all;
    QStringList names;
    for (const ExchangeConfig &e : cfg->exchanges()) {
        if (!e.symbol(symbol_)) continue;
        feeds::LiveRequest req;
        req.exchanges = {e.name};
        for (const ExchangeSymbolConfig &s : e.symbols) req.symbols << s.unified;
        auto resolved = feeds::LiveController::resolve(*cfg, req);
        if (!resolved.ok()) {
            emit message(tr("Cannot go live: %1").arg(resolved.error().toString()));
            return;
        }
        for (auto &f : resolved.value()) all.push_back(std::move(f));
        names << e.name;
    }
    if (all.empty()) {
        emit message(tr("Cannot go live: no exchange in exchanges.yaml lists %1").arg(symbol_));
        return;
    }
    if (Status s = controller_->start(std::move(all), dbPath_); !s.ok()) {
        emit message(tr("Cannot go live: %1").arg(s.error().toString()));
        return;
    }
    tapeDock_->show();
    refresh_.start();
    emit message(tr("Live: following %1 on %2").arg(symbol_, names.join(QStringLiteral(", "))));
}

void LiveWiring::stop() {
    refresh_.stop();
    controller_->stop();
    emit message(tr("Live mode off"));
}

}  // namespace lhm::ui
