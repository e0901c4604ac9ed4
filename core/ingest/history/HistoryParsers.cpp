#include "ingest/history/HistoryParsers.h"

#include "exchanges/bybit/BybitRest.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace lhm::rest {

namespace {

Error pageError(const QString &what, const QString &field, const QString &why) {
    return Error(QStringLiteral("%1: %2 %3").arg(what, field, why), {}, 0, field);
}

template <class Row>
void sortByTime(std::vector<Row> &rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if constexpr (std::is_same_v<Row, Candle>) return a.openTime < b.openTime;
        else return a.time < b.time;
    });
}

// {"retCode":0,"retMsg":"OK","result":{...}} -> result
Result<QJsonObject> bybitResult(const QByteArray &json, const QString &what) {
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    if (!doc->isObject()) return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not an object"));
    const QJsonObject o = doc->object();
    const QJsonValue code = o.value(QStringLiteral("retCode"));
    if (!code.isDouble()) return pageError(what, QStringLiteral("retCode"), QStringLiteral("is missing"));
    if (code.toInt() != 0)
        return pageError(what, QStringLiteral("retCode"),
                         QStringLiteral("is %1 (%2)").arg(code.toInt()).arg(o.value(QStringLiteral("retMsg")).toString().left(200)));
    const QJsonValue result = o.value(QStringLiteral("result"));
    if (!result.isObject()) return pageError(what, QStringLiteral("result"), QStringLiteral("is not an object"));
    if (!result.toObject().value(QStringLiteral("list")).isArray())
        return pageError(what, QStringLiteral("result.list"), QStringLiteral("is not an array"));
    return result.toObject();
}

// {"code":"0","msg":"","data":[...]} -> data
Result<QJsonArray> okxData(const QByteArray &json, const QString &what) {
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    if (!doc->isObject()) return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not an object"));
    const QJsonObject o = doc->object();
    const QJsonValue code = o.value(QStringLiteral("code"));
    if (!code.isString()) return pageError(what, QStringLiteral("code"), QStringLiteral("is missing"));
    if (code.toString() != QLatin1String("0"))
        return pageError(what, QStringLiteral("code"),
                         QStringLiteral("is %1 (%2)").arg(code.toString().left(20), o.value(QStringLiteral("msg")).toString().left(200)));
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (!data.isArray()) return pageError(what, QStringLiteral("data"), QStringLiteral("is not an array"));
    return data.toArray();
}

Result<QJsonArray> topArray(const QByteArray &json, const QString &what) {
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    if (!doc->isArray()) return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not an array"));
    return doc->array();
}

bool fundingRate(const QJsonValue &v, double *out) {
    // A funding rate beyond ±100 % per interval is not a rate: refuse it like a malformed field.
    return jsonNumber(v, out) && *out >= -1 && *out <= 1;
}

}  // namespace

Result<BybitOpenInterestPage> parseBybitOpenInterestPage(const QByteArray &json) {
    const QString what = QStringLiteral("bybit open-interest");
    auto result = bybitResult(json, what);
    if (!result) return result.error();
    auto rows = parseBybitOpenInterest(json);
    if (!rows) return rows.error();
    BybitOpenInterestPage page;
    page.rows = std::move(*rows);
    const QJsonValue cursor = result->value(QStringLiteral("nextPageCursor"));
    if (!cursor.isUndefined() && !cursor.isNull() && !cursor.isString())
        return pageError(what, QStringLiteral("result.nextPageCursor"), QStringLiteral("is not a string"));
    page.nextCursor = cursor.toString();
    if (page.nextCursor.size() > 1024) return pageError(what, QStringLiteral("result.nextPageCursor"), QStringLiteral("is longer than 1024"));
    return page;
}

