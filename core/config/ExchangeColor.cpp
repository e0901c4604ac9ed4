#include "config/ExchangeColor.h"

#include <utility>

namespace lhm {

unsigned exchangeColorRgb(const QString &exchange) {
    static const std::pair<const char *, unsigned (*)()> table[] = {
#define LHM_EXCHANGE_COLOR(E, id) {#id, &id##Color},
        LHM_EXCHANGES(LHM_EXCHANGE_COLOR)
#undef LHM_EXCHANGE_COLOR
    };
    for (const auto &[name, color] : table)
        if (exchange == QLatin1String(name)) return color();
    return 0;
}

}  // namespace lhm
