#include "GuiBench.h"

#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapView.h"
#include "main/MainWindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <qcustomplot.h>
#include <random>
#include <sys/resource.h>
#include <QSettings>

namespace lhm::ui::GuiBench {

namespace {

std::shared_ptr<HeatmapGrid> syntheticGrid(int cols, int rows) {
    auto g = std::make_shared<HeatmapGrid>();
    g->exchange = QStringLiteral("binance");
    g->symbol = QStringLiteral("BTCUSDT");
    g->window = QStringLiteral("1y");
    g->model = QStringLiteral("bench");
    g->interval = QStringLiteral("1h");
    g->intervalMs = 3600'000;
    g->bucketSize = 50;
    g->priceMin = 20000;
    g->rows = rows;
    std::mt19937 rng(7);
    std::normal_distribution<double> step(0, 0.004);
    double price = 60000;
    for (int c = 0; c < cols; ++c) {
        g->times.push_back(1700000000000LL + qint64(c) * g->intervalMs);
        const double open = price;
        price = std::clamp(price * (1 + step(rng)), 25000.0, 115000.0);
        Candle k;
        k.openTime = g->times.back();
        k.open = open;
        k.close = price;
        k.high = std::max(open, price) * 1.002;
        k.low = std::min(open, price) * 0.998;
        g->candles.push_back(k);
    }
    g->longDensity.assign(size_t(cols) * rows, 0.f);
    g->shortDensity.assign(size_t(cols) * rows, 0.f);
    // Bands below and above each candle's close that build up over time, like real clusters.
    for (int c = 0; c < cols; ++c) {
        const int pr = g->rowOf(g->candles[size_t(c)].close);
        for (int d = 1; d < 160; ++d) {
            const float v = float(2e5 * std::exp(-d / 40.0) * (1 + (c % 97) / 97.0));
            if (pr - d >= 0 && pr - d < rows) g->longDensity[size_t(c) * rows + (pr - d)] = v;
            if (pr + d >= 0 && pr + d < rows) g->shortDensity[size_t(c) * rows + (pr + d)] = v * 0.8f;
        }
    }
    g->currentPrice = price;
    return g;
}

double timeReplot(QCustomPlot *p) {
    QElapsedTimer t;
    t.start();
    p->replot(QCustomPlot::rpImmediateRefresh);
    return t.nsecsElapsed() / 1e6;
}

double peakRssMb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

struct Stats {
    double median = 0, p95 = 0;
};
Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, size_t(v.size() * 0.95))]};
}

// A view change per frame (pan by 2% or zoom by 15%). When the view left the reduced image, the
// app rebuilds it: the reduction on a worker thread, the copy into the colour map on the UI
// thread. Here both run synchronously; `ui` counts the UI thread's share (frame minus reduction),
// `reduce` the worker's.
struct Frames {
    Stats ui, reduce;
    int rebuilds = 0;
};
Frames viewFrames(HeatmapView &v, int frames, bool zoom) {
    std::vector<double> ui, reduce;
    QCustomPlot *p = v.plot();
    int rebuilds = 0;
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer t;
        t.start();
        if (zoom) p->xAxis->scaleRange(i / 10 % 2 ? 1.15 : 1 / 1.15);
        else p->xAxis->moveRange((i / 20 % 2 ? -1 : 1) * p->xAxis->range().size() * 0.02);
        const double fillBefore = v.layer()->lastFillMs();
        const auto *img = v.layer()->display().values.data();
        v.layer()->refreshIfNeeded();
        const bool rebuilt = v.layer()->display().values.data() != img || v.layer()->lastFillMs() != fillBefore;
        p->replot(QCustomPlot::rpImmediateRefresh);
        double ms = t.nsecsElapsed() / 1e6;
        if (rebuilt && v.layer()->lodEnabled()) {
            ++rebuilds;
            reduce.push_back(v.layer()->lastReduceMs());
            ms -= v.layer()->lastReduceMs();
        }
        ui.push_back(ms);
    }
    if (reduce.empty()) reduce.push_back(0);
    return {stats(ui), stats(reduce), rebuilds};
}

Stats cutoffFrames(HeatmapView &v, int frames) {
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer t;
        t.start();
        v.setCutoff(i % 2 ? 5 : 0, i % 2 ? 95 : 97);
        v.plot()->replot(QCustomPlot::rpImmediateRefresh);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    return stats(ms);
}

