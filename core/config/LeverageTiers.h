#pragma once
// Leverage tiers (Binance "leverage brackets", Bybit "risk limits") of one symbol on one exchange,
// loaded from config/tiers/<exchange>/<SYMBOL>.yaml. The YAML mirrors /fapi/v1/leverageBracket so a
// later refresh from the API is a straight dump. Every rule the liquidation formula relies on is
// checked at load time, so the hot path (tierFor + the formula) never has to doubt the numbers.
#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace lhm {

struct LeverageTier {
    int bracket = 0;           // 1-based, as the exchange numbers it
    double floor = 0;          // notionalFloor, USD: the tier applies from here (inclusive) ...
    double cap = 0;            // notionalCap, USD: ... up to here (exclusive)
    double mmr = 0;            // maintMarginRatio, fraction (0.004 = 0.4 %)
    double cum = 0;            // maintenance amount, USD: cum[i] = cum[i-1] + floor[i]·(mmr[i] − mmr[i-1])
    double maxLeverage = 0;    // initialLeverage: the highest leverage allowed in this tier
};

class LeverageTiers {
public:
    LeverageTiers() = default;

    // Reads and validates one YAML file. Errors name the file, the 1-based line and the field.
    static Result<LeverageTiers> loadFile(const QString &path);
    // configDir()/tiers/<exchange>/<SYMBOL>.yaml (exchange lower-cased, symbol upper-cased).
    static Result<LeverageTiers> load(const QString &exchange, const QString &symbol);
    // Parses YAML text; `fileName` is only used in error messages (tests, refresh from the API).
    static Result<LeverageTiers> parse(const QByteArray &yaml, const QString &fileName);
    // Validates tiers built in code (tests, models with synthetic tiers). Errors name the field and bracket.
    static Result<LeverageTiers> fromTiers(const QString &exchange, const QString &symbol,
                                           std::vector<LeverageTier> tiers);
    // Where load() looks for a symbol's file.
    static QString pathFor(const QString &exchange, const QString &symbol);

    const QString &exchange() const { return exchange_; }
    const QString &symbol() const { return symbol_; }
    const std::vector<LeverageTier> &tiers() const { return tiers_; }
    bool isEmpty() const { return tiers_.empty(); }

    // The tier holding a POSITION of this notional (|qty|·entry): floor <= notional < cap, so a
    // notional exactly on a boundary belongs to the upper tier. nullptr beyond the last cap or for
    // a negative / NaN notional. Binary search, no allocation.
    const LeverageTier *tierFor(double positionNotional) const;

private:
    QString exchange_;
    QString symbol_;
    std::vector<LeverageTier> tiers_;
};

}  // namespace lhm
