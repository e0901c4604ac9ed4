#include "heatmap/HeatmapLegend.h"

#include "common/Theme.h"

#include <qcustomplot.h>

namespace lhm::ui {

HeatmapLegend::HeatmapLegend(QCustomPlot *plot, QCPItemStraightLine *priceLine, QCPGraph *predictedLong,
                             QCPGraph *predictedShort)
    : QObject(plot), plot_(plot), priceLine_(priceLine), predictedLong_(predictedLong), predictedShort_(predictedShort) {
    auto sample = [plot] {
        QCPGraph *g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setSelectable(QCP::stNone);
        return g;
    };
    priceKey_ = sample();
    priceKey_->setLineStyle(QCPGraph::lsLine);
    realisedLongKey_ = sample();
    realisedShortKey_ = sample();
    QCPLegend *legend = plot->legend;
    legend->setVisible(true);
    legend->setIconSize(18, 10);
    QFont f = legend->font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    legend->setFont(f);
    // Top right: the ESTIMATE badge is top left, the signal badge and its marks run along the bottom.
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    applyTheme();
}

void HeatmapLegend::applyTheme() {
    const PlotPalette &p = Theme::palette();
    QCPLegend *legend = plot_->legend;
    // The plot is the dark colour map in both themes: a dark plate with light text.
    legend->setBrush(QColor(0, 0, 0, 150));
    legend->setBorderPen(Qt::NoPen);
    legend->setTextColor(QColor(0xe6, 0xed, 0xf3));
    priceKey_->setPen(priceLine_->pen());
    priceKey_->setName(tr("Price (dashed line, tag on the right)"));
    predictedLong_->setName(tr("Predicted long liquidations (model, dots)"));
    predictedShort_->setName(tr("Predicted short liquidations (model, dots)"));
    QColor l = p.longSide, s = p.shortSide;
    realisedLongKey_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(l, 1.2), QColor(l.red(), l.green(), l.blue(), 90), 9));
    realisedShortKey_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(s, 1.2), QColor(s.red(), s.green(), s.blue(), 90), 9));
    realisedLongKey_->setName(tr("Realised long liquidations (live, circle ∝ size)"));
    realisedShortKey_->setName(tr("Realised short liquidations (live, circle ∝ size)"));
    sync();
}

void HeatmapLegend::setPredictedShown(bool longs, bool shorts) {
    longs_ = longs, shorts_ = shorts;
    sync();
}

void HeatmapLegend::setRealisedShown(bool on) {
    realised_ = on;
    sync();
}

void HeatmapLegend::setLiveOnly(bool on) {
    liveOnly_ = on;
    sync();
}

void HeatmapLegend::sync() {
    QCPLegend *legend = plot_->legend;
    legend->clearItems();
    const auto add = [legend](QCPGraph *g) { legend->addItem(new QCPPlottableLegendItem(legend, g)); };
    add(priceKey_);
    if (longs_ && !liveOnly_) add(predictedLong_);
    if (shorts_ && !liveOnly_) add(predictedShort_);
    if (liveTrace_ && liveOnly_) add(liveTrace_);
    if (realised_) {
        add(realisedLongKey_);
        add(realisedShortKey_);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QStringList HeatmapLegend::entries() const {
    QStringList out;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot_->legend->item(i))) out << item->plottable()->name();
    return out;
}

}  // namespace lhm::ui
