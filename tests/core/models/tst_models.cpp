// Liquidation models on tiny hand-built series whose answers are worked out by hand (the tier-1
// formulas and scenario A are in ModelFixtures.h; each test's working is beside it).
#include "ModelFixtures.h"

#include "heatmap/InputLoader.h"
#include "models/LevelBook.h"
#include "models/LiquidationModel.h"
#include "models/LiquidationPrice.h"
#include "models/SideRule.h"

#include <cmath>
#include <random>

using namespace lhm;
using namespace lhm::test::models;

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void scenarioConsumeOpenClose();
    void conservationAndPredicted();
    void closeRuleRelative();
    void closeRuleAbsoluteOnSameData();
    void takerRule();
    void takerRuleFallsBackToMetrics();
    void fundingRuleAndFundingAdjusted();
    void pyLiquidationMap();
    void leverageSplitAndLadderErrors();
    void levelBookMatchesNaiveScan();
    void cancelAndProgress();
};

void TestModels::scenarioConsumeOpenClose() {
    test::TempStore ts;
    insertScenarioA(*ts.store);
    auto out = runFromStore(*ts.store, absoluteRequest());
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
    const HeatmapGrid &g = out->grid;
    QCOMPARE(g.cols(), 8);
    // The model's prices are the hand formulas (to rounding).
    QVERIFY(std::fabs(exactLp(Side::Long, 100) - 90.36144578313) < 1e-9);
    QVERIFY(std::fabs(exactLp(Side::Short, 97) - 106.27490039841) < 1e-9);
    QCOMPARE(g.priceMin, 81.0);
    QCOMPARE(g.bucketSize, 1.0);
    QCOMPARE(g.rowOf(longLp10(100)), 9);
    QCOMPARE(g.rowOf(longLp10(101)), 10);
    QCOMPARE(g.rowOf(shortLp10(97)), 25);
    QCOMPARE(g.longAt(0, 9), 0.0f);      // first candle: ΔOI = 0
    QCOMPARE(g.longAt(1, 9), 1000.0f);   // opened at c1's close
    QCOMPARE(g.longAt(2, 9), 1000.0f);   // low one ulp above LP_A: survives
    QCOMPARE(g.longAt(3, 9), 0.0f);      // low == LP_A: consumed (inclusive)
    QCOMPARE(g.longAt(3, 10), 400.0f);   // opened after consumption in the same candle
    QCOMPARE(g.longAt(4, 10), 200.0f);   // 200 of 400 closed
    QCOMPARE(g.shortAt(5, 25), 500.0f);
    QCOMPARE(g.longAt(6, 10), 100.0f);   // both sides halved
    QCOMPARE(g.shortAt(6, 25), 250.0f);
    QCOMPARE(g.shortAt(7, 25), 0.0f);    // high == LP_C: consumed
    QCOMPARE(g.longAt(7, 10), 100.0f);
    QCOMPARE(g.currentPrice, 100.0);
    double column7 = 0;
    for (int r = 0; r < g.rows; ++r) column7 += g.longAt(7, r) + g.shortAt(7, r);
    QCOMPARE(column7, 100.0);
}

void TestModels::conservationAndPredicted() {
    test::TempStore ts;
    insertScenarioA(*ts.store);
    auto out = runFromStore(*ts.store, absoluteRequest());
    QVERIFY(out.ok());
    const NotionalFlow &f = out->flow;
    QCOMPARE(f.opened, 1900.0);
    QVERIFY(std::fabs(f.consumed - 1250.0) < 1e-9);
    QVERIFY(std::fabs(f.closed - 550.0) < 1e-9);
    QVERIFY(std::fabs(f.open - 100.0) < 1e-9);
    QVERIFY(std::fabs(f.opened - (f.open + f.consumed + f.closed)) <= 1e-6 * f.opened);
    const auto &p = out->grid.predicted;
    QCOMPARE(p.size(), size_t(2));
    QCOMPARE(p[0].time, T0 + 3 * kHour);
    QCOMPARE(p[0].price, exactLp(Side::Long, 100));
    QCOMPARE(p[0].side, Side::Long);
    QCOMPARE(p[0].notional, 1000.0);
    QCOMPARE(p[0].leverage, 10.0);
    QCOMPARE(p[1].time, T0 + 7 * kHour);
    QCOMPARE(p[1].side, Side::Short);
    QVERIFY(std::fabs(p[1].notional - 250.0) < 1e-9);
    // The open level left: B, 100 USD long at LP_B.
    QCOMPARE(out->levels.size(), size_t(1));
    QCOMPARE(out->levels[0].price, exactLp(Side::Long, 101));
    QVERIFY(std::fabs(out->levels[0].notional - 100.0) < 1e-9);
}

