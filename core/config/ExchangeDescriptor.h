#pragma once
// One exchange as the rest of the app sees it: identity, what it can provide (live liquidations,
// gap backfill, which history), its quirks, the endpoints (from config/exchanges.yaml), the
// symbol mapping (the one `symbols:` table of exchanges.yaml) and where its tiers live. The
// code-level facts come from one small file per exchange (core/exchanges/<id>/<Enum>Descriptor.cpp); the registry
// (ExchangeRegistry) merges them with the config. Code asks a descriptor instead of switching on
// exchange names, so adding an exchange is its own files plus one registration line.
#include "config/ExchangeList.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace lhm {

struct ExchangeSymbolConfig {
    QString unified;        // BTCUSDT
    QString native;         // BTC-USDT-SWAP
    double contractValue = 1;
    bool contractInQuote = false;  // contract_value is quote currency (inverse contracts)
};

// What the exchange's public API lets us download as history (lhm download --exchange E).
struct HistoryCapability {
    bool candles = false;
    bool openInterest = false;   // a published open-interest history
    bool funding = false;
    QString openInterestInterval;  // native resolution we fetch ("5m"); empty without OI history
};

// A one-tier stand-in for the tier file that `lhm liqprice` takes on its command line (user
// contracts: the flags and their meaning stay as they are).
enum class ManualTier {
    None,
    MaintenanceRate,  // --mmr RATE [--mm-deduction USDT]: the tier's MMR and deduction (Bybit)
    MaxLeverage,      // --max-leverage X: the one tier derived from the asset's max leverage (Hyperliquid)
};

struct ExchangeDescriptor {
    // --- code-level facts (core/exchanges/<id>/<Name>Descriptor.cpp)
    QString name;               // id used everywhere: binance | bybit | okx | hyperliquid
    QString displayName;        // "OKX"
    bool liquidationStream = true;   // a public liquidation stream exists
    // The liquidation channel carries every instrument (OKX liquidation-orders): strangers are
    // dropped quietly instead of reported as unknown symbols.
    bool liquidationChannelBroadcast = false;
    // Sizes on the wire are contracts (OKX): a symbol is usable only with a contract value in config.
    bool sizesInContracts = false;
    bool gapBackfill = false;        // live gaps are backfilled over REST (1m candles, 5m OI)
    HistoryCapability history;
    // No open-interest history is published: open interest is recorded from the live asset
    // contexts while the app, `lhm live` or `lhm alerts watch` runs (Hyperliquid).
    bool recordsOpenInterestLive = false;
    int fundingIntervalHours = 8;
    // History is the daily-zip archive of ingest/download (data.binance.vision's layout: VisionLayout,
    // Downloader, Importer), not a REST history API; its files can be imported from disk too.
    bool dailyArchive = false;
    // Every default leverage of the models exists for the representative position, so a leverage
    // above the tier's cap is a user error (Binance). Without it the weight of leverages the venue
    // does not offer is folded onto its cap (models/LeverageLadder).
    bool leveragesWithinTierCap = false;
    ManualTier manualTier = ManualTier::None;
    unsigned color = 0;  // the GUI's colour, 0xRRGGBB (a number: core stays widget-free)
    // Naming rule for symbols the table does not list: "{symbol}" keeps BTCUSDT, "{base}" gives
    // BTC, "{base}-{quote}-SWAP" gives BTC-USDT-SWAP (quote is USDT, USDC or USD).
    QString nativePattern = QStringLiteral("{symbol}");
    // The symbols the app follows on it out of the box (`lhm tiers fetch`'s default, the live and
    // import symbol mapping); config/exchanges.yaml's `symbols:` adds to them or replaces one.
    std::vector<ExchangeSymbolConfig> defaultSymbols;
    QString defaultWsUrl, defaultRestUrl;
    int defaultPingIntervalMs = 20000;
    int defaultWatchdogMs = 30000;

    // --- from config/exchanges.yaml (the defaults above when it does not set them)
    QString wsUrl;
    QString restUrl;
    int pingIntervalMs = 20000;
    int watchdogMs = 30000;
    std::vector<ExchangeSymbolConfig> symbols;

    const ExchangeSymbolConfig *symbol(const QString &unified) const;
    const ExchangeSymbolConfig *symbolByNative(const QString &native) const;
    // The exchange's instrument name for a unified symbol: the table's entry, else the naming
    // rule (BTCUSDT -> BTCUSDT on linear venues, BTC-USDT-SWAP on OKX, BTC on Hyperliquid).
    QString nativeSymbol(const QString &unified) const;
    // Contract value of a unified symbol (1 when sizes are base units); 0 when it must come from
    // config and does not (an OKX symbol the table lacks).
    double contractValue(const QString &unified) const;
    // <config>/tiers/<name>: the exchange folder's tiers/ (core/exchanges/<id>/tiers), which the build
    // links and the package installs there, or a user's own config folder's.
    QString tiersDir() const;
    // `unified` symbols by the naming rule, the i-th worth contractValues[i] base units (1 when not
    // given): a descriptor's defaultSymbols.
    std::vector<ExchangeSymbolConfig> namedByRule(const QStringList &unified, const std::vector<double> &contractValues = {}) const;
};

// The per-exchange code facts, one function per exchange folder (the hook of
// config/ExchangeList.h: <id>Descriptor(), in core/exchanges/<id>/<Enum>Descriptor.cpp).
#define LHM_EXCHANGE_DESCRIPTOR(E, id) ExchangeDescriptor id##Descriptor();
LHM_EXCHANGES(LHM_EXCHANGE_DESCRIPTOR)
#undef LHM_EXCHANGE_DESCRIPTOR

}  // namespace lhm
