#pragma once
// The local API's endpoints, as functions from a request (and a store connection) to a response.
// They run on a worker thread of the engine's pool with that worker's own Store; the bodies are
// the documents the CLI prints with --json (api/ResultJson, api/SignalQuery, AlertRule::toJson),
// so `GET /liquidations/heatmap?symbol=BTCUSDT` equals `lhm heatmap --symbol BTCUSDT --json`.
// Contract: docs/api.md and docs/openapi.yaml.
#include "api/ApiMessage.h"
#include "feeds/FeedTypes.h"

#include <QStringList>

namespace lhm {
class Store;
}

namespace lhm::api {

// What the server knows of live mode when the request arrives (copied on its thread).
struct LiveStatus {
    bool running = false;
    QStringList exchanges;           // followed
    QStringList symbols;             // followed; empty = every symbol the exchanges list
    QList<feeds::FeedHealth> health;
    int streamClients = 0;           // WebSocket clients of /ws/liquidations
    qint64 eventsRelayed = 0;
};

class ApiRoutes {
public:
    // Answers `r` (any path). `version` goes into /health.
    static ApiResponse handle(const ApiRequest &r, Store &store, const LiveStatus &live, const QString &version);
    // Whether a successful answer to `r` may be served again from memory for a short time (the
    // model endpoints, whose inputs change only when the store does).
    static bool cacheable(const ApiRequest &r);
};

}  // namespace lhm::api
