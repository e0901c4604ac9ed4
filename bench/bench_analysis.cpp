// bench_analysis: `lhm validate` and `lhm backtest` on the real sets of ../shared/data, each beside
// a baseline measured in the same run (one plain model run over the same inputs), so the figures
// are ratios that survive a slow machine. Plain main, prints a table; never asserted on time.
//
//   validate: 61 days hourly (section 13), all models, 1,000 bootstrap resamples   (target < 5 s)
//   backtest: 365 days hourly (section 14: Binance candles, Hyperliquid OI), one model, both
//             baselines (buy-and-hold, shifted clusters)                             (target < 3 s)
// LHM_BENCH_SHORT=1: 100 resamples and 30 days of backtest, for CI.
#include "analysis/AnalysisInputs.h"
#include "analysis/Backtester.h"
#include "analysis/Validator.h"
#include "ingest/Importer.h"
#include "ingest/thirdparty/TimeText.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <chrono>
#include <cstdio>

using namespace lhm;

namespace {

double seconds(const std::function<void()> &fn) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool importAll(Store &store, const QString &dir, const QStringList &files, std::optional<qint64> zone) {
    ImportOptions o;
    o.zoneOffsetMs = zone;
    Importer imp(store, o);
    for (const QString &f : files) {
        const FileImportResult r = imp.importFile(dir + QLatin1Char('/') + f);
        if (r.error) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(r.error->toString()));
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const bool shortMode = qEnvironmentVariableIntValue("LHM_BENCH_SHORT") == 1;
    const QString data = QStringLiteral(LHM_SHARED_DATA_DIR);
    QTemporaryDir tmp;
    auto opened = Store::open(tmp.filePath(QStringLiteral("bench.db")));
    if (!opened) return 1;
    Store &store = **opened;
    if (!importAll(store, data + QStringLiteral("/coinalyze-binance-perp-hourly-2024"),
                   {QStringLiteral("BTCUSDT_PERP.A_liquidation-history.csv"), QStringLiteral("BTCUSDT_PERP.A_open-interest-history.csv"),
                    QStringLiteral("BTCUSDT_PERP.A_ohlcv-history.csv")},
                   6 * 3'600'000LL) ||
        !importAll(store, data + QStringLiteral("/0xknxwledge-hyperliquid-okx-btc"),
                   {QStringLiteral("open_interest_hourly.csv"), QStringLiteral("candles_hourly.csv")}, std::nullopt))
        return 1;

    // --- validate
    ValidationRequest vr;
    vr.symbol = QStringLiteral("BTCUSDT");
    vr.from = parseTimeText("2024-06-19T21:00:00Z", 0).value_or(0);
    vr.to = parseTimeText("2024-08-19T22:00:00Z", 0).value_or(0);
    vr.models = liquidationModelNames();
    vr.params.interval = QStringLiteral("1h");
    vr.method = ValidationMethod::Hourly;
    vr.bootstrap = shortMode ? 100 : 1000;
    AnalysisSeries vs;
    vs.symbol = vr.symbol;
    vs.params = vr.params;
    auto vin = loadAnalysisInputs(store, vs, vr.to);
    if (!vin) return 1;
    auto model = makeModel(QStringLiteral("binance_standard"));
    const double baseV = seconds([&] { (void)model->run(*vin, vs.params); });
    bool ok = true;
    const double tV = seconds([&] { ok = bool(runValidation(store, vr)); });
    if (!ok) return 1;
    std::printf("validate 61d hourly, 4 models, %d resamples: %.3f s (target < 5 s); one model run: %.3f s; ratio %.1fx\n",
                vr.bootstrap, tV, baseV, tV / baseV);

    // --- backtest
    FeatureRequest fr;
    fr.series.exchange = QStringLiteral("hyperliquid");
    fr.series.candlesFrom = QStringLiteral("binance");
    fr.series.symbol = QStringLiteral("BTCUSDT");
    fr.series.window = QStringLiteral("7d");
    fr.series.params.interval = QStringLiteral("1h");
    fr.to = parseTimeText("2026-03-05T00:00:00Z", 0).value_or(0);
    fr.from = fr.to - (shortMode ? 30 : 358) * 86'400'000LL;  // + 7d warm-up = 365 days of candles
    AnalysisSeries bs = fr.series;
    bs.window = QStringLiteral("1y");
    auto bin = loadAnalysisInputs(store, bs, fr.to);
    if (!bin) {
        std::fprintf(stderr, "%s\n", qPrintable(bin.error().toString()));
        return 1;
    }
    const double baseB = seconds([&] { (void)model->run(*bin, bs.params); });
    auto entry = RuleExpression::compile(QStringLiteral("dist_long_cluster_pct < 2"), QStringLiteral("entry"));
    auto exit = RuleExpression::compile(QStringLiteral("dist_short_cluster_pct < 1 or close < open * 0.97"), QStringLiteral("exit"));
    if (!entry || !exit) return 1;
    BacktestParams prm;
    size_t bars = 0;
    const double tB = seconds([&] {
        auto f = computeBarFeatures(store, fr);
        fr.shiftBars = 168;
        auto shifted = computeBarFeatures(store, fr);
        fr.shiftBars = 0;
        if (!f || !shifted) {
            ok = false;
            return;
        }
        bars = f->size();
        (void)runBacktest(*f, **entry, **exit, prm);
        (void)buyAndHold(*f, prm);
        (void)runBacktest(*shifted, **entry, **exit, prm);
    });
    if (!ok) return 1;
    std::printf("backtest %zu hourly bars with both baselines: %.3f s (target < 3 s); one 1y model run: %.3f s; ratio %.1fx\n",
                bars, tB, baseB, tB / baseB);
    return 0;
}
