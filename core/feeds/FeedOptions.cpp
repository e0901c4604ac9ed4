#include "feeds/FeedOptions.h"

#include "config/ExchangesConfig.h"

namespace lhm::feeds {

FeedOptions FeedOptions::fromConfig(Exchange e, const ExchangeConfig &cfg, const QStringList &symbols,
                                    const QString &urlOverride) {
    FeedOptions o;
    o.exchange = e;
    o.url = QUrl(urlOverride.isEmpty() ? cfg.wsUrl : urlOverride);
    o.restUrl = cfg.gapBackfill ? cfg.restUrl : QString();
    o.symbols = symbols;
    o.pingIntervalMs = cfg.pingIntervalMs;
    o.watchdogMs = cfg.watchdogMs;
    // A channel that broadcasts every instrument (OKX liquidation-orders) brings strangers: drop
    // them quietly. Elsewhere we subscribe per symbol, so a stranger is worth reporting.
    o.table.setUnlistedPolicy(cfg.liquidationChannelBroadcast ? SymbolTable::Unlisted::Skip : SymbolTable::Unlisted::Reject);
    for (const ExchangeSymbolConfig &s : cfg.symbols)
        if (symbols.contains(s.unified)) o.table.add({s.native, s.unified, s.contractValue, s.contractInQuote});
    // Symbols missing from the config follow the exchange's naming rule with base-unit sizes;
    // where sizes are contracts a symbol without a contract value cannot be used (see
    // missingContractValues()).
    if (!cfg.sizesInContracts)
        for (const QString &u : symbols)
            if (!cfg.symbol(u)) o.table.add({cfg.nativeSymbol(u), u, 1, false});
    return o;
}

}  // namespace lhm::feeds

namespace lhm::feeds {

QStringList FeedOptions::missingContractValues(Exchange, const ExchangeConfig &cfg, const QStringList &symbols) {
    QStringList out;
    if (!cfg.sizesInContracts) return out;
    for (const QString &u : symbols)
        if (!cfg.symbol(u)) out << u;
    return out;
}

}  // namespace lhm::feeds
