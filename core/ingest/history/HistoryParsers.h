#pragma once
// Pure parsers of the exchanges' history REST responses (bytes in, rows out oldest first, plus
// the pagination cursor where the exchange has one). No I/O, no throwing: a malformed page is an
// Error naming the response and the field ("bybit funding/history: result.list[3].fundingRate").
// The kline and open-interest pages of Bybit and the OKX candles reuse BybitRest/OkxRest.
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace lhm::rest {

// Bybit /v5/market/open-interest with its result.nextPageCursor (empty on the last page).
struct BybitOpenInterestPage {
    std::vector<OpenInterestPoint> rows;  // openInterest in base units, value 0 (filled from candles)
    QString nextCursor;
};
Result<BybitOpenInterestPage> parseBybitOpenInterestPage(const QByteArray &json);
// Bybit /v5/market/funding/history: result.list[{symbol, fundingRate, fundingRateTimestamp}].
Result<std::vector<FundingPoint>> parseBybitFunding(const QByteArray &json, int intervalHours);

// OKX /api/v5/rubik/stat/contracts/open-interest-history: data[[ts, oi, oiCcy, oiUsd]], oi in
// contracts: openInterest = oi × contractValue (base units), openInterestValue = oiUsd.
Result<std::vector<OpenInterestPoint>> parseOkxOpenInterestHistory(const QByteArray &json, double contractValue);
// OKX /api/v5/public/funding-rate-history: data[{instId, fundingRate, realizedRate, fundingTime}];
// the settled rate is realizedRate when given, else fundingRate.
Result<std::vector<FundingPoint>> parseOkxFundingHistory(const QByteArray &json, int intervalHours);

// Hyperliquid POST /info {"type":"candleSnapshot"}: [{t,T,s,i,o,c,h,l,v,n}], v in base units.
Result<std::vector<Candle>> parseHyperliquidCandles(const QByteArray &json);
// Hyperliquid POST /info {"type":"fundingHistory"}: [{coin, fundingRate, premium, time}] (hourly).
Result<std::vector<FundingPoint>> parseHyperliquidFunding(const QByteArray &json);
// Hyperliquid POST /info {"type":"metaAndAssetCtxs"}: [{universe:[{name,...}]}, [{openInterest,
// markPx, funding, ...}]], the contexts in the universe's order. openInterest is in coins.
struct HyperliquidAssetContext {
    QString coin;
    double openInterest = 0;  // base units
    double markPx = 0;
    double funding = 0;
};
Result<std::vector<HyperliquidAssetContext>> parseHyperliquidAssetContexts(const QByteArray &json);

}  // namespace lhm::rest
