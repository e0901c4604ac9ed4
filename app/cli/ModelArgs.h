#pragma once
// The model flags live in core (api/ModelArgs.h) because the local API parses the same arguments.
#include "api/ModelArgs.h"

namespace lhm::cli {
using namespace lhm::api;

class Context;
// Text lines: which exchanges were summed with their shares, which were left out and why.
void printExchanges(Context &ctx, const std::vector<ExchangeShare> &shares);
}
