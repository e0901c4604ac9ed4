#pragma once
// One exchange's gap backfill as RestBackfillClient runs it: the two GETs (1-minute candles and
// 5-minute open interest), their parsers, the names errors use, and how the open interest is
// completed from the candles of the same fetch. One hook per exchange of config/ExchangeList.h,
// defined in its core/exchanges/<id>/<Enum>Rest.cpp; nullopt when the exchange offers no backfill.
#include "common/Error.h"
#include "common/Types.h"
#include "config/ExchangeList.h"

#include <QByteArray>
#include <QUrl>
#include <functional>
#include <optional>
#include <vector>

namespace lhm::rest {

struct BackfillRoute {
    QUrl candlesUrl, oiUrl;
    std::function<Result<std::vector<Candle>>(const QByteArray &)> parseCandles;
    std::function<Result<std::vector<OpenInterestPoint>>(const QByteArray &)> parseOi;
    QString candlesWhat, oiWhat;
    // Bybit has open interest in base units only, OKX in USD only: derives the other. Null: both given.
    void (*complete)(std::vector<OpenInterestPoint> &oi, const std::vector<Candle> &candles1m) = nullptr;
};

// `symbol` is the exchange's own name; from1m/from5m are on the minute/5-minute boundary.
#define LHM_EXCHANGE_BACKFILL(E, id) \
    std::optional<BackfillRoute> make##E##Backfill(const QString &base, const QString &symbol, qint64 from1m, qint64 from5m, qint64 toMs);
LHM_EXCHANGES(LHM_EXCHANGE_BACKFILL)
#undef LHM_EXCHANGE_BACKFILL

}  // namespace lhm::rest
