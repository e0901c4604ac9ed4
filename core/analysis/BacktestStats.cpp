#include "analysis/BacktestStats.h"

#include <algorithm>
#include <cmath>

namespace lhm {

BacktestStats computeStats(const std::vector<double> &equity, double initial, const std::vector<BacktestTrade> &trades,
                           int barsInPosition, double barsPerYear) {
    BacktestStats s;
    if (equity.empty() || !(initial > 0)) return s;
    s.totalReturn = equity.back() / initial - 1.0;
    std::vector<double> r;
    r.reserve(equity.size());
    double prev = initial, peak = initial;
    for (double e : equity) {
        r.push_back(prev > 0 ? e / prev - 1.0 : 0.0);
        prev = e;
        peak = std::max(peak, e);
        if (peak > 0) s.maxDrawdown = std::max(s.maxDrawdown, (peak - e) / peak);
    }
    const double n = double(r.size());
    double mean = 0;
    for (double x : r) mean += x;
    mean /= n;
    double var = 0, down = 0;
    for (double x : r) {
        var += (x - mean) * (x - mean);
        if (x < 0) down += x * x;
    }
    if (r.size() > 1) {
        const double sd = std::sqrt(var / (n - 1));
        if (sd > 0) s.sharpe = mean / sd * std::sqrt(barsPerYear);
        const double dd = std::sqrt(down / n);  // downside deviation below 0
        if (dd > 0) s.sortino = mean / dd * std::sqrt(barsPerYear);
    }
    s.trades = int(trades.size());
    double gain = 0, loss = 0;
    int wins = 0;
    for (const BacktestTrade &t : trades) {
        if (t.pnl > 0) {
            gain += t.pnl;
            ++wins;
        } else {
            loss -= t.pnl;
        }
    }
    if (!trades.empty()) s.winRate = double(wins) / double(trades.size());
    if (loss > 0) s.profitFactor = gain / loss;
    s.exposure = double(barsInPosition) / n;
    return s;
}

}  // namespace lhm
