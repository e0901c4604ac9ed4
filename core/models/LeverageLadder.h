#pragma once
// The leverages inferred positions are spread across, their normalised weights, and the tier that
// prices them. Every inferred position is assumed to have the representative notional
// (ModelParams::positionNotional), so ONE tier prices all of them: the tier is chosen by the
// position's size, never by the total open interest.
#include "common/Error.h"
#include "common/Types.h"
#include "config/LeverageTiers.h"
#include "models/LiquidationPrice.h"

#include <utility>
#include <vector>

namespace lhm {

class LeverageLadder {
public:
    // Validates: at least one pair, leverages and weights positive and finite, no duplicate leverage,
    // a tier exists for the notional, and no leverage above that tier's maximum.
    static Result<LeverageLadder> make(const std::vector<std::pair<double, double>> &leverageWeights,
                                       const LeverageTiers &tiers, double positionNotional, double referencePrice = 0);

    const std::vector<double> &leverages() const { return leverages_; }  // ascending
    const std::vector<double> &weights() const { return weights_; }      // sum to 1
    int size() const { return int(leverages_.size()); }
    const LeverageTier &tier() const { return tier_; }

    // Liquidation price of a position of the representative notional opened at `entry`, by the
    // exchange's own formula. `referencePrice` (make) converts the notional into base units for
    // tiers measured in base units (OKX).
    double liquidationPrice(Side side, double entry, int index) const;

private:
    std::vector<double> leverages_, weights_;
    LeverageTier tier_;
    double notional_ = 0;
    LiqFormula formula_ = LiqFormula::Binance;
    double feeRate_ = 0;
};

// Parses "5:15,10:30,25:25" (leverage:weight, commas). Weights are not normalised here.
Result<std::vector<std::pair<double, double>>> parseLeverageWeights(const QString &text);

}  // namespace lhm
