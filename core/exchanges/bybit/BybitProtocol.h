#pragma once
// Bybit v5 public linear stream: allLiquidation.<SYMBOL> (and the older liquidation.<SYMBOL>) and
// tickers.<SYMBOL>. Side rule: S is the POSITION's side, so "Buy" means a LONG was liquidated —
// the opposite of Binance's order side. Bybit drops connections that send nothing for a while,
// so the client sends {"op":"ping"} every 20 s.
#include "feeds/ExchangeProtocol.h"
#include "feeds/FastJson.h"

namespace lhm::feeds {

class BybitProtocol final : public ExchangeProtocol {
public:
    using ExchangeProtocol::ExchangeProtocol;
    Exchange exchange() const override { return Exchange::Bybit; }
    void parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const override;
    QStringList subscribeMessages(const QStringList &unifiedSymbols) const override;
    QString pingMessage() const override { return QStringLiteral(R"({"op":"ping"})"); }

private:
    void parseLiquidation(const FastJson::View &rec, bool legacy, qint64 receiveMs, FrameResult &out) const;
    void parseTicker(const FastJson::View &msg, qint64 receiveMs, FrameResult &out) const;
};

}  // namespace lhm::feeds
