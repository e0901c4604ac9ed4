// The ensemble: a weighted average of the models' densities on one grid, its confidence from the
// models' agreement and the reason behind that number, and the ensemble run from a store. Numbers
// are worked out by hand beside each test.
#include "ModelFixtures.h"

#include "models/ClusterAgreement.h"
#include "models/EnsembleModel.h"

using namespace lhm;
using namespace lhm::test::models;

class TestEnsemble : public QObject {
    Q_OBJECT
private slots:
    void ensembleWeightsAndConfidence();
    void ensembleFromStore();
};

namespace {
// One-column grid, 20 rows from 100 (centres 100.5 …), long density at the given rows.
ModelOutput oneColumn(const QString &model, std::vector<std::pair<int, float>> longs) {
    ModelOutput o;
    HeatmapGrid &g = o.grid;
    g.model = model;
    g.rows = 20;
    g.priceMin = 100;
    g.bucketSize = 1;
    g.times = {T0};
    g.candles = {candle(0, 120, 121, 119, 120)};
    g.longDensity.assign(20, 0.0f);
    g.shortDensity.assign(20, 0.0f);
    for (auto [r, v] : longs) g.longDensity[size_t(r)] = v;
    o.flow.opened = o.flow.open = 1;
    return o;
}
}  // namespace

// Weights 5/3/2 normalise to 0.5/0.3/0.2. A: row 5 = 100; B: row 5 = 200; C: row 9 = 1000.
// Ensemble row 5 = 0.5·100 + 0.3·200 = 110; row 9 = 0.2·1000 = 200.
// Main clusters: A and B at 105.5 (row 5 centre), C at 109.5: spread (109.5 − 105.5)/105.5 = 0.037915
// → confidence 1 − 6·4/105.5 = 0.772512 (>= 0.7). With C at row 13 (113.5): spread 8/105.5 = 0.07583
// > 5 % → confidence 1 − 48/105.5 = 0.545024 (< 0.7).
void TestEnsemble::ensembleWeightsAndConfidence() {
    const ModelOutput a = oneColumn(QStringLiteral("binance_standard"), {{5, 100}});
    const ModelOutput b = oneColumn(QStringLiteral("funding_adjusted"), {{5, 200}});
    const ModelOutput c = oneColumn(QStringLiteral("py_liquidation_map"), {{9, 1000}});
    auto e = EnsembleModel::combine({{QStringLiteral("binance_standard"), &a, 5},
                                     {QStringLiteral("funding_adjusted"), &b, 3},
                                     {QStringLiteral("py_liquidation_map"), &c, 2}});
    QVERIFY(e.ok());
    QVERIFY(std::fabs(e->grid.longAt(0, 5) - 110.0f) < 1e-4);
    QVERIFY(std::fabs(e->grid.longAt(0, 9) - 200.0f) < 1e-4);
    QCOMPARE(e->grid.longAt(0, 6), 0.0f);
    QVERIFY(std::fabs(e->grid.confidence - (1 - 24 / 105.5)) < 1e-9);
    QVERIFY(e->grid.confidence >= 0.7);

    const ModelOutput far = oneColumn(QStringLiteral("py_liquidation_map"), {{13, 1000}});
    auto e2 = EnsembleModel::combine({{QStringLiteral("binance_standard"), &a, 0.5},
                                      {QStringLiteral("funding_adjusted"), &b, 0.3},
                                      {QStringLiteral("py_liquidation_map"), &far, 0.2}});
    QVERIFY(e2.ok());
    QVERIFY(std::fabs(e2->grid.confidence - (1 - 48 / 105.5)) < 1e-9);
    QVERIFY(e2->grid.confidence < 0.7);
    // The reason behind the number: 0.5 from a single model is not a disagreement.
    QCOMPARE(assessAgreement({&a.grid, &b.grid, &c.grid}, 0).reason, ConfidenceReason::Agree);
    QCOMPARE(assessAgreement({&a.grid, &b.grid, &far.grid}, 0).reason, ConfidenceReason::Disagree);
    const Agreement single = assessAgreement({&a.grid}, 0);
    QCOMPARE(single.confidence, 0.5);
    QCOMPARE(single.reason, ConfidenceReason::SingleModel);
    QVERIFY(single.disagreementZones.empty());
    const ModelOutput empty = oneColumn(QStringLiteral("funding_adjusted"), {});
    QCOMPARE(assessAgreement({&a.grid, &empty.grid}, 0).reason, ConfidenceReason::UnverifiedSide);
    QCOMPARE(assessAgreement({&empty.grid}, 0).reason, ConfidenceReason::NoDensity);
    QCOMPARE(confidenceReasonName(ConfidenceReason::SingleModel), "single_model");
    // Mismatched grids are refused rather than averaged.
    ModelOutput other = oneColumn(QStringLiteral("x"), {{1, 1}});
    other.grid.priceMin = 50;
    QVERIFY(!EnsembleModel::combine({{QStringLiteral("binance_standard"), &a, 1}, {QStringLiteral("x"), &other, 1}}).ok());
}

// Scenario A has no trade profile, so the ensemble drops py_liquidation_map and renormalises
// 0.5/0.3 → 0.625/0.375. Funding 0 → tanh(0) = 0 → funding_adjusted splits 50/50: ΔOI 1000 at c1 →
// long 500 at row 9. binance_standard (body) puts 1000 there. Ensemble: 0.625·1000 + 0.375·500 = 812.5.
// Without any funding rate funding_adjusted refuses (rather than silently splitting 50/50) and the
// ensemble is binance_standard alone: 1000.
void TestEnsemble::ensembleFromStore() {
    test::TempStore ts;
    insertScenarioA(*ts.store);
    auto alone = runFromStore(*ts.store, request(QStringLiteral("ensemble")));
    QVERIFY(alone.ok());
    QCOMPARE(alone->grid.longAt(1, 9), 1000.0f);
    auto noFunding = runFromStore(*ts.store, request(QStringLiteral("funding_adjusted")));
    QVERIFY(!noFunding.ok());
    QVERIFY(noFunding.error().message.contains(QStringLiteral("no funding")));

    QVERIFY(ts.store->insertFunding(kSeries, {{T0 - kHour, 8, 0.0}}).ok());
    auto out = runFromStore(*ts.store, request(QStringLiteral("ensemble")));
    QVERIFY(out.ok());
    QVERIFY(std::fabs(out->grid.longAt(1, 9) - 812.5f) < 1e-3);
    QCOMPARE(out->grid.model, QStringLiteral("ensemble"));
}

LHM_TEST_MAIN(TestEnsemble)
#include "tst_ensemble.moc"
