// "All exchanges": grids summed in USD on one price axis, each exchange's share, exchanges with no
// data, stale data or a failing model left out and named. The GridSum cases are worked by hand in
// the comments; the store cases build per-exchange stores through the store API with inputs whose
// totals follow from conservation (no candle reaches a level, open interest only rises: every
// opened dollar is still open at the end).
#include "ModelFixtures.h"

#include "common/Paths.h"
#include "engine/ExchangeAggregate.h"
#include "models/GridSum.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace lhm;
using namespace lhm::test::models;

namespace {

// One-bucket-per-row grid with the given last-but-one and last columns.
HeatmapGrid grid(const QString &ex, double priceMin, int rows, std::vector<qint64> times, std::vector<std::vector<float>> longs,
                 std::vector<std::vector<float>> shorts) {
    HeatmapGrid g;
    g.exchange = ex;
    g.symbol = QStringLiteral("BTCUSDT");
    g.bucketSize = 10;
    g.priceMin = priceMin;
    g.rows = rows;
    g.times = times;
    for (qint64 t : times) {
        Candle k;
        k.openTime = t;
        k.close = priceMin + 10;
        g.candles.push_back(k);
    }
    for (const auto &c : longs) g.longDensity.insert(g.longDensity.end(), c.begin(), c.end());
    for (const auto &c : shorts) g.shortDensity.insert(g.shortDensity.end(), c.begin(), c.end());
    return g;
}

std::vector<float> column(const std::vector<float> &v, int col, int rows) {
    return {v.begin() + col * rows, v.begin() + (col + 1) * rows};
}

// Flat candles (body up, so the body rule opens longs) that never reach a 10x level (~90 and ~110).
std::vector<Candle> flat(int hours, int shift = 0) {
    std::vector<Candle> out;
    for (int h = 0; h < hours; ++h) out.push_back(candle(h + shift, 100, 100.6, 99.9, 100.5));
    return out;
}

std::vector<OpenInterestPoint> shifted(std::vector<OpenInterestPoint> rows, int hours) {
    for (auto &r : rows) r.time += hours * kHour;
    return rows;
}

void insert(Store &s, const QString &ex, const std::vector<Candle> &k, const std::vector<OpenInterestPoint> &oi) {
    QVERIFY(s.insertCandles({ex, QStringLiteral("BTCUSDT"), QStringLiteral("1h")}, k).ok());
    QVERIFY(s.insertOpenInterest({ex, QStringLiteral("BTCUSDT"), {}}, oi).ok());
}

}  // namespace

class TstAggregate : public QObject {
    Q_OBJECT
private slots:
    void selection();
    void threeExchangesByHand();
    void heldColumnsAndOrder();
    void shares();
    void mapsOnOneAxis();
    void storeAggregate();
    void modelErrorIsNamed();
    void cliJson();
};

