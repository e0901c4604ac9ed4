// lhm validate: rank statistics and both methods on hand-worked cases, the no-look-ahead rule, and
// end-to-end runs on the real sets of ../shared/data (sections 13 and 14).
#include "TestSupport.h"

#include "analysis/EventValidation.h"
#include "analysis/HourlyValidation.h"
#include "analysis/RankStats.h"
#include "analysis/Validator.h"
#include "analysis/VenueSum.h"
#include "heatmap/HeatmapService.h"
#include "ingest/Importer.h"
#include "ingest/thirdparty/TimeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::test;

namespace {
constexpr qint64 kHour = 3'600'000;
const QString kCoin = QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_");
const QString k14 = QStringLiteral("0xknxwledge-hyperliquid-okx-btc/");

void importCoinalyze(Store &s) {
    ImportOptions o;
    o.zoneOffsetMs = 6 * kHour;  // SOURCES.md section 13; checked against section 3's UTC trades
    Importer imp(s, o);
    for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
        QVERIFY(!imp.importFile(sharedData(kCoin + QLatin1String(f))).error);
}

qint64 utc(const char *iso) { return parseTimeText(iso, 0).value_or(0); }

LiquidationEvent liqEvent(double price, double notional) {
    LiquidationEvent e;
    e.price = price;
    e.notional = notional;
    e.qty = notional / price;
    return e;
}

QString resultKey(const ValidationResult &r) {
    auto f = [](const std::optional<double> &v) { return v ? QString::number(*v, 'g', 17) : QStringLiteral("-"); };
    return QStringLiteral("%1 %2 n=%3 hit=%4 rho=%5 base=%6 ci=%7,%8 mirror=%9 bmean=%10")
        .arg(r.model, r.method).arg(r.n).arg(f(r.hitRate), f(r.spearman), f(r.baselineSpearman))
        .arg(r.diffCi95 ? r.diffCi95->first : 0, 0, 'g', 17).arg(r.diffCi95 ? r.diffCi95->second : 0, 0, 'g', 17)
        .arg(f(r.mirroredHitRate)).arg(r.baseline ? r.baseline->mean : -1, 0, 'g', 17);
}
}  // namespace

class TstValidate : public QObject {
    Q_OBJECT
private slots:
    void ranks() {
        // No ties: d = (0, 1, 1), rho = 1 - 6*2 / (3*8) = 0.5.
        QCOMPARE(spearman({1, 2, 3}, {1, 3, 2}), 0.5);
        // Ties share ranks: x ranks (1.5, 1.5, 3, 4), y (1, 2, 3, 4); sxy 4.5, sxx 4.5, syy 5:
        // rho = 4.5 / sqrt(22.5) = 0.9486832980505138.
        QCOMPARE(averageRanks({0, 0, 1, 2}), (std::vector<double>{1.5, 1.5, 3, 4}));
        QVERIFY(std::fabs(spearman({0, 0, 1, 2}, {1, 2, 3, 4}) - 0.9486832980505138) < 1e-12);
        QVERIFY(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));  // constant side: undefined, not 0
        // Top decile of 10 = 1 entry: the highest score holds 5 of 14.
        QCOMPARE(topDecileCapture({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, {5, 1, 1, 1, 1, 1, 1, 1, 1, 1}), 5.0 / 14.0);
        QCOMPARE(sortedPercentile({1, 2, 3, 4, 5}, 0.025), 1.1);  // 0.025 x 4 = 0.1 of the way to 2
        // A weighted sample equals its expansion: items (x 0, y 1) twice, (1, 3), (2, 2), and
        // (5, 0) left out is x (0, 0, 1, 2) against y (1, 1, 3, 2). Ranks x (1.5, 1.5, 3, 4),
        // y (1.5, 1.5, 4, 3): sxy = 1 + 1 + 0.75 + 0.75 = 3.5, sxx = syy = 4.5: rho = 7/9.
        const std::vector<double> x{0, 1, 2, 5}, y{1, 3, 2, 0}, w{2, 1, 1, 0};
        std::vector<double> r;
        weightedRanks(rankOrder(x), w, r);
        QCOMPARE(r, (std::vector<double>{1.5, 3, 4, 0}));
        QVERIFY(std::fabs(weightedSpearman(rankOrder(x), rankOrder(y), w) - 7.0 / 9.0) < 1e-12);
        QVERIFY(std::fabs(spearman({0, 0, 1, 2}, {1, 1, 3, 2}) - 7.0 / 9.0) < 1e-12);
    }

