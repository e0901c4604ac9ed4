#include "exchanges/bybit/BybitRest.h"

#include "ingest/rest/BackfillRoute.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace lhm::rest {

// The envelope {"retCode":0,"retMsg":"OK","result":{"list":[...]}} -> result.list.
static Result<QJsonArray> resultList(const QByteArray &json, const QString &what) {
    auto parsed = parseJson(json, what);
    if (!parsed) return parsed.error();
    const QJsonDocument &doc = *parsed;
    if (!doc.isObject()) return Error(QStringLiteral("%1: expected an object").arg(what), {}, 0, QStringLiteral("(root)"));
    const QJsonObject o = doc.object();
    const QJsonValue code = o.value(QStringLiteral("retCode"));
    if (!code.isDouble()) return Error(QStringLiteral("%1: missing retCode").arg(what), {}, 0, QStringLiteral("retCode"));
    if (code.toInt() != 0)
        return Error(QStringLiteral("%1: retCode %2 (%3)").arg(what).arg(code.toInt()).arg(o.value(QStringLiteral("retMsg")).toString()), {}, 0,
                     QStringLiteral("retCode"));
    const QJsonValue list = o.value(QStringLiteral("result")).toObject().value(QStringLiteral("list"));
    if (!list.isArray()) return Error(QStringLiteral("%1: expected an array").arg(what), {}, 0, QStringLiteral("result.list"));
    return list.toArray();
}

Result<std::vector<Candle>> parseBybitKlines(const QByteArray &json) {
    auto list = resultList(json, QStringLiteral("bybit kline"));
    if (!list) return list.error();
    std::vector<Candle> out;
    out.reserve(size_t(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonArray r = list->at(i).toArray();
        if (r.size() < 7)
            return Error(QStringLiteral("bybit kline: row %1 is not a 7-field kline").arg(i), {}, 0, QStringLiteral("result.list[%1]").arg(i));
        Candle c;
        double v[7] = {};
        int bad = jsonTime(r.at(0), &c.openTime) ? -1 : 0;
        for (int k = 1; bad < 0 && k < 7; ++k)
            if (!jsonNumber(r.at(k), &v[k])) bad = k;
        if (bad >= 0)
            return Error(QStringLiteral("bybit kline: row %1 field %2 is not a number").arg(i).arg(bad), {}, 0,
                         QStringLiteral("result.list[%1][%2]").arg(i).arg(bad));
        c.open = v[1], c.high = v[2], c.low = v[3], c.close = v[4], c.volume = v[5], c.quoteVolume = v[6];
        c.closeTime = c.openTime + 59999;
        out.push_back(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const Candle &a, const Candle &b) { return a.openTime < b.openTime; });
    return out;
}

Result<std::vector<OpenInterestPoint>> parseBybitOpenInterest(const QByteArray &json) {
    auto list = resultList(json, QStringLiteral("bybit open-interest"));
    if (!list) return list.error();
    std::vector<OpenInterestPoint> out;
    out.reserve(size_t(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonObject o = list->at(i).toObject();
        OpenInterestPoint p;
        if (!jsonTime(o.value(QStringLiteral("timestamp")), &p.time))
            return Error(QStringLiteral("bybit open-interest: row %1 lacks a timestamp").arg(i), {}, 0, QStringLiteral("result.list[%1].timestamp").arg(i));
        if (!jsonNumber(o.value(QStringLiteral("openInterest")), &p.openInterest))
            return Error(QStringLiteral("bybit open-interest: row %1 lacks openInterest").arg(i), {}, 0,
                         QStringLiteral("result.list[%1].openInterest").arg(i));
        out.push_back(p);
    }
    std::stable_sort(out.begin(), out.end(), [](const OpenInterestPoint &a, const OpenInterestPoint &b) { return a.time < b.time; });
    return out;
}

void fillBybitOpenInterestValue(std::vector<OpenInterestPoint> &points, const std::vector<Candle> &candles1m) {
    // candles1m is sorted by openTime (as the parser returns it).
    for (OpenInterestPoint &p : points) {
        auto it = std::upper_bound(candles1m.begin(), candles1m.end(), p.time, [](qint64 t, const Candle &c) { return t < c.openTime; });
        if (it == candles1m.begin()) continue;
        --it;
        if (p.time < it->openTime + 60000) p.openInterestValue = p.openInterest * it->close;
    }
}

QUrl bybitKlinesUrl(const QString &restBase, const QString &symbol, qint64 fromMs, qint64 toMs, int limit) {
    return restUrl(restBase, QStringLiteral("/v5/market/kline"),
                {{QStringLiteral("category"), QStringLiteral("linear")}, {QStringLiteral("symbol"), symbol},
                 {QStringLiteral("interval"), QStringLiteral("1")}, {QStringLiteral("start"), QString::number(fromMs)},
                 {QStringLiteral("end"), QString::number(toMs)}, {QStringLiteral("limit"), QString::number(limit)}});
}

QUrl bybitOpenInterestUrl(const QString &restBase, const QString &symbol, qint64 fromMs, qint64 toMs, int limit) {
    return restUrl(restBase, QStringLiteral("/v5/market/open-interest"),
                {{QStringLiteral("category"), QStringLiteral("linear")}, {QStringLiteral("symbol"), symbol},
                 {QStringLiteral("intervalTime"), QStringLiteral("5min")}, {QStringLiteral("startTime"), QString::number(fromMs)},
                 {QStringLiteral("endTime"), QString::number(toMs)}, {QStringLiteral("limit"), QString::number(limit)}});
}

// The gap-backfill hook of config/ExchangeList.h.
std::optional<BackfillRoute> makeBybitBackfill(const QString &base, const QString &symbol, qint64 from1m, qint64 from5m, qint64 toMs) {
    BackfillRoute r;
    r.candlesUrl = bybitKlinesUrl(base, symbol, from1m, toMs);
    r.oiUrl = bybitOpenInterestUrl(base, symbol, from5m, toMs);
    r.parseCandles = parseBybitKlines, r.parseOi = parseBybitOpenInterest;
    r.candlesWhat = QStringLiteral("bybit kline"), r.oiWhat = QStringLiteral("bybit open-interest");
    r.complete = fillBybitOpenInterestValue;
    return r;
}

}  // namespace lhm::rest
