#pragma once
// Tier-exact liquidation prices for isolated, one-way positions. See docs/liquidation-price.md for
// the derivation, the tier rule and why the fixed-0.4 % shortcut of the old project is wrong.
#include "common/Error.h"
#include "common/Types.h"
#include "config/ExchangeList.h"
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

// Bybit USDT perpetual isolated (help centre "Liquidation Price (USDT Contract)"):
//   LP = EP − side·(IM − MM)/|Q|,  IM = |Q|·EP/L,  MM = |Q|·EP·MMR − MMD
// i.e. long EP·(1 − 1/L + MMR) − MMD/|Q|, short EP·(1 + 1/L − MMR) + MMD/|Q|; MMD is the tier's
// maintenance-margin deduction (LeverageTier::cum). Check: long 1 BTC @ 20,000, 50x, MMR 0.5 %, MMD 0
// → 19,700. No checks: validate inputs before calling.
double bybitLiquidationPrice(Side side, double entry, double leverage, double mmr, double mmd = 0, double qty = 1);

// OKX USDT-margined swap, isolated: liquidated when (margin + PnL) / (|Q|·P·(MMR + fee)) falls to 1,
// margin = |Q|·EP/L, so long LP = (N − M)/(|Q|·(1 − MMR − fee)), short LP = (N + M)/(|Q|·(1 + MMR + fee))
// with N = |Q|·EP. OKX's tiers carry no deduction. No checks.
double okxLiquidationPrice(Side side, double entry, double leverage, double mmr, double feeRate);

// Hyperliquid (docs "Liquidations"): liq_price = price − side·margin_available/position_size/(1 − l·side)
// with l = the maintenance margin rate 1/(2·maxLeverage) and, for an isolated position,
// margin_available = isolated margin − maintenance margin = |Q|·EP/L − l·|Q|·EP. No checks.
double hyperliquidLiquidationPrice(Side side, double entry, double leverage, double mmr);

// Whose formula a tier file is priced with (by its exchange; Binance's for an exchange not in
// config/ExchangeList.h).
using LiqFormula = ExchangeId;
LiqFormula liqFormulaFor(const QString &exchange);

// The formula hooks of config/ExchangeList.h, one signature, each in core/exchanges/<id>/<Enum>Formula.cpp.
#define LHM_EXCHANGE_FORMULA(E, id) \
    double id##LiquidationFormula(const LeverageTier &tier, double feeRate, Side side, double entry, double leverage, double qty);
LHM_EXCHANGES(LHM_EXCHANGE_FORMULA)
#undef LHM_EXCHANGE_FORMULA

// The hot path for any exchange: the tier already picked, inputs positive and finite.
double liquidationPrice(LiqFormula f, const LeverageTier &tier, double feeRate, Side side, double entry, double leverage,
                        double qty);

// Checked, any exchange: the tier by the position (notional, or base units for OKX), its leverage cap,
// the exchange's own formula. Same refusals as binanceLiquidationPrice.
Result<LiqPriceResult> liquidationPrice(const LeverageTiers &tiers, Side side, double entry, double leverage, double qty);

}  // namespace lhm
