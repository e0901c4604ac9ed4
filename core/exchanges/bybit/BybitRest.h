#pragma once
// Bybit v5 (linear) REST responses used to backfill a live feed's gap: /v5/market/kline and
// /v5/market/open-interest. Pure parsers (bytes in, rows out, oldest first) plus the request URLs;
// the HTTP round trip lives in RestBackfillClient.
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <QUrl>
#include <vector>

namespace lhm::rest {

// {"retCode":0,"result":{"list":[["startTime","open","high","low","close","volume","turnover"],...]}}
// newest first on the wire; returned oldest first. volume is base units on linear contracts,
// turnover the quote volume; closeTime = startTime + 59,999 (Binance's convention).
Result<std::vector<Candle>> parseBybitKlines(const QByteArray &json);
// {"retCode":0,"result":{"list":[{"openInterest":"62129.455","timestamp":"1739725200000"},...]}}
// openInterest is in base units; openInterestValue is left 0 (see fillBybitOpenInterestValue).
Result<std::vector<OpenInterestPoint>> parseBybitOpenInterest(const QByteArray &json);
// Bybit gives no USD value: openInterestValue = openInterest × the close of the 1m candle that
// contains the point's time; points without such a candle keep 0.
void fillBybitOpenInterestValue(std::vector<OpenInterestPoint> &points, const std::vector<Candle> &candles1m);

// limit: kline up to 1000, open-interest up to 200 (the exchange's maxima).
QUrl bybitKlinesUrl(const QString &restBase, const QString &symbol, qint64 fromMs, qint64 toMs, int limit = 1000);
QUrl bybitOpenInterestUrl(const QString &restBase, const QString &symbol, qint64 fromMs, qint64 toMs, int limit = 200);

}  // namespace lhm::rest
