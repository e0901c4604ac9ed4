// Binance USDⓈ-M futures: forceOrder liquidation stream, gap backfill over /fapi, full history
// from data.binance.vision (5m metrics, klines, funding).
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
    d.dailyArchive = true;
    d.leveragesWithinTierCap = true;
    d.defaultSymbols = d.namedByRule({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
    d.color = 0xF0B90B;  // the GUI's colour: near the brand hue, apart from the others
    return d;
}

}  // namespace lhm
