#pragma once
// `liquidationheatmap --bench`: replot times of the heatmap view for a 1-year 8,760 x 2,000 grid
// with and without the level-of-detail reduction, and the switch time from the cache. Prints the
// figures; never asserts on time. LHM_BENCH_SHORT=1 runs fewer repetitions. With a database that
// holds BTCUSDT history, also the switch time through the real engine and its cache.
#include <QString>

namespace lhm::ui::GuiBench {
int run(const QString &dbPath = {});
}
