#pragma once
// config/exchanges.yaml: per exchange the WebSocket and REST endpoints, ping and watchdog timings
// and the symbol mapping (unified -> native, contract value). Validated on load; errors name the
// file, line and field. Plain data so that core/config stays independent of core/feeds.
#include "common/Error.h"

#include <QByteArray>
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

struct ExchangeConfig {
    QString name;  // binance | bybit | okx | hyperliquid
    QString wsUrl;
    QString restUrl;
    int pingIntervalMs = 20000;
    int watchdogMs = 30000;
    bool liquidationStream = true;
    std::vector<ExchangeSymbolConfig> symbols;

    const ExchangeSymbolConfig *symbol(const QString &unified) const;
};

class ExchangesConfig {
public:
    static Result<ExchangesConfig> parse(const QByteArray &yaml, const QString &fileName);
    static Result<ExchangesConfig> loadFile(const QString &path);
    // configDir()/exchanges.yaml
    static Result<ExchangesConfig> load();

    const std::vector<ExchangeConfig> &exchanges() const { return exchanges_; }
    const ExchangeConfig *find(const QString &name) const;
    ExchangeConfig *find(const QString &name);
    QStringList names() const;

private:
    std::vector<ExchangeConfig> exchanges_;
};

}  // namespace lhm
