#include "analysis/RankStats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace lhm {

std::vector<double> averageRanks(const std::vector<double> &v) {
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> ranks(v.size());
    for (size_t i = 0; i < idx.size();) {
        size_t j = i + 1;
        while (j < idx.size() && v[idx[j]] == v[idx[i]]) ++j;
        const double rank = (double(i + 1) + double(j)) / 2.0;  // mean of positions i+1 .. j
        for (size_t k = i; k < j; ++k) ranks[idx[k]] = rank;
        i = j;
    }
    return ranks;
}

double spearman(const std::vector<double> &x, const std::vector<double> &y) {
    const size_t n = std::min(x.size(), y.size());
    if (n < 2) return std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> rx = averageRanks(x), ry = averageRanks(y);
    const double mean = (double(n) + 1.0) / 2.0;  // mean of average ranks is always (n+1)/2
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; ++i) {
        const double dx = rx[i] - mean, dy = ry[i] - mean;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (!(sxx > 0) || !(syy > 0)) return std::numeric_limits<double>::quiet_NaN();
    return sxy / std::sqrt(sxx * syy);
}

double sortedPercentile(const std::vector<double> &s, double q) {
    if (s.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double pos = std::clamp(q, 0.0, 1.0) * double(s.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, s.size() - 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - double(lo));
}

double topDecileCapture(const std::vector<double> &score, const std::vector<double> &realised) {
    const size_t n = std::min(score.size(), realised.size());
    const double total = std::accumulate(realised.begin(), realised.begin() + std::ptrdiff_t(n), 0.0);
    if (n == 0 || !(total > 0)) return std::numeric_limits<double>::quiet_NaN();
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    const size_t top = (n + 9) / 10;
    double held = 0;
    for (size_t i = 0; i < top; ++i) held += realised[idx[i]];
    return held / total;
}

RankOrder rankOrder(const std::vector<double> &v) {
    RankOrder o;
    o.order.resize(v.size());
    std::iota(o.order.begin(), o.order.end(), size_t(0));
    std::stable_sort(o.order.begin(), o.order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    o.groupEnd.resize(v.size());
    for (size_t i = 0; i < o.order.size();) {
        size_t j = i + 1;
        while (j < o.order.size() && v[o.order[j]] == v[o.order[i]]) ++j;
        for (size_t k = i; k < j; ++k) o.groupEnd[k] = j;
        i = j;
    }
    return o;
}

void weightedRanks(const RankOrder &o, const std::vector<double> &w, std::vector<double> &ranks) {
    ranks.assign(w.size(), 0.0);
    double before = 0;
    for (size_t i = 0; i < o.order.size();) {
        const size_t end = o.groupEnd[i];
        double g = 0;
        for (size_t k = i; k < end; ++k) g += w[o.order[k]];
        // The group occupies positions before+1 .. before+g of the expanded sample: their mean.
        const double rank = before + (g + 1.0) / 2.0;
        for (size_t k = i; k < end; ++k) ranks[o.order[k]] = w[o.order[k]] > 0 ? rank : 0.0;
        before += g;
        i = end;
    }
}

double weightedSpearman(const RankOrder &x, const RankOrder &y, const std::vector<double> &w) {
    thread_local std::vector<double> rx, ry;
    weightedRanks(x, w, rx);
    weightedRanks(y, w, ry);
    double n = 0;
    for (double v : w) n += v;
    if (n < 2) return std::numeric_limits<double>::quiet_NaN();
    const double mean = (n + 1.0) / 2.0;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < w.size(); ++i) {
        if (w[i] == 0) continue;
        const double dx = rx[i] - mean, dy = ry[i] - mean;
        sxy += w[i] * dx * dy;
        sxx += w[i] * dx * dx;
        syy += w[i] * dy * dy;
    }
    if (!(sxx > 0) || !(syy > 0)) return std::numeric_limits<double>::quiet_NaN();
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace lhm
