// Heatmap reduction: candles resampled to a coarser interval, a store holding only 5-minute data
// read at 1 h, and the long windows (90d, 1y) that compute hourly and reduce for display agreeing
// with 7d on the days they share.
#include "HeatmapFixtures.h"
#include "TestSupport.h"

#include "heatmap/CandleResampler.h"
#include "heatmap/HeatmapService.h"
#include "heatmap/InputLoader.h"

using namespace lhm;
using namespace lhm::test::heatmapcase;

class TestHeatmapReduce : public QObject {
    Q_OBJECT
private slots:
    void resampler();
    void resamplesFiveMinuteStore();
    void windowsAgreeOnSharedDays();
    void mapTimeIsTheDataEnd();
};

void TestHeatmapReduce::resampler() {
    const std::vector<Candle> fine{candle(T0, 5 * kMin, 10, 12, 9, 11, 2, 1), candle(T0 + 5 * kMin, 5 * kMin, 11, 15, 10, 14, 3, 3),
                                   candle(T0 + 15 * kMin, 5 * kMin, 14, 14, 7, 8, 1, 0)};
    const auto c = resampleCandles(fine, 15 * kMin);
    QCOMPARE(c.size(), size_t(2));
    QCOMPARE(c[0].openTime, T0);
    QCOMPARE(c[0].closeTime, T0 + 15 * kMin - 1);
    QCOMPARE(c[0].open, 10.0);
    QCOMPARE(c[0].high, 15.0);
    QCOMPARE(c[0].low, 9.0);
    QCOMPARE(c[0].close, 14.0);
    QCOMPARE(c[0].volume, 5.0);
    QCOMPARE(c[0].takerBuyVolume, 4.0);
    QCOMPARE(c[1].openTime, T0 + 15 * kMin);
    QCOMPARE(c[1].close, 8.0);
}

void TestHeatmapReduce::resamplesFiveMinuteStore() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    auto in = loadModelInputs(*ts.store, request());
    QVERIFY2(in.ok(), qPrintable(in.ok() ? QString() : in.error().toString()));
    // End defaults to the newest 5m candle's close: T0 + 3h; window 12h → from T0 − 9h.
    QCOMPARE(in->candles.size(), size_t(3));
    QCOMPARE(in->candles[1].open, 99.0);
    QCOMPARE(in->candles[1].high, 102.0);
    QCOMPARE(in->candles[2].low, 95.0);
    QCOMPARE(in->candles[2].close, 103.0);
    QCOMPARE(in->openInterestValue, (std::vector<double>{1000, 2000, 2000}));
    // A stale 1h series (hour 0 only) does not hide the fresher 5m data.
    QVERIFY(ts.store->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")},
                                    {candle(T0, kHour, 100, 101, 99, 100)}).ok());
    auto again = loadModelInputs(*ts.store, request());
    QVERIFY(again.ok());
    QCOMPARE(again->candles.size(), size_t(3));
    QCOMPARE(again->candles[1].open, 99.0);
    // With the window ending at T0 + 1h, both reach the end: the 1h series is read directly
    // (its candle has no volume, unlike the 5m ones).
    HeatmapRequest early = request();
    early.end = T0 + kHour;
    auto direct = loadModelInputs(*ts.store, early);
    QVERIFY(direct.ok());
    QCOMPARE(direct->candles.size(), size_t(1));
    QCOMPARE(direct->candles[0].volume, 0.0);
    ComputeOptions noCache;
    noCache.useCache = false;
    auto grid = computeHeatmap(*ts.store, request(), noCache);
    QVERIFY(grid.ok());
    const HeatmapGrid &g = **grid;
    QCOMPARE(g.interval, QStringLiteral("1h"));
    // Axis: lowest low 95·0.9 = 85.5 → priceMin 85; LP(101) = 91.27 → row 6.
    QCOMPARE(g.priceMin, 85.0);
    QCOMPARE(g.longAt(1, 6), 1000.0f);
    QCOMPARE(g.longAt(2, 6), 1000.0f);
    QCOMPARE(g.currentPrice, 103.0);
    QCOMPARE(g.dataTo, T0 + 35 * 5 * kMin);
}

