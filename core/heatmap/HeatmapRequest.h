#pragma once
// What a caller asks the liquidation engine for; the CLI flags map onto these fields one to one.
#include "models/ModelParams.h"

#include <QString>

namespace lhm {

struct HeatmapRequest {
    QString exchange = QStringLiteral("binance");
    QString symbol;
    QString window = QStringLiteral("7d");
    qint64 end = 0;  // ms, exclusive; 0 = up to the newest data in the store
    QString model = QStringLiteral("binance_standard");
    ModelParams params;
    // Apply the symbol's stored profile (heatmap/RequestProfile.h) over the fitted fields of params;
    // false when the caller chose them (the CLI's --leverage-weights, --book, ... or --no-profile).
    bool useProfile = true;

    QString cacheKey() const;  // exchange|symbol|window|end|model|params hash
};

}  // namespace lhm
