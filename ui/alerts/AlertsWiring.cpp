#include "alerts/AlertsWiring.h"

#include "alerts/AlertDialog.h"
#include "alerts/AlertOverlay.h"
#include "alerts/AlertService.h"
#include "alerts/AlertText.h"
#include "alerts/AlertToast.h"
#include "alerts/AlertsPanel.h"
#include "alerts/ChannelSettingsDialog.h"
#include "engine/LiveSession.h"
#include "engine/Session.h"
#include "heatmap/HeatmapView.h"
#include "main/ControlBar.h"
#include "map/LiquidationMapView.h"
#include "models/ClusterFinder.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QPainter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <qcustomplot.h>

namespace lhm::ui {

using namespace lhm::alerts;

AlertsWiring::AlertsWiring(QMainWindow *window, Session *session, ControlBar *controls, HeatmapView *heatmap,
                           LiquidationMapView *map, const QString &dbPath)
    : QObject(window), window_(window), session_(session), controls_(controls), heatmap_(heatmap) {
    setObjectName(QStringLiteral("alertsWiring"));
    panel_ = new AlertsPanel(window);
    dock_ = new QDockWidget(tr("Alerts"), window);
    dock_->setObjectName(QStringLiteral("alertsDock"));
    dock_->setWidget(panel_);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock_);
    dock_->hide();
    toast_ = new AlertToast(window);
    heatmapOverlay_ = new AlertOverlay(heatmap->plot(), false, this);
    mapOverlay_ = new AlertOverlay(map->plot(), true, this);
    const QString symbol = session->selection().symbol;
    heatmapOverlay_->setSymbol(symbol);
    mapOverlay_->setSymbol(symbol);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(window->windowIcon().isNull() ? QIcon(QStringLiteral(":/icons/liquidationheatmap.png")) : window->windowIcon(), this);
        tray_->setToolTip(tr("LiquidationHeatmap"));
        tray_->show();
        connect(tray_, &QSystemTrayIcon::activated, window, [window] {
            window->showNormal();
            window->activateWindow();
        });
    }
    window->installEventFilter(this);

    // The service and its store connection live on their own thread.
    service_ = new AlertService(dbPath);
    service_->dispatcher().popupAttached = true;
    service_->dispatcher().trayAttached = tray_ != nullptr;
    service_->moveToThread(&thread_);
    thread_.setObjectName(QStringLiteral("alerts"));
    thread_.start();
    connect(&thread_, &QThread::finished, service_, &QObject::deleteLater);
    QMetaObject::invokeMethod(service_, [s = service_] {
        auto started = s->start();
        if (!started) emit s->problem(started.error().toString());
        else
            for (const QString &w : *started) emit s->problem(w);
        s->requestRules();
        s->requestHistory();
    });

    connect(service_, &AlertService::rulesListed, this, &AlertsWiring::onRules);
    connect(service_, &AlertService::historyListed, panel_, &AlertsPanel::setHistory);
    connect(service_, &AlertService::rulesChanged, service_, &AlertService::requestRules);
    connect(service_, &AlertService::delivered, this, [this](const Firing &f) { onDelivered(f); });
    connect(&service_->dispatcher(), &AlertDispatcher::popupRequested, this, [this](const Firing &f) {
        toast_->show(f);
        emit firingShown(f);
    });
    connect(&service_->dispatcher(), &AlertDispatcher::trayMessage, this, [this](const QString &title, const QString &body) {
        if (tray_) tray_->showMessage(title, body, QSystemTrayIcon::Information, 8000);
    });
    connect(service_, &AlertService::problem, this, [this](const QString &m) { window_->statusBar()->showMessage(m, 8000); });
    connect(service_, &AlertService::ruleSaved, this, [this](qint64 id, const QString &field, const QString &error) {
        if (!dialog_) return;
        if (id > 0) dialog_->accept();
        else dialog_->showError(AlertText::invalid(field, error));
    });
    connect(service_, &AlertService::channelsListed, this, [this](const ChannelSettings &s) {
        if (channels_) channels_->setSettings(s);
    });
    connect(service_, &AlertService::channelsSaved, this, [this](const QStringList &w) {
        if (channels_) channels_->setSaveWarnings(w);
    });
    connect(service_, &AlertService::testResult, this, [this](Channel c, const QString &result, bool ok) {
        if (channels_) channels_->setTestResult(c, result, ok);
    });

    // Live data and recomputed grids go to the service's thread (queued: the UI never waits).
    LiveSession *live = session->live();
    connect(live, &LiveSession::liquidations, service_, &AlertService::onLiquidations);
    connect(live, &LiveSession::ticks, service_, [s = service_](const QList<feeds::PriceTick> &ticks) {
        QList<PriceUpdate> prices;
        for (const feeds::PriceTick &t : ticks)
            if (t.kind != feeds::PriceTick::Kind::Mark) prices.append({t.exchange, t.symbol, t.price, t.time, t.receiveTime});
        if (!prices.isEmpty()) s->onPrices(prices);
    });
    connect(session, &Session::gridChanged, this, [this](GridPtr grid, GridOrigin origin) {
        if (!grid || grid->cols() == 0 || origin == GridOrigin::Live) return;
        ClusterSet set{grid->exchange, grid->symbol, grid->model, {}, grid->computedAt};
        for (Side side : {Side::Long, Side::Short})
            for (const Cluster &c : findClusters(*grid, grid->cols() - 1, side, 5))
                set.clusters.push_back({c.price, c.low, c.high, c.notional, c.side});
        QMetaObject::invokeMethod(service_, [s = service_, set] { s->onClusters(set); });
    });
    connect(session, &Session::selectionChanged, this, [this](const Selection &s) {
        heatmapOverlay_->setSymbol(s.symbol);
        mapOverlay_->setSymbol(s.symbol);
    });

    connect(panel_, &AlertsPanel::newRequested, this, [this] { openCreate(); });
    connect(panel_, &AlertsPanel::editRequested, this, &AlertsWiring::openEdit);
    connect(panel_, &AlertsPanel::removeRequested, service_, [s = service_](qint64 id) { s->removeRule(id); });
    connect(panel_, &AlertsPanel::channelsRequested, this, &AlertsWiring::openChannels);
    connect(heatmapOverlay_, &AlertOverlay::createRequested, this, [this](double p) { openCreate(p); });
    connect(mapOverlay_, &AlertOverlay::createRequested, this, [this](double p) { openCreate(p); });
    connect(toast_, &AlertToast::clicked, this, &AlertsWiring::showAt);

    QMenu *menu = window->menuBar()->addMenu(tr("&Alerts"));
    menu->addAction(tr("&New alert…"), this, [this] { openCreate(); });
    QAction *toggle = dock_->toggleViewAction();
    toggle->setText(tr("Show &alerts"));
    menu->addAction(toggle);
    menu->addAction(tr("&Channels…"), this, &AlertsWiring::openChannels);
}

