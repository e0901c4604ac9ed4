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

Result<LiqPriceResult> binanceLiquidationPrice(const LeverageTiers &tiers, Side side, double entry, double leverage,
                                               double qty) {
    auto bad = [](const char *field, const QString &msg) { return Error(msg, QString(), 0, QString::fromLatin1(field)); };
    if (!std::isfinite(entry) || entry <= 0) return bad("entry", QStringLiteral("entry price must be a positive number, got %1").arg(entry));
    if (!std::isfinite(leverage) || leverage < 1)
        return bad("leverage", QStringLiteral("leverage must be a number >= 1, got %1").arg(leverage));
    // The side gives the direction; a signed quantity would be a second, conflicting way to say it.
    if (!std::isfinite(qty) || qty <= 0) return bad("qty", QStringLiteral("quantity must be a positive number, got %1").arg(qty));
    if (tiers.isEmpty()) return bad("tiers", QStringLiteral("no leverage tiers loaded"));

    // The tier follows the size of THIS position, never the market's total open interest.
    const double notional = std::fabs(qty) * entry;
    const LeverageTier *tier = tiers.tierFor(notional);
    if (!tier)
        return bad("qty", QStringLiteral("position notional %1 USD is beyond the last %2 %3 bracket cap %4")
                              .arg(notional, 0, 'f', 2).arg(tiers.exchange(), tiers.symbol())
                              .arg(tiers.tiers().back().cap, 0, 'f', 0));
    if (leverage > tier->maxLeverage)
        return bad("leverage", QStringLiteral("leverage %1x is above the %2x maximum of bracket %3 (notional %4 USD in [%5, %6))")
                                   .arg(leverage).arg(tier->maxLeverage).arg(tier->bracket)
                                   .arg(notional, 0, 'f', 2).arg(tier->floor, 0, 'f', 0).arg(tier->cap, 0, 'f', 0));
    LiqPriceResult r;
    r.liqPrice = binanceLiquidationPrice(*tier, side, entry, leverage, qty);
    r.tier = tier->bracket;
    r.mmr = tier->mmr;
    r.cum = tier->cum;
    r.maxLeverage = tier->maxLeverage;
    return r;
}

double bybitLiquidationPrice(Side side, double entry, double leverage, double mmr) {
    return side == Side::Long ? entry * (1 - 1 / leverage + mmr) : entry * (1 + 1 / leverage - mmr);
}

}  // namespace lhm
