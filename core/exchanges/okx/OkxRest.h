#pragma once
// OKX v5 REST responses used to backfill a live feed's gap: /api/v5/market/history-candles and
// /api/v5/rubik/stat/contracts/open-interest-volume. Pure parsers (bytes in, rows out, oldest
// first) plus the request URLs; the HTTP round trip lives in RestBackfillClient.
#include "common/Error.h"
#include "common/Types.h"

#include <QByteArray>
#include <QUrl>
#include <vector>

namespace lhm::rest {

// {"code":"0","msg":"","data":[["ts","o","h","l","c","vol","volCcy","volCcyQuote","confirm"],...]}
// newest first on the wire; returned oldest first. vol is in contracts, so the candle's volume is
// volCcy (base units for SWAP) and quoteVolume volCcyQuote; closeTime = ts + 59,999.
Result<std::vector<Candle>> parseOkxCandles(const QByteArray &json);
// {"code":"0","msg":"","data":[["ts","oi","vol"],...]}: oi and vol in USD, summed over all of the
// currency's contracts (the endpoint is per currency, not per instrument). openInterestValue = oi;
// openInterest (base) is left 0 (see fillOkxOpenInterest).
Result<std::vector<OpenInterestPoint>> parseOkxOpenInterestVolume(const QByteArray &json);
// openInterest = openInterestValue / the close of the 1m candle that contains the point's time;
// points without such a candle keep 0.
void fillOkxOpenInterest(std::vector<OpenInterestPoint> &points, const std::vector<Candle> &candles1m);

// "BTC-USDT-SWAP" -> "BTC" (the ccy the open-interest endpoint wants).
QString okxCurrency(const QString &instId);
// after/before are exclusive bounds, so [fromMs, toMs] is asked as before=fromMs-1, after=toMs+1.
// OKX returns at most 100 candles per request: the newest 100 minutes of a longer gap.
QUrl okxCandlesUrl(const QString &restBase, const QString &instId, qint64 fromMs, qint64 toMs, int limit = 100);
QUrl okxOpenInterestVolumeUrl(const QString &restBase, const QString &ccy, qint64 fromMs, qint64 toMs);

}  // namespace lhm::rest