AlertsWiring::~AlertsWiring() {
    window_->removeEventFilter(this);
    if (service_) QMetaObject::invokeMethod(service_, [s = service_] { s->stop(2000); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

AlertDialog *AlertsWiring::dialog() const { return dialog_.data(); }
ChannelSettingsDialog *AlertsWiring::channelsDialog() const { return channels_.data(); }

void AlertsWiring::onRules(const QList<AlertRule> &rules, qint64 nowMs) {
    loaded_ = true;
    panel_->setRules(rules, nowMs);
    heatmapOverlay_->setRules(rules, nowMs);
    mapOverlay_->setRules(rules, nowMs);
}

void AlertsWiring::onDelivered(const Firing &) {
    if (window_->isMinimized() || !window_->isActiveWindow()) ++unread_;
    updateTray();
    QMetaObject::invokeMethod(service_, [s = service_] {
        s->requestRules();
        s->requestHistory();
    });
}

void AlertsWiring::updateTray() {
    if (!tray_) return;
    tray_->setToolTip(unread_ ? tr("LiquidationHeatmap — %n unread alert(s)", nullptr, unread_) : tr("LiquidationHeatmap"));
    QPixmap pm = window_->windowIcon().pixmap(64, 64);
    if (pm.isNull()) pm = QPixmap(64, 64), pm.fill(QColor(0x0d, 0x11, 0x17));
    if (unread_) {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0xf8, 0x51, 0x49));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRect(28, 0, 36, 36));
        p.setPen(Qt::white);
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(22);
        p.setFont(f);
        p.drawText(QRect(28, 0, 36, 36), Qt::AlignCenter, unread_ > 99 ? QStringLiteral("99") : QString::number(unread_));
    }
    tray_->setIcon(QIcon(pm));
}

