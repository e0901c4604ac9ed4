#include "ingest/rest/BinanceRest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace lhm::rest {

// Binance sends prices as strings and times as numbers; accept either for both.
static bool num(const QJsonValue &v, double *out) {
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    bool ok = false;
    if (v.isString()) *out = v.toString().toDouble(&ok);
    return ok;
}

static Result<QJsonArray> topArray(const QByteArray &json, const QString &what) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return Error(QStringLiteral("%1: malformed JSON: %2").arg(what, err.errorString()));
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
        for (int k = 0; ok && k < 11; ++k) ok = num(r.at(k), &v[k]);
        if (!ok) return Error(QStringLiteral("klines: row %1 is not an 11+ field kline").arg(i));
        Candle c;
        c.openTime = qint64(v[0]);
        c.open = v[1], c.high = v[2], c.low = v[3], c.close = v[4], c.volume = v[5];
        c.closeTime = qint64(v[6]);
        c.quoteVolume = v[7];
        c.trades = qint64(v[8]);
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
        double t = 0;
        if (!num(o.value(QStringLiteral("timestamp")), &t) || !num(o.value(QStringLiteral("sumOpenInterest")), &p.openInterest) ||
            !num(o.value(QStringLiteral("sumOpenInterestValue")), &p.openInterestValue))
            return Error(QStringLiteral("openInterestHist: row %1 lacks timestamp/sumOpenInterest/sumOpenInterestValue").arg(i));
        p.time = qint64(t);
        out.push_back(p);
    }
    return out;
}

static QUrl make(const QString &base, const QString &path, const QList<QPair<QString, QString>> &items) {
    QUrl url(base);
    url.setPath(url.path() + path);
    QUrlQuery q;
    q.setQueryItems(items);
    url.setQuery(q);
    return url;
}

QUrl binanceKlinesUrl(const QString &restBase, const QString &symbol, const QString &interval, qint64 fromMs,
                      qint64 toMs, int limit) {
    return make(restBase, QStringLiteral("/fapi/v1/klines"),
                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("interval"), interval},
                 {QStringLiteral("startTime"), QString::number(fromMs)}, {QStringLiteral("endTime"), QString::number(toMs)},
                 {QStringLiteral("limit"), QString::number(limit)}});
}

QUrl binanceOpenInterestHistUrl(const QString &restBase, const QString &symbol, const QString &period, qint64 fromMs,
                                qint64 toMs, int limit) {
    return make(restBase, QStringLiteral("/futures/data/openInterestHist"),
                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("period"), period},
                 {QStringLiteral("startTime"), QString::number(fromMs)}, {QStringLiteral("endTime"), QString::number(toMs)},
                 {QStringLiteral("limit"), QString::number(limit)}});
}

}  // namespace lhm::rest
