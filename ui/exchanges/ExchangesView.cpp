#include "exchanges/ExchangesView.h"

#include "common/EmptyStateStack.h"
#include "common/EstimateBadge.h"
#include "common/Format.h"
#include "common/ModelNames.h"
#include "common/Theme.h"
#include "common/UsdTicker.h"
#include "exchanges/ExchangeColors.h"
#include "exchanges/ExchangeText.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace lhm::ui {

ExchangesView::ExchangesView(QWidget *parent) : PlotView(parent) {
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(2);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("viewTitle"));
    title_->setContentsMargins(6, 2, 6, 2);
    lay->addWidget(title_);
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("exchangesPlot"));
    stack_ = new EmptyStateStack(plot_, this);
    lay->addWidget(stack_, 1);
    leftOut_ = new QLabel(this);
    leftOut_->setObjectName(QStringLiteral("exchangesLeftOut"));
    leftOut_->setWordWrap(true);
    leftOut_->setContentsMargins(6, 2, 6, 2);
    lay->addWidget(leftOut_);
    applyTheme();
    showEmpty(tr("No exchanges to compare yet"), tr("Pick “All exchanges” in the toolbar to see every venue side by side."));
}

void ExchangesView::showEmpty(const QString &title, const QString &hint) { stack_->showEmpty(title, hint); }
bool ExchangesView::isShowingEmpty() const { return stack_->isShowingEmpty(); }
QString ExchangesView::panelTitle(int i) const { return i >= 0 && i < panelCount() ? panels_[size_t(i)].title : QString(); }
bool ExchangesView::panelHighlighted(int i) const { return i >= 0 && i < panelCount() && panels_[size_t(i)].wide; }

