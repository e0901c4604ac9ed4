#pragma once
// `lhm signals` and GET /trading/signals: the same arguments, the same evaluation and the same
// JSON ({"symbol","time","price","signal","reason","confidence","nearest_cluster"}), so a bot
// polling the local API reads exactly what the CLI prints.
#include "analysis/BarFeatures.h"
#include "analysis/SignalRules.h"
#include "common/Error.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace lhm {
class Store;
}

namespace lhm::api {

struct SignalQuery {
    FeatureRequest features;
    SignalParams params;
    qint64 step = 0;           // bar length, ms
    qint64 requestedFrom = 0;  // bars opening before this are only the reversal look-back
    bool single = false;       // --at: one signal (an object), else one per bar (an array)
    bool latest = false;       // neither --at nor --from/--to (the API's default): the newest closed bar
};

// The model options (ModelArgs) plus --at/--from/--to/--candles-from and the rule thresholds.
void addSignalOptions(QCommandLineParser &p);
// Validates every flag; errors name it. With `allowLatest`, no --at/--from/--to means the newest
// bar the store has closed (the API); the CLI requires one of them.
Result<SignalQuery> signalQueryFromArgs(const QCommandLineParser &p, bool allowLatest = false);
// Signals of the bars asked for; an error names the field when no bar closed in the period.
// For a selection (--exchange all or a comma list: q.features.exchanges) `shares` receives every
// venue asked for, with its share of the summed model or why it was left out.
Result<std::vector<Signal>> evaluateSignalQuery(Store &store, SignalQuery q, std::vector<ExchangeShare> *shares = nullptr);
// An object for a single signal, else an array. A selection adds "exchanges" to every signal.
QJsonDocument signalsJson(const std::vector<Signal> &list, const SignalQuery &q, const std::vector<ExchangeShare> &shares = {});
// Why a signal was given, in words (the "reason" key).
QString signalReason(const Signal &s, const SignalParams &p);

}  // namespace lhm::api
