#include "config/ExchangeColor.h"

#include "config/ExchangeRegistry.h"

namespace lhm {

unsigned exchangeColorRgb(const QString &exchange) {
    const ExchangeDescriptor *d = ExchangeRegistry::builtin(exchange);
    return d ? d->color : 0;
}

}  // namespace lhm