void ExchangesView::applyTheme() {
    Theme::stylePlot(plot_);
    if (grid_) rebuild();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ExchangesView::setGrid(GridPtr grid) {
    grid_ = std::move(grid);
    if (!grid_ || grid_->cols() == 0 || grid_->rows == 0) {
        showEmpty(tr("No data for this view"), tr("Import or download history from the Data menu."));
        return;
    }
    stack_->showContent();
    title_->setText(tr("%1 · %2 · %3 · estimated positions at the last candle, each venue at its own price")
                        .arg(grid_->symbol, grid_->window, modelDisplayName(grid_->model)));
    rebuild();
}

void ExchangesView::rebuild() {
    const PlotPalette &pal = Theme::palette();
    plot_->clearPlottables();
    plot_->clearItems();
    plot_->plotLayout()->clear();
    panels_.clear();
    std::vector<const HeatmapGrid *> parts;
    for (const auto &p : grid_->parts) parts.push_back(p.get());
    if (parts.empty()) parts.push_back(grid_.get());  // one venue: its own panel
    const HeatmapGrid &ref = *parts.front();

    // Shared price range: every venue's non-empty rows at the last column, and every venue's price.
    double lo = 1e300, hi = -1e300, maxValue = 0;
    for (const HeatmapGrid *g : parts) {
        const int col = g->cols() - 1;
        for (int r = 0; r < g->rows; ++r) {
            const double v = std::max(g->longAt(col, r), g->shortAt(col, r));
            if (v <= 0) continue;
            lo = std::min(lo, g->rowPrice(r));
            hi = std::max(hi, g->rowPrice(r + 1));
            maxValue = std::max(maxValue, v);
        }
        lo = std::min(lo, g->currentPrice);
        hi = std::max(hi, g->currentPrice);
    }
    const double pad = (hi - lo) * 0.04 + ref.bucketSize;

    std::vector<QCPAxisRect *> rects;
    for (size_t i = 0; i < parts.size(); ++i) {
        const HeatmapGrid &g = *parts[i];
        auto *rect = new QCPAxisRect(plot_);
        plot_->plotLayout()->addElement(1, int(i), rect);
        rects.push_back(rect);
        QCPAxis *price = rect->axis(QCPAxis::atLeft), *value = rect->axis(QCPAxis::atBottom);
        Theme::styleAxis(price);
        Theme::styleAxis(value);
        price->setRange(lo - pad, hi + pad);
        price->setTickLabels(i == 0);
        if (i == 0) price->setLabel(tr("Liquidation price (USD)"));
        auto ticker = QSharedPointer<UsdTicker>::create();
        ticker->setTickCount(3);  // four panels share the width: a few labels that never overlap
        value->setTicker(ticker);
        value->setRange(0, maxValue > 0 ? maxValue * 1.1 : 1);
        value->setLabel(tr("Estimated notional"));
        const QColor venue = exchangeColor(g.exchange.isEmpty() ? grid_->exchange : g.exchange);
        const int col = g.cols() - 1;
        QVector<double> keys(g.rows), longs(g.rows), shorts(g.rows);
        for (int r = 0; r < g.rows; ++r) {
            keys[r] = g.rowCenter(r);
            longs[r] = g.longAt(col, r);
            shorts[r] = g.shortAt(col, r);
        }
        for (int side = 0; side < 2; ++side) {
            auto *bars = new QCPBars(price, value);
            bars->setData(keys, side == 0 ? longs : shorts, true);
            bars->setWidth(g.bucketSize * 0.9);
            bars->setWidthType(QCPBars::wtPlotCoords);
            bars->setPen(Qt::NoPen);
            bars->setBrush(side == 0 ? pal.longSide : pal.shortSide);
        }
        // The venue's own price: a line in its colour across its panel, the number on it.
        auto *line = new QCPItemStraightLine(plot_);
        line->setClipAxisRect(rect);
        line->point1->setAxes(value, price);
        line->point2->setAxes(value, price);
        line->point1->setCoords(0, g.currentPrice);
        line->point2->setCoords(1, g.currentPrice);
        line->setPen(QPen(venue, 2));
        auto *tag = new QCPItemText(plot_);
        tag->setClipAxisRect(rect);
        tag->position->setAxisRect(rect);
        tag->position->setAxes(value, price);
        tag->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        tag->position->setTypeY(QCPItemPosition::ptPlotCoords);
        tag->position->setCoords(0.98, g.currentPrice);
        tag->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        // Venues differ by cents to dollars: the tag shows the price to the cent.
        tag->setText(Format::price(g.currentPrice, 0.01));
        tag->setColor(pal.background);
        tag->setBrush(venue);
        tag->setPadding(QMargins(4, 1, 4, 1));

        Panel p;
        p.exchange = g.exchange;
        QString head = QStringLiteral("%1 · %2").arg(ExchangeText::displayName(g.exchange), Format::price(g.currentPrice, 0.01));
        if (i > 0) {
            head += QStringLiteral(" · ") + ExchangeText::delta(ref.exchange, g.currentPrice, ref.currentPrice);
            p.wide = ref.currentPrice > 0 && std::abs(g.currentPrice / ref.currentPrice - 1) * 100 >= kWideGapPercent;
        } else if (parts.size() > 1) {
            head += QStringLiteral(" · ") + tr("reference");
        }
        p.title = head;
        auto *header = new QCPTextElement(plot_, head);
        header->setTextColor(p.wide ? QColor(0xFF, 0xB0, 0x20) : venue);
        QFont f = header->font();
        f.setBold(p.wide || i == 0);
        header->setFont(f);
        plot_->plotLayout()->addElement(0, int(i), header);
        panels_.push_back(p);
    }
    // One price axis for all: dragging or zooming one panel moves the others.
    for (QCPAxisRect *r : rects) {
        r->setRangeDrag(Qt::Vertical);
        r->setRangeZoom(Qt::Vertical);
        QCPAxis *a = r->axis(QCPAxis::atLeft);
        for (QCPAxisRect *o : rects)
            if (o != r) connect(a, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), o->axis(QCPAxis::atLeft), qOverload<const QCPRange &>(&QCPAxis::setRange));
    }
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto *marginGroup = new QCPMarginGroup(plot_);
    for (QCPAxisRect *r : rects) r->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup);
    if (!rects.empty()) {
        QCPItemText *badge = addEstimateBadge(plot_, tr("ESTIMATE — modelled"));
        badge->position->setAxisRect(rects.front());
        badge->setClipAxisRect(rects.front());
    }
    Theme::stylePlot(plot_);

    QStringList out;
    for (const ExchangeShare &s : grid_->exchanges)
        if (s.status != ExchangeStatus::Ok)
            out << ExchangeText::leftOut(s, grid_->exchanges);
    leftOut_->setText(out.isEmpty() ? (grid_->parts.empty() ? tr("One exchange shown: pick “All exchanges” to compare venues.") : QString())
                                    : tr("Left out: %1").arg(out.join(QStringLiteral(", "))));
    leftOut_->setVisible(!leftOut_->text().isEmpty());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lhm::ui

namespace lhm::ui {

void ExchangesView::attach(Session *session) {
    // The engine's grid, not the live roll-forward: each venue's parts at its own last candle.
    connect(session, &Session::gridChanged, this, [this, session] {
        setGrid(session->baseGrid());
        emit rendered();
    });
}

QWidget *ExchangesView::chart() { return plot_; }

void ExchangesView::renderNow() { plot_->replot(QCustomPlot::rpImmediateRefresh); }

}  // namespace lhm::ui
