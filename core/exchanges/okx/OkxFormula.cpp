// OKX USDT-margined swap isolated (models/LiquidationPrice.h has the formula); the fee term comes
// from the tier file's liquidationFeeRate.
#include "models/LiquidationPrice.h"

namespace lhm {

double okxLiquidationPrice(Side side, double entry, double leverage, double mmr, double feeRate) {
    const double s = sideSign(side);
    // Per unit of size: margin EP/L; (EP/L + s·(P − EP)) = P·(MMR + fee) solved for P.
    return entry * (1 - s / leverage) / (1 - s * (mmr + feeRate));
}

// The formula hook of config/ExchangeList.h (liquidationPrice dispatches on it).
double okxLiquidationFormula(const LeverageTier &tier, double feeRate, Side side, double entry, double leverage, double) {
    return okxLiquidationPrice(side, entry, leverage, tier.mmr, feeRate);
}

}  // namespace lhm
