#include "live/ConnectionLights.h"

#include "exchanges/ExchangeText.h"
#include "feeds/LiveController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace lhm::ui {

using feeds::FeedHealth;
using feeds::FeedState;

static QPixmap dot(const QColor &c, int size);

ConnectionLights::ConnectionLights(QWidget *parent) : QWidget(parent) {
    layout_ = new QHBoxLayout(this);
    layout_->setContentsMargins(4, 2, 4, 2);
    layout_->setSpacing(12);
    layout_->addStretch(1);
    setVisible(false);
}

void ConnectionLights::setActive(bool on) {
    active_ = on;
    off_ = !on;
    if (on) {
        setVisible(true);
        return;
    }
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        it->light = Light::Off;
        it->dot->setPixmap(dot(colorOf(Light::Off), std::max(8, it->dot->fontMetrics().height() - 4)));
        it->box->setToolTip(tr("%1: live mode is off").arg(it.key()));
    }
    setVisible(!entries_.isEmpty());
}

void ConnectionLights::connectTo(feeds::LiveController *controller) {
    connect(controller, &feeds::LiveController::healthUpdated, this, &ConnectionLights::setHealth);
}

ConnectionLights::Light ConnectionLights::lightFor(const FeedHealth &h) {
    switch (h.state) {
    case FeedState::Live: return Light::Green;
    case FeedState::Connecting:
    case FeedState::Stale: return Light::Amber;
    case FeedState::Backoff:
    case FeedState::Stopped: break;
    }
    return Light::Red;
}

QColor ConnectionLights::colorOf(Light l) {
    switch (l) {
    case Light::Green: return QColor(0x2e, 0xcc, 0x71);
    case Light::Amber: return QColor(0xf3, 0x9c, 0x12);
    case Light::Off: return QColor(0x8b, 0x94, 0x9e);
    case Light::Red: break;
    }
    return QColor(0xe7, 0x4c, 0x3c);
}

static QString stateText(FeedState s) {
    switch (s) {
    case FeedState::Live: return ConnectionLights::tr("live");
    case FeedState::Connecting: return ConnectionLights::tr("connecting");
    case FeedState::Stale: return ConnectionLights::tr("quiet (no message lately)");
    case FeedState::Backoff: return ConnectionLights::tr("reconnecting");
    case FeedState::Stopped: break;
    }
    return ConnectionLights::tr("stopped");
}

QString ConnectionLights::tooltipFor(const FeedHealth &h) {
    QString age = h.lastMessageAgeMs < 0 ? tr("never") : tr("%1 s ago").arg(double(h.lastMessageAgeMs) / 1000.0, 0, 'f', 1);
    QString tip = tr("%1\nState: %2\nLast message: %3\nMessages/s: %4\nReconnects: %5\nParse errors: %6")
                      .arg(ExchangeText::displayName(h.exchange), stateText(h.state), age, QString::number(h.messagesPerSec, 'f', 1))
                      .arg(h.reconnects)
                      .arg(h.parseErrors);
    if (!h.liquidationStream) tip += QLatin1Char('\n') + tr("No public liquidation stream: trades (price) only");
    if (h.state != FeedState::Live && !h.lastError.isEmpty()) tip += QLatin1Char('\n') + tr("Last error: %1").arg(h.lastError);
    return tip;
}

QString ConnectionLights::tooltip(const QString &exchange) const {
    const auto it = entries_.constFind(exchange);
    return it != entries_.constEnd() && it->box ? it->box->toolTip() : QString();
}

ConnectionLights::Light ConnectionLights::light(const QString &exchange) const {
    const auto it = entries_.constFind(exchange);
    return it != entries_.constEnd() ? it->light : Light::Red;
}

static QPixmap dot(const QColor &c, int size) {
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(c.darker(140));
    p.setBrush(c);
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pm;
}

void ConnectionLights::setHealth(const QList<FeedHealth> &feeds) {
    if (off_) return;  // the feeds' last "stopped" after live mode was turned off
    for (const FeedHealth &h : feeds) {
        Entry &e = entries_[h.exchange];
        if (!e.box) {
            e.box = new QWidget(this);
            auto *row = new QHBoxLayout(e.box);
            row->setContentsMargins(0, 0, 0, 0);
            row->setSpacing(4);
            e.dot = new QLabel(e.box);
            auto *name = new QLabel(ExchangeText::displayName(h.exchange), e.box);
            row->addWidget(e.dot);
            row->addWidget(name);
            // Fixed order (binance, bybit, okx, hyperliquid) whatever order the feeds report in.
            feeds::Exchange ex;
            const int rank = feeds::exchangeFromName(h.exchange, &ex) ? int(ex) : feeds::kExchangeCount;
            int pos = 0;
            for (auto it = entries_.cbegin(); it != entries_.cend(); ++it) {
                feeds::Exchange other;
                if (it->box && it.key() != h.exchange &&
                    (feeds::exchangeFromName(it.key(), &other) ? int(other) : feeds::kExchangeCount) < rank)
                    ++pos;
            }
            layout_->insertWidget(pos, e.box);
        }
        const Light l = lightFor(h);
        e.light = l;
        e.dot->setPixmap(dot(colorOf(l), std::max(8, e.dot->fontMetrics().height() - 4)));
        e.box->setToolTip(tooltipFor(h));
    }
}

}  // namespace lhm::ui
