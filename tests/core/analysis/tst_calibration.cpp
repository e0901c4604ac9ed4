// Calibration and the hourly yardstick: Spearman and hour-sides worked by hand, the market book's
// mechanics on a two-candle book worked by hand, no look-ahead in calibration, and the
// out-of-sample figure on shared/data section 13 (issue 15's target).
#include "ModelFixtures.h"
#include "TestSupport.h"

#include "analysis/calibration/Calibrator.h"
#include "heatmap/HeatmapCodec.h"
#include "heatmap/HeatmapService.h"
#include "heatmap/RequestProfile.h"
#include "models/ModelProfile.h"
#include "models/LevelBook.h"
#include "models/LiquidationModel.h"

#include <QDateTime>
#include <cmath>
#include <cstdio>

using namespace lhm;

class TestCalibration : public QObject {
    Q_OBJECT
private slots:
    void marketBookTwoCandles();
    void pruneDropsOnlyTinyLevels();
    void calibrationSeesNothingAfterTo();
    void outOfSampleBeatsBaselineOnSection13();
    void storedProfileDrivesTheHeatmap();
};

namespace {
using test::models::kHour;
using test::models::T0;
using test::models::candle;
constexpr qint64 kDay = 24 * kHour;

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

}  // namespace

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

namespace {
// shared/data section 13 (Coinalyze, Binance BTCUSDT hourly). Its labels are UTC+6 (docs/validation.md):
// the first, "2024-06-20 03:00:00", is 2024-06-19T21:00Z.
const qint64 kFirst = 1'718'830'800'000;  // 2024-06-19T21:00:00Z
const char *const kKinds[] = {"liquidation-history", "open-interest-history", "ohlcv-history"};

QString section13(const char *kind) {
    return test::sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_%1.csv").arg(QLatin1String(kind)));
}

// Imports the three files; with `cutLabel` only the rows labelled before it (a copy of the files cut there).
bool importSection13(const QString &db, const QString &cutLabel = {}) {
    QTemporaryDir dir;
    QStringList files;
    for (const char *kind : kKinds) {
        QString path = section13(kind);
        if (!cutLabel.isEmpty()) {
            QByteArray kept;
            for (const QByteArray &line : test::readFile(path).split('\n'))
                if (!line.isEmpty() && QString::fromLatin1(line.left(19)) < cutLabel) kept += line + '\n';
            path = dir.filePath(QFileInfo(path).fileName());
            if (!test::writeFile(path, kept)) return false;
        }
        files << path;
    }
    const auto r = test::runCli(QStringList{QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--tz-offset"),
                                            QStringLiteral("+06:00")} + files);
    if (r.exitCode != 0) qWarning("%s", r.err.constData());
    return r.exitCode == 0;
}
}  // namespace

// A calibration over [from, to) must not change when the store also holds everything after `to`:
// the same fit from a store cut at `to` and from the full set.
void TestCalibration::calibrationSeesNothingAfterTo() {
    test::TempStore full, cut;
    QVERIFY(importSection13(full.path));
    const qint64 to = kFirst + 10 * kDay;  // 2024-06-29T21:00Z = label "2024-06-30 03:00:00"
    QVERIFY(importSection13(cut.path, QStringLiteral("2024-06-30 03:00:00")));
    CalibrationRequest req;
    req.symbol = QStringLiteral("BTCUSDT");
    req.from = kFirst;
    req.to = to;
    auto a = calibrate(*full.store, req);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
    auto b = calibrate(*cut.store, req);
    QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().toString()));
    QCOMPARE(b->label, a->label);
    QCOMPARE(b->tried.size(), a->tried.size());
    QCOMPARE(a->tried.size(), size_t(24));
    for (size_t k = 0; k < a->tried.size(); ++k) {
        QCOMPARE(b->tried[k].spearman, a->tried[k].spearman);
        QCOMPARE(b->tried[k].n, a->tried[k].n);
    }
    QCOMPARE(*b->train.spearman, *a->train.spearman);
    QVERIFY(a->train.n > 400);  // 10 days x 24 hours x 2 sides, less the hours the export lacks
    // Errors name the field.
    req.from = to;
    req.to = kFirst;
    QCOMPARE(calibrate(*full.store, req).error().field, QStringLiteral("from"));
    req.from = kFirst;
    req.to = to;
    req.model = QStringLiteral("ensemble");
    QCOMPARE(calibrate(*full.store, req).error().field, QStringLiteral("model"));
}

