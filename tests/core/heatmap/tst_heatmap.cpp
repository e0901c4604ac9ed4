// Heatmap service: price axis, cache, liquidation map, model comparison, the CLI contracts
// (`lhm heatmap|levels|compare`) and one run on the real recorded BTCUSDT data. Resampling and the
// long windows' reduction are in tst_heatmapreduce.cpp.
#include "HeatmapFixtures.h"
#include "TestSupport.h"
#include "VisionMirror.h"

#include "heatmap/HeatmapCodec.h"
#include "heatmap/HeatmapService.h"
#include "heatmap/InputLoader.h"
#include "heatmap/PriceBuckets.h"
#include "models/LiquidationModel.h"
#include "models/LiquidationPrice.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::test::heatmapcase;

namespace {

double lp(Side side, double ep, double lev = 10) {
    static const LeverageTiers tiers = *LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    return binanceLiquidationPrice(*tiers.tierFor(10000), side, ep, lev, 10000 / ep);
}

QJsonObject json(const test::CliRun &r) { return QJsonDocument::fromJson(r.out).object(); }

}  // namespace

class TestHeatmap : public QObject {
    Q_OBJECT
private slots:
    void priceAxis();
    void cacheRoundTrip();
    void liquidationMap();
    void comparison();
    void requestErrors();
    void cliHeatmap();
    void cliLevelsAndCompare();
    void cliBadInput();
    void realBtcData();
};

// Auto: true ranges 100, 300 (|h − prev close| = 60,300 − 60,000), mean 200 → ATR/4 = 50 → bucket 50.
// Range 59,900·(1 − 1/5) = 47,920 → priceMin 47,900; 60,300·1.2 = 72,360 → rows ceil(24,460/50)+1 = 491.
void TestHeatmap::priceAxis() {
    QCOMPARE(niceCeil(37), 50.0);
    QCOMPARE(niceCeil(2.1), 2.5);
    QCOMPARE(niceCeil(100), 100.0);
    QCOMPARE(niceCeil(0.3), 0.5);
    const std::vector<Candle> k{candle(T0, kHour, 60'000, 60'050, 59'950, 60'000), candle(T0 + kHour, kHour, 60'000, 60'300, 60'000, 60'200)};
    std::vector<Candle> k2 = k;
    k2[0].low = 59'900;
    k2[0].high = 60'000;  // TR 100
    QCOMPARE(averageTrueRange(k2), 200.0);
    auto a = makePriceAxis(k2, 0, 5);
    QVERIFY(a.ok());
    QCOMPARE(a->bucket, 50.0);
    QCOMPARE(a->priceMin, 47'900.0);
    QCOMPARE(a->rows, 491);
    // Fixed buckets are refused beyond 20,000 rows, naming the flag.
    auto tooFine = makePriceAxis(k2, 0.5, 5);
    QVERIFY(!tooFine.ok());
    QCOMPARE(tooFine.error().field, QStringLiteral("bucket"));
    // Auto never exceeds 2,000 rows: at 1x the range is 0 .. 120,600 → niceCeil(120,600/2,000) = 100.
    auto wide = makePriceAxis(k2, 0, 1);
    QVERIFY(wide.ok());
    QCOMPARE(wide->bucket, 100.0);
    QVERIFY(wide->rows <= kAutoMaxRows + 2);
}

void TestHeatmap::cacheRoundTrip() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    auto first = computeHeatmap(*ts.store, request());
    QVERIFY(first.ok());
    // Serialise → deserialise gives the same grid, field by field.
    auto back = decodeHeatmap(encodeHeatmap(**first));
    QVERIFY(back.ok());
    const HeatmapGrid &a = **first, &b = *back;
    QCOMPARE(b.symbol, a.symbol);
    QCOMPARE(b.model, a.model);
    QCOMPARE(b.interval, a.interval);
    QCOMPARE(b.rows, a.rows);
    QCOMPARE(b.priceMin, a.priceMin);
    QCOMPARE(b.times, a.times);
    QCOMPARE(b.longDensity, a.longDensity);
    QCOMPARE(b.shortDensity, a.shortDensity);
    QCOMPARE(b.candles.size(), a.candles.size());
    QCOMPARE(b.candles[2].low, a.candles[2].low);
    QCOMPARE(b.dataTo, a.dataTo);
    QCOMPARE(b.computedAt, a.computedAt);
    QTest::ignoreMessage(QtWarningMsg, "qUncompress: Input data is corrupted");
    QVERIFY(!decodeHeatmap(QByteArray("garbage")).ok());
    // The second request is served from the cache: same computedAt, even after waiting.
    QTest::qWait(5);
    auto second = computeHeatmap(*ts.store, request());
    QVERIFY(second.ok());
    QCOMPARE((*second)->computedAt, a.computedAt);
    QCOMPARE((*second)->longDensity, a.longDensity);
    auto offline = cachedHeatmap(*ts.store, request());
    QVERIFY(offline);
    QCOMPARE(offline->computedAt, a.computedAt);
    // A newer candle invalidates it.
    QVERIFY(ts.store->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("5m")},
                                    {candle(T0 + 36 * 5 * kMin, 5 * kMin, 103, 104, 102, 104)}).ok());
    auto third = computeHeatmap(*ts.store, request());
    QVERIFY(third.ok());
    QVERIFY((*third)->computedAt != a.computedAt);
    QCOMPARE((*third)->cols(), 4);
    // Different parameters, different key.
    HeatmapRequest other = request();
    other.params.bucket = 2;
    QVERIFY(other.cacheKey() != request().cacheKey());
    QCOMPARE(request().params.hash(), request().params.hash());
}

