#include "map/LiquidationMapView.h"
#include "exchanges/ExchangeText.h"

#include "common/EmptyStateStack.h"
#include "common/EstimateBadge.h"
#include "common/Format.h"
#include "common/ModelNames.h"
#include "common/Theme.h"
#include "common/Timeframe.h"
#include "common/UsdTicker.h"
#include "common/ViewPriceRange.h"
#include "exchanges/ExchangeColors.h"
#include "map/LeverageLegendItem.h"

#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace lhm::ui {

namespace {
// Leverage shades: low leverage light, high leverage deep, within each side's colour family.
QColor shade(Side side, int i, int n) {
    const double t = n > 1 ? double(i) / (n - 1) : 0.5;
    if (side == Side::Long) return QColor::fromHsvF(0.11 - 0.11 * t, 0.55 + 0.4 * t, 1.0 - 0.35 * t);
    return QColor::fromHsvF(0.42 + 0.14 * t, 0.5 + 0.45 * t, 0.95 - 0.35 * t);
}
}  // namespace

LiquidationMapView::LiquidationMapView(QWidget *parent) : PlotView(parent) {
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(2);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("viewTitle"));
    title_->setContentsMargins(6, 2, 6, 2);
    lay->addWidget(title_);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("mapPlot"));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->xAxis->setLabel(tr("Liquidation price (USD)"));
    plot_->yAxis->setLabel(tr("Estimated notional per bucket"));
    plot_->yAxis2->setLabel(tr("Cumulative from price"));
    plot_->yAxis->setTicker(QSharedPointer<UsdTicker>::create());
    plot_->yAxis2->setTicker(QSharedPointer<UsdTicker>::create());
    plot_->yAxis2->setVisible(true);
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    QFont lf = plot_->legend->font();
    lf.setPointSizeF(lf.pointSizeF() * 0.9);
    plot_->legend->setFont(lf);
    // The legend under the plot, so it never hides bars.
    auto *sub = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(1, 0, sub);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    sub->addElement(0, 0, plot_->legend);
    sub->setMargins(QMargins(0, 0, 0, 4));

    cumLong_ = new QCPGraph(plot_->xAxis, plot_->yAxis2);
    cumShort_ = new QCPGraph(plot_->xAxis, plot_->yAxis2);
    // The curves on their own layer above the bars, which are recreated per map.
    plot_->addLayer(QStringLiteral("curves"), plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    cumLong_->setLayer(QStringLiteral("curves"));
    cumShort_->setLayer(QStringLiteral("curves"));
    cumLong_->setName(tr("Cumulative longs"));
    cumShort_->setName(tr("Cumulative shorts"));
    priceLine_ = new QCPItemStraightLine(plot_);
    priceTag_ = new QCPItemText(plot_);
    priceTag_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    priceTag_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    priceTag_->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    priceTag_->setPadding(QMargins(4, 1, 4, 1));
    // Short: the price tag shares the top edge.
    estimate_ = addEstimateBadge(plot_, tr("ESTIMATE — modelled"));
    // Below the price tag, which shares the top edge and moves with the price.
    estimate_->position->setCoords(0.01, 0.09);
    // In a short dock 9 % is less than the tag's height: then the badge goes just below the tag.
    keepEstimateBadgeClear(plot_, estimate_, [this] {
        return QList<QRectF>{priceTag_->visible() ? textItemRect(priceTag_) : QRectF(), plot_->legend->outerRect()};
    });
    plot_->installEventFilter(this);
    plot_->setMouseTracking(true);

    stack_ = new EmptyStateStack(plot_, this);
    lay->addWidget(stack_, 1);
    readout_ = new QLabel(this);
    readout_->setObjectName(QStringLiteral("mapReadout"));
    lay->addWidget(readout_);
    applyTheme();
    showEmpty(tr("No liquidation map yet"));
}

