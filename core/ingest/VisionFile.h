#pragma once
// What a data.binance.vision file holds, told from its name and checked against its header.
#include "common/Error.h"

#include <QString>
#include <optional>

namespace lhm {

enum class DataType { Unknown, Metrics, Klines, FundingRate, AggTrades };

// "metrics", "klines", "fundingRate", "aggTrades" (the archive's own folder names); "" for Unknown.
QString dataTypeName(DataType t);

struct VisionFileName {
    DataType type = DataType::Unknown;  // Unknown: shaped like an archive name, but a type we do not read
    QString kind;      // the name's middle part as written: "metrics", "5m", "liquidationSnapshot", ...
    QString symbol;    // BTCUSDT
    QString interval;  // klines only: 1m, 5m, 1h, ...
    QString period;    // YYYY-MM-DD (daily) or YYYY-MM (monthly)
    bool zip = false;
};

// Parses BTCUSDT-metrics-2024-05-10.csv, BTCUSDT-5m-2024-05-10.zip, BTCUSDT-fundingRate-2024-05.csv,
// BTCUSDT-aggTrades-2024-08-08.zip (a path is fine: only the file name is used). A name of that
// shape with another kind (liquidationSnapshot, bookTicker, ...) comes back with type Unknown so
// the caller can say "unsupported" rather than "not an archive file"; other names give nullopt.
std::optional<VisionFileName> parseVisionFileName(const QString &pathOrName);

// The exact header line each type carries (without line end).
const char *expectedHeader(DataType t);

// The type whose header `line` is (trailing CR and a UTF-8 BOM ignored); Unknown when it is none.
DataType headerType(const char *begin, const char *end);

}  // namespace lhm
