// Bybit USDT perpetual isolated (models/LiquidationPrice.h has the formula).
#include "models/LiquidationPrice.h"

#include <cmath>

namespace lhm {

double bybitLiquidationPrice(Side side, double entry, double leverage, double mmr, double mmd, double qty) {
    // Bybit charges the maintenance margin on the value at ENTRY (Binance: at the liquidation price).
    const double q = std::fabs(qty);
    const double im = q * entry / leverage, mm = q * entry * mmr - mmd;
    return entry - sideSign(side) * (im - mm) / q;
}

// The formula hook of config/ExchangeList.h (liquidationPrice dispatches on it).
double bybitLiquidationFormula(const LeverageTier &tier, double, Side side, double entry, double leverage, double qty) {
    return bybitLiquidationPrice(side, entry, leverage, tier.mmr, tier.cum, qty);
}

}  // namespace lhm
