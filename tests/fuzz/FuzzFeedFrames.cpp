// libFuzzer target: the live-feed frame parsers of every exchange (Binance, Bybit, OKX,
// Hyperliquid). Property: no crash, no sanitizer report, whatever the frame.
#include "feeds/ExchangeProtocol.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    using lhm::feeds::Exchange;
    static const Exchange all[] = {Exchange::Binance, Exchange::Bybit, Exchange::Okx, Exchange::Hyperliquid};
    const Exchange ex = all[data[0] & 3];
    lhm::feeds::SymbolTable table;
    table.add({"BTCUSDT", "BTCUSDT", 1, false});
    table.add({"BTC-USDT-SWAP", "BTCUSDT", 0.01, false});
    table.add({"BTC", "BTCUSDT", 1, false});
    static thread_local std::unique_ptr<lhm::feeds::ExchangeProtocol> protos[4];
    auto &proto = protos[data[0] & 3];
    if (!proto) proto = lhm::feeds::ExchangeProtocol::create(ex, table);
    lhm::feeds::FrameResult out;
    proto->parse(QByteArray(reinterpret_cast<const char *>(data) + 1, int(size - 1)), 1'780'000'000'000, out);
    return 0;
}
