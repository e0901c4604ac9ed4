#include "models/LeverageLadder.h"

#include "config/ExchangeRegistry.h"
#include "models/LiquidationPrice.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace lhm {

Result<LeverageLadder> LeverageLadder::make(const std::vector<std::pair<double, double>> &leverageWeights,
                                            const LeverageTiers &tiers, double positionNotional, double referencePrice) {
    if (leverageWeights.empty()) return Error(QStringLiteral("no leverage weights"), {}, 0, QStringLiteral("leverage-weights"));
    auto pairs = leverageWeights;
    std::sort(pairs.begin(), pairs.end());
    double total = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
        const auto [lev, w] = pairs[i];
        if (!(lev > 0) || !std::isfinite(lev) || !(w > 0) || !std::isfinite(w))
            return Error(QStringLiteral("leverage %1 weight %2: both must be positive").arg(lev).arg(w), {}, 0,
                         QStringLiteral("leverage-weights"));
        if (i > 0 && pairs[i - 1].first == lev)
            return Error(QStringLiteral("leverage %1 given twice").arg(lev), {}, 0, QStringLiteral("leverage-weights"));
        total += w;
    }
    if (!(positionNotional > 0) || !std::isfinite(positionNotional))
        return Error(QStringLiteral("position notional must be positive"), {}, 0, QStringLiteral("position-notional"));
    const bool base = tiers.sizeUnit() == TierSize::Base;
    if (base && !(referencePrice > 0))
        return Error(QStringLiteral("%1 tiers are sized in base units: a reference price is needed").arg(tiers.exchange()), {}, 0,
                     QStringLiteral("position-notional"));
    const LeverageTier *tier = base ? tiers.tierFor(positionNotional / referencePrice) : tiers.tierFor(positionNotional);
    if (!tier)
        return Error(QStringLiteral("no %1 %2 leverage tier holds a position of %3 USD")
                         .arg(tiers.exchange(), tiers.symbol()).arg(positionNotional, 0, 'f', 0),
                     {}, 0, QStringLiteral("position-notional"));
    LeverageLadder out;
    // Where the tiers allow every default leverage for the representative size (the descriptor's
    // leveragesWithinTierCap), a leverage above the cap is a user error. Other venues cap lower
    // (Hyperliquid BTC 40x): the weight of leverages the venue does not offer is folded onto its cap,
    // since those traders use the most it allows.
    const ExchangeDescriptor *venue = ExchangeRegistry::builtin(tiers.exchange());
    const bool fold = !(venue && venue->leveragesWithinTierCap);
    if (fold) {
        std::vector<std::pair<double, double>> folded;
        for (auto [lev, w] : pairs) {
            lev = std::min(lev, tier->maxLeverage);
            if (!folded.empty() && folded.back().first == lev) folded.back().second += w;
            else folded.emplace_back(lev, w);
        }
        pairs = std::move(folded);
    }
    for (const auto &[lev, w] : pairs) {
        if (lev > tier->maxLeverage)
            return Error(QStringLiteral("leverage %1x is above the %2x maximum of tier %3 (position %4 USD)")
                             .arg(lev).arg(tier->maxLeverage).arg(tier->bracket).arg(positionNotional, 0, 'f', 0),
                         {}, 0, QStringLiteral("leverage-weights"));
        out.leverages_.push_back(lev);
        out.weights_.push_back(w / total);
    }
    out.tier_ = *tier;
    out.notional_ = positionNotional;
    out.formula_ = liqFormulaFor(tiers.exchange());
    out.feeRate_ = tiers.liquidationFeeRate();
    return out;
}

double LeverageLadder::liquidationPrice(Side side, double entry, int index) const {
    return std::max(0.0, lhm::liquidationPrice(formula_, tier_, feeRate_, side, entry, leverages_[size_t(index)], notional_ / entry));
}

Result<std::vector<std::pair<double, double>>> parseLeverageWeights(const QString &text) {
    std::vector<std::pair<double, double>> out;
    const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList kv = item.trimmed().split(QLatin1Char(':'));
        bool okL = false, okW = false;
        const double lev = kv.size() == 2 ? kv[0].trimmed().toDouble(&okL) : 0;
        const double w = kv.size() == 2 ? kv[1].trimmed().toDouble(&okW) : 0;
        if (!okL || !okW || !(lev > 0) || !(w > 0) || !std::isfinite(lev) || !std::isfinite(w))
            return Error(QStringLiteral("'%1' is not leverage:weight with both positive (e.g. 10:30)").arg(item.trimmed()),
                         {}, 0, QStringLiteral("leverage-weights"));
        out.emplace_back(lev, w);
    }
    if (out.empty())
        return Error(QStringLiteral("empty list (e.g. 5:15,10:30,25:25,50:20,100:10)"), {}, 0,
                     QStringLiteral("leverage-weights"));
    return out;
}

}  // namespace lhm