// Issue 15's target, end to end through the CLI: calibrated on the first 30 days of section 13 and
// validated after them, the model ranks hours better than the baseline with the 95 % interval of
// the difference above zero.
void TestCalibration::outOfSampleBeatsBaselineOnSection13() {
    test::TempStore ts;
    QVERIFY(importSection13(ts.path));
    const auto fit = test::runCli({QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("calibrate"),
                                   QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                                   QStringLiteral("2024-06-19T21:00:00Z"), QStringLiteral("--to"),
                                   QStringLiteral("2024-07-19T21:00:00Z")});
    QVERIFY2(fit.exitCode == 0, fit.err.constData());
    const QJsonObject f = QJsonDocument::fromJson(fit.out).object();
    QCOMPARE(f[QStringLiteral("fitted_to")].toString(), QStringLiteral("2024-07-19T21:00:00Z"));
    QCOMPARE(f[QStringLiteral("stored")].toBool(), true);
    QCOMPARE(f[QStringLiteral("candidates")].toArray().size(), 24);
    const auto val = test::runCli({QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("validate"),
                                   QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                                   QStringLiteral("2024-06-19T21:00:00Z"), QStringLiteral("--to"),
                                   QStringLiteral("2024-08-19T22:00:00Z")});
    QVERIFY2(val.exitCode == 0, val.err.constData());
    const QJsonObject v = QJsonDocument::fromJson(val.out).object();
    // Out of sample only: scored from the profile's end on.
    QCOMPARE(QDateTime::fromString(v[QStringLiteral("from")].toString(), Qt::ISODate).toMSecsSinceEpoch(), kFirst + 30 * kDay);
    QCOMPARE(v[QStringLiteral("profile")].toObject()[QStringLiteral("fitted_to")].toString(),
             QStringLiteral("2024-07-19T21:00:00Z"));
    const double rho = v[QStringLiteral("spearman")].toDouble(), base = v[QStringLiteral("baseline_spearman")].toDouble();
    const QJsonArray ci = v[QStringLiteral("diff_ci95")].toArray();
    std::printf("fitted %s (train rho %.3f vs %.3f); out of sample n %d rho %.3f baseline %.3f diff CI95 [%+.3f, %+.3f]\n",
                qPrintable(f[QStringLiteral("label")].toString()),
                f[QStringLiteral("train")].toObject()[QStringLiteral("spearman")].toDouble(),
                f[QStringLiteral("train")].toObject()[QStringLiteral("baseline_spearman")].toDouble(),
                v[QStringLiteral("n")].toInt(), rho, base, ci[0].toDouble(), ci[1].toDouble());
    QVERIFY(v[QStringLiteral("n")].toInt() > 1400);
    QVERIFY(rho > base);
    QVERIFY(ci[0].toDouble() > 0);
    // A period wholly inside the training hours is refused unless asked for.
    const auto inside = test::runCli({QStringLiteral("--db"), ts.path, QStringLiteral("validate"), QStringLiteral("--symbol"),
                                      QStringLiteral("BTCUSDT"), QStringLiteral("--from"), QStringLiteral("2024-06-25"),
                                      QStringLiteral("--to"), QStringLiteral("2024-07-05")});
    QCOMPARE(inside.exitCode, 2);
    QVERIFY2(inside.err.contains("--in-sample"), inside.err.constData());
    const auto asked = test::runCli({QStringLiteral("--db"), ts.path, QStringLiteral("--json"), QStringLiteral("validate"),
                                     QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"),
                                     QStringLiteral("2024-06-25"), QStringLiteral("--to"), QStringLiteral("2024-07-05"),
                                     QStringLiteral("--in-sample"), QStringLiteral("--bootstrap"), QStringLiteral("0")});
    QVERIFY2(asked.exitCode == 0, asked.err.constData());
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
    QVERIFY(ts.store->profileRepository().save(profile.toRow()).ok());
    auto back = storedProfile(*ts.store, QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    QVERIFY(back.has_value());
    QCOMPARE(back->toJson(), profile.toJson());
    QCOMPARE(back->leverageWeights, fitted.leverageWeights);
    QVERIFY(!storedProfile(*ts.store, QStringLiteral("binance"), QStringLiteral("ETHUSDT")));

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
    // The grid names the training period its parameters came from, so the GUI can show it, and keeps it
    // through the cache codec (offline opens show it too).
    QCOMPARE((*withProfile)->profileFrom, T0 - 30 * kDay);
    QCOMPARE((*withProfile)->profileTo, T0);
    auto decoded = decodeHeatmap(encodeHeatmap(**withProfile));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->profileFrom, T0 - 30 * kDay);
    QCOMPARE(decoded->profileTo, T0);
    HeatmapRequest without = plain;
    without.useProfile = false;
    auto defaults = computeHeatmap(*ts.store, without, noCache);
    QVERIFY(defaults.ok());
    QVERIFY((*defaults)->longDensity != scenario->grid.longDensity);
    QCOMPARE((*defaults)->profileFrom, qint64(0));
    QCOMPARE((*defaults)->profileTo, qint64(0));

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

LHM_TEST_MAIN(TestCalibration)
#include "tst_calibration.moc"
