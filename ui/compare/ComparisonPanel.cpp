#include "compare/ComparisonPanel.h"

#include "compare/MeasuredFigure.h"
#include "common/EmptyStateStack.h"
#include "common/Format.h"
#include "common/ModelNames.h"
#include "common/Theme.h"
#include "common/TimePricePlot.h"
#include "common/UsdTicker.h"
#include "heatmap/CandleLayer.h"
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapView.h"
#include "heatmap/PriceMarker.h"

#include <QHeaderView>
#include <algorithm>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace lhm::ui {

ComparisonPanel::ComparisonPanel(QWidget *parent) : QWidget(parent) {
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(2, 2, 2, 2);
    name_ = new QLabel(this);
    name_->setObjectName(QStringLiteral("viewTitle"));
    QFont f = name_->font();
    f.setBold(true);
    name_->setFont(f);
    lay->addWidget(name_);
    plot_ = new QCustomPlot(this);
    setUpTimePricePlot(plot_, 4);
    plot_->setMinimumHeight(220);
    plot_->yAxis2->setVisible(true);  // room for the price tag on the right
    plot_->yAxis2->setTickLabels(false);
    plot_->yAxis2->setPadding(56);
    scale_ = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->axis()->setTicker(QSharedPointer<UsdTicker>::create());
    scale_->setBarWidth(8);
    auto *group = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    layer_ = new DensityLayer(plot_, plot_->xAxis, plot_->yAxis, scale_);
    candles_ = new CandleLayer(layer_);
    price_ = new PriceMarker(plot_);
    stack_ = new EmptyStateStack(plot_, this);
    lay->addWidget(stack_, 1);
    table_ = new QTableWidget(5, 1, this);
    table_->setVerticalHeaderLabels({tr("Total longs"), tr("Total shorts"), tr("Main clusters"), tr("Own confidence"),
                                     tr("Measured")});
    // "Own confidence" is per panel; the agreement between models is in the view's title.
    table_->verticalHeaderItem(3)->setToolTip(
        tr("How sure this model is of its own estimate. For the ensemble: how close its members' main clusters are "
           "(0.50 when only one model had data: nothing to check it against)."));
    table_->horizontalHeader()->setVisible(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setFixedHeight(table_->verticalHeader()->length() + 2 * table_->frameWidth() + 2);
    lay->addWidget(table_);
    applyTheme();
}

QString ComparisonPanel::priceTagText() const { return price_->tagText(); }
bool ComparisonPanel::isShowingEmpty() const { return stack_->isShowingEmpty(); }

void ComparisonPanel::applyTheme() {
    Theme::stylePlot(plot_);
    Theme::styleAxis(scale_->axis());
    candles_->applyTheme();
    price_->applyTheme();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString ComparisonPanel::modelName() const { return model_; }

void ComparisonPanel::setModel(const ModelComparison &cmp, int index, ComparisonPtr owner,
                               std::pair<float, float> colourRange) {
    const HeatmapGrid &g = cmp.grids[size_t(index)];
    // Aliasing constructor: the grid lives as long as the comparison that holds it.
    GridPtr grid(owner, &g);
    model_ = g.model;
    name_->setText(modelDisplayName(g.model));
    if (g.cols() > 0) {
        plot_->xAxis->setRange(g.times.front() / 1000.0, (g.times.back() + g.intervalMs) / 1000.0);
        const auto [lo, hi] = HeatmapView::defaultPriceRange(g);
        plot_->yAxis->setRange(lo, hi);
    }
    layer_->setCutoffRange(colourRange.first, colourRange.second);
    // A model with nothing in this window reads as such, not as a "$0 … $1" scale over an empty plot.
    if (g.cols() == 0 || g.rows == 0 || !HeatmapView::hasDensity(g)) {
        layer_->setGrid(nullptr);
        stack_->showNoPositions(g.symbol, g.exchange, g.window);
    } else {
        layer_->setGrid(grid);
        stack_->showContent();
    }

    // The zones change with every comparison; the price marker's items stay.
    for (int i = plot_->itemCount() - 1; i >= 0; --i)
        if (qobject_cast<QCPItemRect *>(plot_->item(i))) plot_->removeItem(i);
    const PlotPalette &p = Theme::palette();
    for (const auto &[lo, hi] : cmp.disagreementZones) {
        auto *rect = new QCPItemRect(plot_);
        rect->topLeft->setTypeX(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
        rect->topLeft->setCoords(0, hi);
        rect->bottomRight->setCoords(1, lo);
        rect->setBrush(p.zone);
        rect->setPen(QPen(p.zone.darker(110), 1, Qt::DashLine));
    }
    price_->setPrice(g.currentPrice, g.bucketSize);

    const ModelSummary *s = index < int(cmp.summaries.size()) ? &cmp.summaries[size_t(index)] : nullptr;
    auto set = [this](int row, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(text);
        table_->setItem(row, 0, item);
    };
    set(0, s ? Format::usd(s->totalLong) : QStringLiteral("—"));
    set(1, s ? Format::usd(s->totalShort) : QStringLiteral("—"));
    QStringList clusters;
    if (s)
        for (size_t i = 0; i < s->clusters.size() && i < 3; ++i) {
            const Cluster &c = s->clusters[i];
            clusters << tr("%1 %2 (%3)")
                            .arg(c.side == Side::Long ? tr("L") : tr("S"), Format::price(c.price, g.bucketSize),
                                 Format::usd(c.notional));
        }
    set(2, clusters.isEmpty() ? QStringLiteral("—") : clusters.join(QStringLiteral(", ")));
    set(3, s ? QString::number(s->confidence, 'f', 2) : QStringLiteral("—"));
    // Figure beside its baseline once validation has run for the series, "—" before.
    const std::optional<ValidationRow> measured = s ? s->measured : std::nullopt;
    set(4, MeasuredFigure::text(measured));
    table_->item(4, 0)->setToolTip(MeasuredFigure::toolTip(measured));
    // Two lines (figure, period) at the height of two one-line rows: the size hint uses the primary
    // font's metrics, too short when a taller fallback font draws the text (Chinese).
    QHeaderView *rowsHeader = table_->verticalHeader();
    const int lines = int(table_->item(4, 0)->text().count(QLatin1Char('\n'))) + 1;
    rowsHeader->setSectionResizeMode(4, lines > 1 ? QHeaderView::Fixed : QHeaderView::ResizeToContents);
    table_->resizeRowsToContents();
    if (lines > 1) table_->setRowHeight(4, std::max(table_->rowHeight(4), lines * table_->rowHeight(0)));
    table_->setFixedHeight(table_->verticalHeader()->length() + 2 * table_->frameWidth() + 2);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lhm::ui
