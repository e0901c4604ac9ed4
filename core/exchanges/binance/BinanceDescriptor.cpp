// Binance USDⓈ-M futures: forceOrder liquidation stream, gap backfill over /fapi, full history
// from data.binance.vision (5m metrics, klines, funding).
#include "config/ExchangeColor.h"
#include "config/ExchangeDescriptor.h"

namespace lhm {

ExchangeDescriptor binanceDescriptor() {
    ExchangeDescriptor d;
    d.name = QStringLiteral("binance");
    d.displayName = QStringLiteral("Binance");
    d.gapBackfill = true;
    d.history = {true, true, true, QStringLiteral("5m")};
    d.defaultWsUrl = QStringLiteral("wss://fstream.binance.com/ws");
    d.defaultRestUrl = QStringLiteral("https://fapi.binance.com");
    d.defaultPingIntervalMs = 60000;
    return d;
}

// The GUI's colour for it (config/ExchangeColor.h).
unsigned binanceColor() { return 0xF0B90B; }

}  // namespace lhm
