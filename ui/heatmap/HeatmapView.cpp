#include "heatmap/HeatmapView.h"
#include "exchanges/ExchangeText.h"

#include "common/EmptyStateStack.h"
#include "common/CandleExtent.h"
#include "common/EstimateBadge.h"
#include "common/Format.h"
#include "common/ModelNames.h"
#include "common/Theme.h"
#include "common/Timeframe.h"
#include "common/TimePricePlot.h"
#include "common/UsdTicker.h"
#include "common/ViewPriceRange.h"
#include "heatmap/CandleLayer.h"
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapControls.h"
#include "heatmap/HeatmapLegend.h"
#include "heatmap/PriceMarker.h"

#include <QLabel>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace lhm::ui {

namespace {
constexpr int kMaxBubbles = 400;
constexpr size_t kMaxMarkers = 3000;  // the largest predicted liquidations; more only clutter
constexpr int kMaxTracePoints = 20000;  // live ticks kept for the trace (coalesced, at most 25/s)
}  // namespace

HeatmapView::HeatmapView(QWidget *parent) : PlotView(parent) {
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(2);
    controls_ = new HeatmapControls(this);
    lay->addWidget(controls_);
    connect(controls_, &HeatmapControls::sideRequested, this, &HeatmapView::setSide);
    connect(controls_, &HeatmapControls::cutoffRequested, this, &HeatmapView::setCutoff);
    connect(controls_, &HeatmapControls::fitRequested, this, &HeatmapView::resetView);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("heatmapPlot"));
    plot_->setNoAntialiasingOnDrag(true);
    setUpTimePricePlot(plot_);
    plot_->yAxis2->setVisible(true);
    plot_->yAxis->setTickLabels(false);
    plot_->yAxis2->setLabel(tr("Price (USD)"));
    connect(plot_->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), plot_->yAxis2,
            qOverload<const QCPRange &>(&QCPAxis::setRange));

    scale_ = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->axis()->setTicker(QSharedPointer<UsdTicker>::create());
    scale_->axis()->setLabel(tr("Estimated liquidations per bucket (USD)"));
    scale_->setBarWidth(12);
    auto *group = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);

    layer_ = new DensityLayer(plot_, plot_->xAxis, plot_->yAxis, scale_);
    candles_ = new CandleLayer(layer_);
    predictedLong_ = plot_->addGraph();
    predictedShort_ = plot_->addGraph();
    for (QCPGraph *g : {predictedLong_, predictedShort_}) g->setLineStyle(QCPGraph::lsNone);
    liveTrace_ = plot_->addGraph();
    liveTrace_->setLineStyle(QCPGraph::lsStepLeft);
    liveTrace_->setVisible(false);
    price_ = new PriceMarker(plot_);
    estimate_ = addEstimateBadge(plot_, tr("ESTIMATE — modelled liquidation levels, not exchange data"));
    legend_ = new HeatmapLegend(plot_, price_->line(), predictedLong_, predictedShort_);
    legend_->setLiveTrace(liveTrace_);
    // The legend sits top right, the badge top left: in a narrow plot the badge goes below it.
    keepEstimateBadgeClear(plot_, estimate_, [this] {
        return plot_->legend->visible() && plot_->legend->itemCount() > 0 ? QList<QRectF>{plot_->legend->outerRect()} : QList<QRectF>{};
    });
    waiting_ = new QCPItemText(plot_);
    waiting_->position->setType(QCPItemPosition::ptAxisRectRatio);
    // Top left: the price line runs through the middle of the live view, the legend is top right.
    waiting_->position->setCoords(0.02, 0.03);
    waiting_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    waiting_->setVisible(false);
    // In a narrow heatmap (1280x720 beside the map dock) the text ran into the top-right legend:
    // it goes just below the legend then, as the ESTIMATE badge does. The legend counts 12 px
    // wider so the two never touch.
    keepEstimateBadgeClear(plot_, waiting_, [this] {
        return plot_->legend->visible() && plot_->legend->itemCount() > 0
                   ? QList<QRectF>{QRectF(plot_->legend->outerRect()).adjusted(-12, 0, 0, 0)}
                   : QList<QRectF>{};
    });
    plot_->installEventFilter(this);
    plot_->setMouseTracking(true);

    stack_ = new EmptyStateStack(plot_, this);
    lay->addWidget(stack_, 1);

    readout_ = tr("Hover the heatmap to read a cell.");
    for (QCPItemStraightLine **l : {&crossH_, &crossV_}) {
        *l = new QCPItemStraightLine(plot_);
        (*l)->setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DotLine));
        (*l)->setSelectable(false);
        (*l)->setVisible(false);
    }
    applyTheme();
    showEmpty(tr("No heatmap yet"), tr("Pick a symbol and window, or import data from the Data menu."));
}

