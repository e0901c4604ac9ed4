#include "exchanges/binance/BinanceRest.h"

#include "ingest/rest/BackfillRoute.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lhm::rest {

static Result<QJsonArray> topArray(const QByteArray &json, const QString &what) {
    auto parsed = parseJson(json, what);
    if (!parsed) return parsed.error();
    const QJsonDocument &doc = *parsed;
    if (!doc.isArray()) {
        // Errors come back as {"code":-1121,"msg":"Invalid symbol."}
        const QJsonObject o = doc.object();
        return Error(QStringLiteral("%1: expected an array (%2)").arg(what, o.value(QStringLiteral("msg")).toString()));
    }
    return doc.array();
}

Result<std::vector<Candle>> parseBinanceKlines(const QByteArray &json) {
    auto arr = topArray(json, QStringLiteral("klines"));
    if (!arr) return arr.error();
    std::vector<Candle> out;
    out.reserve(size_t(arr->size()));
    for (qsizetype i = 0; i < arr->size(); ++i) {
        const QJsonArray r = arr->at(i).toArray();
        double v[11];
        bool ok = r.size() >= 11;
        for (int k = 0; ok && k < 11; ++k) ok = jsonNumber(r.at(k), &v[k]);
        if (!ok) return Error(QStringLiteral("klines: row %1 is not an 11+ field kline").arg(i));
        Candle c;
        if (!jsonTime(r.at(0), &c.openTime) || !jsonTime(r.at(6), &c.closeTime) || !jsonCount(r.at(8), &c.trades))
            return Error(QStringLiteral("klines: row %1 has an open time, close time or trade count out of range").arg(i));
        c.open = v[1], c.high = v[2], c.low = v[3], c.close = v[4], c.volume = v[5];
        c.quoteVolume = v[7];
        c.takerBuyVolume = v[9], c.takerBuyQuoteVolume = v[10];
        out.push_back(c);
    }
    return out;
}

Result<std::vector<OpenInterestPoint>> parseBinanceOpenInterestHist(const QByteArray &json) {
    auto arr = topArray(json, QStringLiteral("openInterestHist"));
    if (!arr) return arr.error();
    std::vector<OpenInterestPoint> out;
    out.reserve(size_t(arr->size()));
    for (qsizetype i = 0; i < arr->size(); ++i) {
        const QJsonObject o = arr->at(i).toObject();
        OpenInterestPoint p;
        if (!jsonTime(o.value(QStringLiteral("timestamp")), &p.time) || !jsonNumber(o.value(QStringLiteral("sumOpenInterest")), &p.openInterest) ||
            !jsonNumber(o.value(QStringLiteral("sumOpenInterestValue")), &p.openInterestValue))
            return Error(QStringLiteral("openInterestHist: row %1 lacks timestamp/sumOpenInterest/sumOpenInterestValue").arg(i));
        out.push_back(p);
    }
    return out;
}

QUrl binanceKlinesUrl(const QString &restBase, const QString &symbol, const QString &interval, qint64 fromMs,
                      qint64 toMs, int limit) {
    return restUrl(restBase, QStringLiteral("/fapi/v1/klines"),
                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("interval"), interval},
                 {QStringLiteral("startTime"), QString::number(fromMs)}, {QStringLiteral("endTime"), QString::number(toMs)},
                 {QStringLiteral("limit"), QString::number(limit)}});
}

QUrl binanceOpenInterestHistUrl(const QString &restBase, const QString &symbol, const QString &period, qint64 fromMs,
                                qint64 toMs, int limit) {
    return restUrl(restBase, QStringLiteral("/futures/data/openInterestHist"),
                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("period"), period},
                 {QStringLiteral("startTime"), QString::number(fromMs)}, {QStringLiteral("endTime"), QString::number(toMs)},
                 {QStringLiteral("limit"), QString::number(limit)}});
}

// The gap-backfill hook of config/ExchangeList.h.
std::optional<BackfillRoute> makeBinanceBackfill(const QString &base, const QString &symbol, qint64 from1m, qint64 from5m, qint64 toMs) {
    BackfillRoute r;
    r.candlesUrl = binanceKlinesUrl(base, symbol, QStringLiteral("1m"), from1m, toMs);
    r.oiUrl = binanceOpenInterestHistUrl(base, symbol, QStringLiteral("5m"), from5m, toMs);
    r.parseCandles = parseBinanceKlines, r.parseOi = parseBinanceOpenInterestHist;
    r.candlesWhat = QStringLiteral("klines"), r.oiWhat = QStringLiteral("openInterestHist");
    return r;
}

}  // namespace lhm::rest
