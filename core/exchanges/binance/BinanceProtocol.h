#pragma once
// Binance USDⓈ-M futures streams: <sym>@forceOrder / !forceOrder@arr, @aggTrade, @trade,
// @markPrice, raw or inside the combined-stream envelope {"stream":..,"data":..}.
// Side rule: forceOrder's o.S is the liquidation ORDER's side, so SELL closes (liquidates) a LONG.
#include "feeds/ExchangeProtocol.h"
#include "feeds/FastJson.h"

namespace lhm::feeds {

class BinanceProtocol final : public ExchangeProtocol {
public:
    using ExchangeProtocol::ExchangeProtocol;
    Exchange exchange() const override { return Exchange::Binance; }
    void parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const override;
    QStringList subscribeMessages(const QStringList &unifiedSymbols) const override;
    QString pingMessage() const override { return {}; }

private:
    void parseForceOrder(const FastJson::View &msg, qint64 receiveMs, FrameResult &out) const;
    void parseTrade(const FastJson::View &msg, qint64 receiveMs, FrameResult &out) const;
    void parseMark(const FastJson::View &msg, qint64 receiveMs, FrameResult &out) const;
};

}  // namespace lhm::feeds