// 7d, 90d and 1y over the same 3 days of hourly candles and 5-minute open interest: the long
// windows compute hourly and reduce for display, so at every 12 h / 1 d column end they hold
// exactly the 7d grid's state at that hour (before, 90d netted each 12 h of OI moves into one
// delta and 1y showed nothing). Same candles and a fixed bucket give the same price axis.
namespace {
// `hours` hourly candles from T0 with 5-minute open interest rising about 20k USD an hour.
void fillHourly(Store &store, int hours) {
    std::vector<Candle> k;
    std::vector<OpenInterestPoint> oi;
    double price = 100;
    for (int h = 0; h < hours; ++h) {
        const qint64 t = T0 + h * kHour;
        const double next = price + (h % 7 < 4 ? 1.5 : -2.0);
        k.push_back(candle(t, kHour, price, std::max(price, next) + 1, std::min(price, next) - 1, next, 10, h % 3 ? 6 : 4));
        for (int m = 0; m < 12; ++m) {
            OpenInterestPoint p;
            p.time = t + m * 5 * kMin;
            p.openInterestValue = 1e6 + 2e4 * h + (h % 5 == 0 ? -3e4 : 0) + 100 * m;
            oi.push_back(p);
        }
        price = next;
    }
    QVERIFY(store.insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")}, k).ok());
    QVERIFY(store.insertOpenInterest(kSeries, oi).ok());
    insertZeroFunding(store);
}
}  // namespace

// The map is the state at the end of the data. A 90d or 1y window reduces to 12 h / 1 d columns;
// its last column ended up to a day after the data (data to 22:00, map "at 00:00 next day"),
// while 7d said 22:00. 70 hours of data: every window's map is at T0 + 70 h.
void TestHeatmapReduce::mapTimeIsTheDataEnd() {
    test::TempStore ts;
    fillHourly(*ts.store, 70);
    for (const char *window : {"7d", "90d", "1y"}) {
        HeatmapRequest r;
        r.symbol = QStringLiteral("BTCUSDT");
        r.window = QLatin1String(window);
        r.params.bucket = 1;
        ComputeOptions o;
        o.useCache = false;
        auto m = computeLiquidationMap(*ts.store, r, 0, o);
        QVERIFY2(m.ok(), window);
        QCOMPARE((*m)->at, T0 + 70 * kHour);
    }
}

void TestHeatmapReduce::windowsAgreeOnSharedDays() {
    test::TempStore ts;
    fillHourly(*ts.store, 72);
    auto grid = [&](const char *window) {
        HeatmapRequest r;
        r.symbol = QStringLiteral("BTCUSDT");
        r.window = QLatin1String(window);
        r.params.bucket = 1;
        ComputeOptions o;
        o.useCache = false;
        auto g = computeHeatmap(*ts.store, r, o);
        if (!g.ok()) qWarning() << g.error().toString();
        return g.ok() ? *g : nullptr;
    };
    const auto week = grid("7d"), quarter = grid("90d"), year = grid("1y");
    QVERIFY(week && quarter && year);
    QCOMPARE(week->intervalMs, kHour);
    QCOMPARE(quarter->intervalMs, 12 * kHour);
    QCOMPARE(year->intervalMs, 24 * kHour);
    QCOMPARE(quarter->cols(), 6);  // 3 days of 12 h columns that hold data
    QCOMPARE(year->cols(), 3);
    QCOMPARE(quarter->rows, week->rows);
    QCOMPARE(quarter->priceMin, week->priceMin);
    auto columnOf = [&](qint64 t) { return int((t - week->times.front()) / kHour); };
    auto sameColumn = [&](const HeatmapGrid &g, int c) {
        const int w = columnOf(g.times[size_t(c)] + g.intervalMs - kHour);  // the hour that ends the column
        for (int r = 0; r < g.rows; ++r)
            if (g.longAt(c, r) != week->longAt(w, r) || g.shortAt(c, r) != week->shortAt(w, r)) return false;
        return true;
    };
    for (int c = 0; c < quarter->cols(); ++c) QVERIFY2(sameColumn(*quarter, c), qPrintable(QString::number(c)));
    for (int c = 0; c < year->cols(); ++c) QVERIFY2(sameColumn(*year, c), qPrintable(QString::number(c)));
    // Open interest rose by about 1.4M USD over the 3 days: the last column is far from empty.
    double total = 0;
    for (int r = 0; r < year->rows; ++r) total += year->longAt(year->cols() - 1, r) + year->shortAt(year->cols() - 1, r);
    QVERIFY2(total > 1e5, qPrintable(QString::number(total)));
    // Coverage: the year asked for starts 365 days before the end, the data 3 days before it.
    const qint64 end = T0 + 72 * kHour;
    QCOMPARE(year->requestedFrom, end - 365 * 24 * kHour);
    QCOMPARE(year->coverageFrom, T0);
    QCOMPARE(year->coverageTo, end);
    QCOMPARE(week->requestedFrom, end - 7 * 24 * kHour);
}

LHM_TEST_MAIN(TestHeatmapReduce)
#include "tst_heatmapreduce.moc"