// After the 3 hours: one long level of 1000 at LP(101) = 91.27 (row 6), price 103 (row 18).
// cumulativeLong[r] = long notional from r up to the price row: 1000 for rows 0..6, 0 for 7..18.
void TestHeatmap::liquidationMap() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    auto m = computeLiquidationMap(*ts.store, request());
    QVERIFY(m.ok());
    const LiquidationMap &map = **m;
    QCOMPARE(map.leverages, (std::vector<double>{10}));
    QCOMPARE(map.currentPrice, 103.0);
    QCOMPARE(map.at, T0 + 3 * kHour);
    QCOMPARE(map.longNotional[6], 1000.0);
    QCOMPARE(map.cumulativeLong[0], 1000.0);
    QCOMPARE(map.cumulativeLong[6], 1000.0);
    QCOMPARE(map.cumulativeLong[7], 0.0);
    // Rows 0..29 cover 85 .. 115: no short anywhere, so even the top row's cumulative short is 0.
    QCOMPARE(map.rows, 30);
    QCOMPARE(int(map.cumulativeShort.size()), map.rows);
    QCOMPARE(map.cumulativeShort[29], 0.0);
    // At T0 + 1h only hour 0 is in the window: nothing opened yet.
    auto early = computeLiquidationMap(*ts.store, request(), T0 + kHour);
    QVERIFY(early.ok());
    QCOMPARE((*early)->longNotional[6], 0.0);
    QCOMPARE((*early)->currentPrice, 100.0);
}

// No trade profile: py_liquidation_map is skipped; binance_standard (body: long 1000 at row 6) and
// funding_adjusted (funding 0 → 50/50: long 500 at row 6, short 500 at LP_short(101) = 110.66,
// row 25). Ensemble 0.625/0.375: long row 6 = 625 + 187.5 = 812.5.
void TestHeatmap::comparison() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    // Without funding, funding_adjusted is skipped too, with the reason.
    auto without = compareModels(*ts.store, request());
    QVERIFY(without.ok());
    QCOMPARE((*without)->skipped.size(), size_t(2));
    QCOMPARE((*without)->skipped[0].first, QStringLiteral("funding_adjusted"));
    QCOMPARE((*without)->skipped[0].second, MissingInput::FundingRates);
    QCOMPARE((*without)->grids.size(), size_t(2));  // binance_standard + ensemble
    // One model alone cannot be checked: 0.5 "unverified", which is not a disagreement.
    QCOMPARE((*without)->confidence, 0.5);
    QCOMPARE((*without)->confidenceReason, ConfidenceReason::SingleModel);
    QVERIFY((*without)->disagreementZones.empty());
    insertZeroFunding(*ts.store);
    auto c = compareModels(*ts.store, request());
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
    const ModelComparison &cmp = **c;
    QCOMPARE(cmp.grids.size(), size_t(3));
    QCOMPARE(cmp.summaries.size(), size_t(3));
    QCOMPARE(cmp.skipped.size(), size_t(1));
    QCOMPARE(cmp.skipped[0].first, QStringLiteral("py_liquidation_map"));
    QCOMPARE(cmp.summaries[0].model, QStringLiteral("binance_standard"));
    QCOMPARE(cmp.summaries[0].totalLong, 1000.0);
    QCOMPARE(cmp.summaries[1].totalLong, 500.0);
    QCOMPARE(cmp.summaries[1].totalShort, 500.0);
    QCOMPARE(cmp.grids[2].model, QStringLiteral("ensemble"));
    QVERIFY(std::fabs(cmp.grids[2].longAt(2, 6) - 812.5f) < 1e-3);
    QCOMPARE(cmp.grids[2].rowOf(lp(Side::Short, 101)), 25);
    // Both put the long cluster in row 6 (spread 0): long confidence 1; only funding_adjusted has
    // shorts → that side is unverified (0.5), and the overall confidence is the lower one.
    QCOMPARE(cmp.confidence, 0.5);
    QCOMPARE(cmp.confidenceReason, ConfidenceReason::UnverifiedSide);
    // Overlap of normalised last columns: bs = {row6: 1}, fa = {row6: .5, short25: .5} → min sum 0.5.
    QCOMPARE(cmp.agreement, 0.5);
}