Result<std::vector<FundingPoint>> parseBybitFunding(const QByteArray &json, int intervalHours) {
    const QString what = QStringLiteral("bybit funding/history");
    auto result = bybitResult(json, what);
    if (!result) return result.error();
    const QJsonArray list = result->value(QStringLiteral("list")).toArray();
    std::vector<FundingPoint> out;
    out.reserve(size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        FundingPoint f;
        f.intervalHours = intervalHours;
        if (!jsonTime(o.value(QStringLiteral("fundingRateTimestamp")), &f.time))
            return pageError(what, QStringLiteral("result.list[%1].fundingRateTimestamp").arg(i), QStringLiteral("is not a time"));
        if (!fundingRate(o.value(QStringLiteral("fundingRate")), &f.rate))
            return pageError(what, QStringLiteral("result.list[%1].fundingRate").arg(i), QStringLiteral("is not a rate"));
        out.push_back(f);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<OpenInterestPoint>> parseOkxOpenInterestHistory(const QByteArray &json, double contractValue) {
    const QString what = QStringLiteral("okx open-interest-history");
    auto data = okxData(json, what);
    if (!data) return data.error();
    std::vector<OpenInterestPoint> out;
    out.reserve(size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) {
        const QJsonArray r = data->at(i).toArray();
        if (r.size() < 4) return pageError(what, QStringLiteral("data[%1]").arg(i), QStringLiteral("has %1 fields, expected 4").arg(r.size()));
        OpenInterestPoint p;
        double contracts = 0, usd = 0;
        if (!jsonTime(r.at(0), &p.time)) return pageError(what, QStringLiteral("data[%1][0]").arg(i), QStringLiteral("(ts) is not a time"));
        if (!jsonNumber(r.at(1), &contracts)) return pageError(what, QStringLiteral("data[%1][1]").arg(i), QStringLiteral("(oi) is not a number"));
        if (!jsonNumber(r.at(3), &usd)) return pageError(what, QStringLiteral("data[%1][3]").arg(i), QStringLiteral("(oiUsd) is not a number"));
        p.openInterest = contracts * contractValue;
        p.openInterestValue = usd;
        out.push_back(p);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<FundingPoint>> parseOkxFundingHistory(const QByteArray &json, int intervalHours) {
    const QString what = QStringLiteral("okx funding-rate-history");
    auto data = okxData(json, what);
    if (!data) return data.error();
    std::vector<FundingPoint> out;
    out.reserve(size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) {
        const QJsonObject o = data->at(i).toObject();
        FundingPoint f;
        f.intervalHours = intervalHours;
        if (!jsonTime(o.value(QStringLiteral("fundingTime")), &f.time))
            return pageError(what, QStringLiteral("data[%1].fundingTime").arg(i), QStringLiteral("is not a time"));
        const QJsonValue realized = o.value(QStringLiteral("realizedRate"));
        const bool hasRealized = realized.isString() ? !realized.toString().isEmpty() : realized.isDouble();
        const QString field = hasRealized ? QStringLiteral("realizedRate") : QStringLiteral("fundingRate");
        if (!fundingRate(o.value(field), &f.rate)) return pageError(what, QStringLiteral("data[%1].%2").arg(i).arg(field), QStringLiteral("is not a rate"));
        out.push_back(f);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<Candle>> parseHyperliquidCandles(const QByteArray &json) {
    const QString what = QStringLiteral("hyperliquid candleSnapshot");
    auto list = topArray(json, what);
    if (!list) return list.error();
    std::vector<Candle> out;
    out.reserve(size_t(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        if (!list->at(i).isObject()) return pageError(what, QStringLiteral("[%1]").arg(i), QStringLiteral("is not an object"));
        const QJsonObject o = list->at(i).toObject();
        Candle c;
        if (!jsonTime(o.value(QStringLiteral("t")), &c.openTime)) return pageError(what, QStringLiteral("[%1].t").arg(i), QStringLiteral("is not a time"));
        if (!jsonTime(o.value(QStringLiteral("T")), &c.closeTime)) return pageError(what, QStringLiteral("[%1].T").arg(i), QStringLiteral("is not a time"));
        const std::pair<const char *, double *> fields[] = {{"o", &c.open}, {"h", &c.high}, {"l", &c.low}, {"c", &c.close}, {"v", &c.volume}};
        for (const auto &[key, dst] : fields)
            if (!jsonNumber(o.value(QLatin1String(key)), dst))
                return pageError(what, QStringLiteral("[%1].%2").arg(i).arg(QLatin1String(key)), QStringLiteral("is not a number"));
        if (o.contains(QStringLiteral("n")) && !jsonCount(o.value(QStringLiteral("n")), &c.trades))
            return pageError(what, QStringLiteral("[%1].n").arg(i), QStringLiteral("is not a count"));
        // No quote volume on the wire: base volume × the candle's typical price, an estimate.
        c.quoteVolume = c.volume * (c.high + c.low + c.close) / 3;
        out.push_back(c);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<FundingPoint>> parseHyperliquidFunding(const QByteArray &json) {
    const QString what = QStringLiteral("hyperliquid fundingHistory");
    auto list = topArray(json, what);
    if (!list) return list.error();
    std::vector<FundingPoint> out;
    out.reserve(size_t(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        if (!list->at(i).isObject()) return pageError(what, QStringLiteral("[%1]").arg(i), QStringLiteral("is not an object"));
        const QJsonObject o = list->at(i).toObject();
        FundingPoint f;
        f.intervalHours = 1;
        if (!jsonTime(o.value(QStringLiteral("time")), &f.time)) return pageError(what, QStringLiteral("[%1].time").arg(i), QStringLiteral("is not a time"));
        if (!fundingRate(o.value(QStringLiteral("fundingRate")), &f.rate))
            return pageError(what, QStringLiteral("[%1].fundingRate").arg(i), QStringLiteral("is not a rate"));
        out.push_back(f);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<HyperliquidAssetContext>> parseHyperliquidAssetContexts(const QByteArray &json) {
    const QString what = QStringLiteral("hyperliquid metaAndAssetCtxs");
    auto list = topArray(json, what);
    if (!list) return list.error();
    if (list->size() != 2 || !list->at(0).isObject() || !list->at(1).isArray())
        return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not [meta, contexts]"));
    const QJsonValue universe = list->at(0).toObject().value(QStringLiteral("universe"));
    if (!universe.isArray()) return pageError(what, QStringLiteral("[0].universe"), QStringLiteral("is not an array"));
    const QJsonArray names = universe.toArray(), ctxs = list->at(1).toArray();
    if (names.size() != ctxs.size())
        return pageError(what, QStringLiteral("[1]"), QStringLiteral("has %1 contexts for %2 assets").arg(ctxs.size()).arg(names.size()));
    std::vector<HyperliquidAssetContext> out;
    out.reserve(size_t(ctxs.size()));
    for (qsizetype i = 0; i < ctxs.size(); ++i) {
        HyperliquidAssetContext a;
        a.coin = names.at(i).toObject().value(QStringLiteral("name")).toString();
        if (a.coin.isEmpty() || a.coin.size() > 40) return pageError(what, QStringLiteral("[0].universe[%1].name").arg(i), QStringLiteral("is not a coin name"));
        const QJsonObject c = ctxs.at(i).toObject();
        if (!jsonNumber(c.value(QStringLiteral("openInterest")), &a.openInterest))
            return pageError(what, QStringLiteral("[1][%1].openInterest").arg(i), QStringLiteral("is not a number"));
        if (!jsonNumber(c.value(QStringLiteral("markPx")), &a.markPx))
            return pageError(what, QStringLiteral("[1][%1].markPx").arg(i), QStringLiteral("is not a number"));
        if (c.contains(QStringLiteral("funding")) && !jsonNumber(c.value(QStringLiteral("funding")), &a.funding))
            return pageError(what, QStringLiteral("[1][%1].funding").arg(i), QStringLiteral("is not a number"));
        out.push_back(a);
    }
    return out;
}

}  // namespace lhm::rest
