// libFuzzer target: the config loaders (leverage tier files and exchanges.yaml) on arbitrary
// YAML. Property: no crash, no sanitizer report; bad files come back as an Error.
#include "config/ExchangesConfig.h"
#include "config/LeverageTiers.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const QByteArray yaml(reinterpret_cast<const char *>(data) + 1, int(size - 1));
    if (data[0] & 1) (void)lhm::LeverageTiers::parse(yaml, QStringLiteral("tiers/binance/BTCUSDT.yaml"));
    else (void)lhm::ExchangesConfig::parse(yaml, QStringLiteral("exchanges.yaml"));
    return 0;
}
