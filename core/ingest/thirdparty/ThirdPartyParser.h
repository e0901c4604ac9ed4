#pragma once
// Pure parsers for the third-party layouts of ThirdPartyFormat: bytes in, normalised rows out.
// Any structurally bad row refuses the whole file with an Error naming file, 1-based line and
// field; nothing is stored from a refused file (the importer writes only after a clean parse).
#include "common/Error.h"
#include "common/Types.h"
#include "config/ExchangesConfig.h"
#include "ingest/thirdparty/ThirdPartyFormat.h"

#include <QByteArray>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace lhm {

struct ThirdPartyOptions {
    QString exchange;  // names the series when the file does not; filters multi-venue files
    QString symbol;    // likewise (unified symbol, e.g. BTCUSDT)
    std::optional<qint64> zoneOffsetMs;  // zone of times written without one (Coinalyze needs it)
    const ExchangesConfig *exchanges = nullptr;  // native -> unified symbols, OKX contract values
    qint64 nowMs = 0;  // rows may lie up to a day past it (RowValidation); 0 = the current time
};

using SeriesId = std::pair<QString, QString>;  // (exchange, unified symbol)

struct ThirdPartyData {
    std::map<SeriesId, std::vector<Candle>> candles;  // hourly
    std::map<SeriesId, std::vector<OpenInterestPoint>> openInterest;
    std::map<SeriesId, std::vector<FundingPoint>> funding;
    std::map<SeriesId, std::vector<HourlyLiquidation>> hourly;
    std::vector<LiquidationEvent> events;
    qint64 rows = 0;     // data lines read
    qint64 duplicates = 0;  // exact repeats skipped
    qint64 filtered = 0; // lines of other venues/symbols than --exchange/--symbol asked for
    bool openInterestInBase = false;  // Coinalyze: USD value filled in later from the candles
    QString exchange, symbol;         // the series, when the file holds one
};

Result<ThirdPartyData> parseThirdParty(const QByteArray &content, const QString &path, ThirdPartyFormat format,
                                       const ThirdPartyOptions &options);

}  // namespace lhm
