#pragma once
// The model flags live in core (api/ModelArgs.h) because the local API parses the same arguments.
#include "api/ModelArgs.h"

namespace lhm::cli {
using namespace lhm::api;
}