// Scenario R: the relative close rule (the default). Body rule, 10x, bucket 1 USD.
// LP_L = exactLp(long, 100) = 90.36144578…, LP_S = exactLp(short, 100) = 100·1.1/1.004 = 109.56175298…
//  c0 O100 H101 L99    C100 OI 1000  baseline, ΔOI 0
//  c1 O99  H101 L98    C100 OI 1200  ΔOI +200, close > open → long 200 at LP_L
//  c2 O100 H101 L99    C100 OI  900  ΔOI −300 of OI_prev 1200: share 300/1200 = 1/4 of every level
//                                    → long 150, closed 50. |ΔOI| 300 exceeds the tracked 200, yet
//                                    the book survives (absolute would close all of it)
//  c3 O101 H101 L99    C100 OI 1200  ΔOI +300, close < open → short 300 at LP_S
//  c4 O100 H101 L99    C100 OI  960  ΔOI −240 of 1200: share 1/5 → long 120, short 240, closed 90
//  c5 O100 H=LP_S L99  C100 OI  960  consume the short (240, inclusive at the high); ΔOI 0
// Totals: opened 500 = open 120 + consumed 240 + closed (50 + 90 = 140).
// Axis: lowest low 98 → 98·0.9 = 88.2 → priceMin 88; LP_L → row floor(90.36 − 88) = 2,
// LP_S → row floor(109.56 − 88) = 21.
namespace {
void insertScenarioR(Store &s) {
    const double shortLp = exactLp(Side::Short, 100);
    QVERIFY(s.insertCandles(kCandles, {candle(0, 100, 101, 99, 100), candle(1, 99, 101, 98, 100),
                                       candle(2, 100, 101, 99, 100), candle(3, 101, 101, 99, 100),
                                       candle(4, 100, 101, 99, 100), candle(5, 100, shortLp, 99, 100)})
                .ok());
    QVERIFY(s.insertOpenInterest(kSeries, oiRows({{1000, 1000}, {1200, 1200}, {900, 900}, {1200, 1200},
                                                  {960, 960}, {960, 960}}))
                .ok());
}
}  // namespace

void TestModels::closeRuleRelative() {
    test::TempStore ts;
    insertScenarioR(*ts.store);
    HeatmapRequest req = request(QStringLiteral("binance_standard"), 6);
    QCOMPARE(req.params.closeRule, QStringLiteral("relative"));  // the default
    auto out = runFromStore(*ts.store, req);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
    const HeatmapGrid &g = out->grid;
    QCOMPARE(g.priceMin, 88.0);
    QCOMPARE(g.rowOf(longLp10(100)), 2);
    QCOMPARE(g.rowOf(shortLp10(100)), 21);
    QCOMPARE(g.longAt(1, 2), 200.0f);
    QCOMPARE(g.longAt(2, 2), 150.0f);   // a quarter closed although |ΔOI| 300 > the 200 tracked
    QCOMPARE(g.longAt(3, 2), 150.0f);
    QCOMPARE(g.shortAt(3, 21), 300.0f);
    QCOMPARE(g.longAt(4, 2), 120.0f);   // both sides lose a fifth
    QCOMPARE(g.shortAt(4, 21), 240.0f);
    QCOMPARE(g.shortAt(5, 21), 0.0f);   // consumed at the high
    QCOMPARE(g.longAt(5, 2), 120.0f);
    const NotionalFlow &f = out->flow;
    QCOMPARE(f.opened, 500.0);
    QVERIFY(std::fabs(f.closed - 140.0) < 1e-9);
    QVERIFY(std::fabs(f.consumed - 240.0) < 1e-9);
    QVERIFY(std::fabs(f.open - 120.0) < 1e-9);
    QVERIFY(std::fabs(f.opened - (f.open + f.consumed + f.closed)) <= 1e-12 * f.opened);
    QCOMPARE(g.predicted.size(), size_t(1));
    QVERIFY(std::fabs(g.predicted[0].notional - 240.0) < 1e-9);
    QCOMPARE(g.predicted[0].side, Side::Short);
    // Unknown rules are refused, naming the flag; the rule is part of the cache key.
    HeatmapRequest bad = req;
    bad.params.closeRule = QStringLiteral("sometimes");
    auto refused = runFromStore(*ts.store, bad);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("close-rule"));
    QVERIFY(absoluteRequest().params.hash() != request().params.hash());
    // The book on its own: share >= 1 empties it, NaN or <= 0 closes nothing.
    LevelBook book(PriceAxis{0, 1, 10}, {10});
    book.open(Side::Long, 5, 0, 100);
    QCOMPARE(book.closeShare(std::nan("")), 0.0);
    QCOMPARE(book.closeShare(-0.5), 0.0);
    QCOMPARE(book.closeShare(0.25), 25.0);
    QCOMPARE(book.closeShare(3.0), 75.0);
    QCOMPARE(book.openNotional(), 0.0);
}

