// Hyperliquid isolated (models/LiquidationPrice.h has the formula); the one derived tier's mmr is
// 1/(2·maxLeverage).
#include "models/LiquidationPrice.h"

namespace lhm {

double hyperliquidLiquidationPrice(Side side, double entry, double leverage, double mmr) {
    const double s = sideSign(side);
    const double marginAvailable = entry / leverage - mmr * entry;  // per unit of position size
    return entry - s * marginAvailable / (1 - mmr * s);
}

// The formula hook of config/ExchangeList.h (liquidationPrice dispatches on it).
double hyperliquidLiquidationFormula(const LeverageTier &tier, double, Side side, double entry, double leverage, double) {
    return hyperliquidLiquidationPrice(side, entry, leverage, tier.mmr);
}

}  // namespace lhm
