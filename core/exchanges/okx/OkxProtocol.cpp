#include "exchanges/okx/OkxProtocol.h"

#include "feeds/JsonFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lhm::feeds {

using namespace Qt::Literals::StringLiterals;
using json::View;

void OkxProtocol::parse(const QByteArray &frame, qint64 receiveMs, FrameResult &out) const {
    if (frame == "pong") {
        out.control = true;
        return;
    }
    thread_local FastJson doc;
    View msg;
    if (!json::parseObject(doc, frame, &msg, out)) return;
    if (msg.contains("event")) {  // subscribe / error / notice replies
        out.control = true;
        return;
    }
    View arg, channel, data;
    if (!json::object(msg, "arg", &arg, out) || !json::string(arg, "channel", &channel, out)) return;
    const bool liq = channel.raw() == "liquidation-orders";
    if (!liq && channel.raw() != "tickers") {
        out.ignored = true;
        return;
    }
    if (!json::array(msg, "data", &data, out)) return;
    for (const View rec : data) {
        if (!rec.isObject()) json::fail(out, ParseErrorKind::NotAnObject, "data[]");
        else if (liq) parseLiquidations(rec, receiveMs, out);
        else parseTicker(rec, receiveMs, out);
    }
}

void OkxProtocol::parseLiquidations(const View &rec, qint64 receiveMs, FrameResult &out) const {
    View instId, details;
    if (!json::string(rec, "instId", &instId, out) || !json::array(rec, "details", &details, out)) return;
    SymbolSpec spec;
    if (!lookup(instId.raw(), &spec, out)) return;
    for (const View d : details) {
        if (!d.isObject()) {
            json::fail(out, ParseErrorKind::NotAnObject, "details[]");
            continue;
        }
        View posSide, side;
        double sz = 0, px = 0;
        qint64 time = 0;
        if (!json::string(d, "posSide", &posSide, out) || !json::number(d, "sz", &sz, out) || !json::number(d, "bkPx", &px, out) ||
            !json::millis(d, "ts", &time, out) || !json::positive(sz, "sz", out) || !json::positive(px, "bkPx", out))
            continue;
        Side liquidated;
        if (posSide.raw() == "long") {
            liquidated = Side::Long;
        } else if (posSide.raw() == "short") {
            liquidated = Side::Short;
        } else if (posSide.raw() == "net") {
            // One-way mode: the liquidation order's side tells which position it closed.
            if (!json::string(d, "side", &side, out)) continue;
            if (side.raw() == "sell") liquidated = Side::Long;
            else if (side.raw() == "buy") liquidated = Side::Short;
            else {
                json::fail(out, ParseErrorKind::BadValue, "side");
                continue;
            }
        } else {
            json::fail(out, ParseErrorKind::BadValue, "posSide");
            continue;
        }
        // sz is in contracts: base = sz * ctVal (linear) or sz * ctVal / price (inverse, ctVal in USD).
        const double qty = spec.contractInQuote ? sz * spec.contractValue / px : sz * spec.contractValue;
        out.liquidations.push_back({name(Exchange::Okx), spec.unified, liquidated, px, qty, px * qty, time, receiveMs});
    }
}

void OkxProtocol::parseTicker(const View &rec, qint64 receiveMs, FrameResult &out) const {
    View instId;
    double last = 0;
    qint64 time = 0;
    if (!json::string(rec, "instId", &instId, out) || !json::number(rec, "last", &last, out) || !json::millis(rec, "ts", &time, out) ||
        !json::positive(last, "last", out))
        return;
    SymbolSpec spec;
    if (!lookup(instId.raw(), &spec, out)) return;
    out.ticks.push_back({name(Exchange::Okx), spec.unified, PriceTick::Kind::Last, last, 0, false, time, receiveMs});
}

QString OkxProtocol::defaultNative(const QString &unified) const {
    for (const QLatin1String quote : {"USDT"_L1, "USDC"_L1, "USD"_L1})
        if (unified.endsWith(quote) && unified.size() > quote.size())
            return unified.left(unified.size() - quote.size()) + u'-' + quote + u"-SWAP"_s;
    return unified;
}

QStringList OkxProtocol::subscribeMessages(const QStringList &unifiedSymbols) const {
    QJsonArray args;
    args << QJsonObject{{u"channel"_s, u"liquidation-orders"_s}, {u"instType"_s, u"SWAP"_s}};
    for (const QString &u : unifiedSymbols)
        args << QJsonObject{{u"channel"_s, u"tickers"_s}, {u"instId"_s, nativeSymbol(u)}};
    QJsonObject req{{u"op"_s, u"subscribe"_s}, {u"args"_s, args}};
    return {QString::fromUtf8(QJsonDocument(req).toJson(QJsonDocument::Compact))};
}

// The protocol hook of config/ExchangeList.h.
std::unique_ptr<ExchangeProtocol> makeOkxProtocol(SymbolTable symbols) { return std::make_unique<OkxProtocol>(std::move(symbols)); }

}  // namespace lhm::feeds
