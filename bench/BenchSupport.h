#pragma once
// What every benchmark shares: percentiles, best-of-N timing, peak memory, and the Google
// Benchmark main() that needs a QCoreApplication (event loops, timers, sockets) around it.
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <time.h>
#include <vector>

namespace lhm::bench {

// The p-quantile (0..1) of the samples, nearest rank; -1 when there are none.
inline double percentile(std::vector<qint64> v, double p) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, size_t(double(v.size()) * p))]);
}

// Lowest wall time of `repeats` calls, in ms.
inline double bestMs(int repeats, const std::function<void()> &f) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

// CPU time this process has used so far, in ms. On a machine shared with other jobs wall time
// measures the queue for the cores as much as the work; CPU time measures the work.
inline double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// This process's peak resident set so far (Linux reports KiB).
inline long peakRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// This process's resident set now, in KiB.
inline long currentRssKb() {
    long pages = 0, resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * 4;
}

inline int benchmarkMain(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace lhm::bench

#define LHM_BENCHMARK_MAIN() \
    int main(int argc, char **argv) { return lhm::bench::benchmarkMain(argc, argv); }
