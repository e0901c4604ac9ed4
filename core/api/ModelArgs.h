#pragma once
// The model arguments `lhm heatmap`, `levels`, `compare` and the local API share, mapped one to one onto
// HeatmapRequest / ModelParams, plus the JSON and text helpers their outputs share.
#include "common/Error.h"
#include "engine/ExchangeAggregate.h"
#include "models/HeatmapGrid.h"
#include "heatmap/HeatmapRequest.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace lhm::api {

// "exchanges":[{"exchange","share","status"(,"reason")}] for every exchange asked for.
QJsonArray exchangesJson(const std::vector<ExchangeShare> &shares);
// The same for a one-exchange request (share 1, ok).
QJsonArray singleExchangeJson(const QString &exchange);

// --symbol --exchange --window --model and the parameter flags (--leverage-weights, --bucket,
// --side-rule, --close-rule, --interval, --position-notional, --funding-scale, --funding-amplitude,
// --large-trade-notional, --ensemble-weights).
void addModelOptions(QCommandLineParser &p, bool withModel = true);
// The symbol's stored profile that the request uses ("profile" in the JSON of heatmap, levels and
// compare): an object with fitted_from/fitted_to/..., or null when none applies.
QJsonValue profileJson(Store &store, const HeatmapRequest &req);
// One text line saying which parameters were used.
QString profileLine(Store &store, const HeatmapRequest &req);
// --end TIME (window end), for the commands that compute over a window.
void addEndOption(QCommandLineParser &p);
// Validates every flag (and --end when it was added); errors name the flag.
Result<HeatmapRequest> requestFromArgs(const QCommandLineParser &p, bool withModel = true);
// ISO 8601 ("2024-05-12T06:00:00Z", "2024-05-12T06:00", "2024-05-12"; no zone = UTC) or epoch ms.
Result<qint64> parseTime(const QString &text, const QString &flag);
// The required --from and --to (ISO 8601 or epoch ms) of calibrate and validate; errors name the flag.
Result<std::pair<qint64, qint64>> requiredPeriod(const QCommandLineParser &p);
// A numeric flag within [lo, hi], or `fallback` when absent; the error names the flag.
Result<double> numberFlag(const QCommandLineParser &p, const QString &flag, double fallback, double lo, double hi);
QString isoTime(qint64 ms);
// Rounds to cents so JSON stays short and stable.
double cents(double v);

}  // namespace lhm::api
