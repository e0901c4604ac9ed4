#pragma once
// Bybit's history page parsers (BybitHistory.cpp), public for the tests and the fuzzer. The kline
// and open-interest rows themselves come from BybitRest's parsers.
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

}  // namespace lhm::rest