bool AlertsWiring::eventFilter(QObject *watched, QEvent *event) {
    if (watched == window_ && (event->type() == QEvent::WindowActivate ||
                               (event->type() == QEvent::WindowStateChange && !window_->isMinimized()))) {
        if (unread_) {
            unread_ = 0;
            updateTray();
        }
    }
    return false;
}

void AlertsWiring::openCreate(double price) {
    AlertRule r;
    r.symbol = session_->selection().symbol;
    r.exchanges = {session_->selection().exchange};
    r.type = RuleType::PriceCross;
    if (price > 0) {
        const double rounded = price >= 1000 ? std::round(price / 10) * 10 : price;
        r.params.level = rounded;
        const double shown = session_->grid() ? session_->grid()->currentPrice : 0;
        r.params.direction = shown > 0 && rounded > shown ? Direction::Above : Direction::Below;
        r.name = tr("%1 at %2").arg(r.symbol, QLocale().toString(rounded, 'f', rounded >= 100 ? 0 : 2));
    }
    openEdit(r);
}

void AlertsWiring::openEdit(const AlertRule &rule) {
    if (dialog_) dialog_->close();
    QStringList symbols;
    for (const QString &s : {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT"), session_->selection().symbol})
        if (!symbols.contains(s)) symbols << s;
    dialog_ = new AlertDialog(rule, symbols, window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    dialog_->setModal(false);
    // OK asks the service to save; the dialog closes when it answers with an id.
    connect(dialog_, &AlertDialog::submitted, service_, [s = service_](const AlertRule &r) { s->saveRule(r); });
    AlertDialog *d = dialog_;
    d->show();
}

void AlertsWiring::openChannels() {
    if (!channels_) {
        channels_ = new ChannelSettingsDialog(window_);
        channels_->setAttribute(Qt::WA_DeleteOnClose);
        connect(channels_, &ChannelSettingsDialog::saveRequested, this, [this] {
            const ChannelSettings s = channels_->settings();
            const QString token = channels_->telegramToken(), password = channels_->smtpPassword(), secret = channels_->webhookSecret();
            QMetaObject::invokeMethod(service_, [sv = service_, s, token, password, secret] { sv->saveChannels(s, token, password, secret); });
        });
        connect(channels_, &ChannelSettingsDialog::testRequested, this, [this](Channel c) {
            QMetaObject::invokeMethod(service_, [s = service_, c] { s->sendTest(c); });
        });
    }
    QMetaObject::invokeMethod(service_, [s = service_] { s->requestChannels(); });
    channels_->show();
    channels_->raise();
}

void AlertsWiring::showAt(const QString &symbol, double price) {
    window_->showNormal();
    window_->activateWindow();
    Selection sel = session_->selection();
    if (sel.symbol != symbol) {
        sel.symbol = symbol;
        controls_->setSelection(sel);
        session_->setSelection(sel);
    }
    if (price > 0) {
        QCPRange r = heatmap_->plot()->yAxis->range();
        const double half = r.size() / 2;
        heatmap_->plot()->yAxis->setRange(price - half, price + half);
        heatmap_->plot()->replot(QCustomPlot::rpQueuedReplot);
    }
}

}  // namespace lhm::ui
