// Cost follows the window, not the store: `lhm` commands on a multi-year store, each against the
// time the `sqlite3` shell needs to read the same window's candles and open interest, measured in
// the same run (both as whole processes, stdout to /dev/null; peak RSS and CPU time from wait4).
// Each line gives wall time and CPU time (user + system) with a ratio for both: on a machine shared
// with other jobs the wall time also measures the queue for the cores, the CPU time only the work.
// Also: the GUI from start to a rendered cached view (when built), and the peak memory of one
// process holding what the main window holds with 1 year of BTCUSDT and ETHUSDT open, and of the
// main window itself opened on a year of BTCUSDT and then switched to ETHUSDT.
//   LHM_BENCH_SHORT=1      a 14-day store in a temporary folder, 12h and 7d only (CI)
//   LHM_BENCH_DAYS=N       days of history (default 730)
//   LHM_BENCH_STORE=PATH   where to keep the generated store (default: the temp folder, reused)
#include "BenchSupport.h"
#include "HistoryGenerator.h"
#include "heatmap/HeatmapService.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace lhm;
using lhm::bench::bestMs;

namespace {

struct Run {
    double ms = 0, cpuMs = 0;
    long rssKb = 0;
    int exit = -1;
};

// One process, output discarded (or written to `out`); wall time and its own peak RSS.
Run spawn(const QStringList &args, const char *out = "/dev/null") {
    std::vector<QByteArray> storage;
    for (const QString &a : args) storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer t;
    t.start();
    pid_t pid = 0;
    Run r;
    if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) return r;
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    r.ms = t.nsecsElapsed() / 1e6;
    r.cpuMs = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    r.rssKb = ru.ru_maxrss;
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&fa);
    return r;
}

// Best (lowest) wall and CPU time of `repeats` runs, and the highest peak RSS.
Run best(int repeats, const QStringList &args) {
    Run b;
    for (int i = 0; i < repeats; ++i) {
        const Run r = spawn(args);
        if (i == 0) {
            b = r;
            continue;
        }
        b.ms = std::min(b.ms, r.ms);
        b.cpuMs = std::min(b.cpuMs, r.cpuMs);
        b.rssKb = std::max(b.rssKb, r.rssKb);
        if (r.exit != 0) b.exit = r.exit;
    }
    return b;
}

Result<std::unique_ptr<Store>> ensureStore(const QString &path, const bench::HistorySpec &spec) {
    auto store = Store::open(path);
    if (!store) return store;
    if (!(*store)->seriesInfo().empty()) return store;
    QElapsedTimer t;
    t.start();
    std::printf("generating %d days of %s into %s ...\n", spec.days, qPrintable(spec.symbol), qPrintable(path));
    std::fflush(stdout);
    auto stats = bench::generateHistory(**store, spec, [&](int d) {
        if (d % 90 == 0) std::printf("  %d days, %.0f s\n", d, t.elapsed() / 1e3), std::fflush(stdout);
    });
    if (!stats) return stats.error();
    std::printf("  %lld candles, %lld metrics, %lld funding, %lld profile cells (%.1f a minute, %lld with large trades), "
                "%lld trades, in %.0f s\n",
                stats->candles, stats->metrics, stats->funding, stats->cells, stats->cells / (spec.days * 1440.0),
                stats->largeCells, stats->trades, t.elapsed() / 1e3);
    return store;
}

void lineMs(const char *what, double ms, double base) {
    std::printf("  %-44s %9.1f ms             x%5.2f\n", what, ms, ms / std::max(base, 0.001));
}

