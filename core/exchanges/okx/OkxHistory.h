#pragma once
// OKX's history page parsers (OkxHistory.cpp), public for the tests and the fuzzer. The candles
// come from OkxRest's parser.
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <vector>

namespace lhm::rest {

// OKX /api/v5/rubik/stat/contracts/open-interest-history: data[[ts, oi, oiCcy, oiUsd]], oi in
// contracts: openInterest = oi × contractValue (base units), openInterestValue = oiUsd.
Result<std::vector<OpenInterestPoint>> parseOkxOpenInterestHistory(const QByteArray &json, double contractValue);
// OKX /api/v5/public/funding-rate-history: data[{instId, fundingRate, realizedRate, fundingTime}];
// the settled rate is realizedRate when given, else fundingRate.
Result<std::vector<FundingPoint>> parseOkxFundingHistory(const QByteArray &json, int intervalHours);

}  // namespace lhm::rest
