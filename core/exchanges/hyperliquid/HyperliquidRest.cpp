// Hyperliquid's gap-backfill hook (config/ExchangeList.h): none. Its public API has no open-interest
// history to refill a gap with; open interest is recorded from the live asset contexts instead
// (HyperliquidHistory::openInterestSnapshot, recorded by feeds/AssetContextRecorder); its candles
// come through HyperliquidHistory.
#include "ingest/rest/BackfillRoute.h"

namespace lhm::rest {

std::optional<BackfillRoute> makeHyperliquidBackfill(const QString &, const QString &, qint64, qint64, qint64) { return std::nullopt; }

}  // namespace lhm::rest
