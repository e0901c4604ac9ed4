#include "compare/ModelComparisonView.h"
#include "exchanges/ExchangeText.h"

#include "common/EmptyStateStack.h"
#include "common/ModelNames.h"
#include "compare/ComparisonPanel.h"
#include "heatmap/DensityLayer.h"
#include "engine/HeatmapLod.h"
#include "heatmap/HeatmapView.h"

#include <QHBoxLayout>
#include <algorithm>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace lhm::ui {

ModelComparisonView::ModelComparisonView(QWidget *parent) : PlotView(parent) {
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("viewTitle"));
    title_->setContentsMargins(6, 2, 6, 2);
    title_->setWordWrap(true);
    lay->addWidget(title_);
    panelHost_ = new QWidget(this);
    panelLayout_ = new QHBoxLayout(panelHost_);
    panelLayout_->setContentsMargins(0, 0, 0, 0);
    stack_ = new EmptyStateStack(panelHost_, this);
    lay->addWidget(stack_, 1);
    showEmpty(tr("No model comparison yet"));
}

void ModelComparisonView::showEmpty(const QString &title, const QString &hint) { stack_->showEmpty(title, hint); }
bool ModelComparisonView::isShowingEmpty() const { return stack_->isShowingEmpty(); }
QString ModelComparisonView::emptyText() const { return stack_->emptyText(); }

void ModelComparisonView::applyTheme() {
    for (ComparisonPanel *p : panels_) p->applyTheme();
    if (cmp_) setComparison(cmp_);
}

void ModelComparisonView::setComparison(ComparisonPtr cmp) {
    cmp_ = std::move(cmp);
    if (!cmp_ || cmp_->grids.empty()) {
        showEmpty(tr("No data for this view"), tr("Import or download history from the Data menu."));
        return;
    }
    const ModelComparison &c = *cmp_;
    if (std::none_of(c.grids.begin(), c.grids.end(), [](const HeatmapGrid &g) { return HeatmapView::hasDensity(g); })) {
        const HeatmapGrid &g = c.grids.front();
        stack_->showNoPositions(g.symbol, g.exchange, g.window);
        return;
    }
    while (panels_.size() > c.grids.size()) {
        delete panels_.back();
        panels_.pop_back();
    }
    while (panels_.size() < c.grids.size()) {
        panels_.push_back(new ComparisonPanel(panelHost_));
        panelLayout_->addWidget(panels_.back(), 1);
    }
    // One colour range for all panels: the widest of the models' 0..97th percentiles.
    std::pair<float, float> range{0.f, 0.f};
    for (const HeatmapGrid &g : c.grids) {
        const auto r = HeatmapLod::percentileRange(g, DensitySide::Both, 0, 97);
        range.second = std::max(range.second, r.second);
    }
    if (range.second <= 0) range.second = 1;
    for (size_t i = 0; i < panels_.size(); ++i) panels_[i]->setModel(c, int(i), cmp_, range);
    title_->setText(titleText(c));
    linkAxes();
    stack_->showContent();
}

QString ModelComparisonView::reasonText(ConfidenceReason r) {
    switch (r) {
    case ConfidenceReason::Agree: return tr("their main clusters are within 5%");
    case ConfidenceReason::Disagree: return tr("shaded: their main clusters are more than 5% apart");
    case ConfidenceReason::SingleModel: return tr("only one model had data: nothing to check it against");
    case ConfidenceReason::UnverifiedSide: return tr("one side is covered by a single model");
    case ConfidenceReason::NoDensity: break;
    }
    return tr("no estimated positions");
}

QString ModelComparisonView::missingText(MissingInput m) {
    switch (m) {
    case MissingInput::OpenInterest: return tr("no open interest");
    case MissingInput::TradeProfile: return tr("no large trades");
    case MissingInput::FundingRates: break;
    }
    return tr("no funding rates");
}

// Two different numbers, each said with what it measures: the agreement compares the models with
// each other, the confidence is the ensemble's own. With one model there is nothing to compare,
// and the ensemble panel repeats that model: both are said instead of "agreement 1.00".
QString ModelComparisonView::titleText(const ModelComparison &c) {
    const int models = std::max(0, int(c.grids.size()) - 1);  // the last grid is the ensemble
    QString text = tr("ESTIMATES · %1 · %2 · %3").arg(c.symbol, ExchangeText::name(c.exchange), c.window);
    if (models < 2) {
        const QString only = models == 1 ? modelDisplayName(c.grids.front().model) : QString();
        text += QLatin1Char('\n') + tr("Only %1 had input in this window, so the ensemble equals it. Agreement between "
                                       "models: none to compare. Ensemble confidence %2 (%3).")
                                        .arg(only)
                                        .arg(c.confidence, 0, 'f', 2)
                                        .arg(reasonText(c.confidenceReason));
    } else {
        text += QLatin1Char('\n') + tr("Agreement between the %1 models (overlap of their density, 1 = identical): %2 · "
                                       "Ensemble confidence (how close their main clusters are): %3 — %4.")
                                        .arg(models)
                                        .arg(c.agreement, 0, 'f', 2)
                                        .arg(c.confidence, 0, 'f', 2)
                                        .arg(reasonText(c.confidenceReason));
    }
    QStringList without;
    for (const auto &[model, missing] : c.skipped) without << tr("%1 (%2)").arg(modelDisplayName(model), missingText(missing));
    if (!without.isEmpty()) text += tr(" Not compared, no input in this window: %1.").arg(without.join(QStringLiteral(", ")));
    return text;
}

void ModelComparisonView::linkAxes() {
    for (ComparisonPanel *p : panels_) {
        for (QCPAxis *axis : {p->plot()->xAxis, p->plot()->yAxis}) {
            disconnect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, nullptr);
            const bool isX = axis == p->plot()->xAxis;
            connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this, p, isX](const QCPRange &r) {
                if (syncing_) return;
                syncing_ = true;
                for (ComparisonPanel *o : panels_) {
                    if (o == p) continue;
                    (isX ? o->plot()->xAxis : o->plot()->yAxis)->setRange(r);
                    o->plot()->replot(QCustomPlot::rpQueuedReplot);
                }
                syncing_ = false;
            });
        }
    }
}

}  // namespace lhm::ui

namespace lhm::ui {

void ModelComparisonView::attach(Session *session) {
    connect(session, &Session::comparisonChanged, this, [this](ComparisonPtr c) {
        if (!c) return;  // a failure arrives as Session::viewFailed; the coordinator shows it
        setComparison(std::move(c));
        emit rendered();
    });
}

void ModelComparisonView::renderNow() {
    for (ComparisonPanel *p : panels_) p->plot()->replot(QCustomPlot::rpImmediateRefresh);
    for (ComparisonPanel *p : panels_) p->layer()->refreshNow();
    for (ComparisonPanel *p : panels_) p->plot()->replot(QCustomPlot::rpImmediateRefresh);
}

}  // namespace lhm::ui
