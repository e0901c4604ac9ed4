#pragma once
// Binance USDⓈ-M leverage brackets in bulk: the /fapi/v1/leverageBracket response (an array of
// {"symbol", "brackets": [...]}) or a ccxt fetch_leverage_tiers() dump (an object keyed by unified
// symbol, "BTC/USDT:USDT", whose tiers keep the raw bracket under "info"), numbers given as JSON
// numbers or numeric strings. Each symbol goes through the same checks as a hand-written YAML file,
// and is written back as config/tiers/binance/<SYMBOL>.yaml (`lhm tiers generate` / `lhm tiers refresh`).
#include "common/Error.h"
#include "config/LeverageTiers.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace lhm {

struct BracketParse {
    std::vector<LeverageTiers> symbols;             // valid ones, sorted by symbol
    std::vector<std::pair<QString, QString>> skipped;  // (symbol or key, why): not USDⓈ-M, or failed a check
};

// `what` names the input in errors ("leverageBracket response", a file name). Errors only for a
// document that is neither shape; individual symbols that fail a check are listed in `skipped`.
Result<BracketParse> parseBinanceBrackets(const QByteArray &json, const QString &what);

// ccxt unified symbol -> Binance USDⓈ-M symbol: "BTC/USDT:USDT" -> BTCUSDT, "ETH/USDT:USDT-241227"
// -> ETHUSDT_241227; empty for a market that is not USDⓈ-M (COIN-M "BTC/USD:BTC").
QString binanceSymbolFromCcxt(const QString &unified);

// The YAML file LeverageTiers::load reads back, with `source` as its header comment (one line).
QByteArray leverageTiersYaml(const LeverageTiers &tiers, const QString &source);

}  // namespace lhm
