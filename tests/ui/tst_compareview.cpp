// The model comparison view off-screen: one panel per model with that model's values, one colour
// range, disagreement zones shaded, the summary table, and linked axes.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "common/Format.h"
#include "compare/ComparisonPanel.h"
#include "heatmap/CandleLayer.h"
#include "compare/ModelComparisonView.h"
#include "heatmap/DensityLayer.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

class TestCompareView : public QObject {
    Q_OBJECT
private slots:
    void panelsPerModel() {
        ModelComparisonView v;
        v.resize(1500, 800);
        v.show();
        auto c = test::makeComparison();
        v.setComparison(c);
        QVERIFY(!v.isShowingEmpty());
        QCOMPARE(v.panelCount(), 3);
        for (int i = 0; i < 3; ++i) {
            ComparisonPanel *p = v.panel(i);
            QCOMPARE(p->modelName(), c->grids[size_t(i)].model);
            // Both sides of model i at cell (2, 1).
            const HeatmapGrid &g = c->grids[size_t(i)];
            QCOMPARE(p->layer()->colorMap()->data()->cell(2, 1), double(g.longAt(2, 1) + g.shortAt(2, 1)));
            // One shaded disagreement zone from 60,300 to 60,500.
            auto rects = p->plot()->findChildren<QCPItemRect *>();
            QCOMPARE(rects.size(), 1);
            QCOMPARE(rects[0]->topLeft->coords().y(), 60500.0);
            QCOMPARE(rects[0]->bottomRight->coords().y(), 60300.0);
            QTableWidget *t = p->table();
            QCOMPARE(t->item(0, 0)->text(), Format::usd(c->summaries[size_t(i)].totalLong));
            QCOMPARE(t->item(1, 0)->text(), Format::usd(c->summaries[size_t(i)].totalShort));
            QCOMPARE(t->item(2, 0)->text(), QStringLiteral("L 60450 ($2.50M)"));
            QCOMPARE(t->item(3, 0)->text(), i == 2 ? QStringLiteral("0.64") : QStringLiteral("1.00"));
            QCOMPARE(t->item(4, 0)->text(), QStringLiteral("—"));
        }
        // One colour range for all: the same USD is the same colour in every panel.
        QCOMPARE(v.panel(0)->layer()->colorMap()->dataRange(), v.panel(2)->layer()->colorMap()->dataRange());
    }

