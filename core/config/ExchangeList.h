#pragma once
// THE list of exchanges this build supports: one line each, LHM_EXCHANGE-style X(Enum, id).
//
// Every layer expands this list into its own table of per-exchange hooks, named by convention and
// declared here, so adding an exchange is its own files plus one line below:
//   config  ExchangeDescriptor <id>Descriptor();                      core/config/exchanges/<Enum>Descriptor.cpp
//   ingest  std::unique_ptr<HistorySource> make<Enum>History(base);   core/ingest/history/<Enum>History.cpp (null: no REST history)
//           std::optional<rest::BackfillRoute> rest::make<Enum>Backfill(...);  core/ingest/rest/<Enum>Rest.cpp (nullopt: no gap backfill)
//   feeds   std::unique_ptr<ExchangeProtocol> feeds::make<Enum>Protocol(table);  core/feeds/<Enum>Protocol.cpp
//   models  double <id>LiquidationFormula(tier, feeRate, side, entry, leverage, qty);  core/models/LiquidationPrice.cpp or its own file
// An explicit list rather than self-registering objects: a static library drops objects nothing
// references, and a missing hook is a link error naming it instead of an exchange silently absent.
// The order is the display order; `id` is the name used everywhere (config, store, CLI, JSON).
#define LHM_EXCHANGES(X)       \
    X(Binance, binance)         \
    X(Bybit, bybit)             \
    X(Okx, okx)                 \
    X(Hyperliquid, hyperliquid)

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
