#include "main/LiveWiring.h"

#include "exchanges/ExchangeText.h"
#include "heatmap/HeatmapView.h"
#include "live/ConnectionLights.h"
#include "live/LiveTapePanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>

namespace lhm::ui {

LiveWiring::LiveWiring(QMainWindow *window, HeatmapView *heatmap, Session *session)
    : QObject(window), window_(window), heatmap_(heatmap), session_(session) {
    LiveSession *live = session_->live();
    toggle_ = new QAction(tr("Live"), this);
    toggle_->setObjectName(QStringLiteral("liveToggle"));
    toggle_->setCheckable(true);
    toggle_->setToolTip(tr("Follow the exchanges' liquidation streams for the shown symbol"));
    connect(toggle_, &QAction::toggled, this, &LiveWiring::setRunning);

    lights_ = new ConnectionLights(window);
    lights_->connectTo(live->controller());
    window->statusBar()->addPermanentWidget(lights_);

    tape_ = new LiveTapePanel(window);
    tape_->connectTo(live->controller());
    tapeDock_ = new QDockWidget(tr("Liquidation tape"), window);
    tapeDock_->setObjectName(QStringLiteral("tapeDock"));
    tapeDock_->setWidget(tape_);
    window->addDockWidget(Qt::RightDockWidgetArea, tapeDock_);

    connect(live, &LiveSession::focusLiquidations, this, [this](const QList<LiquidationEvent> &events) {
        heatmap_->addRealisedLiquidations(std::vector<LiquidationEvent>(events.begin(), events.end()));
    });
    connect(live, &LiveSession::focusPrice, this, [this](double price, qint64 timeMs) {
        // While rolling, the rolled grid carries the price; otherwise the newest tick moves the line.
        if (session_->liveState() != LiveState::Rolling) heatmap_->setLivePrice(price, timeMs);
    });
    connect(live, &LiveSession::storeFailed, this, &LiveWiring::message);
    connect(session_, &Session::liveChanged, this, [this](bool on) {
        const QSignalBlocker block(toggle_);
        toggle_->setChecked(on);
        on ? refresh_.start() : refresh_.stop();
        lights_->setActive(on);
        if (!on) heatmap_->endLive();
        if (on) {
            tapeDock_->show();
            emit message(tr("Live: following %1 on %2")
                             .arg(session_->selection().symbol, ExchangeText::name(session_->live()->exchanges().join(QLatin1Char(',')))));
        }
    });
    connect(session_, &Session::liveStateChanged, this, [this](LiveState s) {
        heatmap_->setLiveOnly(s == LiveState::HistoryTooOld);
    });
    // While live, ask for the estimate again now and then: when new candles or open interest
    // reached the store (the feeds backfill them), the open heatmap moves forward; when nothing
    // new arrived, the engine answers from its cache at once.
    refresh_.setInterval(60'000);
    connect(&refresh_, &QTimer::timeout, session_, &Session::reload);
}

// The session (a sibling in the window) may already be gone; its LiveSession stops the feeds itself.
LiveWiring::~LiveWiring() = default;

QString LiveWiring::errorText(const LiveError &e) const {
    switch (e.code) {
    case LiveError::Code::ConfigUnreadable: return tr("Live mode needs config/exchanges.yaml: %1").arg(e.detail);
    case LiveError::Code::NoExchangeForSymbol: return tr("Cannot go live: no exchange in exchanges.yaml lists %1").arg(e.detail);
    case LiveError::Code::BadRequest:
    case LiveError::Code::StoreUnavailable: return tr("Cannot go live: %1").arg(e.detail);
    }
    return e.detail;
}

void LiveWiring::setRunning(bool on) {
    if (auto err = session_->setLive(on)) emit message(errorText(*err));
    else if (!on) emit message(tr("Live mode off"));
    const QSignalBlocker block(toggle_);
    toggle_->setChecked(session_->isLive());
}

}  // namespace lhm::ui
