// LiveHeatmap: rolling a computed heatmap forward with live ticks (docs/models.md, "Live roll-forward").
// Every expected number below is worked out by hand on the tiny grid built by tinyGrid().
#include "TestSupport.h"

#include "heatmap/LiveHeatmap.h"

#include <QElapsedTimer>
#include <limits>

using namespace lhm;

namespace {

// 3 columns x 6 rows, bucket 100, priceMin 1000, interval 1000 ms, columns open at 0, 1000, 2000.
//   row:        r0          r1          r2          r3          r4          r5
//   bucket: [1000,1100) [1100,1200) [1200,1300) [1300,1400) [1400,1500) [1500,1600)
//   long LP (lower edge): 1000 1100 1200 1300 1400 1500
//   short LP (upper edge): 1100 1200 1300 1400 1500 1600
// Last column (col 2): long  r0..r5 = 10 20 30  5  0  0   (sum 65)
//                      short r0..r5 =  0  0  0  7 40 50   (sum 97)    total 162
// col 0: long 1 2 3 4 0 0, short 0 0 0 0 6 6;  col 1: long 5 6 7 8 0 0, short 0 0 0 9 9 9.
// Last candle (open 2000): O 1350 H 1380 L 1320 C 1350 — consistent with the batch rule: longs
// left in r3 lie below 1320, shorts left in r3 above 1380.
// Two predicted liquidations from the batch: at 500 (col 0) and at 1500 (col 1).
std::shared_ptr<const HeatmapGrid> tinyGrid() {
    auto g = std::make_shared<HeatmapGrid>();
    g->intervalMs = 1000, g->bucketSize = 100, g->priceMin = 1000, g->rows = 6;
    g->times = {0, 1000, 2000};
    Candle c;
    c.open = c.close = 1350, c.high = 1380, c.low = 1320;
    for (qint64 t : g->times) c.openTime = t, c.closeTime = t + 999, g->candles.push_back(c);
    g->longDensity = {1, 2, 3, 4, 0, 0, /**/ 5, 6, 7, 8, 0, 0, /**/ 10, 20, 30, 5, 0, 0};
    g->shortDensity = {0, 0, 0, 0, 6, 6, /**/ 0, 0, 0, 9, 9, 9, /**/ 0, 0, 0, 7, 40, 50};
    g->predicted = {PredictedLiquidation{500, 1234, Side::Long, 3, 10},
                    PredictedLiquidation{1500, 1450, Side::Short, 4, 25}};
    g->currentPrice = 1350, g->dataTo = 2400;
    return g;
}

using F = std::vector<float>;
using T = std::vector<qint64>;
using D = std::vector<double>;
F column(const F &d, int col, int rows = 6) { return F(d.begin() + col * rows, d.begin() + (col + 1) * rows); }
double sumColumn(const HeatmapGrid &g, int col) {
    double s = 0;
    for (int r = 0; r < g.rows; ++r) s += g.longAt(col, r) + g.shortAt(col, r);
    return s;
}
D ohlc(const Candle &c) { return {c.open, c.high, c.low, c.close}; }  // one comparable value
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

class TestLiveHeatmap : public QObject {
    Q_OBJECT
private slots:
    void longConsumptionInclusiveAtLowerEdge() {
        LiveHeatmap live(tinyGrid());
        // 1300.5 is inside r3 but above its LP 1300: r3's longs are not (all) crossed -> nothing.
        QVERIFY(live.addTick(2500, 1300.5));
        QCOMPARE(column(live.snapshot()->longDensity, 2), (F{10, 20, 30, 5, 0, 0}));
        // Exactly 1300 = r3's LP: consumed (inclusive). r2's LP 1200 < 1300: kept.
        QVERIFY(live.addTick(2600, 1300));
        auto s = live.snapshot();
        QCOMPARE(column(s->longDensity, 2), (F{10, 20, 30, 0, 0, 0}));
        QCOMPARE(s->predicted.size(), size_t(3));
        const PredictedLiquidation &p = s->predicted.back();
        QVERIFY(p.time == 2600 && p.price == 1300.0 && p.side == Side::Long && p.notional == 5.0);
        // Just above r2's LP keeps r2; exactly on it consumes 30.
        QVERIFY(live.addTick(2700, 1200.0001));
        QCOMPARE(live.snapshot()->longAt(2, 2), 30.0f);
        QVERIFY(live.addTick(2800, 1200));
        s = live.snapshot();
        QCOMPARE(column(s->longDensity, 2), (F{10, 20, 0, 0, 0, 0}));
        QVERIFY(s->predicted.back().price == 1200.0 && s->predicted.back().notional == 30.0);
        QCOMPARE(s->candles.back().low, 1200.0);
        // Earlier columns never change: consumption is per current column only.
        QCOMPARE(column(s->longDensity, 1), (F{5, 6, 7, 8, 0, 0}));
    }

