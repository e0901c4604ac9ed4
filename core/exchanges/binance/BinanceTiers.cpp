// Binance has no public tier endpoint: GET /fapi/v1/leverageBracket is a signed USER_DATA endpoint, run
// by `lhm tiers refresh` (and `lhm tiers generate` from a saved answer; config/LeverageBrackets.h parses it).
#include "ingest/rest/TierFetch.h"

namespace lhm::rest {

std::unique_ptr<TierFetch> makeBinanceTiers(QString *why) {
    if (why) *why = QStringLiteral("Binance tiers come from `lhm tiers refresh` (a signed endpoint)");
    return nullptr;
}

}  // namespace lhm::rest
