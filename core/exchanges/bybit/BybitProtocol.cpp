#include "exchanges/bybit/BybitProtocol.h"

#include "feeds/JsonFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lhm::feeds {

using namespace Qt::Literals::StringLiterals;
using json::View;

static bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

void BybitProtocol::parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const {
    thread_local FastJson doc;
    View msg;
    if (!json::parseObject(doc, frame, &msg, out)) return;
    const View topicValue = msg["topic"];
    if (!topicValue.isValid()) {
        // {"op":"pong",...}, {"success":true,"op":"subscribe",...}
        if (msg.contains("op") || msg.contains("success")) out.control = true;
        else out.ignored = true;
        return;
    }
    if (!topicValue.isString()) return json::fail(out, ParseErrorKind::WrongType, "topic");
    const std::string_view topic = topicValue.raw();
    const bool all = startsWith(topic, "allLiquidation.");
    if (all || startsWith(topic, "liquidation.")) {
        const View data = msg["data"];
        if (!data.isValid()) return json::fail(out, ParseErrorKind::MissingField, "data");
        if (data.isObject()) return parseLiquidation(data, !all, receiveMs, out);
        if (!data.isArray()) return json::fail(out, ParseErrorKind::WrongType, "data");
        for (const View rec : data) {
            if (!rec.isObject()) json::fail(out, ParseErrorKind::NotAnObject, "data[]");
            else parseLiquidation(rec, !all, receiveMs, out);
        }
    } else if (startsWith(topic, "tickers.")) {
        parseTicker(msg, receiveMs, out);
    } else {
        out.ignored = true;
    }
}

void BybitProtocol::parseLiquidation(const View &rec, bool legacy, qint64 receiveMs, FrameResult &out) const {
    // allLiquidation uses one-letter keys; the older liquidation topic spells them out.
    const auto key = [legacy](std::string_view shortKey, std::string_view longKey) { return legacy ? longKey : shortKey; };
    View native, side;
    double price = 0, size = 0;
    qint64 time = 0;
    if (!json::string(rec, key("s", "symbol"), &native, out) || !json::string(rec, key("S", "side"), &side, out) ||
        !json::number(rec, key("v", "size"), &size, out) || !json::number(rec, key("p", "price"), &price, out) ||
        !json::millis(rec, key("T", "updatedTime"), &time, out) || !json::positive(size, key("v", "size"), out) ||
        !json::positive(price, key("p", "price"), out))
        return;
    // S is the POSITION side.
    Side liquidated;
    if (side.raw() == "Buy") liquidated = Side::Long;
    else if (side.raw() == "Sell") liquidated = Side::Short;
    else return json::fail(out, ParseErrorKind::BadValue, key("S", "side"));
    SymbolSpec spec;
    if (!lookup(native.raw(), &spec, out)) return;
    const double qty = spec.contractInQuote ? size * spec.contractValue / price : size * spec.contractValue;
    out.liquidations.push_back({name(Exchange::Bybit), spec.unified, liquidated, price, qty, price * qty, time, receiveMs});
}

void BybitProtocol::parseTicker(const View &msg, qint64 receiveMs, FrameResult &out) const {
    View data, native;
    qint64 time = 0;
    if (!json::object(msg, "data", &data, out) || !json::string(data, "symbol", &native, out) || !json::millis(msg, "ts", &time, out))
        return;
    // Deltas carry only the fields that changed: no price in a delta is not an error.
    double price = 0;
    PriceTick::Kind kind = PriceTick::Kind::Last;
    const size_t errorsBefore = out.errors.size();
    if (!json::optionalNumber(data, "lastPrice", &price, out)) {
        if (out.errors.size() != errorsBefore) return;
        kind = PriceTick::Kind::Mark;
        if (!json::optionalNumber(data, "markPrice", &price, out)) {
            if (out.errors.size() == errorsBefore) out.ignored = true;
            return;
        }
    }
    if (!json::positive(price, "lastPrice", out)) return;
    SymbolSpec spec;
    if (!lookup(native.raw(), &spec, out)) return;
    out.ticks.push_back({name(Exchange::Bybit), spec.unified, kind, price, 0, false, time, receiveMs});
}

QStringList BybitProtocol::subscribeMessages(const QStringList &unifiedSymbols) const {
    QJsonArray args;
    for (const QString &u : unifiedSymbols) {
        const QString s = nativeSymbol(u);
        args << u"allLiquidation."_s + s << u"tickers."_s + s;
    }
    QJsonObject req{{u"op"_s, u"subscribe"_s}, {u"args"_s, args}};
    return {QString::fromUtf8(QJsonDocument(req).toJson(QJsonDocument::Compact))};
}

// The protocol hook of config/ExchangeList.h.
std::unique_ptr<ExchangeProtocol> makeBybitProtocol(SymbolTable symbols) { return std::make_unique<BybitProtocol>(std::move(symbols)); }

}  // namespace lhm::feeds
