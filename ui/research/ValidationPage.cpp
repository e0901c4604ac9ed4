#include "research/ValidationPage.h"

#include "analysis/ValidationRecord.h"
#include "analysis/Validator.h"
#include "research/ResearchCharts.h"
#include "store/Store.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace lhm::ui {

using research::newChart;
using research::num;
using research::opt;
using research::pct;

ValidationPage::ValidationPage(QWidget *parent) : QWidget(parent) {
    summary_ = new QLabel(tr("No validation has run: —"), this);
    summary_->setObjectName(QStringLiteral("validationSummary"));
    summary_->setWordWrap(true);
    chart_ = new QChartView(newChart(), this);
    chart_->setObjectName(QStringLiteral("validationChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    // Small minimum: the main window must still fit 1280 px wide with this tab in it.
    chart_->setMinimumSize(160, 160);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(summary_);
    v->addWidget(chart_, 1);
}

ValidationPage::Outcome ValidationPage::run(const QString &dbPath, const ValidationRequest &req, const RunControl &control) {
    Outcome out;
    auto store = Store::openReadOnly(dbPath);
    if (!store) {
        out.error = store.error().toString();
    } else {
        auto r = lhm::runValidation(**store, req, control);
        if (r) out.results = std::move(*r);
        else out.error = r.error().toString();
    }
    if (out.error.isEmpty()) {
        // Kept so the comparison view can show each figure beside its baseline.
        auto writer = Store::open(dbPath, OpenCheck::Never);
        Status s = writer ? saveValidation(**writer, out.results, req.window, QDateTime::currentMSecsSinceEpoch())
                          : Status(writer.error());
        if (!s) out.error = s.error().toString();
        out.stored = bool(s);
    }
    return out;
}

void ValidationPage::showResults(const std::vector<ValidationResult> &results) {
    QChart *chart = newChart();
    QStringList lines;
    auto *model = new QBarSet(tr("Model"));
    auto *base = new QBarSet(tr("Baseline"));
    QStringList categories;
    for (const ValidationResult &r : results) {
        if (r.n == 0) {
            lines << tr("%1: no figures (%2)").arg(r.model, r.note);
            continue;
        }
        if (r.method == QLatin1String("hourly")) {
            chart->setTitle(tr("Spearman ρ of predicted vs realised liquidations per hour and side"));
            auto add = [&](const QString &label, double m, double b) {
                categories << label;
                *model << (std::isfinite(m) ? m : 0.0);
                *base << (std::isfinite(b) ? b : 0.0);
            };
            add(tr("%1 both sides").arg(r.model), r.spearman.value_or(NAN), r.baselineSpearman.value_or(NAN));
            if (r.longSide) add(tr("longs"), r.longSide->spearman, r.longSide->baselineSpearman);
            if (r.shortSide) add(tr("shorts"), r.shortSide->spearman, r.shortSide->baselineSpearman);
            lines << tr("%1: ρ %2 against the baseline (|price move| × open interest) %3; difference 95 % [%4, %5]; %6 hour-sides")
                         .arg(r.model, opt(r.spearman), opt(r.baselineSpearman))
                         .arg(r.diffCi95 ? num(r.diffCi95->first) : QStringLiteral("—"))
                         .arg(r.diffCi95 ? num(r.diffCi95->second) : QStringLiteral("—"))
                         .arg(r.n);
        } else {
            chart->setTitle(tr("Share of realised liquidation notional inside the model's densest zones"));
            categories << r.model;
            *model << r.hitRate.value_or(0);
            *base << (r.baseline ? r.baseline->mean : 0.0);
            lines << tr("%1: hit rate %2 against random zones %3 [%4, %5] (beaten in %6 of draws), mirrored %7; %8 events")
                         .arg(r.model, pct(r.hitRate.value_or(0)))
                         .arg(r.baseline ? pct(r.baseline->mean) : QStringLiteral("—"))
                         .arg(r.baseline ? pct(r.baseline->p2_5) : QStringLiteral("—"))
                         .arg(r.baseline ? pct(r.baseline->p97_5) : QStringLiteral("—"))
                         .arg(r.baseline ? pct(r.baseline->beatenShare) : QStringLiteral("—"))
                         .arg(pct(r.mirroredHitRate.value_or(0)))
                         .arg(r.n);
        }
    }
    auto *series = new QBarSeries();
    series->append(model);
    series->append(base);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis();
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis();
    y->setRange(std::min(0.0, y->min()), 1.0);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QChart *old = chart_->chart();
    chart_->setChart(chart);
    delete old;
    summary_->setText(lines.isEmpty() ? tr("No validation has run: —") : lines.join(QLatin1Char('\n')));
    applyTheme();
}

QString ValidationPage::summary() const { return summary_->text(); }

void ValidationPage::applyTheme() { research::applyChartTheme(chart_); }

}  // namespace lhm::ui