    void shortConsumptionInclusiveAtUpperEdge() {
        LiveHeatmap live(tinyGrid());
        // 1399.99 < r3's short LP 1400: kept. 1400: consumed (7), r4's LP 1500 not reached.
        QVERIFY(live.addTick(2500, 1399.99));
        QCOMPARE(column(live.snapshot()->shortDensity, 2), (F{0, 0, 0, 7, 40, 50}));
        QVERIFY(live.addTick(2600, 1400));
        auto s = live.snapshot();
        QCOMPARE(column(s->shortDensity, 2), (F{0, 0, 0, 0, 40, 50}));
        const PredictedLiquidation &p = s->predicted.back();
        QVERIFY(p.time == 2600 && p.price == 1400.0 && p.side == Side::Short && p.notional == 7.0);
        // Just below 1500 keeps r4; 1500 consumes 40; the high is 1500, the close follows the tick.
        QVERIFY(live.addTick(2700, 1499.9999));
        QCOMPARE(live.snapshot()->shortAt(2, 4), 40.0f);
        QVERIFY(live.addTick(2800, 1500));
        s = live.snapshot();
        QCOMPARE(column(s->shortDensity, 2), (F{0, 0, 0, 0, 0, 50}));
        QVERIFY(s->candles.back().high == 1500.0 && s->currentPrice == 1500.0 && s->dataTo == 2800);
        QCOMPARE(live.consumedNotional(), 47.0);
    }

    void tickOnNextIntervalStartOpensColumn() {
        LiveHeatmap live(tinyGrid());
        // 2999 is the last ms of column 2's interval [2000, 3000): stays there.
        QVERIFY(live.addTick(2999, 1360));
        QCOMPARE(live.snapshot()->times, (T{0, 1000, 2000}));
        QCOMPARE(live.snapshot()->candles.back().close, 1360.0);
        // 3000 = 2000 + 1000 opens a new column; column at 0 is dropped: times 1000, 2000, 3000.
        QVERIFY(live.addTick(3000, 1340, 2.0));
        auto s = live.snapshot();
        QCOMPARE(s->times, (T{1000, 2000, 3000}));
        QCOMPARE(int(s->candles.size()), 3);
        QCOMPARE(s->candles[0].openTime, qint64(1000));
        const Candle &c = s->candles.back();
        QVERIFY(c.openTime == 3000 && c.closeTime == 3999 && c.volume == 2.0);
        QCOMPARE(ohlc(c), (D{1340, 1340, 1340, 1340}));
        // Densities: old col 1 -> col 0, old col 2 -> col 1, and col 2 is a copy of old col 2.
        // (1340 is above r3's long LP 1300 and below its short LP 1400: nothing consumed.)
        QCOMPARE(column(s->longDensity, 0), (F{5, 6, 7, 8, 0, 0}));
        QCOMPARE(column(s->shortDensity, 0), (F{0, 0, 0, 9, 9, 9}));
        QCOMPARE(column(s->longDensity, 1), (F{10, 20, 30, 5, 0, 0}));
        QCOMPARE(column(s->longDensity, 2), (F{10, 20, 30, 5, 0, 0}));
        QCOMPARE(column(s->shortDensity, 2), (F{0, 0, 0, 7, 40, 50}));
        QCOMPARE(s->longDensity.size(), size_t(18));
        // The batch event at 500 left with column 0; the one at 1500 stays.
        QCOMPARE(s->predicted.size(), size_t(1));
        QCOMPARE(s->predicted[0].time, qint64(1500));
        // The previous candle (2000) keeps what it had: high 1380 low 1320 close 1360.
        QCOMPARE(s->candles[1].close, 1360.0);
        // In the new column the running range starts at the tick: 1300 now consumes r3's 5.
        QVERIFY(live.addTick(3500, 1300));
        s = live.snapshot();
        QCOMPARE(column(s->longDensity, 2), (F{10, 20, 30, 0, 0, 0}));
        QCOMPARE(column(s->longDensity, 1), (F{10, 20, 30, 5, 0, 0}));
        QCOMPARE(ohlc(s->candles.back()), (D{1340, 1340, 1300, 1300}));
    }

