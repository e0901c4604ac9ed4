#pragma once
// Former names of the exchange descriptor and its registry (see ExchangeRegistry.h).
#include "config/ExchangeRegistry.h"

namespace lhm {

using ExchangeConfig = ExchangeDescriptor;
using ExchangesConfig = ExchangeRegistry;

}  // namespace lhm
