#pragma once
// The exchanges this build knows (one registration line each, in ExchangeRegistry.cpp) merged
// with config/exchanges.yaml: endpoints and timings per exchange, and ONE symbol table mapping
// every unified symbol to each exchange's instrument name and contract value
// (BTCUSDT <-> BTC-USDT-SWAP (ctVal 0.01) <-> BTC). Validated on load; errors name the file,
// line and field. Plain data, so core/config stays independent of feeds and ingest.
#include "common/Error.h"
#include "config/ExchangeDescriptor.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace lhm {

class ExchangeRegistry {
public:
    // Every exchange this build supports with its code facts and default endpoints, in display order.
    static const std::vector<ExchangeDescriptor> &builtins();
    static const ExchangeDescriptor *builtin(const QString &name);
    static QStringList knownNames();  // binance, bybit, okx, hyperliquid

    // The exchanges a config lists (only those), each merged with its built-in facts.
    static Result<ExchangeRegistry> parse(const QByteArray &yaml, const QString &fileName);
    static Result<ExchangeRegistry> loadFile(const QString &path);
    // configDir()/exchanges.yaml
    static Result<ExchangeRegistry> load();
    // Every built-in with its defaults and no symbol table (no config at hand).
    static ExchangeRegistry defaults();

    const std::vector<ExchangeDescriptor> &exchanges() const { return exchanges_; }
    const ExchangeDescriptor *find(const QString &name) const;
    ExchangeDescriptor *find(const QString &name);
    QStringList names() const;

private:
    std::vector<ExchangeDescriptor> exchanges_;
};

}  // namespace lhm
