#pragma once
// `lhm download --exchange bybit|okx|hyperliquid`: the REST history path of the download command.
#include "Cli.h"

#include <QDate>
#include <optional>

namespace lhm {
struct ExchangeDescriptor;
}

namespace lhm::cli {

// Both download paths: "A, B" -> {"A","B"}; a strict YYYY-MM-DD day.
QStringList splitCommaList(const QString &s);
std::optional<QDate> parseDay(const QString &s);
// Reads --symbol (upper-cased) and --from/--to; on a bad or missing one returns the exit code
// after printing the error, else nothing.
std::optional<int> readSymbolsAndDays(Context &ctx, const QCommandLineParser &p, QStringList *symbols, QDate *from, QDate *to);

// `p` is the download command's parser, already parsed; types default to open_interest,klines,funding.
int runExchangeHistory(Context &ctx, const QCommandLineParser &p, const ExchangeDescriptor &exchange);

}  // namespace lhm::cli
