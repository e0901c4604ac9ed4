#pragma once
// Hyperliquid public stream: trades per coin, used for price and trade flow. Hyperliquid has NO
// public liquidation stream (liquidations only show up in a user's own fills), so this feed never
// produces LiquidationEvents; the UI and `lhm live` say so. The server drops connections idle for
// 60 s: the client sends {"method":"ping"} and gets {"channel":"pong"}.
#include "feeds/ExchangeProtocol.h"

namespace lhm::feeds {

class HyperliquidProtocol final : public ExchangeProtocol {
public:
    using ExchangeProtocol::ExchangeProtocol;
    Exchange exchange() const override { return Exchange::Hyperliquid; }
    void parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const override;
    QStringList subscribeMessages(const QStringList &unifiedSymbols) const override;
    QString pingMessage() const override { return QStringLiteral(R"({"method":"ping"})"); }

protected:
    // BTCUSDT -> BTC (Hyperliquid names perps by coin)
    QString defaultNative(const QString &unified) const override;
};

}  // namespace lhm::feeds
