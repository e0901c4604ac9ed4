#pragma once
// The JSON of `lhm heatmap|levels|compare --json` and of `lhm live --json` lines, built in one
// place: the CLI prints these documents and the local API (api/ApiServer) returns them as bodies,
// so the two can never drift apart. Keys and their order are a contract (docs/api.md).
#include "heatmap/HeatmapRequest.h"
#include "models/HeatmapGrid.h"

#include <QByteArray>

namespace lhm {
class Store;
struct LiquidationEvent;
}

namespace lhm::api {

// Compact JSON, byte for byte what QJsonDocument wrote for these documents as QJsonObjects (keys
// sorted), with the request's fitted profile ("profile": {…} or null) and "exchanges".
QByteArray heatmapDocument(Store &store, const HeatmapRequest &req, const HeatmapGrid &g);
QByteArray levelsDocument(Store &store, const HeatmapRequest &req, const LiquidationMap &m);
QByteArray comparisonDocument(Store &store, const HeatmapRequest &req, const ModelComparison &c);

// One `lhm live --json` line: {"type":"liquidation","exchange":…,"symbol":…,"side":…,"price":…,
// "qty":…,"notional":…,"time":<ms>} with numbers in their shortest round-trip form.
QByteArray liquidationLine(const LiquidationEvent &e);

}  // namespace lhm::api