void HeatmapView::applyTheme() {
    const PlotPalette &p = Theme::palette();
    Theme::stylePlot(plot_);
    Theme::styleAxis(scale_->axis());
    candles_->applyTheme();
    predictedLong_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, p.longSide, p.longSide, 3));
    predictedShort_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, p.shortSide, p.shortSide, 3));
    predictedLong_->setName(tr("Predicted long liquidations"));
    predictedShort_->setName(tr("Predicted short liquidations"));
    liveTrace_->setPen(QPen(p.text, 1.4));
    liveTrace_->setName(tr("Live trades (price)"));
    price_->applyTheme();
    legend_->applyTheme();
    waiting_->setColor(p.text);
    styleEstimateBadge(estimate_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setGrid(GridPtr grid, bool fromCache) {
    const bool sameView = layer_->grid() && grid && layer_->grid()->symbol == grid->symbol &&
                          layer_->grid()->window == grid->window && layer_->grid()->exchange == grid->exchange;
    if (!grid || grid->cols() == 0 || grid->rows == 0) {
        layer_->setGrid(nullptr);
        showEmpty(tr("No data for this view"), tr("Import or download history from the Data menu."));
        return;
    }
    if (!hasDensity(*grid)) {
        // A colour scale from $0 to $1 and an empty plot would read as "the market is empty".
        layer_->setGrid(nullptr);
        stack_->showNoPositions(grid->symbol, ExchangeText::name(grid->exchange), grid->window);
        return;
    }
    stack_->showContent();
    // Set the view first so the first reduced image is already cut to it.
    if (!sameView) fitView(*grid);
    layer_->setGrid(grid);
    controls_->setTitle(tr("%1 · %2 · %3 · %4%5")
                        .arg(grid->symbol, ExchangeText::name(grid->exchange), grid->window, modelDisplayName(grid->model),
                             fromCache ? tr(" · cached") : QString()));
    updateOverlays();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool HeatmapView::hasDensity(const HeatmapGrid &g) {
    for (float v : g.longDensity)
        if (v > 0) return true;
    for (float v : g.shortDensity)
        if (v > 0) return true;
    return false;
}

void HeatmapView::setLiveGrid(GridPtr grid) {
    if (!grid || grid->cols() == 0 || isShowingEmpty() || liveOnly_) return;
    layer_->replaceGrid(std::move(grid));
    updateOverlays();
}

const GridPtr &HeatmapView::grid() const { return layer_->grid(); }

void HeatmapView::resetView() {
    const GridPtr &g = layer_->grid();
    if (!g || g->cols() == 0) return;
    fitView(*g);
    layer_->refreshNow();
}

// The whole window in time; in price the rule the liquidation map follows too
// (common/ViewPriceRange.h): the candles and the clusters the map shows, the candles kept readable.
void HeatmapView::fitView(const HeatmapGrid &g) {
    plot_->xAxis->setRange(g.times.front() / 1000.0, (g.times.back() + g.intervalMs) / 1000.0);
    const auto [lo, hi] = defaultPriceRange(g);
    plot_->yAxis->setRange(lo, hi);
}

std::pair<double, double> HeatmapView::defaultPriceRange(const HeatmapGrid &g) {
    // The last column is the state at the window's end: the levels the liquidation map draws.
    std::vector<double> rows(size_t(std::max(0, g.rows)), 0.0);
    if (g.cols() > 0)
        for (int r = 0; r < g.rows; ++r) rows[size_t(r)] = double(g.longAt(g.cols() - 1, r)) + g.shortAt(g.cols() - 1, r);
    const auto [cLo, cHi] = candleExtent(g.candles);
    const auto w = windowByName(g.window);
    const double days = double(w ? w->lengthMs : g.cols() ? g.times.back() + g.intervalMs - g.times.front() : 0) / 86400000.0;
    return defaultViewPriceRange(rows, g.priceMin, g.bucketSize, g.currentPrice, cLo, cHi, days);
}

void HeatmapView::showEmpty(const QString &title, const QString &hint) { stack_->showEmpty(title, hint); }
bool HeatmapView::isShowingEmpty() const { return stack_->isShowingEmpty(); }
QString HeatmapView::emptyText() const { return stack_->emptyText(); }

void HeatmapView::setSide(DensitySide side) {
    controls_->setSide(side);
    if (side == layer_->side()) return;
    layer_->setSide(side);
    updateOverlays();
    emit sideChanged(side);
}

DensitySide HeatmapView::side() const { return layer_->side(); }

void HeatmapView::setCutoff(double lowPct, double highPct) {
    controls_->setCutoff(lowPct, highPct);
    layer_->setCutoff(lowPct, highPct);
    emit cutoffChanged(lowPct, highPct);
}

double HeatmapView::lowCutoff() const { return controls_->lowCutoff(); }
double HeatmapView::highCutoff() const { return controls_->highCutoff(); }

void HeatmapView::updateOverlays() {
    const GridPtr &g = layer_->grid();
    if (!g) return;
    const DensitySide side = layer_->side();
    // The largest predicted liquidations of the visible side(s).
    std::vector<const PredictedLiquidation *> picked;
    for (const PredictedLiquidation &p : g->predicted)
        if (side == DensitySide::Both || (side == DensitySide::Long) == (p.side == Side::Long)) picked.push_back(&p);
    if (picked.size() > kMaxMarkers) {
        std::nth_element(picked.begin(), picked.begin() + kMaxMarkers, picked.end(),
                         [](auto *a, auto *b) { return a->notional > b->notional; });
        picked.resize(kMaxMarkers);
    }
    std::sort(picked.begin(), picked.end(), [](auto *a, auto *b) { return a->time < b->time; });
    QVector<double> lk, lv, sk, sv;
    const double half = g->intervalMs / 2000.0;
    for (const PredictedLiquidation *p : picked) {
        (p->side == Side::Long ? lk : sk).push_back(p->time / 1000.0 + half);
        (p->side == Side::Long ? lv : sv).push_back(p->price);
    }
    predictedLong_->setData(lk, lv, true);
    predictedShort_->setData(sk, sv, true);
    legend_->setPredictedShown(!lk.isEmpty(), !sk.isEmpty());

    setLivePrice(g->currentPrice);
}

void HeatmapView::setLivePrice(double price, qint64 timeMs) {
    shownPrice_ = price;
    if (timeMs > 0) livePriceTime_ = timeMs;
    if (liveOnly_ && timeMs > 0 && price > 0) {
        liveTrace_->addData(timeMs / 1000.0, price);
        if (liveTrace_->dataCount() > kMaxTracePoints)
            liveTrace_->data()->removeBefore(std::next(liveTrace_->data()->constBegin(), liveTrace_->dataCount() - kMaxTracePoints)->key);
    }
    const GridPtr &g = layer_->grid();
    price_->setPrice(price, g ? g->bucketSize : 0);
    if (liveOnly_) fitLive();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString HeatmapView::priceTagText() const { return price_->tagText(); }

void HeatmapView::setLiveOnly(bool on) {
    if (on == liveOnly_) return;
    liveOnly_ = on;
    for (QCPAbstractPlottable *p : std::initializer_list<QCPAbstractPlottable *>{layer_->colorMap(), predictedLong_, predictedShort_})
        p->setVisible(!on);
    candles_->setVisible(!on);
    liveTrace_->setVisible(on);
    scale_->setVisible(!on);
    estimate_->setVisible(!on);
    legend_->setLiveOnly(on);
    waiting_->setVisible(false);
    if (on) fitLive();
    else resetView();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::endLive() {
    setLiveOnly(false);
    liveTrace_->data()->clear();
    livePriceTime_ = 0;
    // The estimate's price again: a tick from the stream no longer describes what is shown.
    const GridPtr &g = layer_->grid();
    setLivePrice(g ? g->currentPrice : 0);
}

int HeatmapView::liveTracePoints() const { return liveTrace_->dataCount(); }

void HeatmapView::fitLive() {
    // Until the first liquidation arrives the newest price tick sets the view, so the plot is
    // never an empty frame; the text says what it waits for.
    waiting_->setText(tr("Live: waiting for liquidations of this symbol…"));
    waiting_->setVisible(liveOnly_ && bubbles_.empty());
    qint64 newest = livePriceTime_, earliest = 0;
    double lo = shownPrice_, hi = shownPrice_;
    const auto widen = [&](qint64 t, double price) {
        newest = std::max(newest, t);
        earliest = earliest > 0 ? std::min(earliest, t) : t;
        if (lo <= 0) lo = hi = price;
        lo = std::min(lo, price);
        hi = std::max(hi, price);
    };
    for (QCPItemTracer *t : bubbles_) widen(qint64(t->position->key() * 1000), t->position->value());
    for (auto it = liveTrace_->data()->constBegin(); it != liveTrace_->data()->constEnd(); ++it)
        widen(qint64(it->key * 1000), it->value);
    // The last half hour at most, from a minute before the first event this session saw, but at
    // least ten minutes so the minute labels of the time axis stay distinct.
    if (newest > 0) {
        const double end = newest / 1000.0;
        const double first = earliest > 0 ? earliest / 1000.0 - 60 : end - 1800;
        plot_->xAxis->setRange(std::clamp(first, end - 1800, end - 540), end + 60);
    }
    if (lo > 0) {
        const double pad = std::max((hi - lo) * 0.15, hi * 0.0005);
        plot_->yAxis->setRange(lo - pad, hi + pad);
    }
}

void HeatmapView::addRealisedLiquidations(const std::vector<LiquidationEvent> &events) {
    const PlotPalette &p = Theme::palette();
    for (const LiquidationEvent &e : events) {
        auto *t = new QCPItemTracer(plot_);
        t->setStyle(QCPItemTracer::tsCircle);
        t->position->setCoords(e.time / 1000.0, e.price);
        // Area grows with notional: diameter ~ sqrt, from 5 px ($10K) to 40 px ($10M+).
        const double d = std::clamp(5.0 * std::sqrt(std::max(0.0, e.notional) / 10000.0), 5.0, 40.0);
        t->setSize(d);
        QColor c = e.side == Side::Long ? p.longSide : p.shortSide;
        t->setPen(QPen(c, 1.2));
        c.setAlpha(90);
        t->setBrush(c);
        bubbles_.push_back(t);
    }
    while (int(bubbles_.size()) > kMaxBubbles) {
        plot_->removeItem(bubbles_.front());
        bubbles_.erase(bubbles_.begin());
    }
    legend_->setRealisedShown(!bubbles_.empty());
    if (liveOnly_) fitLive();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool HeatmapView::isWaitingForLive() const { return waiting_->visible(); }

QString HeatmapView::readout() const { return readout_; }
bool HeatmapView::crosshairVisible() const { return crossH_->visible(); }

void HeatmapView::updateReadout(const QPoint &pos) {
    int col = 0, row = 0;
    const double key = plot_->xAxis->pixelToCoord(pos.x());
    const double value = plot_->yAxis->pixelToCoord(pos.y());
    if (!plot_->axisRect()->rect().contains(pos) || !layer_->cellAt(key, value, &col, &row)) {
        readout_ = tr("Hover the heatmap to read a cell.");
        if (crossH_->visible()) {
            crossH_->setVisible(false);
            crossV_->setVisible(false);
            QToolTip::hideText();
            plot_->replot(QCustomPlot::rpQueuedReplot);
        }
        return;
    }
    const HeatmapGrid &g = *layer_->grid();
    readout_ = (tr("%1  ·  %2 – %3  ·  Longs %4  ·  Shorts %5  ·  model confidence %6")
                          .arg(Format::utcTime(g.times[size_t(col)]), Format::price(g.rowPrice(row), g.bucketSize),
                               Format::price(g.rowPrice(row + 1), g.bucketSize), Format::usd(g.longAt(col, row)),
                               Format::usd(g.shortAt(col, row)))
                          .arg(g.confidence, 0, 'f', 2));
    crossH_->point1->setCoords(0, value);
    crossH_->point2->setCoords(1, value);
    crossV_->point1->setCoords(key, 0);
    crossV_->point2->setCoords(key, 1);
    crossH_->setVisible(true);
    crossV_->setVisible(true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
    QToolTip::showText(plot_->mapToGlobal(pos) + QPoint(14, 14), QString(readout_).replace(QStringLiteral("  ·  "), QStringLiteral("\n")), plot_);
}

bool HeatmapView::eventFilter(QObject *watched, QEvent *event) {
    if (watched == plot_ && event->type() == QEvent::MouseMove)
        updateReadout(static_cast<QMouseEvent *>(event)->position().toPoint());
    if (watched == plot_ && event->type() == QEvent::Leave) updateReadout(QPoint(-1, -1));
    return QWidget::eventFilter(watched, event);
}

}  // namespace lhm::ui