void LiquidationMapView::applyTheme() {
    const PlotPalette &p = Theme::palette();
    Theme::stylePlot(plot_);
    cumLong_->setPen(QPen(p.longSide, 2));
    cumShort_->setPen(QPen(p.shortSide, 2));
    priceLine_->setPen(QPen(p.priceLine, 1, Qt::DashLine));
    priceTag_->setBrush(p.priceLine);
    priceTag_->setColor(p.background);
    styleEstimateBadge(estimate_);
    if (map_) rebuild();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LiquidationMapView::showEmpty(const QString &title, const QString &hint) {
    emptyTitle_ = title;
    emptyHint_ = hint;
    map_ = nullptr;  // the empty state replaces the map: leaving live-only must not bring it back
    if (!liveOnly_) stack_->showEmpty(title, hint);
}

void LiquidationMapView::setLiveOnly(bool on, qint64 historyEndMs) {
    if (on == liveOnly_ && (!on || historyEndMs == liveOnlyEnd_)) return;
    liveOnly_ = on;
    liveOnlyEnd_ = historyEndMs;
    if (on) showLiveOnlyState();
    else if (map_) setMap(map_);
    else stack_->showEmpty(emptyTitle_, emptyHint_);
}

void LiquidationMapView::showLiveOnlyState() {
    readout_->clear();
    const QString why = liveOnlyEnd_ > 0 ? tr("The history ends %1, more than a day before the live stream, and could not be backfilled.")
                                               .arg(Format::utcTime(liveOnlyEnd_))
                                         : tr("The history ends more than a day before the live stream and could not be backfilled.");
    stack_->showEmpty(tr("No liquidation map for the live market"),
                      why + QLatin1Char('\n') +
                          tr("A map computed from it would show the positions of then as today's. "
                             "Live liquidations are shown on the heatmap and in the tape."));
}

bool LiquidationMapView::isShowingEmpty() const { return stack_->isShowingEmpty(); }
QString LiquidationMapView::emptyText() const { return stack_->emptyText(); }

QCPBars *LiquidationMapView::bars(Side side, int i) const {
    const auto &v = side == Side::Long ? longBars_ : shortBars_;
    return i >= 0 && i < int(v.size()) ? v[size_t(i)] : nullptr;
}

void LiquidationMapView::setMap(MapPtr map) {
    if (!map || map->rows == 0 || map->leverages.empty()) {
        showEmpty(tr("No data for this view"), tr("Import or download history from the Data menu."));
        return;
    }
    map_ = std::move(map);
    if (liveOnly_) return;  // kept for when live ends; the live-only state stays
    if (!hasNotional(*map_)) {
        // Axes reading "$1 $1 $0" over no bars would say the market is empty; say why instead.
        stack_->showNoPositions(map_->symbol, ExchangeText::name(map_->exchange), map_->window);
        return;
    }
    stack_->showContent();
    title_->setText(tr("%1 · %2 · %3 · %4 · at %5")
                        .arg(map_->symbol, ExchangeText::name(map_->exchange), map_->window, modelDisplayName(map_->model), Format::utcTime(map_->at)));
    rebuild();
    resetView();
}

bool LiquidationMapView::hasNotional(const LiquidationMap &m) {
    for (double v : m.longNotional)
        if (v > 0) return true;
    for (double v : m.shortNotional)
        if (v > 0) return true;
    return false;
}

QStringList LiquidationMapView::legendEntries() const {
    QStringList out;
    for (int i = 0; i < plot_->legend->itemCount(); ++i) {
        QCPAbstractLegendItem *item = plot_->legend->item(i);
        if (auto *p = qobject_cast<QCPPlottableLegendItem *>(item)) out << p->plottable()->name();
        else if (auto *l = qobject_cast<LeverageLegendItem *>(item)) out << l->label();
    }
    return out;
}

void LiquidationMapView::rebuild() {
    for (QCPBars *b : longBars_) plot_->removePlottable(b);
    for (QCPBars *b : shortBars_) plot_->removePlottable(b);
    for (QCPBars *b : exchangeBars_) plot_->removePlottable(b);
    longBars_.clear();
    shortBars_.clear();
    exchangeBars_.clear();
    const LiquidationMap &m = *map_;
    const int L = int(m.leverages.size());
    QVector<double> keys(m.rows);
    for (int r = 0; r < m.rows; ++r) keys[r] = m.rowCenter(r);
    // All exchanges: bars stacked by exchange instead of by leverage, one colour per venue.
    int part = 0;
    for (const ExchangeShare &ex : m.exchanges) {
        if (ex.status != ExchangeStatus::Ok || part >= int(m.exchangeLong.size())) continue;
        auto *b = new QCPBars(plot_->xAxis, plot_->yAxis);
        QVector<double> v(m.rows);
        for (int r = 0; r < m.rows; ++r) v[r] = m.exchangeLong[size_t(part)][size_t(r)] + m.exchangeShort[size_t(part)][size_t(r)];
        b->setData(keys, v, true);
        b->setWidth(m.bucketSize * 0.9);
        b->setWidthType(QCPBars::wtPlotCoords);
        b->setBrush(exchangeColor(ex.exchange));
        b->setPen(Qt::NoPen);
        b->setName(tr("%1 %2 %").arg(ExchangeText::displayName(ex.exchange)).arg(ex.share * 100, 0, 'f', 1));
        if (!exchangeBars_.empty()) b->moveAbove(exchangeBars_.back());
        exchangeBars_.push_back(b);
        ++part;
    }
    for (Side side : {Side::Long, Side::Short}) {
        if (!exchangeBars_.empty()) break;
        auto &out = side == Side::Long ? longBars_ : shortBars_;
        const auto &src = side == Side::Long ? m.longNotional : m.shortNotional;
        for (int l = 0; l < L; ++l) {
            auto *b = new QCPBars(plot_->xAxis, plot_->yAxis);
            QVector<double> v(m.rows);
            for (int r = 0; r < m.rows; ++r) v[r] = src[size_t(r) * L + l];
            b->setData(keys, v, true);
            b->setWidth(m.bucketSize * 0.9);
            b->setWidthType(QCPBars::wtPlotCoords);
            const QColor c = shade(side, l, L);
            b->setBrush(c);
            b->setPen(Qt::NoPen);
            b->setName((side == Side::Long ? tr("Long %1x") : tr("Short %1x")).arg(m.leverages[size_t(l)]));
            b->removeFromLegend();
            if (!out.empty()) b->moveAbove(out.back());
            out.push_back(b);
        }
    }
    // One legend row per side for all leverages (light = low, deep = high).
    QCPLegend *legend = plot_->legend;
    for (int i = legend->itemCount() - 1; i >= 0; --i)
        if (qobject_cast<LeverageLegendItem *>(legend->item(i))) legend->removeItem(i);
    for (Side side : {Side::Long, Side::Short}) {
        if (!exchangeBars_.empty() || L == 0) break;  // stacked by exchange: the venues are the legend
        std::vector<QColor> shades;
        for (int l = 0; l < L; ++l) shades.push_back(shade(side, l, L));
        legend->addItem(new LeverageLegendItem(legend, side == Side::Long ? tr("Longs") : tr("Shorts"), std::move(shades),
                                               tr("%1x").arg(m.leverages.front()), tr("%1x").arg(m.leverages.back())));
    }
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    QVector<double> cl(m.rows), cs(m.rows);
    for (int r = 0; r < m.rows; ++r) {
        cl[r] = r < int(m.cumulativeLong.size()) ? m.cumulativeLong[size_t(r)] : 0;
        cs[r] = r < int(m.cumulativeShort.size()) ? m.cumulativeShort[size_t(r)] : 0;
    }
    cumLong_->setData(keys, cl, true);
    cumShort_->setData(keys, cs, true);
    priceLine_->point1->setCoords(m.currentPrice, 0);
    priceLine_->point2->setCoords(m.currentPrice, 1);
    priceTag_->position->setCoords(m.currentPrice, 0.0);
    priceTag_->setText(tr("Price %1").arg(Format::price(m.currentPrice, m.bucketSize)));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// The heatmap's rule (common/ViewPriceRange.h) on the same levels and candles: both views show the
// same clusters. The bars' axis is scaled to the bars in view.
void LiquidationMapView::resetView() {
    if (!map_) return;
    const LiquidationMap &m = *map_;
    const int L = int(m.leverages.size());
    std::vector<double> rows(size_t(std::max(0, m.rows)), 0.0);
    for (int r = 0; r < m.rows; ++r)
        for (int l = 0; l < L; ++l) rows[size_t(r)] += m.longNotional[size_t(r) * L + l] + m.shortNotional[size_t(r) * L + l];
    const auto w = windowByName(m.window);
    const auto [lo, hi] = defaultViewPriceRange(rows, m.priceMin, m.bucketSize, m.currentPrice, m.candleLow, m.candleHigh,
                                                w ? double(w->lengthMs) / 86400000.0 : 7.0);
    double maxStack = 0, maxCum = 0;
    for (int r = 0; r < m.rows; ++r) {
        if (m.rowCenter(r) < lo || m.rowCenter(r) > hi) continue;
        double sl = 0, ss = 0;
        for (int l = 0; l < L; ++l) {
            sl += m.longNotional[size_t(r) * L + l];
            ss += m.shortNotional[size_t(r) * L + l];
        }
        maxStack = std::max({maxStack, sl, ss});
        if (r < int(m.cumulativeLong.size())) maxCum = std::max(maxCum, m.cumulativeLong[size_t(r)]);
        if (r < int(m.cumulativeShort.size())) maxCum = std::max(maxCum, m.cumulativeShort[size_t(r)]);
    }
    plot_->xAxis->setRange(lo, hi);
    plot_->yAxis->setRange(0, maxStack > 0 ? maxStack * 1.12 : 1);
    plot_->yAxis2->setRange(0, maxCum > 0 ? maxCum * 1.05 : 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString LiquidationMapView::readout() const { return readout_->text(); }

void LiquidationMapView::updateReadout(const QPoint &pos) {
    if (!map_ || map_->bucketSize <= 0) return;
    const LiquidationMap &m = *map_;
    const int r = int(std::floor((plot_->xAxis->pixelToCoord(pos.x()) - m.priceMin) / m.bucketSize));
    if (r < 0 || r >= m.rows || !plot_->axisRect()->rect().contains(pos)) {
        readout_->clear();
        return;
    }
    const int L = int(m.leverages.size());
    double sl = 0, ss = 0;
    for (int l = 0; l < L; ++l) sl += m.longNotional[size_t(r) * L + l], ss += m.shortNotional[size_t(r) * L + l];
    readout_->setText(tr("%1 – %2  ·  Longs %3  ·  Shorts %4  ·  cumulative longs %5, shorts %6")
                          .arg(Format::price(m.priceMin + r * m.bucketSize, m.bucketSize),
                               Format::price(m.priceMin + (r + 1) * m.bucketSize, m.bucketSize), Format::usd(sl),
                               Format::usd(ss),
                               Format::usd(r < int(m.cumulativeLong.size()) ? m.cumulativeLong[size_t(r)] : 0),
                               Format::usd(r < int(m.cumulativeShort.size()) ? m.cumulativeShort[size_t(r)] : 0)));
}

bool LiquidationMapView::eventFilter(QObject *watched, QEvent *event) {
    if (watched == plot_ && event->type() == QEvent::MouseMove)
        updateReadout(static_cast<QMouseEvent *>(event)->position().toPoint());
    if (watched == plot_ && event->type() == QEvent::Resize) {
        // Two columns (cumulative curve and leverage row of a side) when they fit whole, else one:
        // a narrow dock wraps instead of cutting "Cumulative longs" to "Cumulative lo".
        const int columns = std::clamp(plot_->width() / 200, 1, 2);
        if (plot_->legend->wrap() != columns) {
            plot_->legend->setWrap(columns);
            plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace lhm::ui

namespace lhm::ui {

void LiquidationMapView::attach(Session *session) {
    connect(session, &Session::mapChanged, this, [this](MapPtr m) {
        if (!m) return;  // a failure arrives as Session::viewFailed; the coordinator shows it
        setMap(std::move(m));
        emit rendered();
    });
    // The heatmap's rule: live over history too old to roll forward shows no model output as today's.
    connect(session, &Session::liveStateChanged, this, [this, session](LiveState s) {
        const GridPtr base = session->baseGrid();
        const qint64 end = base ? Session::shownTo(*base) : (map_ ? map_->at : 0);
        const bool was = liveOnly_;
        setLiveOnly(s == LiveState::HistoryTooOld, end);
        if (was != liveOnly_) emit rendered();
    });
}

QWidget *LiquidationMapView::chart() { return plot_; }

void LiquidationMapView::renderNow() { plot_->replot(QCustomPlot::rpImmediateRefresh); }

}  // namespace lhm::ui
