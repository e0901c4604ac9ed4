#pragma once
// `liquidationheatmap --bench`: replot times of the heatmap view for a 1-year 8,760 x 2,000 grid
// with and without the level-of-detail reduction, and the switch time from the cache. Prints the
// figures; never asserts on time. LHM_BENCH_SHORT=1 runs fewer repetitions. With a database that
// holds BTCUSDT history, also the switch time through the real engine and its cache.
#include <QString>

namespace lhm::ui::GuiBench {
int run(const QString &dbPath = {});
// `liquidationheatmap --bench-start --db PATH [--window W]`: the main window as a trader starts it
// (its own temporary settings, the given symbol and window), until the heatmap view first draws a
// grid; prints "first heatmap: <ms since main()> ms, CPU <ms> ms" and quits. The caller times the
// whole process from its own start (bench/bench_history).
int runStart(const QString &dbPath, const QString &symbol, const QString &window);
}