    // Price 100, rows of 1 USD from 80: row r covers [80 + r, 81 + r). Density 5 in row 10
    // (90..91) and 3 in row 25 (105..106). Zone budget 2 % x 100 / 1 = 2 rows: rows 10 and 25.
    // Band +-15 %: rows whose centre is in [85, 115] = rows 5..34 (30 rows).
    void eventsByHand() {
        ZoneColumn c;
        c.price = 100;
        c.priceMin = 80;
        c.bucket = 1;
        c.density.assign(40, 0);
        c.density[10] = 5;
        c.density[25] = 3;
        c.density[2] = 9;  // densest, but outside the band: never a zone
        QCOMPARE(densestZoneRows(c, 0.02, 0.15), (std::vector<int>{10, 25}));
        c.events = {liqEvent(90.5, 100), liqEvent(105.2, 50), liqEvent(99, 50)};
        ValidationResult r;
        evaluateEvents({c}, 0.02, 0.15, 2000, 7, r);
        QCOMPARE(r.method, QStringLiteral("events"));
        QCOMPARE(r.n, qint64(3));
        QCOMPARE(*r.hitRate, 0.75);              // (100 + 50) / 200
        QCOMPARE(*r.hitRateEvents, 2.0 / 3.0);
        // Mirrored through 100: row 10 (centre 90.5) -> 109.5 (row 29), row 25 -> 94.5 (row 14): no event there.
        QCOMPARE(*r.mirroredHitRate, 0.0);
        // Random: 2 of 30 rows; each event is inside with probability 2/30, so the mean rate is 1/15.
        QVERIFY2(std::fabs(r.baseline->mean - 1.0 / 15.0) < 0.01, qPrintable(QString::number(r.baseline->mean)));
        // A draw ties the model (0.75) only with rows {10, 25} or {10, 19}: 2 of C(30,2) = 435 pairs.
        QVERIFY(r.baseline->beatenShare > 0.98 && r.baseline->beatenShare < 1.0);
        QCOMPARE(r.baseline->p2_5, 0.0);
        ValidationResult again;
        evaluateEvents({c}, 0.02, 0.15, 2000, 7, again);
        QCOMPARE(again.baseline->mean, r.baseline->mean);  // seeded
    }

    // Two days, two hours each, both sides: predicted ranks the realised values perfectly and the
    // baseline exactly backwards, so every day-block resample gives rho 1 and -1: difference [2, 2].
    void hourlyByHand() {
        std::vector<HourSide> recs;
        const qint64 day0 = utc("2024-07-01T00:00:00Z");
        double v = 1;
        for (qint64 day : {day0, day0 + 24 * kHour})
            for (int h = 0; h < 2; ++h)
                for (Side s : {Side::Long, Side::Short}) {
                    recs.push_back({day + h * kHour, s, v == 1 ? 0.0 : v, 100 - v, v * 10});
                    v += 1;
                }
        ValidationResult r;
        evaluateHourly(recs, 200, 3, r);
        QCOMPARE(r.method, QStringLiteral("hourly"));
        QCOMPARE(r.n, qint64(8));
        QCOMPARE(*r.spearman, 1.0);
        QCOMPARE(*r.baselineSpearman, -1.0);
        QCOMPARE(r.diffCi95->first, 2.0);
        QCOMPARE(r.diffCi95->second, 2.0);
        QCOMPARE(r.longSide->n, qint64(4));
        QCOMPARE(*r.zeroShare, 1.0 / 8.0);
        // Top decile of 8 = 1 entry, the largest realised (80) of 360.
        QCOMPARE(*r.topDecileCapture, 80.0 / 360.0);
    }

