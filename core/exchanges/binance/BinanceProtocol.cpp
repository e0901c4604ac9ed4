#include "exchanges/binance/BinanceProtocol.h"

#include "feeds/JsonFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lhm::feeds {

using namespace Qt::Literals::StringLiterals;
using json::View;

void BinanceProtocol::parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const {
    thread_local FastJson doc;  // node buffer reused frame after frame
    View msg;
    if (!json::parseObject(doc, frame, &msg, out)) return;
    // Combined streams wrap the event; a raw stream sends it bare.
    if (msg.contains("stream")) {
        const View data = msg["data"];
        if (data.isValid()) {
            // !forceOrder@arr has always been one object per frame; anything else is not ours to guess.
            if (!data.isObject()) return json::fail(out, ParseErrorKind::WrongType, "data");
            msg = data;
        }
    }
    const View e = msg["e"];
    if (!e.isValid()) {
        // {"result":null,"id":1} answers our SUBSCRIBE.
        if (msg.contains("id")) out.control = true;
        else out.ignored = true;
        return;
    }
    if (!e.isString()) return json::fail(out, ParseErrorKind::WrongType, "e");
    const std::string_view type = e.raw();
    if (type == "forceOrder") parseForceOrder(msg, receiveMs, out);
    else if (type == "aggTrade" || type == "trade") parseTrade(msg, receiveMs, out);
    else if (type == "markPriceUpdate") parseMark(msg, receiveMs, out);
    else out.ignored = true;  // depthUpdate, bookTicker, kline...: not used here
}

void BinanceProtocol::parseForceOrder(const View &msg, qint64 receiveMs, FrameResult &out) const {
    View o, native, side;
    double price = 0, qty = 0;
    qint64 time = 0;
    if (!json::object(msg, "o", &o, out) || !json::string(o, "s", &native, out) || !json::string(o, "S", &side, out) ||
        !json::millis(o, "T", &time, out))
        return;
    // Filled quantity at the average price is what actually traded; a fresh order (z = 0,
    // ap = 0) falls back to the order's quantity and limit price.
    const size_t errorsBefore = out.errors.size();
    double z = 0, ap = 0;
    if (json::optionalNumber(o, "z", &z, out) && z > 0) qty = z;
    else if (out.errors.size() != errorsBefore || !json::number(o, "q", &qty, out)) return;
    if (json::optionalNumber(o, "ap", &ap, out) && ap > 0) price = ap;
    else if (out.errors.size() != errorsBefore || !json::number(o, "p", &price, out)) return;
    if (!json::positive(qty, "q", out) || !json::positive(price, "p", out)) return;
    Side liquidated;
    if (side.raw() == "SELL") liquidated = Side::Long;
    else if (side.raw() == "BUY") liquidated = Side::Short;
    else return json::fail(out, ParseErrorKind::BadValue, "S");
    SymbolSpec spec;
    if (!lookup(native.raw(), &spec, out)) return;
    qty *= spec.contractValue;
    out.liquidations.push_back({name(Exchange::Binance), spec.unified, liquidated, price, qty, price * qty, time, receiveMs});
}

void BinanceProtocol::parseTrade(const View &msg, qint64 receiveMs, FrameResult &out) const {
    View native;
    double price = 0, qty = 0;
    qint64 time = 0;
    if (!json::string(msg, "s", &native, out) || !json::number(msg, "p", &price, out) || !json::number(msg, "q", &qty, out) ||
        !json::millis(msg, "T", &time, out))
        return;
    const View m = msg["m"];
    if (m.isValid() && !m.isBool()) return json::fail(out, ParseErrorKind::WrongType, "m");
    if (!json::positive(price, "p", out)) return;
    SymbolSpec spec;
    if (!lookup(native.raw(), &spec, out)) return;
    // m: the buyer is the maker, so the taker sold.
    out.ticks.push_back({name(Exchange::Binance), spec.unified, PriceTick::Kind::Trade, price, qty * spec.contractValue,
                         !(m.isValid() && m.boolValue()), time, receiveMs});
}

void BinanceProtocol::parseMark(const View &msg, qint64 receiveMs, FrameResult &out) const {
    View native;
    double price = 0;
    qint64 time = 0;
    if (!json::string(msg, "s", &native, out) || !json::number(msg, "p", &price, out) || !json::millis(msg, "E", &time, out) ||
        !json::positive(price, "p", out))
        return;
    SymbolSpec spec;
    if (!lookup(native.raw(), &spec, out)) return;
    out.ticks.push_back({name(Exchange::Binance), spec.unified, PriceTick::Kind::Mark, price, 0, false, time, receiveMs});
}

QStringList BinanceProtocol::subscribeMessages(const QStringList &unifiedSymbols) const {
    QStringList streams;
    for (const QString &u : unifiedSymbols) {
        const QString s = nativeSymbol(u).toLower();
        streams << s + u"@forceOrder"_s << s + u"@aggTrade"_s << s + u"@markPrice@1s"_s;
    }
    QJsonObject req{{u"method"_s, u"SUBSCRIBE"_s}, {u"params"_s, QJsonArray::fromStringList(streams)}, {u"id"_s, 1}};
    return {QString::fromUtf8(QJsonDocument(req).toJson(QJsonDocument::Compact))};
}

// The protocol hook of config/ExchangeList.h.
std::unique_ptr<ExchangeProtocol> makeBinanceProtocol(SymbolTable symbols) { return std::make_unique<BinanceProtocol>(std::move(symbols)); }

}  // namespace lhm::feeds
