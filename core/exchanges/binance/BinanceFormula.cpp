// Binance USDⓈ-M isolated, one-way (models/LiquidationPrice.h has the formula and its checked form).
#include "models/LiquidationPrice.h"

#include <algorithm>
#include <cmath>

namespace lhm {

double binanceLiquidationPrice(const LeverageTier &tier, Side side, double entry, double leverage, double qty) {
    const double s = sideSign(side);
    const double q = std::fabs(qty);
    const double wallet = q * entry / leverage;  // isolated margin put up for the position
    const double lp = (wallet + tier.cum - s * q * entry) / (q * (tier.mmr - s));
    // A long at (almost) 1x cannot be liquidated by any positive price; 0 says so without a sign flip.
    return std::max(0.0, lp);
}

// The formula hook of config/ExchangeList.h (liquidationPrice dispatches on it).
double binanceLiquidationFormula(const LeverageTier &tier, double, Side side, double entry, double leverage, double qty) {
    return binanceLiquidationPrice(tier, side, entry, leverage, qty);
}

}  // namespace lhm