    void gapInsertsFlatCandles() {
        LiveHeatmap live(tinyGrid());
        // Last column opens at 2000; a tick at 5000 is 3 intervals later: 3000 and 4000 had no
        // tick -> flat at the last close 1350; 5000 opens at the tick price 1450. All 3 columns
        // are new (window length 3), densities all copies of the old last column.
        QVERIFY(live.addTick(5000, 1450));
        auto s = live.snapshot();
        QCOMPARE(s->times, (T{3000, 4000, 5000}));
        for (int k = 0; k < 2; ++k) {
            QCOMPARE(s->candles[size_t(k)].openTime, qint64(3000 + 1000 * k));
            QCOMPARE(ohlc(s->candles[size_t(k)]), (D{1350, 1350, 1350, 1350}));
            QCOMPARE(column(s->longDensity, k), (F{10, 20, 30, 5, 0, 0}));
            // Flat candles at 1350 cross nothing: r3's shorts (LP 1400) are still there.
            QCOMPARE(column(s->shortDensity, k), (F{0, 0, 0, 7, 40, 50}));
        }
        QCOMPARE(ohlc(s->candles[2]), (D{1450, 1450, 1450, 1450}));
        // The new column's high 1450 >= 1400: r3's 7 shorts consumed there only.
        QCOMPARE(column(s->shortDensity, 2), (F{0, 0, 0, 0, 40, 50}));
        QVERIFY(s->predicted.size() == 1 && s->predicted[0].time == 5000 && s->predicted[0].notional == 7.0);
        // A gap longer than the window: 2000 -> 12000 is 10 intervals, only the last 3 are kept.
        LiveHeatmap far(tinyGrid());
        QVERIFY(far.addTick(12000, 1350));
        QCOMPARE(far.snapshot()->times, (T{10000, 11000, 12000}));
        QCOMPARE(far.snapshot()->candles[0].openTime, qint64(10000));
    }

    void badTicksIgnoredAndCounted() {
        auto base = tinyGrid();
        LiveHeatmap live(base);
        // NaN, infinite, zero, negative price; a time before the last column's start (2000).
        for (double bad : {kNaN, std::numeric_limits<double>::infinity(), 0.0, -5.0}) QVERIFY(!live.addTick(2500, bad));
        QVERIFY(!live.addTick(1999, 1350));
        QVERIFY(live.rejectedTicks() == 5 && live.acceptedTicks() == 0);
        QCOMPARE(live.snapshot(), base);  // nothing changed: the input itself
        QVERIFY(live.addTick(2000, 1350));  // exactly the start is fine
        QVERIFY(live.addTick(3000, 1350));  // new column starting at 3000 ...
        QVERIFY(!live.addTick(2999, 1350));  // ... so 2999 is now too old
        QVERIFY(live.rejectedTicks() == 6 && live.acceptedTicks() == 2);
        // A bad quantity does not spoil a good price.
        QVERIFY(live.addTick(3100, 1351, kNaN));
        QCOMPARE(live.snapshot()->candles.back().volume, 0.0);
        // No grid / an unusable grid: ticks ignored, not counted as bad.
        LiveHeatmap none;
        QVERIFY(!none.addTick(2500, 1350) && none.rejectedTicks() == 0);
        auto broken = std::make_shared<HeatmapGrid>(*tinyGrid());
        broken->longDensity.pop_back();
        none.setGrid(broken);
        QVERIFY(!none.hasGrid());
    }

