// Hyperliquid perpetuals: no public liquidation stream and no open-interest history. Candles and
// hourly funding come from POST /info; open interest is recorded from the live asset contexts
// while the app, `lhm live` or `lhm alerts watch` runs.
#include "config/ExchangeDescriptor.h"

namespace lhm {

ExchangeDescriptor hyperliquidDescriptor() {
    ExchangeDescriptor d;
    d.name = QStringLiteral("hyperliquid");
    d.displayName = QStringLiteral("Hyperliquid");
    d.liquidationStream = false;
    d.history = {true, false, true, QString()};
    d.recordsOpenInterestLive = true;
    d.fundingIntervalHours = 1;
    d.nativePattern = QStringLiteral("{base}");
    d.defaultWsUrl = QStringLiteral("wss://api.hyperliquid.xyz/ws");
    d.defaultRestUrl = QStringLiteral("https://api.hyperliquid.xyz");
    d.defaultPingIntervalMs = 30000;
    d.defaultWatchdogMs = 45000;
    d.manualTier = ManualTier::MaxLeverage;
    d.defaultSymbols = d.namedByRule({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    d.color = 0x50D2C1;  // the GUI's colour: near the brand hue, apart from the others
    return d;
}

}  // namespace lhm
