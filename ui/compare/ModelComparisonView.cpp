#include "compare/ModelComparisonView.h"

#include "common/EmptyStateStack.h"
#include "compare/ComparisonPanel.h"
#include "engine/HeatmapLod.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace lhm::ui {

ModelComparisonView::ModelComparisonView(QWidget *parent) : QWidget(parent) {
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
    // Say why the confidence is what it is: 0.50 from a lone model is not disagreement.
    QString why;
    if (c.confidenceReason == QLatin1String("agree")) why = tr("models agree");
    else if (c.confidenceReason == QLatin1String("disagree")) why = tr("shaded: models disagree by more than 5%");
    else if (c.confidenceReason == QLatin1String("single_model")) why = tr("only one model had data: unverified");
    else if (c.confidenceReason == QLatin1String("unverified_side")) why = tr("one side is covered by a single model");
    else why = tr("no estimated positions");
    QStringList without;
    for (const auto &[model, reason] : c.skipped) without << model;
    QString text = tr("ESTIMATES · %1 · %2 · %3 — agreement %4, ensemble confidence %5 (%6)")
                       .arg(c.symbol, c.exchange, c.window)
                       .arg(c.agreement, 0, 'f', 2)
                       .arg(c.confidence, 0, 'f', 2)
                       .arg(why);
    if (!without.isEmpty()) text += tr(" · no input in this window: %1").arg(without.join(QStringLiteral(", ")));
    title_->setText(text);
    linkAxes();
    stack_->showContent();
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
