#include "feeds/FeedOptions.h"

#include "config/ExchangesConfig.h"
#include "feeds/ExchangeProtocol.h"

namespace lhm::feeds {

FeedOptions FeedOptions::fromConfig(Exchange e, const ExchangeConfig &cfg, const QStringList &symbols,
                                    const QString &urlOverride) {
    FeedOptions o;
    o.exchange = e;
    o.url = QUrl(urlOverride.isEmpty() ? cfg.wsUrl : urlOverride);
    // Gap backfill over REST: Binance, Bybit and OKX (Hyperliquid's candles are not fetched).
    o.restUrl = e != Exchange::Hyperliquid ? cfg.restUrl : QString();
    o.symbols = symbols;
    o.pingIntervalMs = cfg.pingIntervalMs;
    o.watchdogMs = cfg.watchdogMs;
    // OKX's liquidation channel carries every SWAP instrument: the ones we did not ask for are
    // dropped quietly. Elsewhere we subscribe per symbol, so a stranger is worth reporting.
    o.table.setUnlistedPolicy(e == Exchange::Okx ? SymbolTable::Unlisted::Skip : SymbolTable::Unlisted::Reject);
    for (const ExchangeSymbolConfig &s : cfg.symbols)
        if (symbols.contains(s.unified)) o.table.add({s.native, s.unified, s.contractValue, s.contractInQuote});
    // Linear symbols missing from the config follow the exchange's naming rule with base-unit sizes;
    // OKX sizes are contracts, so an OKX symbol without a contract value cannot be used (see
    // missingContractValues()).
    if (e != Exchange::Okx) {
        const auto proto = ExchangeProtocol::create(e, SymbolTable());
        for (const QString &u : symbols)
            if (!cfg.symbol(u)) o.table.add({proto->nativeSymbol(u), u, 1, false});
    }
    return o;
}

}  // namespace lhm::feeds

namespace lhm::feeds {

QStringList FeedOptions::missingContractValues(Exchange e, const ExchangeConfig &cfg, const QStringList &symbols) {
    QStringList out;
    if (e != Exchange::Okx) return out;
    for (const QString &u : symbols)
        if (!cfg.symbol(u)) out << u;
    return out;
}

}  // namespace lhm::feeds