    void lateTickWidensButKeepsClose() {
        LiveHeatmap live(tinyGrid());
        QVERIFY(live.addTick(2600, 1360));
        QVERIFY(live.addTick(2550, 1300));  // older than 2600: low moves (and consumes), close not
        auto s = live.snapshot();
        QCOMPARE(ohlc(s->candles.back()), (D{1350, 1380, 1300, 1360}));
        QCOMPARE(s->longAt(2, 3), 0.0f);
        QVERIFY(s->currentPrice == 1360.0 && s->dataTo == 2600);
    }

    void conservation() {
        LiveHeatmap live(tinyGrid());
        const double before = sumColumn(*tinyGrid(), 2);  // 65 + 97 = 162
        QCOMPARE(before, 162.0);
        // Low 1050 consumes longs with LP >= 1050: r3 (1300) 5, r2 (1200) 30, r1 (1100) 20 = 55;
        // r0 (LP 1000) stays. High 1550 consumes shorts with LP <= 1550: r3 (1400) 7, r4 (1500) 40
        // = 47; r5 (1600) stays. Consumed 102; left 10 + 50 = 60; 60 + 102 = 162.
        QVERIFY(live.addTick(2500, 1050));
        QVERIFY(live.addTick(2600, 1550));
        auto s = live.snapshot();
        QCOMPARE(sumColumn(*s, 2), 60.0);
        QCOMPARE(live.consumedNotional(), 102.0);
        double recorded = 0;
        for (size_t i = 2; i < s->predicted.size(); ++i) recorded += s->predicted[i].notional;
        QVERIFY(s->predicted.size() == 2 + 5 && recorded == 102.0);
        QCOMPARE(sumColumn(*s, 2) + recorded, before);
        // Order: longs top-down (1300, 1200, 1100) then shorts bottom-up (1400, 1500).
        D prices;
        for (size_t i = 2; i < 7; ++i) prices.push_back(s->predicted[i].price);
        QCOMPARE(prices, (D{1300, 1200, 1100, 1400, 1500}));
        // Crossing the same prices again consumes nothing more.
        QVERIFY(live.addTick(2700, 1050));
        QCOMPARE(live.snapshot()->predicted.size(), size_t(7));
    }

