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

}  // namespace lhm
