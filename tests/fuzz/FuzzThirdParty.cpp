// libFuzzer target: the third-party import layouts (forceOrder, Coinalyze, venue CSVs, generic
// liquidation events). Byte 0 picks the layout, byte 1 the zone offset of zone-less times.
// Property: no crash, no sanitizer report; a refused file says where.
#include "ingest/thirdparty/ThirdPartyParser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    using F = lhm::ThirdPartyFormat;
    static const F formats[] = {F::BinanceForceOrder,   F::GenericLiquidations,   F::VenueLiquidations,
                                F::VenueOpenInterest,   F::VenueCandles,          F::VenueFunding,
                                F::CoinalyzeLiquidations, F::CoinalyzeOpenInterest, F::CoinalyzeOhlcv};
    const F format = formats[data[0] % 9];
    lhm::ThirdPartyOptions opt;
    opt.exchange = QStringLiteral("binance");
    opt.symbol = QStringLiteral("BTCUSDT");
    if (data[1] & 0x80) opt.zoneOffsetMs = qint64(int8_t(data[1] << 1)) * 15 * 60'000;
    const QByteArray content(reinterpret_cast<const char *>(data) + 2, int(size - 2));
    auto r = lhm::parseThirdParty(content, QStringLiteral("fuzz.csv"), format, opt);
    if (!r && r.error().file.isEmpty()) std::abort();
    return 0;
}
