#pragma once
// Statistics of one equity curve and its trades (docs/backtesting.md gives each definition).
#include "common/Types.h"

#include <QString>
#include <optional>
#include <vector>

namespace lhm {

struct BacktestTrade {
    Side side = Side::Long;
    qint64 entryTime = 0, exitTime = 0;
    double entryPrice = 0, exitPrice = 0;  // fills, slippage included
    double qty = 0;                        // base units
    double pnl = 0;                        // USD after fees
    double fees = 0;                       // USD, both fills
    QString exitReason;                    // exit | stop | take_profit | end
};

struct BacktestStats {
    double totalReturn = 0;    // final equity / initial - 1
    std::optional<double> sharpe, sortino;  // annualised from per-bar returns; empty when undefined
    double maxDrawdown = 0;    // largest peak-to-trough fall, as a positive fraction
    std::optional<double> winRate;       // winning trades / trades; empty without trades
    std::optional<double> profitFactor;  // gross profit / gross loss; empty without losses
    double exposure = 0;       // share of bars holding a position
    int trades = 0;
};

// equity: one value per bar close (after the bar); barsPerYear annualises (8,760 for 1h).
BacktestStats computeStats(const std::vector<double> &equity, double initial, const std::vector<BacktestTrade> &trades,
                           int barsInPosition, double barsPerYear);

}  // namespace lhm