    // Nothing after the period may change its figures: the same period on a store that also holds
    // later candles, open interest and liquidations, and on one cut at the period's end, agree exactly.
    void noLookAhead() {
        TempStore full;
        importCoinalyze(*full.store);
        const qint64 from = utc("2024-07-01T00:00:00Z"), to = utc("2024-07-08T00:00:00Z");
        TempStore cut;
        const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
        const SeriesKey s{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
        QVERIFY(cut.store->insertCandles(k, full.store->candles(k, {0, to})));
        QVERIFY(cut.store->insertOpenInterest(s, full.store->openInterest(s, {0, to})));
        QVERIFY(cut.store->insertHourlyLiquidations(s, QStringLiteral("x"), full.store->hourlyLiquidations(s, {0, to})));
        // And an absurd future in the full store: a liquidation event and a 10x candle right after the period.
        LiquidationEvent e = liqEvent(650000, 1e12);
        e.exchange = QStringLiteral("binance");
        e.symbol = QStringLiteral("BTCUSDT");
        e.time = to + 1;
        QVERIFY(full.store->insertLiquidations({e}));
        ValidationRequest req;
        req.symbol = QStringLiteral("BTCUSDT");
        req.from = from;
        req.to = to;
        req.params.interval = QStringLiteral("1h");
        req.method = ValidationMethod::Hourly;
        req.bootstrap = 100;
        auto a = runValidation(*full.store, req);
        auto b = runValidation(*cut.store, req);
        QVERIFY2(a && b, qPrintable(a ? (b ? QString() : b.error().toString()) : a.error().toString()));
        // 7 x 24 hours less 2024-07-01T04:00Z, which the liquidation export lacks (python over the CSV).
        QCOMPARE(a->front().n, qint64(2 * (7 * 24 - 1)));
        QCOMPARE(resultKey(a->front()), resultKey(b->front()));
    }

    void noLookAheadEvents() {
        TempStore t;
        ImportOptions o;
        Importer imp(*t.store, o);
        for (const char *f : {"liquidations.csv", "open_interest_hourly.csv", "candles_hourly.csv"})
            QVERIFY(!imp.importFile(sharedData(k14 + QLatin1String(f))).error);
        ValidationRequest req;
        req.exchange = QStringLiteral("hyperliquid");
        req.candlesFrom = QStringLiteral("binance");
        req.symbol = QStringLiteral("BTCUSDT");
        req.from = utc("2025-05-25T00:00:00Z");
        req.to = utc("2025-05-26T00:00:00Z");  // 15h..23h: 27 + 3 + 319 + 3 events (SOURCES.md section 14)
        req.params.interval = QStringLiteral("1h");
        req.draws = 200;
        auto before = runValidation(*t.store, req);
        QVERIFY(before);
        QCOMPARE(before->front().n, qint64(352));
        // A later event and a later candle far from every price: the earlier figure must not move.
        LiquidationEvent e = liqEvent(50000, 5e9);
        e.exchange = QStringLiteral("hyperliquid");
        e.symbol = QStringLiteral("BTCUSDT");
        e.time = req.to + 60'000;
        QVERIFY(t.store->insertLiquidations({e}));
        Candle c{req.to, 50000, 50001, 49999, 50000, 1, req.to + kHour - 1, 0, 1, -1, -1};
        QVERIFY(t.store->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")}, {c}));
        auto after = runValidation(*t.store, req);
        QVERIFY(after);
        QCOMPARE(resultKey(after->front()), resultKey(before->front()));
    }

    // "All exchanges" pieces by hand. Grid A: rows of 10 from 100 (3 rows), last column long
    // (1, 2, 3), short (0, 0, 1). Grid B from 110: long (4, 0, 0), short (0, 5, 0). One axis
    // 100..140 (4 rows, A's lines): A lands on rows 0..2 as (1, 2, 4), B on rows 1..3 as (4, 5, 0):
    // (1, 6, 9, 0). B from 105 instead straddles two rows each: 4 -> 2 + 2 on rows 0/1, 5 -> 2.5 +
    // 2.5 on rows 1/2: (3, 6.5, 6.5, 0). The price is A's (the reference venue's) last close.
    void venueSumsByHand() {
        auto grid = [](double priceMin, std::vector<float> lo, std::vector<float> sh, double close) {
            HeatmapGrid g;
            g.priceMin = priceMin;
            g.bucketSize = 10;
            g.rows = 3;
            g.times = {0};
            Candle c;
            c.close = close;
            g.candles = {c};
            g.longDensity = std::move(lo);
            g.shortDensity = std::move(sh);
            return g;
        };
        const HeatmapGrid a = grid(100, {1, 2, 3}, {0, 0, 1}, 117), b = grid(110, {4, 0, 0}, {0, 5, 0}, 118),
                          c = grid(105, {4, 0, 0}, {0, 5, 0}, 118);
        ZoneColumn z = summedLastColumn({&a, &b});
        QCOMPARE(z.price, 117.0);
        QCOMPARE(z.priceMin, 100.0);
        QCOMPARE(z.bucket, 10.0);
        QCOMPARE(z.density, (std::vector<double>{1, 6, 9, 0}));
        z = summedLastColumn({&a, &c});
        QCOMPARE(z.priceMin, 100.0);
        QCOMPARE(z.density, (std::vector<double>{3, 6.5, 6.5, 0}));
        QCOMPARE(summedLastColumn({&a}).density, (std::vector<double>{1, 2, 4}));  // one venue: its own rows

        // Hour-sides: venue 1 has (h1 long), (h1 short), (h2 long); venue 2 has (h1 long), (h2 long).
        // Kept: the two both have, predicted and baseline added, realised (already combined) once.
        const qint64 h1 = 0, h2 = kHour;
        const std::vector<HourSide> v1{{h1, Side::Long, 1, 10, 100}, {h1, Side::Short, 2, 20, 200}, {h2, Side::Long, 3, 30, 300}};
        const std::vector<HourSide> v2{{h1, Side::Long, 5, 1, 100}, {h2, Side::Long, 7, 2, 300}};
        const std::vector<HourSide> m = mergeHourSides({v1, v2});
        QCOMPARE(int(m.size()), 2);
        QCOMPARE(m[0].hour, h1);
        QCOMPARE(m[0].predicted, 6.0);
        QCOMPARE(m[0].baseline, 11.0);
        QCOMPARE(m[0].realised, 100.0);
        QCOMPARE(m[1].hour, h2);
        QCOMPARE(m[1].predicted, 10.0);
        QCOMPARE(m[1].baseline, 32.0);
        QCOMPARE(m[1].realised, 300.0);
        QCOMPARE(int(mergeHourSides({v1}).size()), 3);
    }

    // --exchange all on section 13 with Binance's series also stored as Bybit's (same market, its
    // own tiers and formula). Baseline and realised are both the two venues' sums, twice Binance's
    // per hour-side, so their ranks and the baseline's rho are Binance's alone: the python figures
    // of endToEndHourly (2,890 hour-sides, 0.7406 / 0.7646 / 0.7158). OKX and Hyperliquid have
    // nothing: no_data, share 0, named as left out on both sides.
    void selectionHourly() {
        TempStore t;
        importCoinalyze(*t.store);
        QVERIFY(copyVenue(*t.store, QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("BTCUSDT")));
        const QString db = t.path;
        t.store.reset();
        CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"),
                           QStringLiteral("BTCUSDT"), QStringLiteral("--exchange"), QStringLiteral("all"), QStringLiteral("--from"),
                           QStringLiteral("2024-06-19T21:00:00Z"), QStringLiteral("--to"), QStringLiteral("2024-08-19T22:00:00Z"),
                           QStringLiteral("--bootstrap"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("exchange")).toString(), QStringLiteral("all"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("hourly"));
        QCOMPARE(o.value(QStringLiteral("n")).toInt(), 2890);
        QCOMPARE(o.value(QStringLiteral("baseline_spearman")).toDouble(), 0.7406);
        const QJsonObject sides = o.value(QStringLiteral("sides")).toObject();
        QCOMPARE(sides.value(QStringLiteral("long")).toObject().value(QStringLiteral("baseline_spearman")).toDouble(), 0.7646);
        QCOMPARE(sides.value(QStringLiteral("short")).toObject().value(QStringLiteral("baseline_spearman")).toDouble(), 0.7158);
        QCOMPARE(o.value(QStringLiteral("realised_from")).toArray(), (QJsonArray{"binance", "bybit"}));
        QCOMPARE(o.value(QStringLiteral("realised_missing")).toArray(), (QJsonArray{"okx", "hyperliquid"}));
        QVERIFY(o.value(QStringLiteral("profile")).isNull());
        const QJsonArray ex = o.value(QStringLiteral("exchanges")).toArray();
        QCOMPARE(ex.size(), 4);
        const char *names[] = {"binance", "bybit", "okx", "hyperliquid"}, *statuses[] = {"ok", "ok", "no_data", "no_data"};
        double shareSum = 0;
        for (int i = 0; i < 4; ++i) {
            const QJsonObject e = ex.at(i).toObject();
            QCOMPARE(e.value(QStringLiteral("exchange")).toString(), QLatin1String(names[i]));
            QCOMPARE(e.value(QStringLiteral("status")).toString(), QLatin1String(statuses[i]));
            if (i >= 2) QCOMPARE(e.value(QStringLiteral("share")).toDouble(), 0.0);
            else QVERIFY(e.value(QStringLiteral("share")).toDouble() > 0);
            shareSum += e.value(QStringLiteral("share")).toDouble();
        }
        QVERIFY(std::fabs(shareSum - 1) < 2e-6);  // each share rounded to 1e-6
        QCOMPARE(ex.at(2).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("no candles for okx BTCUSDT in the store: download or import its history first (a venue "
                                "without candles can borrow another's with --candles-from)"));

        // The text names the venues and the realised sources.
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                    QStringLiteral("--exchange"), QStringLiteral("binance,okx"), QStringLiteral("--from"), QStringLiteral("2024-08-01"),
                    QStringLiteral("--to"), QStringLiteral("2024-08-03"), QStringLiteral("--bootstrap"), QStringLiteral("0")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
        QCOMPARE(lines.at(1), QStringLiteral("exchanges: binance 100.0%, okx left out (no_data: no candles for okx BTCUSDT in the "
                                             "store: download or import its history first (a venue without candles can borrow "
                                             "another's with --candles-from))"));
        QCOMPARE(lines.at(2), QStringLiteral("realised liquidations from: binance; left out (none stored in the period): okx"));
        QVERIFY(lines.at(0).startsWith(QLatin1String("binance+okx BTCUSDT")));
        // An unknown venue in the list is a bad argument naming it.
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                    QStringLiteral("--exchange"), QStringLiteral("binance,kraken"), QStringLiteral("--from"), QStringLiteral("2024-08-01"),
                    QStringLiteral("--to"), QStringLiteral("2024-08-03")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("kraken"));
    }

    // The real section 13 set through the CLI: the JSON contract, and the baseline's rho, which
    // does not depend on any model, equal to an independent computation (python over the three
    // CSVs: 2,890 hour-sides, pooled 0.74055, long 0.76463, short 0.71576).
    void endToEndHourly() {
        TempStore t;
        importCoinalyze(*t.store);
        const QString db = t.path;
        t.store.reset();
        CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"),
                           QStringLiteral("BTCUSDT"), QStringLiteral("--from"), QStringLiteral("2024-06-19T21:00:00Z"),
                           QStringLiteral("--to"), QStringLiteral("2024-08-19T22:00:00Z"), QStringLiteral("--model"),
                           QStringLiteral("all"), QStringLiteral("--bootstrap"), QStringLiteral("200"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), 4);
        const QJsonObject o = arr.at(0).toObject();
        for (const char *key : {"symbol", "exchange", "model", "from", "to", "method", "n", "hit_rate", "baseline", "spearman",
                                "baseline_spearman", "diff_ci95"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("binance_standard"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("hourly"));
        QCOMPARE(o.value(QStringLiteral("n")).toInt(), 2890);
        QVERIFY(o.value(QStringLiteral("hit_rate")).isNull());
        QVERIFY(o.value(QStringLiteral("baseline")).isNull());
        QCOMPARE(o.value(QStringLiteral("baseline_spearman")).toDouble(), 0.7406);
        const QJsonObject sides = o.value(QStringLiteral("sides")).toObject();
        QCOMPARE(sides.value(QStringLiteral("long")).toObject().value(QStringLiteral("baseline_spearman")).toDouble(), 0.7646);
        QCOMPARE(sides.value(QStringLiteral("short")).toObject().value(QStringLiteral("baseline_spearman")).toDouble(), 0.7158);
        const QJsonArray ci = o.value(QStringLiteral("diff_ci95")).toArray();
        QCOMPARE(ci.size(), 2);
        QVERIFY(ci.at(0).toDouble() <= ci.at(1).toDouble());
        // A model without its input says why, with null figures.
        const QJsonObject py = arr.at(2).toObject();
        QCOMPARE(py.value(QStringLiteral("n")).toInt(), 0);
        QVERIFY(py.value(QStringLiteral("spearman")).isNull());
        QVERIFY(!py.value(QStringLiteral("note")).toString().isEmpty());

        // The run is kept for the comparison view: each model's figure with its baseline, the
        // model without input kept without a figure, and the comparison carries them.
        auto reopened = Store::open(db);
        QVERIFY(bool(reopened));
        const std::vector<ValidationRow> rows = (*reopened)->validationRepository().latest(QStringLiteral("binance"),
                                                                                           QStringLiteral("BTCUSDT"));
        QCOMPARE(int(rows.size()), 4);
        for (const ValidationRow &row : rows) {
            const QJsonObject *match = nullptr;
            QJsonObject tmp;
            for (const QJsonValue &v : arr)
                if (v.toObject().value(QStringLiteral("model")).toString() == row.model) {
                    tmp = v.toObject();
                    match = &tmp;
                }
            QVERIFY2(match, qPrintable(row.model));
            QCOMPARE(row.method, QStringLiteral("hourly"));
            QCOMPARE(row.from, utc("2024-06-19T21:00:00Z"));
            QCOMPARE(row.to, utc("2024-08-19T22:00:00Z"));
            QCOMPARE(row.n, qint64(match->value(QStringLiteral("n")).toInt()));
            QCOMPARE(row.hasFigure(), !match->value(QStringLiteral("spearman")).isNull());
            if (!row.hasFigure()) continue;
            QCOMPARE(std::round(*row.spearman * 1e4) / 1e4, match->value(QStringLiteral("spearman")).toDouble());
            QCOMPARE(std::round(*row.baselineSpearman * 1e4) / 1e4, 0.7406);  // the python figure above
        }
        QVERIFY(!rows[2].hasFigure());  // py_liquidation_map: no trade profile in this set
        HeatmapRequest hr;
        hr.symbol = QStringLiteral("BTCUSDT");
        hr.window = QStringLiteral("7d");
        auto cmp = compareModels(**reopened, hr);
        QVERIFY2(bool(cmp), cmp ? "" : qPrintable(cmp.error().toString()));
        int measured = 0;
        for (const ModelSummary &sm : (*cmp)->summaries) {
            QVERIFY2(sm.measured.has_value(), qPrintable(sm.model));
            QCOMPARE(sm.measured->model, sm.model);
            measured += sm.measured->hasFigure();
        }
        QCOMPARE(measured, int((*cmp)->summaries.size()));
    }

    void endToEndEvents() {
        TempStore t;
        Importer imp(*t.store);
        for (const char *f : {"liquidations.csv", "open_interest_hourly.csv", "candles_hourly.csv"})
            QVERIFY(!imp.importFile(sharedData(k14 + QLatin1String(f))).error);
        const QString db = t.path;
        t.store.reset();
        const QStringList args{QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"),
                               QStringLiteral("BTCUSDT"), QStringLiteral("--exchange"), QStringLiteral("hyperliquid"),
                               QStringLiteral("--candles-from"), QStringLiteral("binance"), QStringLiteral("--from"),
                               QStringLiteral("2025-05-25"), QStringLiteral("--to"), QStringLiteral("2025-05-27"),
                               QStringLiteral("--json")};
        CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("events"));
        QCOMPARE(o.value(QStringLiteral("n")).toInt(), 468);
        const QJsonObject b = o.value(QStringLiteral("baseline")).toObject();
        for (const char *key : {"mean", "p2_5", "p97_5", "beaten_share"}) QVERIFY2(b.value(QLatin1String(key)).isDouble(), key);
        QVERIFY(b.value(QStringLiteral("p2_5")).toDouble() <= b.value(QStringLiteral("mean")).toDouble());
        QVERIFY(o.value(QStringLiteral("spearman")).isNull());
        QVERIFY(o.value(QStringLiteral("diff_ci95")).isNull());
        QCOMPARE(runCli(args).out, r.out);  // seeded: the same figures every run

        // Bad input: exit 2 with the field named.
        CliRun bad = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"),
                             QStringLiteral("BTCUSDT"), QStringLiteral("--from"), QStringLiteral("2025-05-25"),
                             QStringLiteral("--to"), QStringLiteral("2025-05-27"), QStringLiteral("--model"), QStringLiteral("nope")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("model"));
        bad = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                      QStringLiteral("--to"), QStringLiteral("2025-05-27")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("from"));
        bad = runCli({QStringLiteral("--db"), db, QStringLiteral("validate"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                      QStringLiteral("--from"), QStringLiteral("2025-05-25"), QStringLiteral("--to"), QStringLiteral("2025-05-27"),
                      QStringLiteral("--method"), QStringLiteral("events")});
        QCOMPARE(bad.exitCode, 2);  // binance has no events in the store
    }
};

LHM_TEST_MAIN(TstValidate)
#include "tst_validate.moc"
