#pragma once
// Rank statistics for the validation figures: Spearman's rho with average ranks for ties (the
// models predict exactly zero in many hours, so ties are the rule), percentiles, capture shares.
#include <cstddef>
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

// The sorted order of a column with its tie groups, computed once so that the ranks of any weighted
// resample of it (a bootstrap sample holding item i w[i] times) take one linear pass, not a sort.
struct RankOrder {
    std::vector<std::size_t> order;     // item indices by ascending value
    std::vector<std::size_t> groupEnd;  // per position in `order`: one past the last position of its tie group
};
RankOrder rankOrder(const std::vector<double> &values);
// Average ranks within the weighted sample (equal to averageRanks of the expanded sample); 0 where w is 0.
void weightedRanks(const RankOrder &order, const std::vector<double> &w, std::vector<double> &ranks);
// Spearman's rho of the weighted sample from the two columns' orders; NaN when undefined.
double weightedSpearman(const RankOrder &x, const RankOrder &y, const std::vector<double> &w);

}  // namespace lhm
