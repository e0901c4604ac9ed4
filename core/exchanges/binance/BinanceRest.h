#pragma once
// Binance USDⓈ-M REST responses used to backfill a live feed's gap: /fapi/v1/klines and
// /futures/data/openInterestHist. Pure parsers (bytes in, rows out) plus the request URLs; the
// HTTP round trip lives in RestBackfillClient.
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <QUrl>
#include <vector>

namespace lhm::rest {

// [[openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,"takerBuyBase","takerBuyQuote","ignore"],...]
Result<std::vector<Candle>> parseBinanceKlines(const QByteArray &json);
// [{"sumOpenInterest":"..","sumOpenInterestValue":"..","symbol":"..","timestamp":ms},...]
Result<std::vector<OpenInterestPoint>> parseBinanceOpenInterestHist(const QByteArray &json);

// limit: klines up to 1500, openInterestHist up to 500 (the exchange's maxima).
QUrl binanceKlinesUrl(const QString &restBase, const QString &symbol, const QString &interval, qint64 fromMs,
                      qint64 toMs, int limit = 1500);
QUrl binanceOpenInterestHistUrl(const QString &restBase, const QString &symbol, const QString &period, qint64 fromMs,
                                qint64 toMs, int limit = 500);

}  // namespace lhm::rest
