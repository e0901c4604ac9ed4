#pragma once
// `lhm download --exchange bybit|okx|hyperliquid`: the REST history path of the download command.
#include "Cli.h"

namespace lhm {
struct ExchangeDescriptor;
}

namespace lhm::cli {

// `p` is the download command's parser, already parsed; types default to open_interest,klines,funding.
int runExchangeHistory(Context &ctx, const QCommandLineParser &p, const ExchangeDescriptor &exchange);

}  // namespace lhm::cli