// Switching between two windows of a real store through the real engine: each switch answers
// first with the cached grid (read from SQLite and decoded on a worker); timed to the first frame.
void realSwitch(HeatmapView &view, const QString &dbPath, int rounds) {
    CoreEngine engine(dbPath);
    const QStringList windows{QStringLiteral("24h"), QStringLiteral("48h")};
    HeatmapRequest req;
    req.symbol = QStringLiteral("BTCUSDT");
    auto waitFor = [&](bool cached, double *ms) {
        QEventLoop loop;
        QElapsedTimer s;
        s.start();
        bool ok = false;
        auto c1 = QObject::connect(&engine, &CoreEngine::heatmapReady, &loop, [&](quint64, GridPtr g, bool fromCache) {
            if (fromCache != cached) return;
            view.setGrid(g, fromCache);
            view.plot()->replot(QCustomPlot::rpImmediateRefresh);
            if (ms) *ms = s.nsecsElapsed() / 1e6;
            ok = true;
            loop.quit();
        });
        auto c2 = QObject::connect(&engine, &CoreEngine::requestFailed, &loop, [&] { loop.quit(); });
        engine.requestHeatmap(req);
        loop.exec();
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        engine.waitForIdle();
        QCoreApplication::processEvents();
        return ok;
    };
    for (const QString &w : windows) {  // fill the cache
        req.window = w;
        if (!waitFor(false, nullptr)) {
            std::printf("\nreal store %s: no BTCUSDT %s estimate, switch not measured\n", qPrintable(dbPath), qPrintable(w));
            return;
        }
    }
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        req.window = windows[i % 2];
        double t = 0;
        if (waitFor(true, &t)) ms.push_back(t);
    }
    if (ms.empty()) return;
    const Stats st = stats(ms);
    std::printf("real store, BTCUSDT 24h <-> 48h from the cache -> first frame: median %.1f ms, p95 %.1f ms (%d rows x %d cols)\n",
                st.median, st.p95, view.grid() ? view.grid()->rows : 0, view.grid() ? view.grid()->cols() : 0);
}

}  // namespace

int run(const QString &dbPath) {
    const bool shortRun = qEnvironmentVariableIntValue("LHM_BENCH_SHORT") == 1;
    const int frames = shortRun ? 10 : 60;
    const int cols = 8760, rows = 2000;
    QElapsedTimer t;
    t.start();
    std::shared_ptr<const HeatmapGrid> grid = syntheticGrid(cols, rows);
    std::printf("grid %d x %d built in %.0f ms\n", cols, rows, t.nsecsElapsed() / 1e6);

    HeatmapView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1600, 900);
    view.show();
    QCoreApplication::processEvents();

    struct Row {
        const char *name;
        Stats full, lod;
    };
    std::vector<Row> table;
    double firstFull = 0, firstLod = 0;
    // LOD first, so the peak memory read after it is what the app needs with this view open.
    double peakLodMb = 0;
    for (bool lod : {true, false}) {
        view.layer()->setLodEnabled(lod);
        view.setGrid(nullptr);
        QElapsedTimer f;
        f.start();
        view.setGrid(grid);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        (lod ? firstLod : firstFull) = f.nsecsElapsed() / 1e6;
        std::printf("%s: first frame %.1f ms (reduce %.1f ms, fill %.1f ms)\n", lod ? "lod" : "full", f.nsecsElapsed() / 1e6,
                    view.layer()->lastReduceMs(), view.layer()->lastFillMs());
        view.plot()->xAxis->scaleRange(0.5);  // a half-year view, the common case when panning
        view.layer()->refreshNow();
        timeReplot(view.plot());
        const Frames pan = viewFrames(view, frames, false);
        const Frames zoom = viewFrames(view, frames, true);
        const Stats cut = cutoffFrames(view, std::max(4, frames / 4));
        if (lod) peakLodMb = peakRssMb();
        if (lod)
            std::printf("lod rebuilds (reduction on a worker): pan %d of %d frames, median %.1f ms; zoom %d of %d, median %.1f ms\n",
                        pan.rebuilds, frames, pan.reduce.median, zoom.rebuilds, frames, zoom.reduce.median);
        if (lod) {
            table.push_back({"pan (view change)", {}, pan.ui});
            table.push_back({"zoom (view change)", {}, zoom.ui});
            table.push_back({"colour cut-off (data change)", {}, cut});
        } else {
            table[0].full = pan.ui;
            table[1].full = zoom.ui;
            table[2].full = cut;
        }
    }
    std::printf("\nUI-thread time per frame, 1-year heatmap at 1600x900, ms (median / p95), full grid vs LOD:\n");
    for (const Row &r : table)
        std::printf("  %-30s full %6.1f / %6.1f   lod %6.1f / %6.1f   ratio %.1fx\n", r.name, r.full.median, r.full.p95,
                    r.lod.median, r.lod.p95, r.full.median / std::max(0.01, r.lod.median));
    std::printf("  %-30s full %6.1f            lod %6.1f            ratio %.1fx\n", "new grid to first frame", firstFull,
                firstLod, firstFull / std::max(0.01, firstLod));

    // Switch from cache: the engine answers with the cached grid, the view draws its first frame.
    view.layer()->setLodEnabled(true);
    QTemporaryDir dir;
    EngineBackend b;
    b.cachedHeatmap = [grid](Store &, const HeatmapRequest &) { return grid; };
    b.heatmap = [grid](Store &, const HeatmapRequest &, const ComputeOptions &) -> Result<std::shared_ptr<const HeatmapGrid>> {
        return grid;
    };
    CoreEngine engine(dir.filePath(QStringLiteral("bench.sqlite")), b);
    std::vector<double> sw;
    for (int i = 0; i < (shortRun ? 3 : 10); ++i) {
        view.setGrid(nullptr);
        QEventLoop loop;
        QElapsedTimer s;
        s.start();
        auto c = QObject::connect(&engine, &CoreEngine::heatmapReady, &loop, [&](quint64, GridPtr g, bool cached) {
            if (!cached) return;
            view.setGrid(g, true);
            view.plot()->replot(QCustomPlot::rpImmediateRefresh);
            sw.push_back(s.nsecsElapsed() / 1e6);
            loop.quit();
        });
        HeatmapRequest req;
        req.symbol = QStringLiteral("BTCUSDT");
        req.window = i % 2 ? QStringLiteral("1y") : QStringLiteral("180d");
        engine.requestHeatmap(req);
        loop.exec();
        QObject::disconnect(c);
        engine.waitForIdle();
    }
    const Stats s = stats(sw);
    std::printf("\npeak memory with the 1-year grid open in the LOD view: %.0f MB (the full-resolution run after it\n"
                "adds QCustomPlot's own copy of all 17.5 M cells as doubles plus its image)\n", peakLodMb);
    std::printf("\nswitch symbol/window with the grid cached -> first full frame: median %.1f ms, p95 %.1f ms (target <= 100)\n",
                s.median, s.p95);
    if (!dbPath.isEmpty()) realSwitch(view, dbPath, shortRun ? 3 : 10);
    return 0;
}

