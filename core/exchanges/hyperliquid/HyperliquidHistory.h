#pragma once
// Hyperliquid's history page parsers (HyperliquidHistory.cpp), public for the tests and the fuzzer.
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace lhm::rest {

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
