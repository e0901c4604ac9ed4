#pragma once
// Model inputs for one window ending at `end` (exclusive), as the heatmap service loads them, with
// one addition for research: a venue without candle history for the period (Hyperliquid) can use
// another venue's candles while keeping its own open interest and funding.
#include "common/Error.h"
#include "models/ModelParams.h"
#include "models/ModelInputs.h"
#include "store/Store.h"

namespace lhm {

struct AnalysisSeries {
    QString exchange = QStringLiteral("binance");
    QString symbol;
    QString window = QStringLiteral("90d");
    QString candlesFrom;  // empty = exchange
    ModelParams params;
};

Result<ModelInputs> loadAnalysisInputs(Store &store, const AnalysisSeries &series, qint64 end);

}  // namespace lhm
