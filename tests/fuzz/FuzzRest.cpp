// libFuzzer target: the REST backfill and history parsers (Binance, Bybit, OKX, Hyperliquid) and the row validation
// every backfilled row passes. Property: no crash, no sanitizer report (out-of-range double ->
// integer conversions are undefined behaviour, which UBSan reports).
#include "common/RowValidation.h"
#include "exchanges/binance/BinanceRest.h"
#include "exchanges/bybit/BybitHistory.h"
#include "exchanges/bybit/BybitRest.h"
#include "exchanges/hyperliquid/HyperliquidHistory.h"
#include "exchanges/okx/OkxHistory.h"
#include "exchanges/okx/OkxRest.h"

#include <cstdint>

namespace {
template <class R>
void check(const R &r) {
    if (!r) return;
    using Row = typename std::decay_t<decltype(*r)>::value_type;
    lhm::firstInvalid<Row>(*r, 1'780'000'000'000);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const QByteArray json(reinterpret_cast<const char *>(data) + 1, int(size - 1));
    using namespace lhm::rest;
    switch (data[0] % 12) {
    case 0: check(parseBinanceKlines(json)); break;
    case 1: check(parseBinanceOpenInterestHist(json)); break;
    case 2: check(parseBybitKlines(json)); break;
    case 3: {
        auto oi = parseBybitOpenInterest(json);
        auto c = parseBybitKlines(json);
        if (oi && c) fillBybitOpenInterestValue(*oi, *c);
        check(oi);
        break;
    }
    case 4: check(parseOkxCandles(json)); break;
    case 6: {
        auto page = parseBybitOpenInterestPage(json);
        if (page) lhm::firstInvalid<lhm::OpenInterestPoint>(page->rows, 1'780'000'000'000);
        break;
    }
    case 7: check(parseBybitFunding(json, 8)); break;
    case 8: check(parseOkxOpenInterestHistory(json, 0.01)); break;
    case 9: check(parseOkxFundingHistory(json, 8)); break;
    case 10: check(parseHyperliquidCandles(json)); break;
    case 11: {
        check(parseHyperliquidFunding(json));
        (void)parseHyperliquidAssetContexts(json);
        break;
    }
    case 5: {
        auto oi = parseOkxOpenInterestVolume(json);
        auto c = parseOkxCandles(json);
        if (oi && c) fillOkxOpenInterest(*oi, *c);
        check(oi);
        break;
    }
    default: break;
    }
    return 0;
}
