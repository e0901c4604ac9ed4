#pragma once
// THE list of exchanges this build supports: one line each, LHM_EXCHANGE-style X(Enum, id).
//
// An exchange is one folder, core/exchanges/<id>/, plus one line below. Every layer expands this list
// into its table of hooks, declared by the layer's hook header and defined in the folder, in the file
// whose suffix (EXCHANGE_PARTS, core/CMakeLists.txt) puts it in that layer's library (docs/exchanges.md):
//   <Enum>Descriptor.cpp config <id>Descriptor()               <Enum>Protocol.{h,cpp} feeds feeds::make<Enum>Protocol(table)
//   <Enum>History.cpp ingest make<Enum>History(base)            <Enum>Rest.cpp ingest rest::make<Enum>Backfill(...)
//   <Enum>Tiers.cpp ingest rest::make<Enum>Tiers(why)           <Enum>Formula.cpp models <id>LiquidationFormula(tier, ...)
// A null/nullopt hook: the exchange lacks that. An explicit list rather than self-registering objects:
// a static library drops objects nothing references; a missing hook is a link error naming it.
// The order is the display order; `id` is the name used everywhere (config, store, CLI, JSON).
#define LHM_EXCHANGES(X)       \
    X(Binance, binance)         \
    X(Bybit, bybit)             \
    X(Okx, okx)                 \
    X(Hyperliquid, hyperliquid) \
    // one line per exchange, each ending in a backslash: a new one is a line added above this one

namespace lhm {

// An exchange as an index into the list (feeds::Exchange and rest::RestBackfillClient::Venue are this).
enum class ExchangeId {
#define LHM_EXCHANGE_ENUM(E, id) E,
    LHM_EXCHANGES(LHM_EXCHANGE_ENUM)
#undef LHM_EXCHANGE_ENUM
};

#define LHM_EXCHANGE_COUNT(E, id) +1
constexpr int kExchangeIdCount = 0 LHM_EXCHANGES(LHM_EXCHANGE_COUNT);
#undef LHM_EXCHANGE_COUNT

// "binance", "bybit", ...: the list's ids, indexed by ExchangeId.
constexpr const char *kExchangeIds[] = {
#define LHM_EXCHANGE_ID(E, id) #id,
    LHM_EXCHANGES(LHM_EXCHANGE_ID)
#undef LHM_EXCHANGE_ID
};

}  // namespace lhm