// A command and the baseline run alternately `pairs` times (base, cmd, base, cmd, ...), so both see
// the same machine state; the ratio is taken pair by pair and its median reported with its range.
// At a few milliseconds a best-of-3 on each side moves the ratio by +-0.4x; the paired median does not.
void pairedLine(const char *what, int pairs, const QStringList &cmd, const QStringList &baseArgs) {
    std::vector<double> cpu, wall;
    Run bestCmd;
    for (int i = 0; i < pairs; ++i) {
        const Run b = spawn(baseArgs);
        const Run r = spawn(cmd);
        cpu.push_back(r.cpuMs / std::max(b.cpuMs, 0.001));
        wall.push_back(r.ms / std::max(b.ms, 0.001));
        if (i == 0 || r.cpuMs < bestCmd.cpuMs) bestCmd = r;
        if (r.exit != 0) bestCmd.exit = r.exit;
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    std::printf("  %-44s %9.1f ms  %7.1f MB  x%5.2f   CPU %7.1f ms x%5.2f  (%d pairs, CPU ratio min x%.2f max x%.2f)%s\n",
                what, bestCmd.ms, bestCmd.rssKb / 1024.0, wall[wall.size() / 2], bestCmd.cpuMs, cpu[cpu.size() / 2], pairs,
                cpu.front(), cpu.back(), bestCmd.exit == 0 ? "" : "  !! exit code");
}

void line(const char *what, const Run &r, const Run &base) {
    std::printf("  %-44s %9.1f ms  %7.1f MB  x%5.2f   CPU %7.1f ms x%5.2f%s\n", what, r.ms, r.rssKb / 1024.0,
                r.ms / std::max(base.ms, 0.001), r.cpuMs, r.cpuMs / std::max(base.cpuMs, 0.001),
                r.exit == 0 ? "" : "  !! exit code");
}

// Peak RSS of a forked child process that runs `work` (it starts with what this process had
// resident, a few MB: the bench keeps its own work in such children).
long childPeakKb(const std::function<void()> &work) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        work();
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    return ru.ru_maxrss;
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const bool shortMode = qEnvironmentVariableIntValue("LHM_BENCH_SHORT") == 1;
    const int repeats = shortMode ? 1 : 3;
    QTemporaryDir tmp;
    bench::HistorySpec spec;
    spec.days = shortMode ? 14 : qEnvironmentVariableIsSet("LHM_BENCH_DAYS") ? qEnvironmentVariableIntValue("LHM_BENCH_DAYS") : 730;
    QString path = qEnvironmentVariable("LHM_BENCH_STORE");
    if (path.isEmpty())
        path = shortMode ? tmp.filePath(QStringLiteral("history.sqlite"))
                         : QDir::temp().filePath(QStringLiteral("lhm-bench-history-%1d.sqlite").arg(spec.days));
    auto big = ensureStore(path, spec);
    if (!big) {
        std::printf("cannot build the store: %s\n", qPrintable(big.error().toString()));
        return 1;
    }
    // ETHUSDT over the big store's last year (or all of it when shorter), for the two-symbol memory case.
    bench::HistorySpec eth = spec;
    eth.symbol = QStringLiteral("ETHUSDT");
    eth.startPrice = 2000;
    eth.seed = 11;
    eth.days = std::min(spec.days, 365);
    eth.fromMs = spec.fromMs + qint64(spec.days - eth.days) * 86'400'000;
    {
        bool haveEth = false;
        for (const SeriesInfo &si : (*big)->seriesInfo()) haveEth = haveEth || si.symbol == eth.symbol;
        if (!haveEth) {
            std::printf("adding %d days of %s ...\n", eth.days, qPrintable(eth.symbol));
            if (auto st = bench::generateHistory(**big, eth); !st) {
                std::printf("cannot add %s: %s\n", qPrintable(eth.symbol), qPrintable(st.error().toString()));
                return 1;
            }
        }
    }
    bench::HistorySpec smallSpec = spec;
    smallSpec.days = 2;
    const QString smallPath = tmp.filePath(QStringLiteral("two-days.sqlite"));
    if (auto small = ensureStore(smallPath, smallSpec); !small) return 1;

    const SeriesKey k5{QStringLiteral("binance"), spec.symbol, QStringLiteral("5m")};
    const qint64 end = (*big)->newestCandle(k5) + 300'000;
    const qint64 smallEnd = spec.fromMs + 2 * 86'400'000LL;
    std::printf("store %s: %.0f MB, %d days\n", qPrintable(path), QFileInfo(path).size() / 1e6, spec.days);

    // --- opening and coverage
    const double openMs = bestMs(repeats, [&] { auto s = Store::open(path); });
    const double quickMs = bestMs(1, [&] { auto r = (*big)->checkIntegrity(false); });
    std::printf("Store::open %.2f ms; the quick_check every open used to run: %.0f ms (x%.0f)\n", openMs, quickMs,
                quickMs / std::max(openMs, 0.001));
    const QString lhm = QStringLiteral(LHM_CLI_PATH);
    const QString db = QStringLiteral("--db");
    const Run start = best(repeats, {lhm, QStringLiteral("--version")});
    const Run fullStart = best(repeats, {lhm, QStringLiteral("--help")});
    const Run info = best(repeats, {lhm, db, path, QStringLiteral("--json"), QStringLiteral("info")});
    // What `lhm info` read before: count/min/max and a LAG over every row of every series.
    const Run oldInfo = best(1, {QStringLiteral("sqlite3"), path,
                                 QStringLiteral("SELECT count(*), min(minute), max(minute), sum(trade_count) FROM trade_profile; "
                                                "SELECT count(*) FROM (SELECT minute - LAG(minute) OVER (ORDER BY minute) AS d "
                                                "FROM (SELECT DISTINCT minute FROM trade_profile)) WHERE d > 90000;")});
    std::printf("coverage\n");
    line("lhm --version (process start)", start, start);
    line("lhm --help (runs lhm-full: every command)", fullStart, start);
    line("lhm info --json", info, start);
    line("sqlite3: the scan lhm info used to run", oldInfo, start);
    const double infoIn = bestMs(repeats, [&] {
        auto s = Store::open(path);
        if (s) (*s)->seriesInfo();
    });
    lineMs("in process: Store::open + seriesInfo()", infoIn, infoIn);

    // --- windows
    struct Win {
        const char *name;
        qint64 ms;
    };
    std::vector<Win> wins = {{"12h", 12 * 3'600'000LL}, {"7d", 7 * 86'400'000LL}};
    if (!shortMode)
        for (Win w : {Win{"30d", 30 * 86'400'000LL}, Win{"90d", 90 * 86'400'000LL}, Win{"1y", 365 * 86'400'000LL}})
            wins.push_back(w);
    for (const Win &w : wins) {
        const qint64 from = end - w.ms;
        const QStringList baseArgs{QStringLiteral("sqlite3"), path,
                                        QStringLiteral("SELECT * FROM candles WHERE exchange='binance' AND symbol='%1' AND "
                                                       "interval='5m' AND open_time>=%2 AND open_time<%3; SELECT * FROM "
                                                       "open_interest WHERE exchange='binance' AND symbol='%1' AND time>=%2 AND time<%3;")
                                            .arg(spec.symbol).arg(from).arg(end)};
        const Run base = best(repeats, baseArgs);
        const QStringList common{lhm, db, path, QStringLiteral("--json"), QString(), QStringLiteral("--symbol"), spec.symbol,
                                 QStringLiteral("--window"), QString::fromLatin1(w.name)};
        auto cmd = [&](const QString &name, QStringList extra) {
            QStringList a = common;
            a[4] = name;
            return a + extra;
        };
        std::printf("window %s (%lld candles of 5m); lhm rows: best CPU of the runs, ratios the median of the pairs\n", w.name,
                    w.ms / 300'000);
        line("sqlite3: read the window's candles + OI", base, base);
        const int pairs = shortMode ? 1 : w.ms <= 7 * 86'400'000LL ? 21 : 5;
        pairedLine("lhm heatmap binance_standard --no-cache", pairs,
                   cmd(QStringLiteral("heatmap"), {QStringLiteral("--model"), QStringLiteral("binance_standard"), QStringLiteral("--no-cache")}),
                   baseArgs);
        pairedLine("lhm heatmap py_liquidation_map --no-cache", pairs,
                   cmd(QStringLiteral("heatmap"), {QStringLiteral("--model"), QStringLiteral("py_liquidation_map"), QStringLiteral("--no-cache")}),
                   baseArgs);
        pairedLine("lhm heatmap binance_standard (cached)", pairs,
                   cmd(QStringLiteral("heatmap"), {QStringLiteral("--model"), QStringLiteral("binance_standard")}), baseArgs);
        pairedLine("lhm levels", pairs, cmd(QStringLiteral("levels"), {}), baseArgs);
        pairedLine("lhm compare (all models)", pairs, cmd(QStringLiteral("compare"), {}), baseArgs);
        // The same work inside one process: no process start on either side. It runs in a forked
        // child on its own connection: this process stays small, because wait4 reports a spawned
        // command's peak RSS as at least what its parent had resident when it spawned it.
        childPeakKb([&] {
        auto opened = Store::open(path);
        if (!opened) return;
        Store &st = **opened;
        const double read = bestMs(repeats, [&] {
            st.candles(k5, {from, end});
            st.openInterest({QStringLiteral("binance"), spec.symbol, {}}, {from, end});
        });
        HeatmapRequest req;
        req.symbol = spec.symbol;
        req.window = QString::fromLatin1(w.name);
        ComputeOptions noCache;
        noCache.useCache = false;
        lineMs("in process: SQLite read of candles + OI", read, read);
        lineMs("in process: computeHeatmap binance_standard", bestMs(repeats, [&] { computeHeatmap(st, req, noCache); }), read);
        HeatmapRequest py = req;
        py.model = QStringLiteral("py_liquidation_map");
        lineMs("in process: computeHeatmap py_liquidation_map", bestMs(repeats, [&] { computeHeatmap(st, py, noCache); }), read);
        lineMs("in process: computeLiquidationMap", bestMs(repeats, [&] { computeLiquidationMap(st, req, 0, noCache); }), read);
        lineMs("in process: compareModels", bestMs(repeats, [&] { compareModels(st, req, noCache); }), read);
        });
    }
    // --- the same 12h on a two-day store
    const Run small12 = best(repeats, {lhm, db, smallPath, QStringLiteral("--json"), QStringLiteral("heatmap"),
                                       QStringLiteral("--symbol"), spec.symbol, QStringLiteral("--window"),
                                       QStringLiteral("12h"), QStringLiteral("--no-cache")});
    const Run big12 = best(repeats, {lhm, db, path, QStringLiteral("--json"), QStringLiteral("heatmap"), QStringLiteral("--symbol"),
                                     spec.symbol, QStringLiteral("--window"), QStringLiteral("12h"), QStringLiteral("--no-cache")});
    std::printf("12h heatmap, two-day store vs %d-day store\n", spec.days);
    line("two-day store", small12, small12);
    line("multi-year store", big12, small12);
    Q_UNUSED(smallEnd);

    // --- memory: what one process holds for the main window with a year of BTCUSDT and ETHUSDT
    // open (both symbols' heatmaps and liquidation maps), then the 1-year comparison of all models.
    const QString year = shortMode ? QStringLiteral("7d") : QStringLiteral("1y");
    std::printf("peak memory (in a forked process; %s windows)\n", qPrintable(year));
    const long baseKb = bench::currentRssKb();  // a forked child starts with this resident
    auto holdViews = [&](bool compare) {
        auto s = Store::open(path);
        if (!s) return;
        std::vector<std::shared_ptr<const void>> held;
        ComputeOptions noCache;
        noCache.useCache = false;
        for (const QString &sym : {spec.symbol, eth.symbol}) {
            HeatmapRequest r;
            r.symbol = sym;
            r.window = year;
            if (auto g = computeHeatmap(**s, r, noCache)) held.push_back(*g);
            if (auto m = computeLiquidationMap(**s, r, 0, noCache)) held.push_back(*m);
        }
        if (compare) {
            HeatmapRequest r;
            r.symbol = spec.symbol;
            r.window = year;
            if (auto c = compareModels(**s, r, noCache)) held.push_back(*c);
        }
    };
    std::printf("  %-44s %7.1f MB (peak RSS of a forked child; the bench had %.1f MB resident)\n",
                "BTCUSDT + ETHUSDT heatmaps and maps", childPeakKb([&] { holdViews(false); }) / 1024.0, baseKb / 1024.0);
    std::printf("  %-44s %7.1f MB\n", "the same + comparison of all models (BTCUSDT)", childPeakKb([&] { holdViews(true); }) / 1024.0);

#ifdef LHM_GUI_PATH
    // --- the GUI: process start to the view rendered off-screen into a PNG, from a warm cache.
    const QString gui = QStringLiteral(LHM_GUI_PATH);
    const QString png = tmp.filePath(QStringLiteral("shot.png"));
    std::printf("GUI (liquidationheatmap --screenshot, off-screen, start to PNG written; cache warmed by a first run)\n");
    for (const QString &w : shortMode ? QStringList{year} : QStringList{QStringLiteral("7d"), year}) {
        for (const QString &view : {QStringLiteral("heatmap"), QStringLiteral("window")}) {
            const QStringList args{gui, db, path, QStringLiteral("--screenshot"), png, QStringLiteral("--window"), w,
                                   QStringLiteral("--view"), view, QStringLiteral("--size"), QStringLiteral("1600x900")};
            spawn(args);
            const Run r = best(repeats, args);
            const QByteArray what = QStringLiteral("%1 view, %2 (cached)").arg(view, w).toUtf8();
            line(what.constData(), r, start);
        }
    }
    // Start to the first heatmap in the main window, from the cache (warmed by the screenshots
    // above): `--bench-start` quits once the heatmap view has drawn the grid and prints the time
    // since this process spawned it (LHM_BENCH_SPAWNED_NS, CLOCK_MONOTONIC) and the CPU the process
    // had used by then (all its threads: the map and signals computing beside it included).
    std::printf("GUI main window (--bench-start, off-screen, 1600x900): spawn to the first heatmap drawn from the cache\n");
    const QByteArray outFile = tmp.filePath(QStringLiteral("start.txt")).toLocal8Bit();
    for (const QString &w : shortMode ? QStringList{year} : QStringList{QStringLiteral("7d"), year}) {
        const QStringList args{gui, db, path, QStringLiteral("--bench-start"), QStringLiteral("--window"), w};
        std::vector<double> walls, cpus;
        for (int i = 0; i < (shortMode ? 1 : 7); ++i) {
            QElapsedTimer t0;
            t0.start();
            qputenv("LHM_BENCH_SPAWNED_NS", QByteArray::number(t0.msecsSinceReference() * 1'000'000LL));
            spawn(args, outFile.constData());
            QFile f(QString::fromLocal8Bit(outFile));
            double wall = -1, cpu = -1;
            if (f.open(QIODevice::ReadOnly))
                std::sscanf(f.readAll().constData(), "first heatmap: %*f ms since main, %lf ms since spawn, CPU %lf ms", &wall, &cpu);
            if (wall < 0) continue;
            walls.push_back(wall);
            cpus.push_back(cpu);
        }
        qunsetenv("LHM_BENCH_SPAWNED_NS");
        if (walls.empty()) {
            std::printf("  %s: no heatmap drawn\n", qPrintable(w));
            continue;
        }
        std::sort(walls.begin(), walls.end());
        std::sort(cpus.begin(), cpus.end());
        const size_t n = walls.size();
        std::printf("  %-8s wall %6.1f ms (median %6.1f, max %6.1f)  CPU %6.1f ms (median %6.1f, max %6.1f)  x%.0f / x%.0f lhm --version\n",
                    qPrintable(w + QStringLiteral(" cached")), walls[0], walls[n / 2], walls[n - 1], cpus[0], cpus[n / 2],
                    cpus[n - 1], walls[0] / std::max(start.ms, 0.001), cpus[0] / std::max(start.cpuMs, 0.001));
    }
    // The main window on a year of BTCUSDT, then switched to ETHUSDT: the process's peak memory with
    // both loaded (its own VmHWM: wait4 would report at least this bench's resident size).
    {
        const QStringList args{gui, db, path, QStringLiteral("--bench-start"), QStringLiteral("--window"), year,
                               QStringLiteral("--bench-then-symbol"), QStringLiteral("ETHUSDT")};
        double settledMs = -1, peakMb = -1;
        spawn(args, outFile.constData());
        QFile f(QString::fromLocal8Bit(outFile));
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray &l : f.readAll().split('\n'))
                if (l.startsWith("then ETHUSDT:")) std::sscanf(l.constData(), "then ETHUSDT: settled in %lf ms, peak RSS %lf MB", &settledMs, &peakMb);
        if (peakMb < 0)
            std::printf("  %s BTCUSDT then ETHUSDT: no answer\n", qPrintable(year));
        else
            std::printf("  %s BTCUSDT, then ETHUSDT until all its views answered (%.0f ms): peak RSS %.1f MB\n", qPrintable(year),
                        settledMs, peakMb);
    }
#endif
    return 0;
}