// The same data with the literal absolute rule:
//  c2: |ΔOI| 300 >= the 200 tracked → everything closed (200): the long is gone
//  c3: short 300;  c4: 240 of 300 closed → short 60;  c5: the short (60) consumed
// Totals: opened 500 = open 0 + consumed 60 + closed 440.
void TestModels::closeRuleAbsoluteOnSameData() {
    test::TempStore ts;
    insertScenarioR(*ts.store);
    HeatmapRequest req = request(QStringLiteral("binance_standard"), 6);
    req.params.closeRule = QStringLiteral("absolute");
    auto out = runFromStore(*ts.store, req);
    QVERIFY(out.ok());
    const HeatmapGrid &g = out->grid;
    QCOMPARE(g.longAt(2, 2), 0.0f);
    QCOMPARE(g.shortAt(3, 21), 300.0f);
    QCOMPARE(g.shortAt(4, 21), 60.0f);
    QCOMPARE(g.shortAt(5, 21), 0.0f);
    const NotionalFlow &f = out->flow;
    QCOMPARE(f.opened, 500.0);
    QVERIFY(std::fabs(f.closed - 440.0) < 1e-9);
    QVERIFY(std::fabs(f.consumed - 60.0) < 1e-9);
    QVERIFY(std::fabs(f.open) < 1e-9);
}

// Taker rule: c1 volume 10, taker buys 7 → long share 0.7: ΔOI 1000 → long 700 at LP(100) = 90.3614,
// short 300 at 100·1.1/1.004 = 109.5617. Axis: lowest low 99 → 99·(1 − 1/10) = 89.1 → priceMin 89,
// so the long is in row floor(90.36 − 89) = 1 and the short in row floor(109.56 − 89) = 20.
void TestModels::takerRule() {
    test::TempStore ts;
    QVERIFY(ts.store->insertCandles(kCandles, {candle(0, 100, 101, 99, 100, 5, 1), candle(1, 100, 101, 99, 100, 10, 7)}).ok());
    QVERIFY(ts.store->insertOpenInterest(kSeries, oiRows({{1000, 1000}, {2000, 2000}})).ok());
    HeatmapRequest req = request(QStringLiteral("binance_standard"), 2);
    req.params.sideRule = QStringLiteral("taker");
    auto out = runFromStore(*ts.store, req);
    QVERIFY(out.ok());
    const HeatmapGrid &g = out->grid;
    QCOMPARE(g.priceMin, 89.0);
    QCOMPARE(g.rowOf(longLp10(100)), 1);
    QCOMPARE(g.rowOf(shortLp10(100)), 20);
    QVERIFY(std::fabs(g.longAt(1, 1) - 700.0f) < 1e-3);
    QVERIFY(std::fabs(g.shortAt(1, 20) - 300.0f) < 1e-3);
    // Body rule on the same data: doji → all long.
    req.params.sideRule = QStringLiteral("body");
    auto body = runFromStore(*ts.store, req);
    QVERIFY(body.ok());
    QCOMPARE(body->grid.longAt(1, 1), 1000.0f);
    QCOMPARE(body->grid.shortAt(1, 20), 0.0f);
}

// Mark-price klines carry no volume; the metrics taker buy/sell ratio 3 → share 3/4 = 0.75.
void TestModels::takerRuleFallsBackToMetrics() {
    test::TempStore ts;
    QVERIFY(ts.store->insertCandles(kCandles, {candle(0, 100, 101, 99, 100), candle(1, 100, 101, 99, 100)}).ok());
    QVERIFY(ts.store->insertOpenInterest(kSeries, oiRows({{1000, 1000}, {2000, 2000}}, 3.0)).ok());
    HeatmapRequest req = request(QStringLiteral("binance_standard"), 2);
    req.params.sideRule = QStringLiteral("taker");
    auto out = runFromStore(*ts.store, req);
    QVERIFY(out.ok());
    QVERIFY(std::fabs(out->grid.longAt(1, 1) - 750.0f) < 1e-3);
    QVERIFY(std::fabs(out->grid.shortAt(1, 20) - 250.0f) < 1e-3);
}

