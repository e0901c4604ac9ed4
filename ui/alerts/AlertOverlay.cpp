#include "alerts/AlertOverlay.h"

#include "alerts/AlertText.h"

#include <QLocale>
#include <QMenu>
#include <qcustomplot.h>

namespace lhm::ui {

using namespace lhm::alerts;

AlertOverlay::AlertOverlay(QCustomPlot *plot, bool vertical, QObject *parent) : QObject(parent), plot_(plot), vertical_(vertical) {
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, &AlertOverlay::showMenu);
}

double AlertOverlay::priceAt(const QPoint &pos) const {
    return vertical_ ? plot_->xAxis->pixelToCoord(pos.x()) : plot_->yAxis->pixelToCoord(pos.y());
}

void AlertOverlay::showMenu(const QPoint &pos) {
    const double price = priceAt(pos);
    if (!(price > 0)) return;
    QMenu menu(plot_);
    QAction *a = menu.addAction(tr("Create alert at %1…").arg(QLocale().toString(price, 'f', price >= 100 ? 0 : 2)));
    a->setObjectName(QStringLiteral("createAlertAction"));
    connect(a, &QAction::triggered, this, [this, price] { emit createRequested(price); });
    if (qEnvironmentVariableIsSet("LHM_TEST_MENU_AUTOTRIGGER")) {
        a->trigger();  // tests: no modal menu loop off-screen
        return;
    }
    menu.exec(plot_->mapToGlobal(pos));
}

void AlertOverlay::setRules(const QList<AlertRule> &rules, qint64 nowMs) {
    rules_ = rules;
    now_ = nowMs;
    redraw();
}

void AlertOverlay::setSymbol(const QString &symbol) {
    if (symbol == symbol_) return;
    symbol_ = symbol;
    redraw();
}

void AlertOverlay::redraw() {
    for (QCPAbstractItem *i : items_) plot_->removeItem(i);
    items_.clear();
    lines_ = 0;
    for (const AlertRule &r : rules_) {
        if (r.symbol != symbol_ || !r.enabled) continue;
        QList<QPair<double, QString>> levels;
        if (r.type == RuleType::PriceCross) levels.append({r.params.level, QString()});
        if (r.type == RuleType::Liquidation) {
            if (r.params.priceFrom) levels.append({*r.params.priceFrom, QStringLiteral(" ↑")});
            if (r.params.priceTo) levels.append({*r.params.priceTo, QStringLiteral(" ↓")});
        }
        const RuleStatus st = r.effectiveStatus(now_);
        const bool live = st == RuleStatus::Active;
        const QColor colour = st == RuleStatus::Triggered ? QColor(0x8b, 0x94, 0x9e) : live ? QColor(0xf0, 0xb4, 0x29) : QColor(0x6e, 0x76, 0x81);
        for (const auto &[price, mark] : levels) {
            auto *line = new QCPItemStraightLine(plot_);
            line->setPen(QPen(colour, 1.4, Qt::DashLine));
            line->setSelectable(false);
            if (vertical_) {
                line->point1->setCoords(price, 0);
                line->point2->setCoords(price, 1);
            } else {
                line->point1->setCoords(0, price);
                line->point2->setCoords(1, price);
            }
            auto *tag = new QCPItemText(plot_);
            tag->setSelectable(false);
            tag->setColor(colour);
            tag->setFont(QFont(plot_->font().family(), 8));
            const QString level = QLocale().toString(price, 'f', price >= 100 ? 0 : 2);
            const QString label = r.name.contains(level) ? r.name : QStringLiteral("%1 · %2").arg(r.name, level);
            tag->setText(st == RuleStatus::Triggered ? tr("%1%2 (triggered)").arg(label, mark) : label + mark);
            if (vertical_) {
                tag->position->setTypeX(QCPItemPosition::ptPlotCoords);
                tag->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
                // Near the bottom: the top holds the estimate badge and the price tag.
                tag->position->setCoords(price, 0.97 - 0.05 * (lines_ % 4));
                tag->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
            } else {
                tag->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
                tag->position->setTypeY(QCPItemPosition::ptPlotCoords);
                tag->position->setCoords(0.01, price);
                tag->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
            }
            items_ << line << tag;
            ++lines_;
        }
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lhm::ui