    // The "Measured" row: a figure only with its baseline and period beside it, "—" otherwise
    // (not validated yet, or validated without a figure).
    void measuredFigureBesideItsBaseline() {
        ModelComparisonView v;
        v.resize(1500, 800);
        v.show();
        auto c = test::makeComparison();
        ValidationRow hourly;
        hourly.model = c->summaries[0].model;
        hourly.method = QStringLiteral("hourly");
        hourly.from = 1722384000000;  // 2024-07-31 00:00 UTC
        hourly.to = 1724457600000;    // 2024-08-24 00:00 UTC (exclusive: the last day is the 23rd)
        hourly.measuredAt = 1764590400000;
        hourly.n = 1470;
        hourly.window = QStringLiteral("90d");
        hourly.spearman = 0.7814;
        hourly.baselineSpearman = 0.7336;
        hourly.diffLow = 0.0271;
        hourly.diffHigh = 0.0634;
        c->summaries[0].measured = hourly;
        ValidationRow events = hourly;
        events.model = c->summaries[1].model;
        events.method = QStringLiteral("events");
        events.spearman = events.baselineSpearman = events.diffLow = events.diffHigh = std::nullopt;
        events.hitRate = 0.5671;
        events.baselineMean = 0.1994;
        events.baselineLow = 0.0702;
        events.baselineHigh = 0.3517;
        events.beatenShare = 1.0;
        events.mirroredHitRate = 0.8204;
        events.n = 468;
        // The third model ran but gave no figure: its note, no number.
        ValidationRow none = hourly;
        none.model = c->summaries[2].model;
        none.spearman = std::nullopt;
        none.note = QStringLiteral("no trade profile in the window");
        c->summaries[1].measured = events;
        c->summaries[2].measured = none;
        v.setComparison(c);
        QCOMPARE(v.panel(0)->table()->item(4, 0)->text(),
                 QStringLiteral("ρ 0.781 · baseline 0.734\n2024-07-31 – 2024-08-23"));
        QVERIFY(v.panel(0)->table()->item(4, 0)->toolTip().contains(QStringLiteral("[+0.027, +0.063]")));
        QCOMPARE(v.panel(1)->table()->item(4, 0)->text(),
                 QStringLiteral("hit 0.567 · random 0.199 [0.070, 0.352]\n2024-07-31 – 2024-08-23"));
        QVERIFY(v.panel(1)->table()->item(4, 0)->toolTip().contains(QStringLiteral("0.820")));
        QCOMPARE(v.panel(2)->table()->item(4, 0)->text(), QStringLiteral("—"));
        QVERIFY(v.panel(2)->table()->item(4, 0)->toolTip().contains(QStringLiteral("no trade profile")));
        // The two-line cell is shown whole: the table grows to its rows.
        QTableWidget *t = v.panel(0)->table();
        QVERIFY(t->rowHeight(4) > t->rowHeight(0));
        QVERIFY(t->height() >= t->verticalHeader()->length());

        // A figure whose baseline is missing is not shown.
        auto bare = test::makeComparison();
        hourly.baselineSpearman = std::nullopt;
        bare->summaries[0].measured = hourly;
        v.setComparison(bare);
        QCOMPARE(v.panel(0)->table()->item(4, 0)->text(), QStringLiteral("—"));
    }

    void axesAreLinked() {
        ModelComparisonView v;
        v.resize(1500, 800);
        v.show();
        v.setComparison(test::makeComparison());
        QCPRange r(1714530000.0, 1714560000.0);
        v.panel(1)->plot()->xAxis->setRange(r);
        QCOMPARE(v.panel(0)->plot()->xAxis->range(), r);
        QCOMPARE(v.panel(2)->plot()->xAxis->range(), r);
        v.panel(2)->plot()->yAxis->setRange(60100, 60600);
        QCOMPARE(v.panel(0)->plot()->yAxis->range(), QCPRange(60100, 60600));
    }

    void fewerModelsAndEmpty() {
        ModelComparisonView v;
        v.setComparison(test::makeComparison());
        auto two = test::makeComparison(QStringLiteral("ETHUSDT"));
        two->grids.pop_back();
        two->summaries.pop_back();
        v.setComparison(two);
        QCOMPARE(v.panelCount(), 2);
        QCOMPARE(v.panel(0)->layer()->colorMap()->data()->cell(0, 0), 2100000.0 + 1050000.0);
        v.setComparison(nullptr);
        QVERIFY(v.isShowingEmpty());
    }

