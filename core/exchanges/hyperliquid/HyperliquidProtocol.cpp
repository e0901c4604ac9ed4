#include "exchanges/hyperliquid/HyperliquidProtocol.h"

#include "feeds/JsonFields.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lhm::feeds {

using namespace Qt::Literals::StringLiterals;
using json::View;

void HyperliquidProtocol::parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const {
    thread_local FastJson doc;
    View msg, channel, data;
    if (!json::parseObject(doc, frame, &msg, out) || !json::string(msg, "channel", &channel, out)) return;
    if (channel.raw() == "pong" || channel.raw() == "subscriptionResponse") {
        out.control = true;
        return;
    }
    if (channel.raw() != "trades") {
        out.ignored = true;
        return;
    }
    if (!json::array(msg, "data", &data, out)) return;
    for (const View t : data) {
        if (!t.isObject()) {
            json::fail(out, ParseErrorKind::NotAnObject, "data[]");
            continue;
        }
        View coin, side;
        double px = 0, sz = 0;
        qint64 time = 0;
        if (!json::string(t, "coin", &coin, out) || !json::string(t, "side", &side, out) || !json::number(t, "px", &px, out) ||
            !json::number(t, "sz", &sz, out) || !json::millis(t, "time", &time, out) || !json::positive(px, "px", out))
            continue;
        // "B": the aggressor bought (hit the ask), "A": the aggressor sold.
        if (side.raw() != "B" && side.raw() != "A") {
            json::fail(out, ParseErrorKind::BadValue, "side");
            continue;
        }
        SymbolSpec spec;
        if (!lookup(coin.raw(), &spec, out)) continue;
        out.ticks.push_back({name(Exchange::Hyperliquid), spec.unified, PriceTick::Kind::Trade, px, sz * spec.contractValue,
                             side.raw() == "B", time, receiveMs});
    }
}

QString HyperliquidProtocol::defaultNative(const QString &unified) const {
    for (const QLatin1String quote : {"USDT"_L1, "USDC"_L1, "USD"_L1})
        if (unified.endsWith(quote) && unified.size() > quote.size()) return unified.left(unified.size() - quote.size());
    return unified;
}

QStringList HyperliquidProtocol::subscribeMessages(const QStringList &unifiedSymbols) const {
    QStringList out;
    for (const QString &u : unifiedSymbols) {
        const QJsonObject sub{{u"type"_s, u"trades"_s}, {u"coin"_s, nativeSymbol(u)}};
        const QJsonObject req{{u"method"_s, u"subscribe"_s}, {u"subscription"_s, sub}};
        out << QString::fromUtf8(QJsonDocument(req).toJson(QJsonDocument::Compact));
    }
    return out;
}

// The protocol hook of config/ExchangeList.h.
std::unique_ptr<ExchangeProtocol> makeHyperliquidProtocol(SymbolTable symbols) { return std::make_unique<HyperliquidProtocol>(std::move(symbols)); }

}  // namespace lhm::feeds
