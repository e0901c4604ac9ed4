#pragma once
// What the tier downloads of every exchange share (their parsers are in core/exchanges/<id>/<Enum>Tiers.cpp,
// behind ingest/rest/TierFetch.h): the field reader of a tier row and the writer of a config/tiers file.
// Binance's brackets have their own parser (config/LeverageBrackets.h).
#include "common/Error.h"
#include "config/LeverageTiers.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace lhm::rest {

// A tier table far longer than this is not a tier table (Bybit lists ~40 for BTCUSDT).
constexpr int kMaxTierRows = 200;

// A required numeric field of tier `i` of the response `what`; a clear error otherwise.
Result<double> tierField(const QJsonObject &o, const char *key, const QString &what, int i);

// Writes tiers as a config/tiers YAML file (the loader reads it back unchanged); `source` lines become
// the header comment.
QByteArray tiersYaml(const LeverageTiers &t, const QString &source);

}  // namespace lhm::rest
