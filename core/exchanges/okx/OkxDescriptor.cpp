// OKX v5 USDT swaps: sizes are contracts (ctVal from config), one liquidation-orders channel for
// every instrument, history over the v5 REST API (candles, open-interest history, funding).
#include "config/ExchangeColor.h"
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
    return d;
}

// The GUI's colour for it (config/ExchangeColor.h).
unsigned okxColor() { return 0x5B9BF8; }

}  // namespace lhm
