#pragma once
// The JSON of `lhm heatmap|levels|compare --json` and of `lhm live --json` lines, built in one
// place: the CLI prints these documents and the local API (api/ApiServer) returns them as bodies,
// so the two can never drift apart. Keys and their order are a contract (docs/api.md).
#include "heatmap/HeatmapRequest.h"
#include "models/HeatmapGrid.h"

#include <QJsonObject>

namespace lhm {
class Store;
struct LiquidationEvent;
}

namespace lhm::api {

QJsonObject heatmapJson(const HeatmapGrid &g);
QJsonObject levelsJson(const LiquidationMap &m);
// `g` is the comparison's common grid (c.grids.front()).
QJsonObject comparisonJson(const ModelComparison &c);
// The same documents with the request's fitted profile ("profile": {…} or null), as printed.
QJsonObject heatmapDocument(Store &store, const HeatmapRequest &req, const HeatmapGrid &g);
QJsonObject levelsDocument(Store &store, const HeatmapRequest &req, const LiquidationMap &m);
QJsonObject comparisonDocument(Store &store, const HeatmapRequest &req, const ModelComparison &c);

// One `lhm live --json` line: {"type":"liquidation","exchange":…,"symbol":…,"side":…,"price":…,
// "qty":…,"notional":…,"time":<ms>} with numbers in their shortest round-trip form.
QByteArray liquidationLine(const LiquidationEvent &e);

}  // namespace lhm::api
