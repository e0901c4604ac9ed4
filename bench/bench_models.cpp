// bench_models: binance_standard over synthetic random-walk series, against a naive baseline
// (every open level scanned every candle) measured in the same run, so the figures are ratios and
// survive a slow machine. Plain main, prints a table; LHM_BENCH_SHORT=1 runs tiny sizes for CI.
//
//   1y of 1h candles: 8,760 steps, 5 leverages, 2,000 price rows (targets: < 100 ms, < 50 MB beyond the grid)
//   30d of 5m candles: 8,640 steps, auto bucket (target < 50 ms)
#include "BenchSupport.h"

#include "heatmap/PriceBuckets.h"
#include "models/LeverageLadder.h"
#include "models/LiquidationModel.h"
#include "models/LiquidationPrice.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <cstdint>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace lhm;

namespace {

double peakRssMb() { return bench::peakRssKb() / 1024.0; }
double currentRssMb() { return bench::currentRssKb() / 1024.0; }

// Random-walk candles (hourly σ ≈ 0.6 %, scaled by √step) and open-interest value (≈ $5 bn, steps of
// ±0.3 %) with taker volumes, deterministic seed.
ModelInputs synthetic(int steps, qint64 stepMs, double sigma, unsigned seed) {
    ModelInputs in;
    in.symbol = QStringLiteral("BTCUSDT");
    in.window = QStringLiteral("bench");
    in.interval = QStringLiteral("bench");
    in.intervalMs = stepMs;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> n(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    double price = 60'000, oi = 5e9;
    for (int i = 0; i < steps; ++i) {
        Candle c;
        c.openTime = 1'700'000'000'000LL + i * stepMs;
        c.closeTime = c.openTime + stepMs - 1;
        c.open = price;
        c.close = price * std::exp(sigma * n(rng));
        c.high = std::max(c.open, c.close) * (1 + std::fabs(n(rng)) * sigma * 0.5);
        c.low = std::min(c.open, c.close) * (1 - std::fabs(n(rng)) * sigma * 0.5);
        c.volume = 1000;
        c.takerBuyVolume = 1000 * u(rng);
        price = c.close;
        oi *= 1 + 0.003 * n(rng);
        in.candles.push_back(c);
        in.openInterestValue.push_back(oi);
    }
    in.metricsTakerShare.assign(size_t(steps), std::nan(""));
    in.fundingRate.assign(size_t(steps), std::nan(""));
    in.tiers = *LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    return in;
}

// The same grid allocation the model uses (reserve + huge-page advice + grow per column), so the
// baseline and the floor differ from the model only in how levels are kept.
void allocGrid(std::vector<float> &v, size_t cells) {
    v.clear();
    v.reserve(cells);
    constexpr uintptr_t kHuge = 2u << 20;
    const uintptr_t p = reinterpret_cast<uintptr_t>(v.data());
    const uintptr_t start = (p + kHuge - 1) & ~(kHuge - 1), end = (p + cells * sizeof(float)) & ~(kHuge - 1);
    if (end > start) madvise(reinterpret_cast<void *>(start), end - start, MADV_HUGEPAGE);
}

// The floor: only allocating and writing a grid of the same size, no model at all.
double gridFloorMs(size_t cols, int rows) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<float> a, b;
    allocGrid(a, cols * size_t(rows));
    allocGrid(b, cols * size_t(rows));
    for (size_t i = 0; i < cols; ++i) {
        a.resize((i + 1) * size_t(rows));
        b.resize((i + 1) * size_t(rows));
        for (int r = 0; r < rows; ++r) a[i * size_t(rows) + size_t(r)] = float(r), b[i * size_t(rows) + size_t(r)] = float(i);
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (a[size_t(rows) + 1] < 0) std::printf("!");  // keeps the loop from being optimised away
    return ms;
}

// The obvious implementation: one flat list of levels, scanned in full at every candle for
// consumption, for proportional closes and to build the column.
double naiveRun(const ModelInputs &in, const ModelParams &p, HeatmapGrid &g) {
    struct L { double price, notional; Side side; };
    std::vector<L> levels;
    auto ladder = *LeverageLadder::make(p.leverageWeights, in.tiers, p.positionNotional);
    g.rows = in.axis.rows;
    allocGrid(g.longDensity, in.candles.size() * size_t(g.rows));
    allocGrid(g.shortDensity, in.candles.size() * size_t(g.rows));
    double prev = std::nan(""), consumed = 0;
    for (size_t i = 0; i < in.candles.size(); ++i) {
        const Candle &c = in.candles[i];
        std::vector<L> kept;
        kept.reserve(levels.size());
        for (const L &l : levels) {
            if ((l.side == Side::Long && l.price >= c.low) || (l.side == Side::Short && l.price <= c.high))
                consumed += l.notional;
            else
                kept.push_back(l);
        }
        levels.swap(kept);
        const double oi = in.openInterestValue[i];
        const double before = prev;
        const double d = std::isfinite(before) ? oi - before : 0;
        prev = oi;
        if (d > 0) {
            const double share = c.takerBuyVolume / c.volume;
            for (int k = 0; k < ladder.size(); ++k) {
                const double w = ladder.weights()[size_t(k)];
                levels.push_back({ladder.liquidationPrice(Side::Long, c.close, k), d * share * w, Side::Long});
                levels.push_back({ladder.liquidationPrice(Side::Short, c.close, k), d * (1 - share) * w, Side::Short});
            }
        } else if (d < 0) {
            // Same close rules as the model (models/CloseRule.h): relative loses |ΔOI| / OI_prev.
            double keep = before > 0 ? std::max(0.0, 1 + d / before) : 0;
            if (p.closeRule == QLatin1String("absolute")) {
                double open = 0;
                for (const L &l : levels) open += l.notional;
                keep = open > -d ? 1 + d / open : 0;
            }
            for (L &l : levels) l.notional *= keep;
        }
        g.longDensity.resize((i + 1) * size_t(g.rows));
        g.shortDensity.resize((i + 1) * size_t(g.rows));
        float *lc = g.longDensity.data() + i * size_t(g.rows), *sc = g.shortDensity.data() + i * size_t(g.rows);
        for (const L &l : levels) (l.side == Side::Long ? lc : sc)[in.axis.rowOf(l.price)] += float(l.notional);
    }
    return consumed;
}

template <class F>
double timeMs(F &&f, double *cpuMs = nullptr) {
    const double c0 = bench::processCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    f();
    if (cpuMs) *cpuMs = bench::processCpuMs() - c0;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// A fingerprint of every cell (FNV-1a over the floats' bits): equal fingerprints before and after
// a change to the model's code show that its output did not move by a single bit.
quint64 gridFingerprint(const HeatmapGrid &g) {
    quint64 h = 1469598103934665603ULL;
    for (const std::vector<float> *v : {&g.longDensity, &g.shortDensity}) {
        const auto *b = reinterpret_cast<const unsigned char *>(v->data());
        for (size_t i = 0; i < v->size() * sizeof(float); ++i) h = (h ^ b[i]) * 1099511628211ULL;
    }
    for (const PredictedLiquidation &p : g.predicted) {
        const double parts[] = {double(p.time), p.price, p.notional, p.leverage, double(p.side)};
        const auto *b = reinterpret_cast<const unsigned char *>(parts);
        for (size_t i = 0; i < sizeof(parts); ++i) h = (h ^ b[i]) * 1099511628211ULL;
    }
    return h;
}

void runCaseHere(const char *name, ModelInputs in, int repeats, bool naive, bool defaults) {
    ModelParams p;  // taker rule, 10,000 USD representative position
    if (!defaults) {
        // The window book with 5 leverages at the close (model version 1), the rules naiveRun mirrors.
        p.book = QStringLiteral("window");
        p.entrySpread = 0;
        p.turnover = 0;
        p.leverageWeights = {{5, 15}, {10, 30}, {25, 25}, {50, 20}, {100, 10}};
    }
    const double gridMb = 2.0 * in.candles.size() * in.axis.rows * sizeof(float) / (1024.0 * 1024.0);
    auto model = makeModel(QStringLiteral("binance_standard"));
    const double rssBefore = currentRssMb();
    std::vector<double> times, cpu;
    ModelOutput keep;
    for (int r = 0; r < repeats; ++r) {
        ModelOutput out;
        double c = 0;
        times.push_back(timeMs([&] { out = std::move(*model->run(in, p)); }, &c));
        cpu.push_back(c);
        if (r == 0) {
            // Peak so far minus what was resident before, minus the grid itself.
            const double beyond = peakRssMb() - rssBefore - gridMb;
            std::printf("%-28s steps %5zu  rows %4d  grid %6.1f MB  peak beyond grid %6.1f MB  levels left %zu  predicted %zu"
                        "  fingerprint %016llx\n",
                        name, in.candles.size(), in.axis.rows, gridMb, std::max(0.0, beyond), out.levels.size(),
                        out.grid.predicted.size(), (unsigned long long)gridFingerprint(out.grid));
            keep = std::move(out);
        }
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-28s binance_standard: min %7.2f ms  median %7.2f ms  (%d runs; CPU min %7.2f ms)\n", name, times.front(),
                times[times.size() / 2], repeats, cpu.front());
    double floorCpu = 0;
    const double floorMs = timeMs([&] { gridFloorMs(in.candles.size(), in.axis.rows); }, &floorCpu);
    std::printf("%-28s grid-write floor: %7.2f ms  (allocating + writing the output alone; CPU %7.2f ms)\n", name,
                floorMs, floorCpu);
    if (naive) {
        HeatmapGrid g;
        double consumed = 0;
        const double t = timeMs([&] { consumed = naiveRun(in, p, g); });
        double maxDiff = 0;
        for (size_t k = 0; k < g.longDensity.size(); ++k)
            maxDiff = std::max({maxDiff, double(std::fabs(g.longDensity[k] - keep.grid.longDensity[k])),
                                double(std::fabs(g.shortDensity[k] - keep.grid.shortDensity[k]))});
        std::printf("%-28s naive baseline:   %7.2f ms  -> speed-up x%.1f  (consumed %.6g vs %.6g, max cell diff %.3g USD)\n",
                    name, t, t / times.front(), consumed, keep.flow.consumed, maxDiff);
    }
}

// Each case runs in its own child process so getrusage's peak belongs to that case alone.
// LHM_BENCH_CASE=text runs only the cases whose name contains it (for a profiler).
template <class Make>
void runCase(const char *name, Make make, int repeats, bool naive, bool defaults = false) {
    const QByteArray only = qgetenv("LHM_BENCH_CASE");
    if (!only.isEmpty() && !QByteArray(name).contains(only)) return;
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        runCaseHere(name, make(), repeats, naive, defaults);
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

}  // namespace

// Exactly 2,000 rows covering every 5x level of the walk.
void twoThousandRows(ModelInputs &in) {
    double lo = 1e300, hi = 0;
    for (const Candle &c : in.candles) lo = std::min(lo, c.low), hi = std::max(hi, c.high);
    in.axis.rows = 2000;
    in.axis.priceMin = lo * 0.79;
    in.axis.bucket = (hi * 1.21 - in.axis.priceMin) / in.axis.rows;
}

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const bool quick = qEnvironmentVariableIntValue("LHM_BENCH_SHORT") == 1;
    const int repeats = quick ? 2 : 7;
    const int hourly = quick ? 500 : 8760, fiveMin = quick ? 500 : 30 * 288;
    std::printf("bench_models%s (one core; peak memory from getrusage, one child process per case)\n",
                quick ? " [short: 500 steps]" : "");
    runCase("1y 1h x 5 lev x 2000 rows", [&] {
        ModelInputs in = synthetic(hourly, 3'600'000, 0.006, 1);
        twoThousandRows(in);
        return in;
    }, repeats, true);
    runCase("30d 5m x 5 lev, auto bucket", [&] {
        ModelInputs in = synthetic(fiveMin, 300'000, 0.006 / std::sqrt(12.0), 2);
        in.axis = *makePriceAxis(in.candles, 0, 5);
        return in;
    }, repeats, true);
    runCase("30d 5m x 5 lev x 2000 rows", [&] {
        ModelInputs in = synthetic(fiveMin, 300'000, 0.006 / std::sqrt(12.0), 2);
        twoThousandRows(in);
        return in;
    }, repeats, false);
    // The default parameters (market book, 11 leverages, 15 entry points, turnover): ~33x the levels
    // opened per candle of the cases above, kept bounded by pruning.
    runCase("1y 1h defaults x 2000 rows", [&] {
        ModelInputs in = synthetic(hourly, 3'600'000, 0.006, 1);
        twoThousandRows(in);
        return in;
    }, repeats, false, true);
    return 0;
}
