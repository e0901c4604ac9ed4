#pragma once
// Translated text for the "All exchanges" parts of a result: the banner line naming which exchanges
// were summed (with their shares) and which were left out and why, and a venue's price discrepancy.
#include "models/ExchangeShare.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

namespace lhm::ui {

class ExchangeText {
    Q_DECLARE_TR_FUNCTIONS(ExchangeText)
public:
    static QString status(ExchangeStatus s);
    // An exchange's name as people write it, from its descriptor ("okx" -> "OKX"); an id this
    // build does not know stays as it is. Ids are for config, store and CLI, never for display.
    static QString displayName(const QString &exchange);
    // How a grid's exchange field reads in titles and messages: "all" is "All exchanges", a
    // selection "binance+bybit" reads "Binance + Bybit"; one venue is its display name.
    static QString name(const QString &exchange);
    // "All exchanges: Binance 61.2 %, Bybit 38.8 %. Left out: OKX (no data), Hyperliquid (stale: …)."
    static QString banner(const std::vector<ExchangeShare> &shares);
    // "OKX (no open interest)": one left-out venue, said from its status and dates, so the reason is
    // translated; only a model's error keeps core's own words.
    static QString leftOut(const ExchangeShare &s, const std::vector<ExchangeShare> &all);
    // "Δ vs Binance +$12.00 (+0.012 %)"
    static QString delta(const QString &reference, double price, double referencePrice);
};

}  // namespace lhm::ui
