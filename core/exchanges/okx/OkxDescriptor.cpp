// OKX v5 USDT swaps: sizes are contracts (ctVal from config), one liquidation-orders channel for
// every instrument, history over the v5 REST API (candles, open-interest history, funding).
#include "config/ExchangeDescriptor.h"

namespace lhm {

ExchangeDescriptor okxDescriptor() {
    ExchangeDescriptor d;
    d.name = QStringLiteral("okx");
    d.displayName = QStringLiteral("OKX");
    d.liquidationChannelBroadcast = true;
    d.sizesInContracts = true;
    d.gapBackfill = true;
    d.history = {true, true, true, QStringLiteral("5m")};
    d.nativePattern = QStringLiteral("{base}-{quote}-SWAP");
    d.defaultWsUrl = QStringLiteral("wss://ws.okx.com:8443/ws/v5/public");
    d.defaultRestUrl = QStringLiteral("https://www.okx.com");
    // ctVal, OKX's published contract values: BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH.
    d.defaultSymbols = d.namedByRule({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}, {0.01, 0.1});
    d.color = 0x5B9BF8;  // the GUI's colour: near the brand hue, apart from the others
    return d;
}

}  // namespace lhm