    void snapshotsImmutableAndRecycled() {
        auto base = tinyGrid();
        LiveHeatmap live(base);
        QVERIFY(live.addTick(2500, 1300));  // consumes r3 long 5
        auto s1 = live.snapshot();
        QCOMPARE(live.snapshot(), s1);  // unchanged state: same object
        QVERIFY(live.addTick(2600, 1200));  // consumes r2 long 30
        auto s2 = live.snapshot();
        QVERIFY(s2 != s1 && s1 != base);
        // A reader still holding s1 sees exactly the state it was given.
        QCOMPARE(column(s1->longDensity, 2), (F{10, 20, 30, 0, 0, 0}));
        QCOMPARE(s1->predicted.size(), size_t(3));
        QCOMPARE(column(s2->longDensity, 2), (F{10, 20, 0, 0, 0, 0}));
        QCOMPARE(column(base->longDensity, 2), (F{10, 20, 30, 5, 0, 0}));
        // Released, s1's storage is reused and patched: same address, current content.
        const HeatmapGrid *raw1 = s1.get();
        s1.reset();
        QVERIFY(live.addTick(2700, 1100));  // consumes r1 long 20
        auto s3 = live.snapshot();
        QCOMPARE(s3.get(), raw1);
        QCOMPARE(column(s3->longDensity, 2), (F{10, 0, 0, 0, 0, 0}));
        QVERIFY(s3->predicted.size() == 5 && s3->predicted.back().notional == 20.0);
        QVERIFY(s3->candles.back().low == 1100.0 && s3->currentPrice == 1100.0);
        QCOMPARE(column(s2->longDensity, 2), (F{10, 20, 0, 0, 0, 0}));  // s2 untouched
        // After a column change a recycled slot is copied in full.
        s2.reset();
        QVERIFY(live.addTick(3000, 1350));
        auto s4 = live.snapshot();
        QCOMPARE(s4->times, (T{1000, 2000, 3000}));
        QCOMPARE(column(s4->longDensity, 0), (F{5, 6, 7, 8, 0, 0}));
        QCOMPARE(column(s4->longDensity, 2), (F{10, 0, 0, 0, 0, 0}));
        QCOMPARE(s4->predicted.size(), size_t(4));  // the batch event at 500 left with column 0
        // Rebasing restarts from the new grid.
        live.setGrid(base);
        QCOMPARE(live.snapshot(), base);
        QCOMPARE(live.consumedNotional(), 0.0);
    }

    // Cost on a 1-year hourly grid, 2,000 rows (run with LHM_LIVE_BENCH=1; prints the figures).
    void snapshotCostLargeGrid() {
        if (qEnvironmentVariableIsEmpty("LHM_LIVE_BENCH")) QSKIP("set LHM_LIVE_BENCH=1 to measure");
        const int cols = 8760, rows = 2000;
        auto g = std::make_shared<HeatmapGrid>();
        g->intervalMs = 3'600'000, g->bucketSize = 50, g->priceMin = 10'000, g->rows = rows;
        Candle k;
        k.open = k.high = k.low = k.close = 60'025;
        for (int c = 0; c < cols; ++c)
            k.openTime = qint64(c) * g->intervalMs, g->times.push_back(k.openTime), g->candles.push_back(k);
        g->longDensity.assign(size_t(cols) * rows, 1.0f), g->shortDensity.assign(size_t(cols) * rows, 1.0f);
        QElapsedTimer t;
        t.start();
        LiveHeatmap live(g);
        const auto ms = [&t] { const double v = t.nsecsElapsed() / 1e6; t.restart(); return v; };
        const double setMs = ms();
        std::shared_ptr<const HeatmapGrid> held;  // the view's current snapshot (double buffering)
        qint64 time = g->times.back();
        live.addTick(++time, 60'020), held = live.snapshot();  // first snapshot: full copy
        live.addTick(++time, 60'030), held = live.snapshot();
        const int n = 200;
        t.restart();
        for (int i = 0; i < n; ++i) live.addTick(++time, 60'000 + (i % 40)), held = live.snapshot();
        const double patchUs = ms() * 1e3 / n;
        live.addTick(g->times.back() + g->intervalMs, 60'025);  // new column: shift the grid
        const double rollMs = ms();
        held = live.snapshot();  // full copy into a recycled slot
        const double fullMs = ms();
        auto fresh = std::make_shared<const HeatmapGrid>(*held);  // what a naive snapshot costs
        const double naiveMs = ms();
        qInfo("8760x2000: setGrid %.1f ms; tick+snapshot in a column %.1f us; new column %.1f ms; "
              "snapshot after it %.1f ms; naive copy %.1f ms", setMs, patchUs, rollMs, fullMs, naiveMs);
        QCOMPARE(held->cols(), cols);
    }
};

LHM_TEST_MAIN(TestLiveHeatmap)
#include "tst_liveheatmap.moc"
