// Calibration and the hourly yardstick: Spearman and hour-sides worked by hand, the market book's
// mechanics on a two-candle book worked by hand, no look-ahead in calibration, and the
// out-of-sample figure on shared/data section 13 (issue 15's target).
#include "ModelFixtures.h"
#include "Section13.h"
#include "TestSupport.h"

#include "analysis/calibration/Calibrator.h"
#include "analysis/calibration/HourlyScore.h"
#include "heatmap/HeatmapService.h"
#include "heatmap/RequestProfile.h"
#include "models/ModelProfile.h"
#include "models/LevelBook.h"
#include "models/LiquidationModel.h"

#include <cmath>
#include <cstdio>

using namespace lhm;

class TestCalibration : public QObject {
    Q_OBJECT
private slots:
    void spearmanByHand();
    void marketBookTwoCandles();
    void pruneDropsOnlyTinyLevels();
    void calibrationSeesNothingAfterTo();
    void outOfSampleBeatsBaselineOnSection13();
    void storedProfileDrivesTheHeatmap();
    void sweep();
};

namespace {
using test::models::kHour;
using test::models::T0;
constexpr qint64 kDay = 24 * kHour;

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

Candle candle(int hour, double o, double h, double l, double c, double vol, double takerBuy) {
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
}  // namespace

void TestCalibration::spearmanByHand() {
    // No ties: ranks differ by d = (0, 1, 1, 0), ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 12/60 = 0.8.
    QVERIFY(near(rankCorrelation({1, 2, 3, 4}, {10, 30, 20, 40}), 0.8));
    // Ties share the average rank: a → (0.5, 0.5, 2, 3), b → (0, 1, 2, 3). Deviations from 1.5:
    // (−1, −1, .5, 1.5) and (−1.5, −.5, .5, 1.5): Σab 4.5, Σa² 4.5, Σb² 5 → ρ = 4.5/√22.5 = 0.9486833.
    QVERIFY(std::fabs(rankCorrelation({0, 0, 1, 2}, {1, 2, 3, 4}) - 0.9486832981) < 1e-9);
    QCOMPARE(rankCorrelation({1, 1, 1}, {1, 2, 3}), 0.0);  // constant: no ranking at all
    QCOMPARE(rankCorrelation({1}, {1}), 0.0);
}

// The market book on two candles, worked by hand (BTCUSDT tier 1: long LP = E·0.9/0.996, short
// LP = E·1.1/1.004 at 10x; bucket 1 USD from 80; entries at 2 points of each range; taker rule).
//  c0 O100 H104 L96 C100, OI 1000: the starting book. Entries 96 + 8·¼ = 98 and 96 + 8·¾ = 102,
//     500 each, on EACH side: long 500 at LP(98) = 88.5542 (row 8) and 500 at LP(102) = 92.1687 (row 12);
//     short 500 at LP(98) = 107.3705 (row 27) and 500 at LP(102) = 111.7530 (row 31). Opened 2000.
//  c1 O100 H108 L92 C100, volume 2, taker buy 0.5, OI 1200:
//     consume: low 92 <= 92.1687 → long 500 at LP(102); high 108 >= 107.3705 → short 500 at LP(98).
//     turnover 0.5: f = 0.5 · (2 · 100) / 1200 = 1/12 of the book closes: long 500 → 458.33, short the
//     same (closed 83.33), and f · OI = 100 reopens per side over c1's range at 96 and 104 (50 each).
//     ΔOI +200 opens 2·200 = 400 tilted by the taker share 0.25: long 100, short 300 (50/150 per point).
//     Long: LP(96) = 86.7470 (row 6) 50 + 50 = 100, LP(104) = 93.9759 (row 13) 100, LP(98) 458.33 (row 8).
//     Short: LP(96) = 105.1793 (row 25) 50 + 150 = 200, LP(104) = 113.9442 (row 33) 200, LP(102) 458.33 (row 31).
//  Flow: opened 2000 + 200 + 400 = 2600 = consumed 1000 + closed 83.33 + open 1516.67.
void TestCalibration::marketBookTwoCandles() {
    ModelInputs in;
    in.symbol = QStringLiteral("BTCUSDT");
    in.interval = QStringLiteral("1h");
    in.intervalMs = kHour;
    in.candles = {candle(0, 100, 104, 96, 100, 0, 0), candle(1, 100, 108, 92, 100, 2, 0.5)};
    in.openInterestValue = {1000, 1200};
    in.metricsTakerShare = {NAN, NAN};
    in.fundingRate = {NAN, NAN};
    in.tiers = *LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    in.axis = {80, 1, 40};
    ModelParams p;
    p.book = QStringLiteral("market");
    p.entrySpread = 2;
    p.turnover = 0.5;
    p.leverageWeights = {{10, 1}};
    p.sideRule = QStringLiteral("taker");
    auto out = makeModel(QStringLiteral("binance_standard"))->run(in, p);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
    const HeatmapGrid &g = out->grid;
    QCOMPARE(g.longAt(0, 8), 500.0f);
    QCOMPARE(g.longAt(0, 12), 500.0f);
    QCOMPARE(g.shortAt(0, 27), 500.0f);
    QCOMPARE(g.shortAt(0, 31), 500.0f);
    QCOMPARE(g.longAt(1, 12), 0.0f);
    QCOMPARE(g.shortAt(1, 27), 0.0f);
    QVERIFY(std::fabs(g.longAt(1, 8) - 458.3333f) < 1e-3);
    QVERIFY(std::fabs(g.longAt(1, 6) - 100.0f) < 1e-3);
    QVERIFY(std::fabs(g.longAt(1, 13) - 100.0f) < 1e-3);
    QVERIFY(std::fabs(g.shortAt(1, 25) - 200.0f) < 1e-3);
    QVERIFY(std::fabs(g.shortAt(1, 33) - 200.0f) < 1e-3);
    QVERIFY(std::fabs(g.shortAt(1, 31) - 458.3333f) < 1e-3);
    const NotionalFlow &f = out->flow;
    QVERIFY(near(f.opened, 2600));
    QVERIFY(near(f.consumed, 1000));
    QVERIFY(near(f.closed, 1000.0 / 12));
    QVERIFY(near(f.open, 2600 - 1000 - 1000.0 / 12));
    QCOMPARE(g.predicted.size(), size_t(2));
    QVERIFY(std::fabs(g.predicted[0].price - 92.1686747) < 1e-6);
    QVERIFY(std::fabs(g.predicted[1].price - 107.3705179) < 1e-6);

    // The yardstick on the same run: realised long 700 / short 300 in c1; baseline = move/open ×
    // OI before = (100 − 92)/100 · 1000 = 80 long and (108 − 100)/100 · 1000 = 80 short. c0 has no
    // previous candle and is never scored; an hour without a realised row is left out.
    const auto sides = hourSides(*out, in, {{T0, 1, 1}, {T0 + kHour, 700, 300}}, 0, T0 + 2 * kHour);
    QCOMPARE(sides.size(), size_t(2));
    QCOMPARE(sides[0].side, Side::Long);
    QVERIFY(near(sides[0].predicted, 500));
    QVERIFY(near(sides[0].baseline, 80));
    QCOMPARE(sides[0].realised, 700.0);
    QCOMPARE(sides[1].side, Side::Short);
    QVERIFY(near(sides[1].predicted, 500));
    QVERIFY(near(sides[1].baseline, 80));
    QCOMPARE(sides[1].realised, 300.0);
    QVERIFY(hourSides(*out, in, {{T0, 1, 1}}, 0, T0 + 2 * kHour).empty());
    QVERIFY(hourSides(*out, in, {{T0 + kHour, 700, 300}}, 0, T0 + kHour).empty());  // [from, to) excludes c1

    // The window book (model version 1) ignores the open interest already there at c0.
    p.book = QStringLiteral("window");
    p.turnover = 0;
    auto window = makeModel(QStringLiteral("binance_standard"))->run(in, p);
    QVERIFY(window.ok());
    QVERIFY(near(window->flow.opened, 200));  // ΔOI +200 only, split 50 long / 150 short
    QVERIFY(window->grid.predicted.empty());
    p.book = QStringLiteral("everything");
    QCOMPARE(makeModel(QStringLiteral("binance_standard"))->run(in, p).error().field, QStringLiteral("book"));
}

void TestCalibration::pruneDropsOnlyTinyLevels() {
    LevelBook book({0, 1, 10}, {10});
    book.open(Side::Long, 2.5, 0, 1.0);
    book.open(Side::Long, 2.7, 0, 1e-6);
    book.open(Side::Short, 7.5, 0, 3.0);
    QCOMPARE(book.prune(1e-3), 1e-6);
    QCOMPARE(book.levels().size(), size_t(2));
    QCOMPARE(book.openNotional(), 4.0);
    QCOMPARE(book.prune(0), 0.0);
    // After a proportional close the floor applies to the scaled notional: 1.0 → 0.5 < 0.6.
    QCOMPARE(book.closeShare(0.5), 2.0);
    QCOMPARE(book.prune(0.6), 0.5);
    QCOMPARE(book.openNotional(Side::Long), 0.0);
    QCOMPARE(book.openNotional(Side::Short), 1.5);
}

// A calibration over [from, to) must not change when anything at or after `to` changes: candles,
// open interest and realised liquidations after the training period are scrambled.
void TestCalibration::calibrationSeesNothingAfterTo() {
    auto set = test::section13::load();
    const qint64 from = set.first, to = set.first + 10 * kDay;
    ModelParams base;
    auto a = calibrate(set.inputs, set.realised, from, to, QStringLiteral("binance_standard"), base);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
    for (size_t i = 0; i < set.inputs.candles.size(); ++i) {
        Candle &c = set.inputs.candles[i];
        if (c.openTime < to) continue;
        c.high *= 1.2;
        c.low *= 0.8;
        c.volume *= 7;
        set.inputs.openInterestValue[i] *= (i % 2 ? 3.0 : 0.2);
    }
    for (RealisedTotals &r : set.realised)
        if (r.time >= to) std::swap(r.longUsd, r.shortUsd);
    set.realised.push_back({to + 5 * kHour, 1e12, 1e12});
    auto b = calibrate(set.inputs, set.realised, from, to, QStringLiteral("binance_standard"), base);
    QVERIFY(b.ok());
    QCOMPARE(b->label, a->label);
    QCOMPARE(b->train.spearman, a->train.spearman);
    QCOMPARE(b->train.n, a->train.n);
    QCOMPARE(b->tried.size(), a->tried.size());
    for (size_t k = 0; k < a->tried.size(); ++k) QCOMPARE(b->tried[k].score.spearman, a->tried[k].score.spearman);
    // ... while a change inside the period does change the scores.
    for (RealisedTotals &r : set.realised)
        if (r.time >= from && r.time < to) std::swap(r.longUsd, r.shortUsd);
    auto c = calibrate(set.inputs, set.realised, from, to, QStringLiteral("binance_standard"), base);
    QVERIFY(c.ok());
    QVERIFY(c->tried[0].score.spearman != a->tried[0].score.spearman);
    QCOMPARE(calibrate(set.inputs, set.realised, to, from, QStringLiteral("binance_standard"), base).error().field,
             QStringLiteral("from"));
    QCOMPARE(calibrate(set.inputs, set.realised, from, to, QStringLiteral("ensemble"), base).error().field,
             QStringLiteral("model"));
}

// Issue 15's target: calibrated on the first 30 days of section 13, evaluated on the rest, the model
// ranks hours better than the baseline with the 95 % day-block interval of the difference above zero.
void TestCalibration::outOfSampleBeatsBaselineOnSection13() {
    const auto set = test::section13::load();
    QCOMPARE(set.inputs.candles.size(), size_t(1465));
    QCOMPARE(set.realised.size(), size_t(1446));
    const qint64 split = set.first + 30 * kDay;
    auto fit = calibrate(set.inputs, set.realised, set.first, split, QStringLiteral("binance_standard"), ModelParams{});
    QVERIFY2(fit.ok(), qPrintable(fit.ok() ? QString() : fit.error().toString()));
    auto out = makeModel(QStringLiteral("binance_standard"))->run(set.inputs, fit->params);
    QVERIFY(out.ok());
    const auto test = scoreHourly(hourSides(*out, set.inputs, set.realised, split, LLONG_MAX), 1000);
    std::printf("calibrated on %d train hour-sides: %s (train rho %.3f, baseline %.3f)\n"
                "test: n %d rho %.3f baseline %.3f diff CI95 [%+.3f, %+.3f] zero predictions %d\n",
                fit->train.n, qPrintable(fit->label), fit->train.spearman, fit->train.baselineSpearman, test.n,
                test.spearman, test.baselineSpearman, test.diffLo, test.diffHi, test.zeroPredicted);
    QVERIFY(test.n > 1400);
    QVERIFY(test.spearman > test.baselineSpearman);
    QVERIFY(test.diffLo > 0);
}

// A stored profile replaces the fitted fields of the defaults in heatmap, levels and compare, and is
// reported as "profile"; parameters given by the caller (or --no-profile) switch it off.
void TestCalibration::storedProfileDrivesTheHeatmap() {
    test::TempStore ts;
    test::models::insertScenarioA(*ts.store);
    // The profile holds exactly the hand-worked scenarios' parameters (window book, at the close, no
    // turnover, 10x, body rule), so the heatmap must equal the scenario's grid.
    ModelParams fitted;
    fitted.book = QStringLiteral("window");
    fitted.entrySpread = 0;
    fitted.turnover = 0;
    fitted.leverageWeights = {{10, 1}};
    fitted.sideRule = QStringLiteral("body");
    ModelProfile profile = ModelProfile::fromParams(fitted);
    profile.exchange = QStringLiteral("binance");
    profile.symbol = QStringLiteral("BTCUSDT");
    profile.model = QStringLiteral("binance_standard");
    profile.fittedFrom = T0 - 30 * kDay;
    profile.fittedTo = T0;
    profile.fittedAt = T0 + kHour;
    profile.n = 1440;
    profile.spearman = 0.79;
    profile.baselineSpearman = 0.74;
    profile.diffLo = 0.03;
    profile.diffHi = 0.08;
    QVERIFY(ProfileRepository(ts.store->db()).save(profile.toRow()).ok());
    auto back = storedProfile(ts.store->db(), QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    QVERIFY(back.has_value());
    QCOMPARE(back->toJson(), profile.toJson());
    QCOMPARE(back->leverageWeights, fitted.leverageWeights);
    QVERIFY(!storedProfile(ts.store->db(), QStringLiteral("binance"), QStringLiteral("ETHUSDT")));

    HeatmapRequest plain = test::models::request();
    plain.params = ModelParams{};
    plain.params.interval = QStringLiteral("1h");
    plain.params.bucket = 1;
    ComputeOptions noCache;
    noCache.useCache = false;
    auto withProfile = computeHeatmap(*ts.store, plain, noCache);
    QVERIFY2(withProfile.ok(), qPrintable(withProfile.ok() ? QString() : withProfile.error().toString()));
    auto scenario = test::models::runFromStore(*ts.store, test::models::request());
    QVERIFY(scenario.ok());
    QCOMPARE((*withProfile)->longDensity, scenario->grid.longDensity);
    QCOMPARE((*withProfile)->shortDensity, scenario->grid.shortDensity);
    QCOMPARE((*withProfile)->longAt(1, 9), 1000.0f);  // scenario A's first level, see ModelFixtures.h
    HeatmapRequest without = plain;
    without.useProfile = false;
    auto defaults = computeHeatmap(*ts.store, without, noCache);
    QVERIFY(defaults.ok());
    QVERIFY((*defaults)->longDensity != scenario->grid.longDensity);

    const QStringList common{QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"),
                             QStringLiteral("12h"), QStringLiteral("--interval"), QStringLiteral("1h"),
                             QStringLiteral("--bucket"), QStringLiteral("1")};
    for (const QString &cmd : {QStringLiteral("heatmap"), QStringLiteral("levels"), QStringLiteral("compare")}) {
        const QStringList at{cmd == QLatin1String("levels") ? QStringLiteral("--at") : QStringLiteral("--end"),
                             QStringLiteral("2024-01-01T08:00:00Z")};
        const auto r = test::runCli(QStringList{QStringLiteral("--db"), ts.path, QStringLiteral("--json"), cmd} + common + at);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject p = QJsonDocument::fromJson(r.out).object()[QStringLiteral("profile")].toObject();
        QCOMPARE(p[QStringLiteral("fitted_from")].toString(), QStringLiteral("2023-12-02T00:00:00Z"));
        QCOMPARE(p[QStringLiteral("fitted_to")].toString(), QStringLiteral("2024-01-01T00:00:00Z"));
        QCOMPARE(p[QStringLiteral("params")].toObject()[QStringLiteral("leverage_weights")].toString(), QStringLiteral("10:1"));
        QCOMPARE(p[QStringLiteral("train")].toObject()[QStringLiteral("spearman")].toDouble(), 0.79);
        for (const QStringList &off : {QStringList{QStringLiteral("--no-profile")},
                                       QStringList{QStringLiteral("--turnover"), QStringLiteral("1")}}) {
            const auto o = test::runCli(QStringList{QStringLiteral("--db"), ts.path, QStringLiteral("--json"), cmd} + common + at + off);
            QVERIFY2(o.exitCode == 0, o.err.constData());
            QVERIFY(QJsonDocument::fromJson(o.out).object()[QStringLiteral("profile")].isNull());
        }
    }
    const auto text = test::runCli(QStringList{QStringLiteral("--db"), ts.path, QStringLiteral("heatmap")} + common);
    QVERIFY2(text.out.contains("parameters: profile fitted on 2023-12-02T00:00:00Z .. 2024-01-01T00:00:00Z"), text.out.constData());
}

void TestCalibration::sweep() {
    if (qEnvironmentVariableIsEmpty("LHM_ACCURACY_SWEEP")) QSKIP("set LHM_ACCURACY_SWEEP=1 to print the sweep");
    const auto set = test::section13::load();
    const qint64 split = set.first + 30 * kDay;
    ModelParams legacy;
    legacy.book = QStringLiteral("window");
    legacy.entrySpread = 0;
    legacy.turnover = 0;
    legacy.leverageWeights = leverageMixes()[0].second;
    std::vector<std::pair<QString, ModelParams>> variants{{QStringLiteral("legacy (v1 defaults)"), legacy}};
    ModelParams step = legacy;
    step.book = QStringLiteral("market");
    step.entrySpread = 15;
    variants.emplace_back(QStringLiteral("market, 15 points, v1 leverages"), step);
    step.turnover = 2;
    variants.emplace_back(QStringLiteral("+ turnover 2"), step);
    for (const CalibrationCandidate &c : calibrationGrid(ModelParams{})) variants.emplace_back(c.label, c.params);
    for (int spread : {0, 1, 5, 15, 25}) {
        ModelParams p;
        p.entrySpread = spread;
        variants.emplace_back(QStringLiteral("defaults, spread %1").arg(spread), p);
    }
    for (const auto &[name, p] : variants) {
        auto out = makeModel(QStringLiteral("binance_standard"))->run(set.inputs, p);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
        const auto train = scoreHourly(hourSides(*out, set.inputs, set.realised, 0, split), 0);
        const auto test = scoreHourly(hourSides(*out, set.inputs, set.realised, split, LLONG_MAX), 300);
        std::printf("%-36s train %.3f (base %.3f) test %.3f (base %.3f) CI [%+.3f,%+.3f] zeros %d/%d\n",
                    qPrintable(name), train.spearman, train.baselineSpearman, test.spearman, test.baselineSpearman,
                    test.diffLo, test.diffHi, train.zeroPredicted + test.zeroPredicted, train.n + test.n);
    }
}

LHM_TEST_MAIN(TestCalibration)
#include "tst_calibration.moc"
