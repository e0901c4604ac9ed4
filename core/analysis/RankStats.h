#pragma once
// Rank statistics for the validation figures: Spearman's rho with average ranks for ties (the
// models predict exactly zero in many hours, so ties are the rule), percentiles, capture shares.
#include <vector>

namespace lhm {

// Average ranks (1-based); tied values share the mean of their positions.
std::vector<double> averageRanks(const std::vector<double> &values);
// Pearson correlation of the average ranks; NaN when fewer than 2 values or either side is constant.
double spearman(const std::vector<double> &x, const std::vector<double> &y);
// Linear-interpolated percentile of already sorted values, q in [0, 1]; NaN when empty.
double sortedPercentile(const std::vector<double> &sorted, double q);
// Share of sum(realised) held by the top ceil(n/10) entries ranked by `score` (ties kept in input order).
double topDecileCapture(const std::vector<double> &score, const std::vector<double> &realised);

}  // namespace lhm
