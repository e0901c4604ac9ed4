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

// One of the three views: both sides pooled, longs only, shorts only.
struct View {
    std::vector<size_t> items;  // indices into the records
    std::vector<double> predicted, baseline, realised;
    RankOrder p, b, r;
    std::vector<double> diffs;  // bootstrap: rho(model) - rho(baseline)

    void prepare() {
        p = rankOrder(predicted);
        b = rankOrder(baseline);
        r = rankOrder(realised);
    }
};

bool inView(const HourSide &h, int view) { return view == 0 || (view == 1) == (h.side == Side::Long); }

}  // namespace

void evaluateHourly(const std::vector<HourSide> &records, int bootstrap, quint64 seed, ValidationResult &out) {
    out.method = QStringLiteral("hourly");
    View views[3];
    std::map<qint64, std::vector<size_t>> byDay;  // day blocks keep the hours of one day together
    for (size_t i = 0; i < records.size(); ++i) {
        for (int v = 0; v < 3; ++v)
            if (inView(records[i], v)) {
                views[v].items.push_back(i);
                views[v].predicted.push_back(records[i].predicted);
                views[v].baseline.push_back(records[i].baseline);
                views[v].realised.push_back(records[i].realised);
            }
        byDay[floorTo(records[i].hour, kDayMs)].push_back(i);
    }
    out.n = qint64(views[0].items.size());
    if (out.n < 3) return;
    for (View &v : views) v.prepare();
    std::vector<const std::vector<size_t> *> days;
    for (const auto &[day, idx] : byDay) days.push_back(&idx);

    // Each resample draws whole days with replacement; a record's weight is how often its day was
    // drawn. The same draw serves the pooled and both per-side intervals.
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, days.size() - 1);
    std::vector<double> count(records.size()), w;
    for (int s = 0; s < bootstrap; ++s) {
        std::fill(count.begin(), count.end(), 0.0);
        for (size_t d = 0; d < days.size(); ++d)
            for (size_t i : *days[pick(rng)]) count[i] += 1;
        for (View &v : views) {
            w.resize(v.items.size());
            for (size_t j = 0; j < v.items.size(); ++j) w[j] = count[v.items[j]];
            const double diff = weightedSpearman(v.p, v.r, w) - weightedSpearman(v.b, v.r, w);
            if (std::isfinite(diff)) v.diffs.push_back(diff);
        }
    }
    auto interval = [](View &v) {
        std::sort(v.diffs.begin(), v.diffs.end());
        return std::make_pair(sortedPercentile(v.diffs, 0.025), sortedPercentile(v.diffs, 0.975));
    };
    out.spearman = spearman(views[0].predicted, views[0].realised);
    out.baselineSpearman = spearman(views[0].baseline, views[0].realised);
    if (!views[0].diffs.empty()) out.diffCi95 = interval(views[0]);
    for (int v = 1; v <= 2; ++v) {
        SideFigures s;
        s.n = qint64(views[v].items.size());
        s.spearman = spearman(views[v].predicted, views[v].realised);
        s.baselineSpearman = spearman(views[v].baseline, views[v].realised);
        if (!views[v].diffs.empty()) s.diffCi95 = interval(views[v]);
        (v == 1 ? out.longSide : out.shortSide) = s;
    }
    out.topDecileCapture = topDecileCapture(views[0].predicted, views[0].realised);
    out.baselineTopDecileCapture = topDecileCapture(views[0].baseline, views[0].realised);
    out.zeroShare = double(std::count(views[0].predicted.begin(), views[0].predicted.end(), 0.0)) / double(out.n);
}

}  // namespace lhm
