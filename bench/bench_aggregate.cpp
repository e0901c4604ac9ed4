// bench_aggregate: "All exchanges" (four venues, each model on its own data, summed on one price
// axis) against the single-exchange heatmap over the same window, in the same run, so the figure is
// a ratio (target: all four <= 2x one). Four random-walk stores of 5-minute open interest and hourly
// candles (one per venue, different seeds) in one SQLite file in a temporary folder; cache off so
// every run computes. Plain main, prints a table; never asserted on time.
// The single run and the aggregate alternate rep by rep, so load from other processes falls on both
// alike; each is reported as wall time and process CPU time (median, and the spread min..max) and
// the ratio of the medians. On a shared machine the wall ratio moves with the load (the runs wait for
// a core), the CPU ratio (the work done) does not; "2-core estimate" is the wall time the aggregate
// would take on two otherwise idle cores: the four runs' CPU times packed onto two workers, plus the
// first pass and the sum.
// The last line is the figure to read off: "ratio median X min Y max Z" (wall, rep by rep), with the
// CPU ratio, the 2-core estimate and the load average at the start and the end of the run.
//   LHM_BENCH_SHORT=1   7 days of data and the 7d window (CI); otherwise 35 days and the 30d window
//   LHM_BENCH_REPS=N    alternating reps (default 21; 3 in short mode)
//   LHM_BENCH_STORE=PATH  write the four-venue store there (and keep it) instead of a temporary folder
#include "engine/ExchangeAggregate.h"
#include "heatmap/HeatmapService.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <sys/resource.h>

using namespace lhm;

