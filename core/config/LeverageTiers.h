#pragma once
// Leverage tiers (Binance "leverage brackets", Bybit "risk limits") of one symbol on one exchange,
// loaded from config/tiers/<exchange>/<SYMBOL>.yaml. The YAML mirrors /fapi/v1/leverageBracket so a
// later refresh from the API is a straight dump. Every rule the liquidation formula relies on is
// checked at load time, so the hot path (tierFor + the formula) never has to doubt the numbers.
#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <optional>
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

// How the tier bounds are measured. Binance and Bybit tier by position value (USD); OKX publishes
// its position tiers in contracts, kept in base units (contracts x contract value) so a tier file
// never depends on a price.
enum class TierSize { Notional, Base };

class LeverageTiers {
public:
    LeverageTiers() = default;

    // Reads and validates one YAML file. Errors name the file, the 1-based line and the field.
    static Result<LeverageTiers> loadFile(const QString &path);
    // configDir()/tiers/<exchange>/<SYMBOL>.yaml (exchange lower-cased, symbol upper-cased).
    static Result<LeverageTiers> load(const QString &exchange, const QString &symbol);
    // Parses YAML text; `fileName` is only used in error messages (tests, refresh from the API).
    // Reads the plain layout every shipped file has by hand (parsePlain) and anything else, and
    // every file that fails, with yaml-cpp (parseYaml), whose errors carry line numbers.
    static Result<LeverageTiers> parse(const QByteArray &yaml, const QString &fileName);
    // yaml-cpp's reading of any YAML. Parsing one file with it cost a 12h heatmap more than its
    // model run (issue 10), hence parsePlain.
    static Result<LeverageTiers> parseYaml(const QByteArray &yaml, const QString &fileName);
    // The same tiers parseYaml reads from a valid file of the plain layout (top-level `key: value`
    // lines, `brackets:` followed by `- key: value` items, whole-line comments); nullopt for any
    // other layout or any value parseYaml would refuse. Public for the test that holds the two
    // equal on every shipped file.
    static std::optional<LeverageTiers> parsePlain(const QByteArray &yaml, const QString &fileName);
    // Validates tiers built in code (tests, models with synthetic tiers). Errors name the field and bracket.
    static Result<LeverageTiers> fromTiers(const QString &exchange, const QString &symbol,
                                           std::vector<LeverageTier> tiers, TierSize unit = TierSize::Notional,
                                           bool hasDeduction = true, double liquidationFeeRate = 0);
    // Where load() looks for a symbol's file.
    static QString pathFor(const QString &exchange, const QString &symbol);

    const QString &exchange() const { return exchange_; }
    const QString &symbol() const { return symbol_; }
    const std::vector<LeverageTier> &tiers() const { return tiers_; }
    bool isEmpty() const { return tiers_.empty(); }
    TierSize sizeUnit() const { return sizeUnit_; }
    // False for exchanges that charge each tier's MMR on the whole position with no deduction (OKX):
    // every cum is then 0. True (Binance cum, Bybit mmDeduction) requires the cum recurrence.
    bool hasDeduction() const { return hasDeduction_; }
    // Fee rate the exchange adds to the maintenance rate in its liquidation test (OKX: taker fee); 0 elsewhere.
    double liquidationFeeRate() const { return feeRate_; }
    // Hyperliquid: the asset's max leverage the single tier was derived from (mmr = 1/(2·max)); 0 elsewhere.
    double assetMaxLeverage() const { return assetMaxLeverage_; }
    // Placeholder values shipped until the first `lhm tiers fetch` (the file says `placeholder: true`).
    bool isPlaceholder() const { return placeholder_; }

    // The tier of a position of `qty` base units at `price`: by notional qty·price, or by qty for
    // base-unit tiers. nullptr as tierFor.
    const LeverageTier *tierForPosition(double qty, double price) const {
        return sizeUnit_ == TierSize::Base ? tierFor(qty) : tierFor(qty * price);
    }
    // One tier from an asset's max leverage (Hyperliquid: maintenance margin = half the initial margin
    // at max leverage, no size tiers).
    static Result<LeverageTiers> fromMaxLeverage(const QString &exchange, const QString &symbol, double maxLeverage);

    // The tier holding a POSITION of this notional (|qty|·entry): floor <= notional < cap, so a
    // notional exactly on a boundary belongs to the upper tier. nullptr beyond the last cap or for
    // a negative / NaN notional. Binary search, no allocation.
    const LeverageTier *tierFor(double positionNotional) const;

private:
    QString exchange_;
    QString symbol_;
    std::vector<LeverageTier> tiers_;
    TierSize sizeUnit_ = TierSize::Notional;
    bool hasDeduction_ = true;
    double feeRate_ = 0;
    double assetMaxLeverage_ = 0;
    bool placeholder_ = false;
};

}  // namespace lhm
