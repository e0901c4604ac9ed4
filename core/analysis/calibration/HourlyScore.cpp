#include "analysis/calibration/HourlyScore.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

namespace lhm {

namespace {
constexpr qint64 kDayMs = 86'400'000;

std::vector<double> ranks(const std::vector<double> &x) {
    std::vector<size_t> idx(x.size());
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
    std::vector<double> r(x.size());
    for (size_t i = 0; i < idx.size();) {
        size_t j = i;
        while (j + 1 < idx.size() && x[idx[j + 1]] == x[idx[i]]) ++j;
        for (size_t k = i; k <= j; ++k) r[idx[k]] = (double(i) + double(j)) / 2.0;
        i = j + 1;
    }
    return r;
}

double pearson(const std::vector<double> &a, const std::vector<double> &b) {
    const double n = double(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

std::pair<double, double> rhos(const std::vector<const ScoredHour *> &s) {
    std::vector<double> p, b, r;
    p.reserve(s.size());
    b.reserve(s.size());
    r.reserve(s.size());
    for (const ScoredHour *h : s) {
        p.push_back(h->predicted);
        b.push_back(h->baseline);
        r.push_back(h->realised);
    }
    return {rankCorrelation(p, r), rankCorrelation(b, r)};
}
}  // namespace

double rankCorrelation(const std::vector<double> &a, const std::vector<double> &b) {
    if (a.size() != b.size() || a.size() < 2) return 0.0;
    return pearson(ranks(a), ranks(b));
}

std::vector<ScoredHour> hourSides(const ModelOutput &out, const ModelInputs &in, const std::vector<RealisedTotals> &realised,
                                qint64 from, qint64 to) {
    std::unordered_map<qint64, const RealisedTotals *> byTime;
    for (const RealisedTotals &r : realised) byTime.emplace(r.time, &r);  // a repeated hour keeps its first row
    // Consumed notional per candle and side: the levels the candle's range crossed.
    std::map<qint64, std::pair<double, double>> consumed;
    for (const PredictedLiquidation &p : out.grid.predicted)
        (p.side == Side::Long ? consumed[p.time].first : consumed[p.time].second) += p.notional;
    std::vector<ScoredHour> sides;
    for (size_t i = 1; i < in.candles.size(); ++i) {
        const Candle &c = in.candles[i];
        if (c.openTime < from || c.openTime >= to) continue;
        auto r = byTime.find(c.openTime);
        if (r == byTime.end()) continue;
        const double oiPrev = i - 1 < in.openInterestValue.size() ? in.openInterestValue[i - 1] : NAN;
        if (!std::isfinite(oiPrev) || !(c.open > 0)) continue;
        const auto it = consumed.find(c.openTime);
        const double pl = it == consumed.end() ? 0.0 : it->second.first;
        const double ps = it == consumed.end() ? 0.0 : it->second.second;
        sides.push_back({c.openTime, Side::Long, pl, (c.open - c.low) / c.open * oiPrev, r->second->longUsd});
        sides.push_back({c.openTime, Side::Short, ps, (c.high - c.open) / c.open * oiPrev, r->second->shortUsd});
    }
    return sides;
}

HourlyScore scoreHourly(const std::vector<ScoredHour> &sides, int draws, quint32 seed) {
    HourlyScore s;
    s.n = int(sides.size());
    std::vector<const ScoredHour *> all;
    std::map<qint64, std::vector<const ScoredHour *>> byDay;
    for (const ScoredHour &h : sides) {
        all.push_back(&h);
        byDay[h.time / kDayMs].push_back(&h);
        if (h.predicted == 0) ++s.zeroPredicted;
    }
    std::tie(s.spearman, s.baselineSpearman) = rhos(all);
    if (draws <= 0 || byDay.empty()) return s;
    std::vector<const std::vector<const ScoredHour *> *> days;
    for (const auto &[d, v] : byDay) days.push_back(&v);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, days.size() - 1);
    std::vector<double> diffs;
    diffs.reserve(size_t(draws));
    std::vector<const ScoredHour *> sample;
    for (int k = 0; k < draws; ++k) {
        sample.clear();
        for (size_t d = 0; d < days.size(); ++d) {
            const auto &v = *days[pick(rng)];
            sample.insert(sample.end(), v.begin(), v.end());
        }
        const auto [m, b] = rhos(sample);
        diffs.push_back(m - b);
    }
    std::sort(diffs.begin(), diffs.end());
    s.diffLo = diffs[size_t(std::floor(0.025 * (draws - 1)))];
    s.diffHi = diffs[size_t(std::ceil(0.975 * (draws - 1)))];
    return s;
}

}  // namespace lhm
