#include "analysis/HourlyValidation.h"

#include "analysis/RankStats.h"
#include "common/Timeframe.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace lhm {

namespace {

constexpr qint64 kDayMs = 86'400'000;

struct Columns {
    std::vector<double> predicted, baseline, realised;
    void add(const HourSide &h) {
        predicted.push_back(h.predicted);
        baseline.push_back(h.baseline);
        realised.push_back(h.realised);
    }
    double diff() const { return spearman(predicted, realised) - spearman(baseline, realised); }
};

// filter: 0 = both sides pooled, 1 = long, 2 = short
bool keep(const HourSide &h, int filter) {
    return filter == 0 || (filter == 1) == (h.side == Side::Long);
}

}  // namespace

void evaluateHourly(const std::vector<HourSide> &records, int bootstrap, quint64 seed, ValidationResult &out) {
    out.method = QStringLiteral("hourly");
    Columns all[3];
    std::map<qint64, std::vector<size_t>> byDay;  // day blocks keep the hours of one day together
    for (size_t i = 0; i < records.size(); ++i) {
        for (int f = 0; f < 3; ++f)
            if (keep(records[i], f)) all[f].add(records[i]);
        byDay[floorTo(records[i].hour, kDayMs)].push_back(i);
    }
    out.n = qint64(all[0].predicted.size());
    if (out.n < 3) return;
    std::vector<const std::vector<size_t> *> days;
    for (const auto &[day, idx] : byDay) days.push_back(&idx);

    // The same resampled days serve the pooled and both per-side intervals.
    std::vector<double> diffs[3];
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, days.size() - 1);
    for (int b = 0; b < bootstrap; ++b) {
        Columns sample[3];
        for (size_t d = 0; d < days.size(); ++d)
            for (size_t i : *days[pick(rng)])
                for (int f = 0; f < 3; ++f)
                    if (keep(records[i], f)) sample[f].add(records[i]);
        for (int f = 0; f < 3; ++f) {
            const double v = sample[f].diff();
            if (std::isfinite(v)) diffs[f].push_back(v);
        }
    }
    auto interval = [&](int f) {
        std::sort(diffs[f].begin(), diffs[f].end());
        return std::make_pair(sortedPercentile(diffs[f], 0.025), sortedPercentile(diffs[f], 0.975));
    };
    out.spearman = spearman(all[0].predicted, all[0].realised);
    out.baselineSpearman = spearman(all[0].baseline, all[0].realised);
    if (!diffs[0].empty()) out.diffCi95 = interval(0);
    for (int f = 1; f <= 2; ++f) {
        SideFigures s;
        s.n = qint64(all[f].predicted.size());
        s.spearman = spearman(all[f].predicted, all[f].realised);
        s.baselineSpearman = spearman(all[f].baseline, all[f].realised);
        if (!diffs[f].empty()) s.diffCi95 = interval(f);
        (f == 1 ? out.longSide : out.shortSide) = s;
    }
    out.topDecileCapture = topDecileCapture(all[0].predicted, all[0].realised);
    out.baselineTopDecileCapture = topDecileCapture(all[0].baseline, all[0].realised);
    out.zeroShare = double(std::count(all[0].predicted.begin(), all[0].predicted.end(), 0.0)) / double(out.n);
}

}  // namespace lhm
