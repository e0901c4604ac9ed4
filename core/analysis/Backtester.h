#pragma once
// Rules over per-bar research variables, no look-ahead: the entry/exit expressions are evaluated at
// each bar's close on that bar's variables; fills happen at the NEXT bar's open, moved against the
// trader by the slippage; fees are charged on both fills. Stops and take-profits are checked on the
// following bars' ranges (a bar touching both counts the stop: the conservative reading). One
// position at a time of `sizeUsd` notional; equity starts at `sizeUsd` (returns are on the position
// size, unlevered).
#include "analysis/BacktestStats.h"
#include "analysis/BarFeatures.h"
#include "analysis/RuleExpression.h"
#include "analysis/SignalRules.h"

#include <memory>
#include <vector>

namespace lhm {

enum class TradeSide { Long, Short, Both };  // Both: entry > 0 opens a long, entry < 0 a short

struct BacktestParams {
    TradeSide side = TradeSide::Long;
    double feeBps = 4;       // per fill
    double slippageBps = 2;  // per fill, against the trader
    double stopPct = 0;      // 0 = off
    double takeProfitPct = 0;
    double sizeUsd = 10'000;
    qint64 barMs = 3'600'000;
    SignalParams signal;     // for the `signal` variable
};

struct BacktestRun {
    std::vector<BacktestTrade> trades;
    std::vector<std::pair<qint64, double>> equity;  // (bar close time, equity)
    BacktestStats stats;
};

// `entry`/`exit` are compiled RuleExpressions (not shared between threads).
BacktestRun runBacktest(const std::vector<BarFeature> &bars, RuleExpression &entry, RuleExpression &exit,
                        const BacktestParams &params);
// Buy at the first bar's open, sell at the last bar's close, same size and costs.
BacktestRun buyAndHold(const std::vector<BarFeature> &bars, const BacktestParams &params);

}  // namespace lhm
