#include "models/LiquidationPrice.h"

#include <algorithm>
#include <cmath>

namespace lhm {

Result<LiqPriceResult> binanceLiquidationPrice(const LeverageTiers &tiers, Side side, double entry, double leverage,
                                               double qty) {
    return liquidationPrice(tiers, side, entry, leverage, qty);
}

Result<LiqPriceResult> liquidationPrice(const LeverageTiers &tiers, Side side, double entry, double leverage, double qty) {
    auto bad = [](const char *field, const QString &msg) { return Error(msg, QString(), 0, QString::fromLatin1(field)); };
    if (!std::isfinite(entry) || entry <= 0) return bad("entry", QStringLiteral("entry price must be a positive number, got %1").arg(entry));
    if (!std::isfinite(leverage) || leverage < 1)
        return bad("leverage", QStringLiteral("leverage must be a number >= 1, got %1").arg(leverage));
    // The side gives the direction; a signed quantity would be a second, conflicting way to say it.
    if (!std::isfinite(qty) || qty <= 0) return bad("qty", QStringLiteral("quantity must be a positive number, got %1").arg(qty));
    if (tiers.isEmpty()) return bad("tiers", QStringLiteral("no leverage tiers loaded"));

    // The tier follows the size of THIS position, never the market's total open interest.
    const double notional = std::fabs(qty) * entry;
    const bool base = tiers.sizeUnit() == TierSize::Base;
    const LeverageTier *tier = tiers.tierForPosition(std::fabs(qty), entry);
    if (!tier)
        return bad("qty", QStringLiteral("position %1 %2 is beyond the last %3 %4 bracket cap %5")
                              .arg(base ? std::fabs(qty) : notional, 0, 'f', base ? 6 : 2)
                              .arg(base ? QStringLiteral("base units") : QStringLiteral("USD"), tiers.exchange(), tiers.symbol())
                              .arg(tiers.tiers().back().cap, 0, 'f', 0));
    if (leverage > tier->maxLeverage)
        return bad("leverage", QStringLiteral("leverage %1x is above the %2x maximum of bracket %3 (notional %4 USD in [%5, %6))")
                                   .arg(leverage).arg(tier->maxLeverage).arg(tier->bracket)
                                   .arg(notional, 0, 'f', 2).arg(tier->floor, 0, 'f', 0).arg(tier->cap, 0, 'f', 0));
    LiqPriceResult r;
    r.liqPrice = std::max(0.0, liquidationPrice(liqFormulaFor(tiers.exchange()), *tier, tiers.liquidationFeeRate(), side,
                                                entry, leverage, qty));
    r.tier = tier->bracket;
    r.mmr = tier->mmr;
    r.cum = tier->cum;
    r.maxLeverage = tier->maxLeverage;
    return r;
}

LiqFormula liqFormulaFor(const QString &exchange) {
    for (int i = 0; i < kExchangeIdCount; ++i)
        if (exchange == QLatin1String(kExchangeIds[i])) return LiqFormula(i);
    return LiqFormula::Binance;
}

double liquidationPrice(LiqFormula f, const LeverageTier &tier, double feeRate, Side side, double entry, double leverage,
                        double qty) {
    using Formula = double (*)(const LeverageTier &, double, Side, double, double, double);
    static constexpr Formula formulas[kExchangeIdCount] = {
#define LHM_EXCHANGE_FORMULA(E, id) &id##LiquidationFormula,
        LHM_EXCHANGES(LHM_EXCHANGE_FORMULA)
#undef LHM_EXCHANGE_FORMULA
    };
    return formulas[int(f)](tier, feeRate, side, entry, leverage, qty);
}

}  // namespace lhm