int runStart(const QString &dbPath, const QString &symbol, const QString &window, const QString &thenSymbol) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("view/symbol"), symbol);
    settings.setValue(QStringLiteral("view/window"), window);
    settings.sync();
    MainWindowOptions mo;
    mo.dbPath = dbPath;
    mo.settingsPath = settings.fileName();
    mo.firstRunDialog = false;
    MainWindow w(mo);
    PlotView *heatmap = w.view(QStringLiteral("heatmap"));
    if (!heatmap) return 1;
    bool done = false;
    // The second symbol: after the first one's every answer (map, signals) is in and drawn.
    bool switched = false;
    QElapsedTimer sinceSwitch;
    auto switchSymbol = [&] {
        switched = true;
        Selection next = w.session()->selection();
        next.symbol = thenSymbol;
        sinceSwitch.start();
        w.session()->setSelection(next);
    };
    QObject::connect(heatmap, &PlotView::rendered, &w, [&] {
        const auto grid = w.session()->grid();
        if (done || !grid || grid->cols() == 0 || heatmap->isShowingEmpty()) return;
        done = true;
        heatmap->renderNow();  // asynchronous layers included
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        const double cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
        // From the spawn when the caller says when that was (bench_history), on the same clock.
        const qint64 spawned = qEnvironmentVariable("LHM_BENCH_SPAWNED_NS").toLongLong();
        QElapsedTimer now;
        now.start();
        const double sinceSpawn = spawned > 0 ? (now.msecsSinceReference() * 1'000'000LL + now.nsecsElapsed() - spawned) / 1e6 : -1;
        std::printf("first heatmap: %.1f ms since main, %.1f ms since spawn, CPU %.1f ms\n", sinceMain.nsecsElapsed() / 1e6,
                    sinceSpawn, cpu);
        std::fflush(stdout);
        if (thenSymbol.isEmpty()) QCoreApplication::quit();
        else if (w.session()->isSettled()) switchSymbol();
    });
    QObject::connect(w.session(), &Session::settled, &w, [&] {
        if (thenSymbol.isEmpty() || !done) return;
        if (!switched) {
            switchSymbol();
            return;
        }
        heatmap->renderNow();
        std::printf("then %s: settled in %.1f ms, peak RSS %.1f MB\n", qPrintable(thenSymbol), sinceSwitch.nsecsElapsed() / 1e6,
                    peakRssMb());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    w.resize(1600, 900);
    w.show();
    QTimer::singleShot(120000, &w, [] { QCoreApplication::exit(2); });
    const int rc = QCoreApplication::exec();
    return done ? 0 : rc ? rc : 2;
}

}  // namespace lhm::ui::GuiBench
