#pragma once
// The real Binance forceOrder capture (shared/data chiefJurist-binance-forceorder-csv, 949 rows) as
// the exchange streams it, for the tests that replay it (the API's stream, `lhm alerts watch`):
// one combined-stream "!forceOrder@arr" frame per CSV row, in file order, and the events the
// product should read from those frames, worked from the CSV alone.
#include "common/Types.h"

#include <QList>
#include <QStringList>

namespace lhm::test {

struct ForceOrderCapture {
    QStringList frames;
    QList<LiquidationEvent> events;  // the same rows: a SELL order closes a long
};

ForceOrderCapture forceOrderCapture();

}  // namespace lhm::test