// Funding 0.0001 (0.01 %): share = 0.5 + tanh(0.01·50)·0.2 = 0.5 + 0.46211715726·0.2 = 0.59242343145.
// Funding −0.0003: share = 0.5 − tanh(1.5)·0.2 = 0.5 − 0.90514825364·0.2 = 0.31897034927.
void TestModels::fundingRuleAndFundingAdjusted() {
    QVERIFY(std::fabs(fundingLongShare(0.0001, 50, 0.2) - 0.59242343145) < 1e-10);
    QVERIFY(std::fabs(fundingLongShare(-0.0003, 50, 0.2) - 0.31897034927) < 1e-10);
    QCOMPARE(fundingLongShare(std::nan(""), 50, 0.2), 0.5);
    QVERIFY(std::fabs(fundingLongShare(0.0001, 100, 0.4) - (0.5 + std::tanh(1.0) * 0.4)) < 1e-15);

    test::TempStore ts;
    QVERIFY(ts.store->insertCandles(kCandles, {candle(0, 100, 101, 99, 100, 10, 9), candle(1, 100, 101, 99, 100, 10, 9)}).ok());
    QVERIFY(ts.store->insertOpenInterest(kSeries, oiRows({{1000, 1000}, {2000, 2000}})).ok());
    // Settled at T0 − 1h, so in effect for both candles.
    QVERIFY(ts.store->insertFunding(kSeries, {{T0 - kHour, 8, 0.0001}}).ok());
    for (const QString &model : {QStringLiteral("funding_adjusted"), QStringLiteral("binance_standard")}) {
        HeatmapRequest req = request(model, 2);
        req.params.sideRule = QStringLiteral("funding");  // ignored by funding_adjusted, which forces it
        if (model == QLatin1String("funding_adjusted")) req.params.sideRule = QStringLiteral("taker");
        auto out = runFromStore(*ts.store, req);
        QVERIFY(out.ok());
        QVERIFY(std::fabs(out->grid.longAt(1, 1) - 592.42343145f) < 1e-3);
        QVERIFY(std::fabs(out->grid.shortAt(1, 20) - 407.57656855f) < 1e-3);
    }
}

// Profile cells in c1: (bucket 100, large buy 300,000, large sell 200,000, largest trade 150,000) and
// (bucket 100, large buy 900,000 but largest trade 90,000 < 100,000 threshold: ignored).
// Long 300,000 at LP(100) = 90.3614, short 200,000 at 109.5617. Axis: lowest low 90 → 90·0.9 = 81 →
// priceMin 81: long row floor(90.36 − 81) = 9, short row floor(109.56 − 81) = 28.
// c2's low 90 ≤ 90.3614 consumes the long: predicted (T0+2h, 90.3614, long, 300,000).
void TestModels::pyLiquidationMap() {
    test::TempStore ts;
    QVERIFY(ts.store->insertCandles(kCandles, {candle(0, 100, 101, 99, 100), candle(1, 100, 101, 99, 100),
                                               candle(2, 100, 101, 90, 95)}).ok());
    TradeProfileCell a;
    a.minute = T0 + kHour + 5 * 60'000;
    a.bucketPrice = 100;
    a.largeBuyNotional = 300'000;
    a.largeSellNotional = 200'000;
    a.maxTradeNotional = 150'000;
    TradeProfileCell b = a;
    b.minute += 60'000;
    b.largeBuyNotional = 900'000;
    b.largeSellNotional = 0;
    b.maxTradeNotional = 90'000;
    QVERIFY(ts.store->addTradeProfile(kSeries, {a, b}).ok());
    auto out = runFromStore(*ts.store, request(QStringLiteral("py_liquidation_map"), 3));
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
    const HeatmapGrid &g = out->grid;
    QCOMPARE(g.priceMin, 81.0);
    QCOMPARE(g.longAt(1, 9), 300000.0f);
    QCOMPARE(g.shortAt(1, 28), 200000.0f);
    QCOMPARE(g.longAt(2, 9), 0.0f);
    QCOMPARE(g.shortAt(2, 28), 200000.0f);
    QCOMPARE(g.predicted.size(), size_t(1));
    QCOMPARE(g.predicted[0].notional, 300000.0);
    QCOMPARE(g.predicted[0].price, exactLp(Side::Long, 100));
    QCOMPARE(out->flow.opened, 500000.0);
    QCOMPARE(out->flow.open, 200000.0);
    // Raising the threshold above the largest trade drops the cell.
    HeatmapRequest high = request(QStringLiteral("py_liquidation_map"), 3);
    high.params.largeTradeNotional = 200'000;
    auto none = runFromStore(*ts.store, high);
    QVERIFY(none.ok());
    QCOMPARE(none->flow.opened, 0.0);
}

