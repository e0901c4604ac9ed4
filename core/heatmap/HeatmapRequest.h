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

    QString cacheKey() const;  // exchange|symbol|window|end|model|params hash
};

}  // namespace lhm
