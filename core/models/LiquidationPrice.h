#pragma once
// Tier-exact liquidation prices for isolated, one-way positions. See docs/liquidation-price.md for
// the derivation, the tier rule and why the fixed-0.4 % shortcut of the old project is wrong.
#include "common/Error.h"
#include "common/Types.h"
#include "config/LeverageTiers.h"

namespace lhm {

struct LiqPriceResult {
    double liqPrice = 0;
    int tier = 0;            // bracket number of the tier used
    double mmr = 0;
    double cum = 0;
    double maxLeverage = 0;  // of that tier
};

// Binance USDⓈ-M isolated, one-way:
//   LP = (WB + cum − side·|Q|·EP) / (|Q|·(MMR − side)),  WB = |Q|·EP/L,  side +1 long / −1 short,
// with the tier chosen by the POSITION notional |Q|·EP (floor <= notional < cap). Refuses non-positive
// or non-finite entry/leverage/qty, a notional beyond the last cap, and a leverage above the tier's max.
// `qty` is the position size in base units, positive (the side gives the direction).
Result<LiqPriceResult> binanceLiquidationPrice(const LeverageTiers &tiers, Side side, double entry,
                                               double leverage, double qty);

// The same formula for a tier the caller already picked: the hot path for the models (no allocation,
// no checks). Inputs must be positive and finite. Returns 0 when no positive price liquidates the
// position (a long at 1x); the checked overload returns the same value.
double binanceLiquidationPrice(const LeverageTier &tier, Side side, double entry, double leverage, double qty);

// Bybit USDT perpetual isolated: long LP = EP·(1 − 1/L + MMR), short LP = EP·(1 + 1/L − MMR).
// (Check: long 1 BTC at 20,000, 50x, MMR 0.5 % → 19,700.) Size does not enter; the tier only
// supplies MMR. No checks: validate inputs before calling.
double bybitLiquidationPrice(Side side, double entry, double leverage, double mmr);

}  // namespace lhm