void TestHeatmap::requestErrors() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    HeatmapRequest r = request();
    r.window = QStringLiteral("5d");
    auto bad = computeHeatmap(*ts.store, r);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("window"));
    r = request();
    r.symbol = QStringLiteral("NOPEUSDT");
    QVERIFY(computeHeatmap(*ts.store, r).error().message.contains(QStringLiteral("no candles")));
    r = request();
    r.model = QStringLiteral("magic");
    QCOMPARE(computeHeatmap(*ts.store, r).error().field, QStringLiteral("model"));
    r = request();
    r.params.interval = QStringLiteral("7m");  // 5m does not divide it
    QCOMPARE(computeHeatmap(*ts.store, r).error().field, QStringLiteral("interval"));
    r = request();
    r.model = QStringLiteral("py_liquidation_map");
    QVERIFY(computeHeatmap(*ts.store, r).error().message.contains(QStringLiteral("trade profile")));
}

void TestHeatmap::cliHeatmap() {
    // The window commands run without a QCoreApplication until help needs one: its usage line
    // names the executable as QCoreApplication::arguments() does.
    for (const QString &command : {QStringLiteral("heatmap"), QStringLiteral("levels"), QStringLiteral("compare")}) {
        const auto help = test::runCli({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: %1 [options]\n").arg(test::cliPath()).toUtf8()), help.out.constData());
    }
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    const auto r = test::runCli({QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("heatmap"),
                                 QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"),
                                 QStringLiteral("12h"), QStringLiteral("--interval"), QStringLiteral("1h"),
                                 QStringLiteral("--bucket"), QStringLiteral("1"), QStringLiteral("--leverage-weights"),
                                 QStringLiteral("10:1"), QStringLiteral("--side-rule"), QStringLiteral("body"),
                                 QStringLiteral("--book"), QStringLiteral("window"), QStringLiteral("--entry-spread"), QStringLiteral("0"), QStringLiteral("--turnover"), QStringLiteral("0")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = json(r);
    for (const char *k : {"symbol", "model", "window", "interval", "bucket", "times", "prices", "long", "short",
                          "predicted_liquidations", "current_price"})
        QVERIFY2(o.contains(QLatin1String(k)), k);
    QCOMPARE(o[QStringLiteral("symbol")].toString(), QStringLiteral("BTCUSDT"));
    QCOMPARE(o[QStringLiteral("model")].toString(), QStringLiteral("binance_standard"));
    QCOMPARE(o[QStringLiteral("interval")].toString(), QStringLiteral("1h"));
    QCOMPARE(o[QStringLiteral("bucket")].toDouble(), 1.0);
    QCOMPARE(o[QStringLiteral("current_price")].toDouble(), 103.0);
    const QJsonArray times = o[QStringLiteral("times")].toArray();
    QCOMPARE(times.size(), 3);
    QCOMPARE(qint64(times[1].toDouble()), T0 + kHour);
    // prices are bucket centres: row 6 = 85 + 6.5.
    QCOMPARE(o[QStringLiteral("prices")].toArray()[6].toDouble(), 91.5);
    QCOMPARE(o[QStringLiteral("long")].toArray()[1].toArray()[6].toDouble(), 1000.0);
    QCOMPARE(o[QStringLiteral("short")].toArray()[1].toArray()[6].toDouble(), 0.0);
    QCOMPARE(o[QStringLiteral("long")].toArray()[0].toArray().size(), o[QStringLiteral("prices")].toArray().size());
    QCOMPARE(o[QStringLiteral("predicted_liquidations")].toArray().size(), 0);
    // 3 hours of data in a 12 h window ending at T0 + 3 h: it was asked from T0 - 9 h.
    const QJsonObject cov = o[QStringLiteral("coverage")].toObject();
    QCOMPARE(qint64(cov[QStringLiteral("from")].toDouble()), T0);
    QCOMPARE(qint64(cov[QStringLiteral("to")].toDouble()), T0 + 3 * kHour);
    QCOMPARE(qint64(cov[QStringLiteral("requested_from")].toDouble()), T0 - 9 * kHour);
    // CSV: one line per non-empty cell (columns 1 and 2, row 6).
    const QString csv = ts.dir.filePath(QStringLiteral("h.csv"));
    const auto r2 = test::runCli({QStringLiteral("--db"), ts.path, QStringLiteral("heatmap"), QStringLiteral("--symbol"),
                                  QStringLiteral("BTCUSDT"), QStringLiteral("--window"), QStringLiteral("12h"),
                                  QStringLiteral("--interval"), QStringLiteral("1h"), QStringLiteral("--bucket"),
                                  QStringLiteral("1"), QStringLiteral("--leverage-weights"), QStringLiteral("10:1"),
                                  QStringLiteral("--side-rule"), QStringLiteral("body"), QStringLiteral("--csv"), csv,
                                  QStringLiteral("--book"), QStringLiteral("window"), QStringLiteral("--entry-spread"), QStringLiteral("0"), QStringLiteral("--turnover"), QStringLiteral("0")});
    QVERIFY2(r2.exitCode == 0, r2.err.constData());
    QVERIFY(r2.out.contains("ESTIMATE"));
    QCOMPARE(test::readFile(csv), QByteArray("time_ms,price_center,long_usd,short_usd\n"
                                             "1704070800000,91.50,1000.00,0.00\n"
                                             "1704074400000,91.50,1000.00,0.00\n"));
}

void TestHeatmap::cliLevelsAndCompare() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    insertZeroFunding(*ts.store);
    const QStringList common{QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"),
                             QStringLiteral("12h"), QStringLiteral("--interval"), QStringLiteral("1h"),
                             QStringLiteral("--bucket"), QStringLiteral("1"), QStringLiteral("--leverage-weights"),
                             QStringLiteral("10:1"), QStringLiteral("--side-rule"), QStringLiteral("body"),
                             QStringLiteral("--book"), QStringLiteral("window"), QStringLiteral("--entry-spread"), QStringLiteral("0"), QStringLiteral("--turnover"), QStringLiteral("0")};
    // PRAGMA data_version changes when another connection commits: the readers below must not
    // (no session marker while they only read, SessionMark::BeforeFirstWrite).
    auto observer = Database::open(ts.path);
    QVERIFY(observer);
    const qint64 version = (*observer)->scalar(QStringLiteral("PRAGMA data_version"));
    const auto lv = test::runCli(QStringList{QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("levels")} + common +
                                 QStringList{QStringLiteral("--at"), QStringLiteral("2024-01-01T03:00:00Z")});
    QVERIFY2(lv.exitCode == 0, lv.err.constData());
    const QJsonObject l = json(lv);
    QCOMPARE(l[QStringLiteral("leverages")].toArray().size(), 1);
    QCOMPARE(l[QStringLiteral("long")].toArray()[6].toArray()[0].toDouble(), 1000.0);
    QCOMPARE(l[QStringLiteral("cumulative_long")].toArray()[0].toDouble(), 1000.0);
    QCOMPARE(l[QStringLiteral("current_price")].toDouble(), 103.0);
    QCOMPARE(qint64(l[QStringLiteral("at")].toDouble()), T0 + 3 * kHour);
    QCOMPARE(qint64(l[QStringLiteral("coverage")].toObject()[QStringLiteral("requested_from")].toDouble()), T0 - 9 * kHour);
    QCOMPARE(qint64(l[QStringLiteral("coverage")].toObject()[QStringLiteral("from")].toDouble()), T0);

    const auto cp = test::runCli(QStringList{QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("compare")} + common);
    QVERIFY2(cp.exitCode == 0, cp.err.constData());
    const QJsonObject c = json(cp);
    const QJsonArray models = c[QStringLiteral("models")].toArray();
    QCOMPARE(models.size(), 3);
    QCOMPARE(models[0].toObject()[QStringLiteral("model")].toString(), QStringLiteral("binance_standard"));
    QCOMPARE(models[0].toObject()[QStringLiteral("total_long")].toDouble(), 1000.0);
    QCOMPARE(models[2].toObject()[QStringLiteral("total_long")].toDouble(), 812.5);
    QCOMPARE(c[QStringLiteral("confidence")].toDouble(), 0.5);
    QCOMPARE(c[QStringLiteral("confidence_reason")].toString(), QStringLiteral("unverified_side"));
    QCOMPARE(c[QStringLiteral("skipped")].toArray().size(), 1);
    QCOMPARE(qint64(c[QStringLiteral("coverage")].toObject()[QStringLiteral("to")].toDouble()), T0 + 3 * kHour);
    QCOMPARE(qint64(c[QStringLiteral("coverage")].toObject()[QStringLiteral("requested_from")].toDouble()), T0 - 9 * kHour);
    const auto hm = test::runCli(QStringList{QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("heatmap"),
                                             QStringLiteral("--no-cache")} + common);
    QVERIFY2(hm.exitCode == 0, hm.err.constData());
    QCOMPARE((*observer)->scalar(QStringLiteral("PRAGMA data_version")), version);
    // Without funding only binance_standard has input: the text says why the confidence is 0.5
    // and does not claim a disagreement.
    test::TempStore bare;
    insertFiveMinute(*bare.store);
    const auto one = test::runCli(QStringList{QStringLiteral("--db"), bare.path, QStringLiteral("compare")} + common);
    QVERIFY2(one.exitCode == 0, one.err.constData());
    QVERIFY2(one.out.contains("only one model had data, so confidence is 0.5"), one.out.constData());
    QVERIFY(!one.out.contains("disagree"));
    const auto oneJson = test::runCli(QStringList{QStringLiteral("--db"), bare.path, QStringLiteral("--json"),
                                                  QStringLiteral("compare")} + common);
    QCOMPARE(json(oneJson)[QStringLiteral("confidence_reason")].toString(), QStringLiteral("single_model"));
}

void TestHeatmap::cliBadInput() {
    test::TempStore ts;
    insertFiveMinute(*ts.store);
    auto expectBad = [&](const QStringList &args, const char *needle) {
        const auto r = test::runCli(QStringList{QStringLiteral("--db"), ts.path} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(needle), r.err.constData());
        QVERIFY(r.out.isEmpty());
    };
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"), QStringLiteral("5d")},
              "unknown window '5d'");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("XYZUSDT")}, "no candles for binance XYZUSDT");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--window"), QStringLiteral("7d")}, "--symbol is required");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--leverage-weights"), QStringLiteral("10:x")},
              "leverage-weights");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--book"), QStringLiteral("all")},
              "field 'book': unknown book 'all'");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--turnover"), QStringLiteral("-1")},
              "field 'turnover': '-1' is not a number >= 0");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--entry-spread"), QStringLiteral("2.5")},
              "field 'entry-spread': '2.5' is not a whole number 0..100");
    expectBad({QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--side-rule"), QStringLiteral("vibes")},
              "unknown side rule");
    expectBad({QStringLiteral("levels"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("yesterday")},
              "not an ISO 8601 time");
    expectBad({QStringLiteral("compare"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--bucket"), QStringLiteral("-3")},
              "bucket");
    for (const QString &cmd : {QStringLiteral("heatmap"), QStringLiteral("levels"), QStringLiteral("compare")})
        expectBad({cmd, QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--close-rule"), QStringLiteral("often")},
                  "unknown close rule 'often'");
}

// The real recordings: BTCUSDT 5m metrics + mark-price klines (2024-05-10T20:30Z → 05-13T06:00Z),
// imported with `lhm import` from a data.binance.vision-style mirror.
void TestHeatmap::realBtcData() {
    QTemporaryDir mirror;
    QVERIFY(test::buildVisionMirror(mirror.path()).ok());
    test::TempStore ts;
    const QString db = ts.path;
    ts.store.reset();  // the CLI writes; reopen afterwards
    const auto imp = test::runCli({QStringLiteral("--db"), db, QStringLiteral("import"), mirror.path()});
    QVERIFY2(imp.exitCode == 0, imp.err.constData());
    auto store = Store::open(db);
    QVERIFY(store.ok());
    HeatmapRequest req;
    req.symbol = QStringLiteral("BTCUSDT");
    req.window = QStringLiteral("48h");
    auto in = loadModelInputs(**store, req);
    QVERIFY2(in.ok(), qPrintable(in.ok() ? QString() : in.error().toString()));
    QCOMPARE(in->interval, QStringLiteral("30m"));
    QCOMPARE(in->candles.size(), size_t(96));
    auto out = makeModel(req.model)->run(*in, req.params);
    QVERIFY(out.ok());
    const NotionalFlow &f = out->flow;
    QVERIFY(f.opened > 1e6);  // the real OI moved by millions of USD over two days
    QVERIFY(std::fabs(f.opened - (f.open + f.consumed + f.closed)) <= 1e-6 * f.opened);
    const HeatmapGrid &g = out->grid;
    const int last = g.cols() - 1;
    double longs = 0, shorts = 0, wrongSide = 0;
    for (int r = 0; r < g.rows; ++r) {
        longs += g.longAt(last, r);
        shorts += g.shortAt(last, r);
        if (g.rowPrice(r) > g.currentPrice) wrongSide += g.longAt(last, r);        // a long row wholly above price
        if (g.rowPrice(r) + g.bucketSize < g.currentPrice) wrongSide += g.shortAt(last, r);  // a short row wholly below
    }
    QVERIFY(longs > 0);
    QVERIFY(shorts > 0);
    QCOMPARE(wrongSide, 0.0);
    QVERIFY(!g.predicted.empty());
    // And through the service + CLI: the same grid, cached.
    auto grid = computeHeatmap(**store, req);
    QVERIFY(grid.ok());
    QCOMPARE((*grid)->longDensity, g.longDensity);
    const auto cli = test::runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("heatmap"),
                                   QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"),
                                   QStringLiteral("48h")});
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    QCOMPARE(json(cli)[QStringLiteral("current_price")].toDouble(), g.currentPrice);

    // 3d (all 59 hourly candles of the recording). The market's OI (~4.5 bn USD) falls by tens of
    // millions in single hours; the literal absolute rule takes all of that from the few positions
    // opened inside the window and leaves the last column empty. The default relative rule shrinks
    // them at the market's rate: the last column keeps positions, and notional is still conserved.
    HeatmapRequest three = req;
    three.window = QStringLiteral("3d");
    // The window book (positions opened inside the window only) is what this contrast is about;
    // the default market book holds the market's whole open interest, which no fall empties.
    three.params.book = QStringLiteral("window");
    three.params.entrySpread = 0;
    three.params.turnover = 0;
    auto in3 = loadModelInputs(**store, three);
    QVERIFY(in3.ok());
    QCOMPARE(in3->interval, QStringLiteral("1h"));
    auto lastColumn = [](const HeatmapGrid &h) {
        double l = 0, s = 0;
        for (int r = 0; r < h.rows; ++r) l += h.longAt(h.cols() - 1, r), s += h.shortAt(h.cols() - 1, r);
        return std::pair{l, s};
    };
    auto rel = makeModel(three.model)->run(*in3, three.params);
    QVERIFY(rel.ok());
    const auto [relLong, relShort] = lastColumn(rel->grid);
    QVERIFY(relLong > 1e6);
    QVERIFY(relShort > 1e6);
    const NotionalFlow &f3 = rel->flow;
    QVERIFY(f3.closed > 0);
    QVERIFY(std::fabs(f3.opened - (f3.open + f3.consumed + f3.closed)) <= 1e-6 * f3.opened);
    QVERIFY(std::fabs(relLong + relShort - f3.open) <= 1e-4 * f3.open);  // the grid shows what is open
    three.params.closeRule = QStringLiteral("absolute");
    auto abs = makeModel(three.model)->run(*in3, three.params);
    QVERIFY(abs.ok());
    const auto [absLong, absShort] = lastColumn(abs->grid);
    QCOMPARE(absLong + absShort, 0.0);
    QVERIFY(std::fabs(abs->flow.opened - (abs->flow.open + abs->flow.consumed + abs->flow.closed)) <= 1e-6 * abs->flow.opened);
}

LHM_TEST_MAIN(TestHeatmap)
#include "tst_heatmap.moc"