void TstAggregate::selection() {
    QCOMPARE(*parseExchangeSelection(QStringLiteral("all")),
             (QStringList{QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx"), QStringLiteral("hyperliquid")}));
    QCOMPARE(*parseExchangeSelection(QStringLiteral(" Bybit, binance,bybit")), (QStringList{QStringLiteral("bybit"), QStringLiteral("binance")}));
    auto bad = parseExchangeSelection(QStringLiteral("binance,kraken"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(QStringLiteral("kraken")));
    QVERIFY(!parseExchangeSelection(QStringLiteral("binance,")).ok());
    QVERIFY(isExchangeSelection(QStringLiteral("all")) && isExchangeSelection(QStringLiteral("a,b")));
    QVERIFY(!isExchangeSelection(QStringLiteral("binance")));
    QCOMPARE(QString::fromLatin1(exchangeStatusName(ExchangeStatus::NoData)), QStringLiteral("no_data"));
    QCOMPARE(QString::fromLatin1(exchangeStatusName(ExchangeStatus::Stale)), QStringLiteral("stale"));
}

// A: axis 100..130 (3 rows of 10), columns t0, t1. Last column long [2,0,0], short [0,0,3]: total 5.
// B: same axis; last column long [0,4,0], short [0,0,6]: total 10.
// C: axis 105..125 (2 rows), column t1 only, short [8,2]: total 10.
// Common axis: A's bucket and grid lines, spanning 100..130 → 3 rows from 100.
// C's row [105,115) splits half into [100,110) and half into [110,120): 4 + 4; [115,125): 1 + 1.
// t1: long [2,4,0]; short A[0,0,3] + B[0,0,6] + C[4,5,1] = [4,5,10]; total 25 = 5 + 10 + 10.
// t0: C has no column yet (adds 0): long A[1,0,0] + B[0,0,0]; short A[0,0,1].
void TstAggregate::threeExchangesByHand() {
    const qint64 t0 = T0, t1 = T0 + kHour;
    HeatmapGrid a = grid(QStringLiteral("binance"), 100, 3, {t0, t1}, {{1, 0, 0}, {2, 0, 0}}, {{0, 0, 1}, {0, 0, 3}});
    HeatmapGrid b = grid(QStringLiteral("bybit"), 100, 3, {t0, t1}, {{0, 0, 0}, {0, 4, 0}}, {{0, 0, 0}, {0, 0, 6}});
    HeatmapGrid c = grid(QStringLiteral("okx"), 105, 2, {t1}, {{0, 0}}, {{8, 2}});
    const HeatmapGrid sum = sumHeatmaps({&a, &b, &c}, QStringLiteral("all"));
    QCOMPARE(sum.exchange, QStringLiteral("all"));
    QCOMPARE(sum.priceMin, 100.0);
    QCOMPARE(sum.rows, 3);
    QCOMPARE(sum.times, (std::vector<qint64>{t0, t1}));
    QCOMPARE(column(sum.longDensity, 1, 3), (std::vector<float>{2, 4, 0}));
    QCOMPARE(column(sum.shortDensity, 1, 3), (std::vector<float>{4, 5, 10}));
    QCOMPARE(column(sum.longDensity, 0, 3), (std::vector<float>{1, 0, 0}));
    QCOMPARE(column(sum.shortDensity, 0, 3), (std::vector<float>{0, 0, 1}));
    QCOMPARE(lastColumnTotal(sum), 25.0);
    QCOMPARE(lastColumnTotal(a), 5.0);
    QCOMPARE(lastColumnTotal(c), 10.0);
}

// An exchange that stops a column early holds its last state: B ends at t0 with long [0,7,0], so the
// sum at t1 is A's t1 [2,0,0] + B's held [0,7,0] = [2,7,0]. The axis and candles follow the FIRST grid
// (B listed first: its 110..140 axis; A's 100..110 row lands below, axis 100..140, 4 rows).
void TstAggregate::heldColumnsAndOrder() {
    const qint64 t0 = T0, t1 = T0 + kHour;
    HeatmapGrid a = grid(QStringLiteral("binance"), 100, 3, {t0, t1}, {{1, 0, 0}, {2, 0, 0}}, {{0, 0, 0}, {0, 0, 0}});
    HeatmapGrid b = grid(QStringLiteral("bybit"), 110, 3, {t0}, {{0, 7, 0}}, {{0, 0, 0}});
    const HeatmapGrid sum = sumHeatmaps({&b, &a}, QStringLiteral("bybit+binance"));
    QCOMPARE(sum.priceMin, 100.0);
    QCOMPARE(sum.rows, 4);
    // Rows 100,110,120,130: A's rows shift by 0, B's by 1.
    QCOMPARE(column(sum.longDensity, 1, 4), (std::vector<float>{2, 0, 7, 0}));
    QCOMPARE(column(sum.longDensity, 0, 4), (std::vector<float>{1, 0, 7, 0}));
    QCOMPARE(sum.currentPrice, b.currentPrice);
}

// Totals 5, 10, 0 (no data) and 10 (stale): shares 1/3, 2/3, 0, 0.
void TstAggregate::shares() {
    std::vector<ExchangeShare> s(4);
    s[0] = {QStringLiteral("binance"), ExchangeStatus::Ok, 0, 5, 0, 0, {}};
    s[1] = {QStringLiteral("bybit"), ExchangeStatus::Ok, 0, 10, 0, 0, {}};
    s[2] = {QStringLiteral("okx"), ExchangeStatus::NoData, 0, 0, 0, 0, {}};
    s[3] = {QStringLiteral("hyperliquid"), ExchangeStatus::Stale, 0, 10, 0, 0, {}};
    assignShares(s);
    QCOMPARE(s[0].share, 1.0 / 3);
    QCOMPARE(s[1].share, 2.0 / 3);
    QCOMPARE(s[2].share, 0.0);
    QCOMPARE(s[3].share, 0.0);
}

// Two maps with different leverages and axes: binance 10x/25x on 100..120, hyperliquid 10x/40x on
// 105..115. Common leverages 10, 25, 40; axis 100..120 (2 rows).
// binance long row0: 10x 3, 25x 1; hyperliquid long row0 [105,115): 10x 4 → 2 in row0, 2 in row1;
// 40x 6 → 3 + 3. Sum row0: 10x 3+2 = 5, 25x 1, 40x 3; row1: 10x 2, 40x 3. Total 1+3+4+6 = 14.
// Current price 115 (row 1): cumulative long row1 = 5, row0 = 5 + 9 = 14.
void TstAggregate::mapsOnOneAxis() {
    LiquidationMap a, h;
    a.exchange = QStringLiteral("binance"), h.exchange = QStringLiteral("hyperliquid");
    a.bucketSize = h.bucketSize = 10;
    a.priceMin = 100, a.rows = 2, a.leverages = {10, 25};
    a.longNotional = {3, 1, 0, 0};
    a.shortNotional = {0, 0, 0, 0};
    h.priceMin = 105, h.rows = 1, h.leverages = {10, 40};
    h.longNotional = {4, 6};
    h.shortNotional = {0, 0};
    const PriceAxis axis = commonPriceAxis({{100, 10, 2}, {105, 10, 1}});
    QCOMPARE(axis.rows, 2);
    const std::vector<double> levs{10, 25, 40};
    const LiquidationMap sum = sumMaps({rebinMap(a, axis, levs, 115), rebinMap(h, axis, levs, 115)}, QStringLiteral("all"));
    QCOMPARE(sum.longNotional, (std::vector<double>{5, 1, 3, 2, 0, 3}));
    QCOMPARE(sum.cumulativeLong, (std::vector<double>{14, 5}));
    QCOMPARE(mapTotal(sum), 14.0);
}

// Per-exchange stores, window 12h @ 1h, one leverage (10x), window book:
//   binance: OI 1.0 M → 1.5 M → 2.0 M: +1.0 M opened, still open (no level reached);
//   bybit:   OI 1.0 M → 2.5 M → 4.0 M: +3.0 M;
//   okx:     the binance series five hours earlier: stale (the newest exchange's data is 5 h newer, > 2 h);
//   hyperliquid: nothing stored: no_data.
// Shares: binance 1/4, bybit 3/4, okx 0, hyperliquid 0; the sum's last column holds 4.0 M.
void TstAggregate::storeAggregate() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("s.db"));
    {
        auto s = Store::open(db);
        QVERIFY(s.ok());
        insert(**s, QStringLiteral("binance"), flat(3), oiRows({{1e6, 1e6}, {1.5e6, 1.5e6}, {2e6, 2e6}}));
        insert(**s, QStringLiteral("bybit"), flat(3), oiRows({{1e6, 1e6}, {2.5e6, 2.5e6}, {4e6, 4e6}}));
        insert(**s, QStringLiteral("okx"), flat(3, -5), shifted(oiRows({{1e6, 1e6}, {1.5e6, 1.5e6}, {2e6, 2e6}}), -5));
    }
    HeatmapRequest req = request(QStringLiteral("binance_standard"), 3);
    AggregateOptions opt;
    opt.compute.useCache = false;
    auto agg = computeAggregateHeatmap(db, req, allExchanges(), opt);
    QVERIFY2(agg.ok(), qPrintable(agg.ok() ? QString() : agg.error().toString()));
    const auto &ex = agg->exchanges;
    QCOMPARE(int(ex.size()), 4);
    QCOMPARE(ex[0].status, ExchangeStatus::Ok);
    QCOMPARE(ex[1].status, ExchangeStatus::Ok);
    QCOMPARE(ex[2].status, ExchangeStatus::Stale);
    QCOMPARE(ex[3].status, ExchangeStatus::NoData);
    QVERIFY(ex[2].detail.contains(QStringLiteral("5.0 h")));
    QCOMPARE(qRound64(ex[0].total), qint64(1000000));
    QCOMPARE(qRound64(ex[1].total), qint64(3000000));
    QCOMPARE(ex[0].share, 0.25);
    QCOMPARE(ex[1].share, 0.75);
    QCOMPARE(ex[2].share, 0.0);
    QCOMPARE(ex[3].share, 0.0);
    QCOMPARE(qRound64(lastColumnTotal(*agg->grid)), qint64(4000000));
    QCOMPARE(agg->grid->exchange, QStringLiteral("all"));
    QCOMPARE(int(agg->perExchange.size()), 2);
    // Run one after the other: the same sum (threads change nothing but time).
    opt.parallel = false;
    auto serial = computeAggregateHeatmap(db, req, allExchanges(), opt);
    QVERIFY(serial.ok());
    QCOMPARE(serial->grid->longDensity, agg->grid->longDensity);

    // The map: the same open positions, summed per leverage on one axis.
    auto map = computeAggregateMap(db, req, {QStringLiteral("binance"), QStringLiteral("bybit")}, 0, opt);
    QVERIFY(map.ok());
    QCOMPARE(qRound64(mapTotal(*map->map)), qint64(4000000));
    QCOMPARE(map->map->exchange, QStringLiteral("binance+bybit"));
    QCOMPARE(map->exchanges[1].share, 0.75);

    // Nothing usable at all: an error naming each exchange's status.
    auto none = computeAggregateHeatmap(db, req, {QStringLiteral("hyperliquid")}, opt);
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.contains(QStringLiteral("hyperliquid no_data")));
}

// An exchange whose model cannot run (here: its tier file is missing, as after a failed tier fetch)
// is left out with status error and its reason; the others are still summed.
void TstAggregate::modelErrorIsNamed() {
    QTemporaryDir dir, config;
    for (const char *f : {"exchanges.yaml", "tiers/binance/BTCUSDT.yaml"})
        QVERIFY(test::writeFile(config.filePath(QString::fromLatin1(f)), test::readFile(QDir(buildConfigDir()).filePath(QString::fromLatin1(f)))));
    const QString db = dir.filePath(QStringLiteral("s.db"));
    {
        auto s = Store::open(db);
        QVERIFY(s.ok());
        insert(**s, QStringLiteral("binance"), flat(3), oiRows({{1e6, 1e6}, {1.5e6, 1.5e6}, {2e6, 2e6}}));
        insert(**s, QStringLiteral("bybit"), flat(3), oiRows({{1e6, 1e6}, {2.5e6, 2.5e6}, {4e6, 4e6}}));
    }
    qputenv("LHM_CONFIG_DIR", config.path().toUtf8());
    AggregateOptions opt;
    opt.compute.useCache = false;
    auto agg = computeAggregateHeatmap(db, request(QStringLiteral("binance_standard"), 3), {QStringLiteral("binance"), QStringLiteral("bybit")}, opt);
    qunsetenv("LHM_CONFIG_DIR");
    QVERIFY(agg.ok());
    QCOMPARE(agg->exchanges[0].status, ExchangeStatus::Ok);
    QCOMPARE(agg->exchanges[0].share, 1.0);
    QCOMPARE(agg->exchanges[1].status, ExchangeStatus::Error);
    QCOMPARE(agg->exchanges[1].share, 0.0);
    QVERIFY2(agg->exchanges[1].detail.contains(QStringLiteral("tiers")), qPrintable(agg->exchanges[1].detail));
    QCOMPARE(qRound64(lastColumnTotal(*agg->grid)), qint64(1000000));
}

// The CLI contract: "exchanges":[{"exchange","share","status"}] for every exchange asked for.
void TstAggregate::cliJson() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("s.db"));
    {
        auto s = Store::open(db);
        QVERIFY(s.ok());
        insert(**s, QStringLiteral("binance"), flat(3), oiRows({{1e6, 1e6}, {1.5e6, 1.5e6}, {2e6, 2e6}}));
        insert(**s, QStringLiteral("bybit"), flat(3), oiRows({{1e6, 1e6}, {2.5e6, 2.5e6}, {4e6, 4e6}}));
    }
    const QStringList common{QStringLiteral("--db"), db, QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"),
                             QStringLiteral("12h"), QStringLiteral("--interval"), QStringLiteral("1h"), QStringLiteral("--leverage-weights"),
                             QStringLiteral("10:1"), QStringLiteral("--book"), QStringLiteral("window"), QStringLiteral("--end"),
                             QString::number(T0 + 3 * kHour), QStringLiteral("--json")};
    for (const QString &cmd : {QStringLiteral("heatmap"), QStringLiteral("levels")}) {
        QStringList args = QStringList{cmd, QStringLiteral("--exchange"), QStringLiteral("all")} + common;
        if (cmd == QLatin1String("levels")) args[args.indexOf(QStringLiteral("--end"))] = QStringLiteral("--at");
        auto r = test::runCli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray ex = QJsonDocument::fromJson(r.out).object()[QStringLiteral("exchanges")].toArray();
        QCOMPARE(ex.size(), 4);
        QCOMPARE(ex[0].toObject()[QStringLiteral("exchange")].toString(), QStringLiteral("binance"));
        QCOMPARE(ex[0].toObject()[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QCOMPARE(ex[0].toObject()[QStringLiteral("share")].toDouble(), 0.25);
        QCOMPARE(ex[1].toObject()[QStringLiteral("share")].toDouble(), 0.75);
        QCOMPARE(ex[2].toObject()[QStringLiteral("status")].toString(), QStringLiteral("no_data"));
        QCOMPARE(ex[2].toObject()[QStringLiteral("share")].toDouble(), 0.0);
        QCOMPARE(ex[3].toObject()[QStringLiteral("exchange")].toString(), QStringLiteral("hyperliquid"));
    }
    // A comma list reports exactly the exchanges asked for; text mode names the ones left out.
    auto list = test::runCli(QStringList{QStringLiteral("heatmap"), QStringLiteral("--exchange"), QStringLiteral("bybit,okx")} + common);
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonArray ex = QJsonDocument::fromJson(list.out).object()[QStringLiteral("exchanges")].toArray();
    QCOMPARE(ex.size(), 2);
    QCOMPARE(ex[0].toObject()[QStringLiteral("share")].toDouble(), 1.0);
    QCOMPARE(ex[1].toObject()[QStringLiteral("status")].toString(), QStringLiteral("no_data"));
    QStringList text = QStringList{QStringLiteral("heatmap"), QStringLiteral("--exchange"), QStringLiteral("all")} + common;
    text.removeAll(QStringLiteral("--json"));
    auto t = test::runCli(text);
    QVERIFY2(t.exitCode == 0, t.err.constData());
    QVERIFY2(t.out.contains("left out: okx (no_data") && t.out.contains("hyperliquid (no_data"), t.out.constData());
    QVERIFY2(t.out.contains("binance 25.0%"), t.out.constData());
    // compare with all: one summed grid per model, the same shares.
    auto c = test::runCli(QStringList{QStringLiteral("compare"), QStringLiteral("--exchange"), QStringLiteral("binance,bybit")} + common);
    QVERIFY2(c.exitCode == 0, c.err.constData());
    QCOMPARE(QJsonDocument::fromJson(c.out).object()[QStringLiteral("exchanges")].toArray().size(), 2);
    // An unknown name in the list is bad input, exit 2.
    QCOMPARE(test::runCli(QStringList{QStringLiteral("heatmap"), QStringLiteral("--exchange"), QStringLiteral("binance,kraken")} + common).exitCode, 2);
}

LHM_TEST_MAIN(TstAggregate)
#include "tst_aggregate.moc"
