// The model comparison view off-screen: one panel per model with that model's values, one colour
// range, disagreement zones shaded, the summary table, and linked axes.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "common/Format.h"
#include "compare/ComparisonPanel.h"
#include "compare/ModelComparisonView.h"
#include "heatmap/DensityLayer.h"

#include <QApplication>
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
        // 0.50 from a lone model is "unverified", not "models disagree"; skipped models are named.
        ModelComparisonView v;
        auto lone = test::makeComparison();
        lone->confidence = 0.5;
        lone->confidenceReason = QStringLiteral("single_model");
        lone->skipped = {{QStringLiteral("funding_adjusted"), QStringLiteral("no funding rates in the window")}};
        v.setComparison(lone);
        const QString t = v.findChild<QLabel *>(QStringLiteral("viewTitle"))->text();
        QVERIFY2(t.contains(QStringLiteral("ensemble confidence 0.50 (only one model had data: unverified)")), qPrintable(t));
        QVERIFY2(t.contains(QStringLiteral("no input in this window: funding_adjusted")), qPrintable(t));
        QVERIFY(!t.contains(QStringLiteral("disagree")));
        auto split = test::makeComparison();
        split->confidenceReason = QStringLiteral("disagree");
        v.setComparison(split);
        QVERIFY(v.findChild<QLabel *>(QStringLiteral("viewTitle"))->text().contains(
            QStringLiteral("ensemble confidence 0.64 (shaded: models disagree by more than 5%)")));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestCompareView)
#include "tst_compareview.moc"