namespace {

constexpr qint64 kHour = 3'600'000, k5m = 300'000;

// One market price path (venues track each other), hourly sigma 0.6 %.
std::vector<double> pricePath(int hours) {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> n(0, 1);
    std::vector<double> out{60'000};
    for (int h = 0; h < hours; ++h) out.push_back(out.back() * (1 + 0.006 * n(rng)));
    return out;
}

// A venue: the market path plus its own small basis (a few bp), and its own open interest.
bool fill(Store &s, const QString &exchange, const std::vector<double> &path, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> n(0, 1);
    const qint64 t0 = 1'717'200'000'000LL;  // 2024-06-01
    const int hours = int(path.size()) - 1;
    std::vector<Candle> candles;
    std::vector<OpenInterestPoint> oi;
    const double basis = 0.0003 * n(rng);
    double price = path[0] * (1 + basis), value = 5e9 * (0.5 + 0.2 * (seed % 3));
    for (int h = 0; h < hours; ++h) {
        Candle c;
        c.openTime = t0 + h * kHour;
        c.closeTime = c.openTime + kHour - 1;
        c.open = price;
        price = path[size_t(h) + 1] * (1 + basis + 0.0001 * n(rng));
        c.close = price;
        c.high = std::max(c.open, c.close) * (1 + 0.002 * std::abs(n(rng)));
        c.low = std::min(c.open, c.close) * (1 - 0.002 * std::abs(n(rng)));
        c.volume = 1000;
        c.takerBuyVolume = 500 + 100 * n(rng);
        candles.push_back(c);
        for (int k = 0; k < 12; ++k) {
            OpenInterestPoint p;
            p.time = c.openTime + k * k5m;
            value *= 1 + 0.003 * n(rng);
            p.openInterestValue = value;
            p.openInterest = value / price;
            oi.push_back(p);
        }
    }
    return s.insertCandles({exchange, QStringLiteral("BTCUSDT"), QStringLiteral("1h")}, candles).ok() &&
           s.insertOpenInterest({exchange, QStringLiteral("BTCUSDT"), {}}, oi).ok();
}

double cpuMs() {
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

long minorFaults() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

struct Sample {
    std::vector<double> wall, cpu, faults;
    static double median(std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    }
    template <class Fn>
    bool take(Fn fn) {
        QElapsedTimer t;
        t.start();
        const double c0 = cpuMs();
        const long f0 = minorFaults();
        if (!fn()) return false;
        cpu.push_back(cpuMs() - c0);
        faults.push_back(double(minorFaults() - f0));
        wall.push_back(double(t.nsecsElapsed()) / 1e6);
        return true;
    }
};

QString spread(const std::vector<double> &v) {
    return QStringLiteral("%1 [%2..%3]").arg(Sample::median(v), 7, 'f', 1).arg(*std::min_element(v.begin(), v.end()), 0, 'f', 1)
        .arg(*std::max_element(v.begin(), v.end()), 0, 'f', 1);
}

template <class Fn>
double bestMs(int n, Fn fn) {
    double best = 1e300;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        if (!fn()) return -1;
        best = std::min(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const bool shortMode = qEnvironmentVariableIsSet("LHM_BENCH_SHORT");
    const QString loadBefore = loadAverage();
    const int days = shortMode ? 8 : 35;
    const int reps = std::max(1, qEnvironmentVariableIntValue("LHM_BENCH_REPS") > 0 ? qEnvironmentVariableIntValue("LHM_BENCH_REPS")
                                                                                      : shortMode ? 3 : 21);
    QTemporaryDir dir;
    const QString keep = qEnvironmentVariable("LHM_BENCH_STORE");
    const QString db = keep.isEmpty() ? dir.filePath(QStringLiteral("bench.db")) : keep;
    if (!keep.isEmpty()) QFile::remove(keep);
    {
        auto s = Store::open(db);
        if (!s) return std::fprintf(stderr, "%s\n", qPrintable(s.error().toString())), 1;
        unsigned seed = 1;
        const std::vector<double> path = pricePath(days * 24);
        for (const QString &ex : allExchanges())
            if (!fill(**s, ex, path, seed++)) return std::fprintf(stderr, "cannot fill %s\n", qPrintable(ex)), 1;
    }
    HeatmapRequest req;
    req.symbol = QStringLiteral("BTCUSDT");
    req.window = shortMode ? QStringLiteral("7d") : QStringLiteral("30d");
    ComputeOptions noCache;
    noCache.useCache = false;

    auto store = Store::open(db);
    if (!store) return 1;

    // The engine keeps its connections between requests (ExchangeStores); the CLI opens them per call.
    ExchangeStores reused(db);
    AggregateOptions parallel;
    parallel.compute = noCache;
    parallel.stores = &reused;
    AggregateOptions cold = parallel;
    cold.stores = nullptr;
    AggregateOptions serial = parallel;
    serial.parallel = false;
    QString shares;
    Sample oneS, allS;
    std::vector<double> wallRatio, cpuRatio;
    for (int i = 0; i < reps + 1; ++i) {  // the first round warms both up and is not counted
        Sample o, a;
        const bool ok = o.take([&] {
            req.exchange = QStringLiteral("binance");
            return computeHeatmap(**store, req, noCache).ok();
        }) && a.take([&] {
            auto r = computeAggregateHeatmap(db, req, allExchanges(), parallel);
            if (r) {
                shares.clear();
                for (const ExchangeShare &s : r->exchanges)
                    shares += QStringLiteral(" %1 %2 %3").arg(s.exchange, QString::fromLatin1(exchangeStatusName(s.status))).arg(s.share, 0, 'f', 3);
            }
            return r.ok();
        });
        if (!ok) return std::fprintf(stderr, "a computation failed\n"), 1;
        if (i == 0) continue;
        oneS.wall.push_back(o.wall[0]);
        oneS.cpu.push_back(o.cpu[0]);
        oneS.faults.push_back(o.faults[0]);
        allS.faults.push_back(a.faults[0]);
        allS.wall.push_back(a.wall[0]);
        allS.cpu.push_back(a.cpu[0]);
        wallRatio.push_back(a.wall[0] / o.wall[0]);
        cpuRatio.push_back(a.cpu[0] / o.cpu[0]);
    }
    const double one = Sample::median(oneS.wall), all = Sample::median(allS.wall);
    const double seq = bestMs(reps, [&] { return computeAggregateHeatmap(db, req, allExchanges(), serial).ok(); });
    const double fresh = bestMs(reps, [&] { return computeAggregateHeatmap(db, req, allExchanges(), cold).ok(); });
    if (one < 0 || all < 0 || seq < 0 || fresh < 0) return std::fprintf(stderr, "a computation failed\n"), 1;
    std::printf("bench_aggregate: BTCUSDT %s window, %d days of 5m open interest and 1h candles per venue, cache off, best of %d\n",
                qPrintable(req.window), days, reps);
    std::printf("  alternating, %d reps: median [min..max] ms          wall                  CPU\n", reps);
    std::printf("  one exchange (binance)            %s   %s\n", qPrintable(spread(oneS.wall)), qPrintable(spread(oneS.cpu)));
    std::printf("  all four, in parallel (default)   %s   %s\n", qPrintable(spread(allS.wall)), qPrintable(spread(allS.cpu)));
    std::printf("  ratio all / one, rep by rep       %s x   %s x   (target <= 2x wall)\n", qPrintable(spread(wallRatio)),
                qPrintable(spread(cpuRatio)));
    std::printf("  minor page faults per run: one %.0f, all four %.0f (medians)\n", Sample::median(oneS.faults),
                Sample::median(allS.faults));
    std::printf("  other variants, best of %d (wall):\n", reps);
    std::printf("  all four, one after the other     %8.1f ms   %.2fx\n", seq, seq / one);
    std::printf("  all four, parallel, new connections %6.1f ms   %.2fx   (the CLI: each store opened and closed)\n", fresh, fresh / one);
    std::vector<double> alone;
    for (const QString &ex : allExchanges()) {
        Sample t;
        for (int i = 0; i < reps; ++i)
            if (!t.take([&] {
                    req.exchange = ex;
                    return computeHeatmap(**store, req, noCache).ok();
                }))
                return 1;
        alone.push_back(Sample::median(t.cpu));
        std::printf("  %-12s alone, CPU median     %8.1f ms   %.2fx of binance\n", qPrintable(ex), alone.back(), alone.back() / Sample::median(oneS.cpu));
    }
    std::printf("  shares:%s\n", qPrintable(shares));
    // What the aggregation adds besides the runs: the first pass (coverage of every venue) and the sum.
    const double firstPass = bestMs(reps, [&] { return !(*store)->seriesInfo().empty(); });
    std::printf("  first pass (series coverage)       %8.2f ms\n", firstPass);
    double sumMs = 0;
    {
        std::vector<std::shared_ptr<const HeatmapGrid>> grids;
        for (const QString &ex : allExchanges()) {
            req.exchange = ex;
            grids.push_back(*computeHeatmap(**store, req, noCache));
        }
        std::vector<const HeatmapGrid *> raw;
        for (auto &g : grids) raw.push_back(g.get());
        sumMs = bestMs(reps, [&] { return sumHeatmaps(raw, QStringLiteral("all")).rows > 0; });
        std::printf("  summing the four grids             %8.2f ms   (%d rows x %d columns each)\n", sumMs, grids[0]->rows, grids[0]->cols());
    }
    // Longest first onto the less loaded of two workers (what the pool's two threads do with four runs).
    std::sort(alone.begin(), alone.end(), std::greater<>());
    double w[2] = {0, 0};
    for (double t : alone) *std::min_element(w, w + 2) += t;
    const double estimate = std::max(w[0], w[1]) + firstPass + sumMs;
    std::printf("  2-core estimate (idle machine)     %8.1f ms   %.2fx   (runs packed on 2 workers + first pass + sum)\n", estimate,
                estimate / Sample::median(oneS.cpu));
    // The four runs back to back on one connection, without the aggregation: what the sum costs on
    // top of them, and how much a run costs when the previous one was another exchange's.
    const double backToBack = bestMs(reps, [&] {
        for (const QString &ex : allExchanges()) {
            req.exchange = ex;
            if (!computeHeatmap(**store, req, noCache)) return false;
        }
        return true;
    });
    std::printf("  four single runs back to back      %8.1f ms   %.2fx\n", backToBack, backToBack / one);
    std::printf("  threads available: %d\n", QThread::idealThreadCount());
    std::printf("ratio median %.2f min %.2f max %.2f (wall, all four / one, %d alternating reps; one %.1f ms, all %.1f ms; "
                "CPU ratio %.2f; 2-core estimate %.2f; load %s -> %s)\n",
                Sample::median(wallRatio), *std::min_element(wallRatio.begin(), wallRatio.end()),
                *std::max_element(wallRatio.begin(), wallRatio.end()), reps, one, all, Sample::median(cpuRatio),
                estimate / Sample::median(oneS.cpu), qPrintable(loadBefore), qPrintable(loadAverage()));
    return 0;
}
