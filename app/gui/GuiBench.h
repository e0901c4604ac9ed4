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
// grid; prints "first heatmap: <ms> ms since main, <ms> ms since spawn, CPU <ms> ms" and quits. The
// time since spawn needs LHM_BENCH_SPAWNED_NS (CLOCK_MONOTONIC ns when the caller spawned it), else -1.
// With `thenSymbol` (--bench-then-symbol ETHUSDT) it goes on: once every view of the first symbol
// has its answer, it switches the selection to `thenSymbol`, waits for all of its answers too and
// prints "then <symbol>: settled in <ms> ms, peak RSS <MB> MB" (peak over the process's life).
int runStart(const QString &dbPath, const QString &symbol, const QString &window, const QString &thenSymbol = {});
}
