// Bybit v5 linear perpetuals: allLiquidation stream, sizes in base units, history over the v5
// market REST API (kline, open-interest 5min, funding/history).
#include "config/ExchangeDescriptor.h"

namespace lhm {

ExchangeDescriptor bybitDescriptor() {
    ExchangeDescriptor d;
    d.name = QStringLiteral("bybit");
    d.displayName = QStringLiteral("Bybit");
    d.gapBackfill = true;
    d.history = {true, true, true, QStringLiteral("5m")};
    d.defaultWsUrl = QStringLiteral("wss://stream.bybit.com/v5/public/linear");
    d.defaultRestUrl = QStringLiteral("https://api.bybit.com");
    d.manualTier = ManualTier::MaintenanceRate;
    d.defaultSymbols = d.namedByRule({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    d.color = 0xF76B1C;  // the GUI's colour: near the brand hue, apart from the others
    return d;
}

}  // namespace lhm