// Weights 5:1,10:3 → 0.25/0.75. ΔOI 1000 body-long at 100: 250 at LP(5x) = 100·0.8/0.996 = 80.3213 and
// 750 at LP(10x) = 90.3614.
void TestModels::leverageSplitAndLadderErrors() {
    test::TempStore ts;
    QVERIFY(ts.store->insertCandles(kCandles, {candle(0, 100, 101, 99, 100), candle(1, 99, 101, 99, 100)}).ok());
    QVERIFY(ts.store->insertOpenInterest(kSeries, oiRows({{1000, 1000}, {2000, 2000}})).ok());
    HeatmapRequest req = request(QStringLiteral("binance_standard"), 2);
    req.params.leverageWeights = {{10, 3}, {5, 1}};
    auto out = runFromStore(*ts.store, req);
    QVERIFY(out.ok());
    const HeatmapGrid &g = out->grid;
    QCOMPARE(out->leverages, (std::vector<double>{5, 10}));
    QCOMPARE(g.longAt(1, g.rowOf(100 * 0.8 / 0.996)), 250.0f);
    QCOMPARE(g.longAt(1, g.rowOf(longLp10(100))), 750.0f);
    // 150x is above tier 1's 125x maximum: refused, naming the field.
    req.params.leverageWeights = {{150, 1}};
    auto bad = runFromStore(*ts.store, req);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("leverage-weights"));
    // A position too large for any tier.
    req.params.leverageWeights = {{10, 1}};
    req.params.positionNotional = 1e12;
    QVERIFY(!runFromStore(*ts.store, req).ok());
}


// The frontier/scale book against a brute-force list of levels on a random walk.
void TestModels::levelBookMatchesNaiveScan() {
    PriceAxis axis{900, 2, 100};
    LevelBook book(axis, {10, 25});
    struct L { double price, notional; Side side; };
    std::vector<L> naive;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(-1, 1);
    double price = 1000;
    for (int i = 0; i < 3000; ++i) {
        const double o = price, c = price + u(rng) * 15;
        const double hi = std::max(o, c) + std::fabs(u(rng)) * 5, lo = std::min(o, c) - std::fabs(u(rng)) * 5;
        price = c;
        std::vector<PredictedLiquidation> ev;
        const double consumed = book.consume(lo, hi, i, &ev);
        double naiveConsumed = 0;
        std::vector<L> kept;
        for (const L &l : naive) {
            if ((l.side == Side::Long && l.price >= lo) || (l.side == Side::Short && l.price <= hi))
                naiveConsumed += l.notional;
            else
                kept.push_back(l);
        }
        naive = kept;
        QVERIFY(std::fabs(consumed - naiveConsumed) <= 1e-9 * std::max(1.0, naiveConsumed));
        if (i % 3 == 2) {
            const double open = book.openNotional();
            QVERIFY(std::fabs(book.close(open * 0.1) - open * 0.1) <= 1e-12 * open);
            for (L &l : naive) l.notional *= 0.9;
        } else {
            const double n = 100 + std::fabs(u(rng)) * 50;
            book.open(Side::Long, c * 0.92, 0, n);
            book.open(Side::Short, c * 1.07, 1, n / 2);
            naive.push_back({c * 0.92, n, Side::Long});
            naive.push_back({c * 1.07, n / 2, Side::Short});
        }
    }
    double naiveOpen = 0;
    for (const L &l : naive) naiveOpen += l.notional;
    QVERIFY(std::fabs(book.exactOpenNotional() - naiveOpen) <= 1e-9 * naiveOpen);
    QCOMPARE(book.levels().size(), naive.size());
}

void TestModels::cancelAndProgress() {
    test::TempStore ts;
    insertScenarioA(*ts.store);
    auto in = loadModelInputs(*ts.store, request());
    QVERIFY(in.ok());
    std::vector<double> seen;
    RunControl progress;
    progress.progress = [&](double f) { seen.push_back(f); };
    QVERIFY(makeModel(QStringLiteral("binance_standard"))->run(*in, request().params, progress).ok());
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.front(), 0.0);
    QCOMPARE(seen.back(), 1.0);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    std::atomic_bool stop{true};
    RunControl cancel;
    cancel.cancel = &stop;
    auto r = makeModel(QStringLiteral("binance_standard"))->run(*in, request().params, cancel);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("cancelled"));
}

LHM_TEST_MAIN(TestModels)
#include "tst_models.moc"