    void titleSaysWhyConfidenceIsLow() {
        // One model with input (the ensemble repeats it): no "agreement 1.00" beside "confidence
        // 0.50", but what each number means; the skipped model is named with what it lacks.
        ModelComparisonView v;
        auto lone = test::makeComparison();
        lone->grids.erase(lone->grids.begin() + 1);
        lone->summaries.erase(lone->summaries.begin() + 1);
        lone->agreement = 1.0;
        lone->confidence = 0.5;
        lone->confidenceReason = ConfidenceReason::SingleModel;
        lone->skipped = {{QStringLiteral("funding_adjusted"), MissingInput::FundingRates}};
        v.setComparison(lone);
        const QString t = v.findChild<QLabel *>(QStringLiteral("viewTitle"))->text();
        QVERIFY2(t.contains(QStringLiteral("Only Open-interest model had input in this window, so the ensemble equals it. "
                                           "Agreement between models: none to compare. Ensemble confidence 0.50 "
                                           "(only one model had data: nothing to check it against).")),
                 qPrintable(t));
        QVERIFY2(!t.contains(QStringLiteral("1.00")), qPrintable(t));
        QVERIFY2(t.contains(QStringLiteral("Not compared, no input in this window: Funding-adjusted (no funding rates).")), qPrintable(t));
        QVERIFY(!t.contains(QStringLiteral("apart")));
        auto split = test::makeComparison();
        split->confidenceReason = ConfidenceReason::Disagree;
        v.setComparison(split);
        const QString t2 = v.findChild<QLabel *>(QStringLiteral("viewTitle"))->text();
        QVERIFY2(t2.contains(QStringLiteral("Agreement between the 2 models (overlap of their density, 1 = identical): 0.90 · "
                                            "Ensemble confidence (how close their main clusters are): 0.64 — shaded: their "
                                            "main clusters are more than 5% apart.")),
                 qPrintable(t2));
        // Each panel's own number is labelled as its own.
        QCOMPARE(v.panel(2)->table()->verticalHeaderItem(3)->text(), QStringLiteral("Own confidence"));
        QCOMPARE(v.panel(2)->table()->item(3, 0)->text(), QStringLiteral("0.64"));
    }

    // Every panel has what the heatmap has: a colour scale on the shared range, candles and the
    // price tag. makeGrid: 24 hourly candles, the last closing at 60,000 + 10·100·0.4 + 23 + 20
    // = 60,443; the shared range's upper end is the largest 97th percentile of the three models.
    void panelsHaveScaleCandlesAndPriceTag() {
        ModelComparisonView v;
        v.resize(1500, 800);
        v.show();
        v.setComparison(test::makeComparison());
        QCoreApplication::processEvents();
        QCOMPARE(v.panelCount(), 3);
        const double upper = v.panel(0)->colorScale()->dataRange().upper;
        QVERIFY(upper > 1e6);
        for (int i = 0; i < v.panelCount(); ++i) {
            ComparisonPanel *p = v.panel(i);
            QVERIFY(p->colorScale()->visible());
            QCOMPARE(p->colorScale()->dataRange().upper, upper);
            QCOMPARE(p->candles()->count(), 24);
            QCOMPARE(p->candles()->width(), 3600 * 0.7);
            QCOMPARE(p->priceTagText(), QStringLiteral("60443"));
        }
    }

    // A model that placed nothing in the window says so in words; no "$0 … $1" scale beside an
    // empty plot. When no model placed anything the whole view says it once.
    void allZeroModelShowsAnEmptyState() {
        ModelComparisonView v;
        v.resize(1500, 800);
        v.show();
        auto c = test::makeComparison();
        HeatmapGrid &zero = c->grids[1];
        std::fill(zero.longDensity.begin(), zero.longDensity.end(), 0.f);
        std::fill(zero.shortDensity.begin(), zero.shortDensity.end(), 0.f);
        v.setComparison(c);
        QCoreApplication::processEvents();
        QVERIFY(!v.isShowingEmpty());
        QVERIFY(!v.panel(0)->isShowingEmpty());
        QVERIFY(v.panel(1)->isShowingEmpty());
        QVERIFY(!v.panel(2)->isShowingEmpty());
        QVERIFY(v.panel(1)->findChild<QLabel *>(QStringLiteral("emptyState"))->text().contains(
            QStringLiteral("No estimated positions in this window")));
        QVERIFY(v.panel(0)->colorScale()->dataRange().upper > 1e6);  // the others keep their scale
        for (HeatmapGrid &g : c->grids) {
            std::fill(g.longDensity.begin(), g.longDensity.end(), 0.f);
            std::fill(g.shortDensity.begin(), g.shortDensity.end(), 0.f);
        }
        v.setComparison(c);
        QVERIFY(v.isShowingEmpty());
        v.setComparison(test::makeComparison());  // and back
        QVERIFY(!v.isShowingEmpty());
        QVERIFY(!v.panel(1)->isShowingEmpty());
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestCompareView)
#include "tst_compareview.moc"
