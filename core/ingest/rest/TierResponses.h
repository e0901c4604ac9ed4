#pragma once
// Parsers for the public tier endpoints of Bybit, OKX and Hyperliquid, each turning one documented
// response into validated LeverageTiers (the same rules as a tier file: tiers tile the size axis, MMR
// and deductions consistent). Errors say which response and which tier/field was wrong. Binance's
// brackets have their own parser (config/LeverageBrackets.h).
#include "common/Error.h"
#include "config/LeverageTiers.h"

#include <QByteArray>
#include <QString>

namespace lhm::rest {

// GET /v5/market/risk-limit?category=linear&symbol=S: {"retCode":0,"result":{"list":[{"id","symbol",
// "riskLimitValue","maintenanceMargin","initialMargin","maxLeverage","mmDeduction"}...],"nextPageCursor"}}.
// Tiers sorted by riskLimitValue; floor = the previous tier's riskLimitValue; an empty mmDeduction
// (Bybit sends "" on the lowest tier) is 0. `nextCursor` receives the page cursor ("" on the last page).
Result<std::vector<LeverageTier>> parseBybitRiskLimitPage(const QByteArray &json, const QString &symbol, QString *nextCursor);
Result<LeverageTiers> bybitTiers(const QString &symbol, std::vector<LeverageTier> tiers);

// GET /api/v5/public/position-tiers?instType=SWAP&tdMode=isolated&instFamily=BTC-USDT:
// {"code":"0","data":[{"tier","minSz","maxSz","mmr","imr","maxLever",...}]}; sizes in contracts,
// converted to base units with `contractValue`. No deduction; `feeRate` is the taker fee OKX adds.
Result<LeverageTiers> parseOkxPositionTiers(const QByteArray &json, const QString &symbol, double contractValue, double feeRate);

// POST /info {"type":"meta"}: {"universe":[{"name":"BTC","maxLeverage":40,...}...]}: the asset `coin`'s
// max leverage, one derived tier (mmr = 1/(2·max)).
Result<LeverageTiers> parseHyperliquidMeta(const QByteArray &json, const QString &symbol, const QString &coin);

// Writes tiers as a config/tiers YAML file (the loader reads it back unchanged); `source` lines become
// the header comment.
QByteArray tiersYaml(const LeverageTiers &t, const QString &source);

}  // namespace lhm::rest
