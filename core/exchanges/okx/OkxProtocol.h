#pragma once
// OKX v5 public stream: liquidation-orders (one channel per instType, it carries EVERY instrument
// of that type, so unlisted instruments are normally skipped) and tickers. Sizes are in
// CONTRACTS and become base units with the instrument's contract value (BTC-USDT-SWAP: 0.01 BTC).
// Side rule: posSide long/short is the liquidated position; in net mode side "sell" closes a long.
// OKX closes connections idle for 30 s, so the client sends the text "ping" and gets "pong".
#include "feeds/ExchangeProtocol.h"
#include "feeds/FastJson.h"

namespace lhm::feeds {

class OkxProtocol final : public ExchangeProtocol {
public:
    using ExchangeProtocol::ExchangeProtocol;
    Exchange exchange() const override { return Exchange::Okx; }
    void parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const override;
    QStringList subscribeMessages(const QStringList &unifiedSymbols) const override;
    QString pingMessage() const override { return QStringLiteral("ping"); }

protected:
    // BTCUSDT -> BTC-USDT-SWAP
    QString defaultNative(const QString &unified) const override;

private:
    void parseLiquidations(const FastJson::View &rec, qint64 receiveMs, FrameResult &out) const;
    void parseTicker(const FastJson::View &rec, qint64 receiveMs, FrameResult &out) const;
};

}  // namespace lhm::feeds
