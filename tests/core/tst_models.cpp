// Liquidation models on tiny hand-built series whose answers are worked out by hand below.
//
// Prices: BTCUSDT's real Oct 2024 tier 1 prices every inferred position of the default
// representative notional (10,000 USD < 50,000 cap): MMR 0.004, cum 0, max 125x. With Q = N/EP the
// exchange formula LP = (WB + cum − s·Q·EP) / (Q·(MMR − s)), WB = Q·EP/L, reduces to
//   long  (s=+1): LP = EP·(1 − 1/L) / (1 − 0.004) = EP·(1 − 1/L) / 0.996
//   short (s=−1): LP = EP·(1 + 1/L) / (1 + 0.004) = EP·(1 + 1/L) / 1.004
// so at 10x: long LP = EP·0.9/0.996, short LP = EP·1.1/1.004.
#include "TestSupport.h"

#include "heatmap/InputLoader.h"
#include "models/ClusterAgreement.h"
#include "models/EnsembleModel.h"
#include "models/LevelBook.h"
#include "models/LiquidationModel.h"
#include "models/LiquidationPrice.h"
#include "models/SideRule.h"

#include <cmath>
#include <random>

using namespace lhm;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 T0 = 1'704'067'200'000;  // 2024-01-01T00:00Z
const SeriesKey kCandles{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
const SeriesKey kSeries{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};

// The hand formulas above; the tests compare levels with the model's own prices (computed by
// binanceLiquidationPrice, whose last bit may differ) only where one ulp matters.
double longLp10(double ep) { return ep * 0.9 / 0.996; }
double shortLp10(double ep) { return ep * 1.1 / 1.004; }
double exactLp(Side side, double ep, double lev = 10) {
    static const LeverageTiers tiers = *LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    return binanceLiquidationPrice(*tiers.tierFor(10000), side, ep, lev, 10000 / ep);
}

Candle candle(int hour, double o, double h, double l, double c, double vol = 0, double takerBuy = 0) {
    Candle k;
    k.openTime = T0 + hour * kHour;
    k.closeTime = k.openTime + kHour - 1;
    k.open = o;
    k.high = h;
    k.low = l;
    k.close = c;
    k.volume = vol;
    k.takerBuyVolume = takerBuy;
    return k;
}

// Two metrics rows per candle (at :00 and :30) so the per-candle mean is exercised.
std::vector<OpenInterestPoint> oiRows(const std::vector<std::pair<double, double>> &perCandle, double takerRatio = 0) {
    std::vector<OpenInterestPoint> out;
    for (size_t i = 0; i < perCandle.size(); ++i) {
        for (int k = 0; k < 2; ++k) {
            OpenInterestPoint p;
            p.time = T0 + qint64(i) * kHour + k * kHour / 2;
            p.openInterestValue = k == 0 ? perCandle[i].first : perCandle[i].second;
            p.openInterest = p.openInterestValue / 100;
            p.takerLongShortVolRatio = takerRatio;
            out.push_back(p);
        }
    }
    return out;
}

HeatmapRequest request(const QString &model = QStringLiteral("binance_standard"), int hours = 8) {
    HeatmapRequest r;
    r.symbol = QStringLiteral("BTCUSDT");
    r.window = QStringLiteral("12h");
    r.end = T0 + hours * kHour;
    r.model = model;
    r.params.interval = QStringLiteral("1h");
    r.params.bucket = 1;
    r.params.leverageWeights = {{10, 1}};
    r.params.sideRule = QStringLiteral("body");
    return r;
}

HeatmapRequest absoluteRequest() {
    HeatmapRequest r = request();
    r.params.closeRule = QStringLiteral("absolute");
    return r;
}

Result<ModelOutput> runFromStore(Store &store, const HeatmapRequest &req) {
    auto in = loadModelInputs(store, req);
    if (!in) return in.error();
    return makeModel(req.model)->run(*in, req.params);
}

// Scenario A (body rule, one leverage 10x, bucket 1 USD, close rule ABSOLUTE: |ΔOI| USD is removed
// from the tracked levels, the literal reading these numbers were worked for). LP_A = 100·0.9/0.996 = 90.36144578…,
// LP_B = 101·0.9/0.996 = 91.26506024…, LP_C = 97·1.1/1.004 = 106.27490039…
//  c0 O100 H101 L99   C100  OI (1000,1000) → 1000  first candle: ΔOI 0
//  c1 O99  H101 L98   C100  OI (1900,2100) → 2000  ΔOI +1000, close>open → long 1000 at LP_A
//  c2 O100 H101 L=LP_A+1ulp C100 OI 2000           low one ulp above LP_A: nothing consumed
//  c3 O92  H102 L=LP_A C101 OI 2400                 consume A (1000, inclusive), THEN open long 400
//                                                   at LP_B (91.27 >= low: consumed if opened first)
//  c4 O101 H103 L100  C99   OI 2200                 ΔOI −200 of 400 open: B 400 → 200, closed 200
//  c5 O99  H100 L96   C97   OI 2700                 ΔOI +500, close<open → short 500 at LP_C
//  c6 O97  H98  L96   C97   OI 2350                 ΔOI −350 of 700 open: keep 1/2 → B 100, C 250
//  c7 O97  H=LP_C L96 C100  OI 2350                 consume C (250, inclusive at the high)
// Totals: opened 1900 = consumed (1000 + 250) + closed (200 + 350) + open (B 100).
// Axis: lowest low LP_A → from = LP_A·(1 − 1/10) = 81.33 → priceMin 81; row = floor(price − 81):
// LP_A → row 9, LP_B → row 10, LP_C → row 25.
void insertScenarioA(Store &s) {
    const double a = exactLp(Side::Long, 100), c = exactLp(Side::Short, 97);
    std::vector<Candle> k{candle(0, 100, 101, 99, 100),          candle(1, 99, 101, 98, 100),
                          candle(2, 100, 101, std::nextafter(a, 1e9), 100), candle(3, 92, 102, a, 101),
                          candle(4, 101, 103, 100, 99),          candle(5, 99, 100, 96, 97),
                          candle(6, 97, 98, 96, 97),             candle(7, 97, c, 96, 100)};
    QVERIFY(s.insertCandles(kCandles, k).ok());
    QVERIFY(s.insertOpenInterest(kSeries, oiRows({{1000, 1000}, {1900, 2100}, {2000, 2000}, {2400, 2400},
                                                  {2200, 2200}, {2700, 2700}, {2350, 2350}, {2350, 2350}}))
                .ok());
}

}  // namespace

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
    void ensembleWeightsAndConfidence();
    void ensembleFromStore();
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
void TestModels::ensembleWeightsAndConfidence() {
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
void TestModels::ensembleFromStore() {
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
