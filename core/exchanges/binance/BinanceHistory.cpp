// Binance's history hook (config/ExchangeList.h): none over REST. Its candles, open interest and
// funding come from the data.binance.vision archive (ingest/download/Downloader), which holds
// years where the REST endpoints keep 30 days of open interest.
#include "ingest/history/HistorySource.h"

namespace lhm {

std::unique_ptr<HistorySource> makeBinanceHistory(const QString &) { return nullptr; }

}  // namespace lhm
