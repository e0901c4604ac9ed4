#include "exchanges/okx/OkxRest.h"

#include "ingest/rest/BackfillRoute.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace lhm::rest {

// The envelope {"code":"0","msg":"","data":[...]} -> data.
static Result<QJsonArray> dataArray(const QByteArray &json, const QString &what) {
    auto parsed = parseJson(json, what);
    if (!parsed) return parsed.error();
    const QJsonDocument &doc = *parsed;
    if (!doc.isObject()) return Error(QStringLiteral("%1: expected an object").arg(what), {}, 0, QStringLiteral("(root)"));
    const QJsonObject o = doc.object();
    const QJsonValue code = o.value(QStringLiteral("code"));
    if (!code.isString()) return Error(QStringLiteral("%1: missing code").arg(what), {}, 0, QStringLiteral("code"));
    if (code.toString() != QLatin1String("0"))
        return Error(QStringLiteral("%1: code %2 (%3)").arg(what, code.toString(), o.value(QStringLiteral("msg")).toString()), {}, 0,
                     QStringLiteral("code"));
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (!data.isArray()) return Error(QStringLiteral("%1: expected an array").arg(what), {}, 0, QStringLiteral("data"));
    return data.toArray();
}

// Row i as `n` numbers after the timestamp; the error names the first bad field.
static std::optional<Error> row(const QJsonArray &data, qsizetype i, int n, const QString &what, qint64 *t, double *v) {
    const QJsonArray r = data.at(i).toArray();
    if (r.size() < n + 1)
        return Error(QStringLiteral("%1: row %2 has %3 fields, expected %4").arg(what).arg(i).arg(r.size()).arg(n + 1), {}, 0,
                     QStringLiteral("data[%1]").arg(i));
    int bad = jsonTime(r.at(0), t) ? -1 : 0;
    for (int k = 1; bad < 0 && k <= n; ++k)
        if (!jsonNumber(r.at(k), &v[k - 1])) bad = k;
    if (bad >= 0)
        return Error(QStringLiteral("%1: row %2 field %3 is not a number").arg(what).arg(i).arg(bad), {}, 0,
                     QStringLiteral("data[%1][%2]").arg(i).arg(bad));
    return std::nullopt;
}

Result<std::vector<Candle>> parseOkxCandles(const QByteArray &json) {
    const QString what = QStringLiteral("okx history-candles");
    auto data = dataArray(json, what);
    if (!data) return data.error();
    std::vector<Candle> out;
    out.reserve(size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) {
        Candle c;
        double v[7] = {};  // o h l c vol volCcy volCcyQuote (confirm is not needed)
        if (auto e = row(*data, i, 7, what, &c.openTime, v)) return *e;
        c.open = v[0], c.high = v[1], c.low = v[2], c.close = v[3];
        c.volume = v[5];
        c.quoteVolume = v[6];
        c.closeTime = c.openTime + 59999;
        out.push_back(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const Candle &a, const Candle &b) { return a.openTime < b.openTime; });
    return out;
}

Result<std::vector<OpenInterestPoint>> parseOkxOpenInterestVolume(const QByteArray &json) {
    const QString what = QStringLiteral("okx open-interest-volume");
    auto data = dataArray(json, what);
    if (!data) return data.error();
    std::vector<OpenInterestPoint> out;
    out.reserve(size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) {
        OpenInterestPoint p;
        double v[2] = {};  // oi vol, both USD
        if (auto e = row(*data, i, 2, what, &p.time, v)) return *e;
        p.openInterestValue = v[0];
        out.push_back(p);
    }
    std::stable_sort(out.begin(), out.end(), [](const OpenInterestPoint &a, const OpenInterestPoint &b) { return a.time < b.time; });
    return out;
}

void fillOkxOpenInterest(std::vector<OpenInterestPoint> &points, const std::vector<Candle> &candles1m) {
    // candles1m is sorted by openTime (as the parser returns it).
    for (OpenInterestPoint &p : points) {
        auto it = std::upper_bound(candles1m.begin(), candles1m.end(), p.time, [](qint64 t, const Candle &c) { return t < c.openTime; });
        if (it == candles1m.begin()) continue;
        --it;
        if (p.time < it->openTime + 60000 && it->close > 0) p.openInterest = p.openInterestValue / it->close;
    }
}

QString okxCurrency(const QString &instId) { return instId.section(QLatin1Char('-'), 0, 0); }

QUrl okxCandlesUrl(const QString &restBase, const QString &instId, qint64 fromMs, qint64 toMs, int limit) {
    return restUrl(restBase, QStringLiteral("/api/v5/market/history-candles"),
                {{QStringLiteral("instId"), instId}, {QStringLiteral("bar"), QStringLiteral("1m")},
                 {QStringLiteral("after"), QString::number(toMs + 1)}, {QStringLiteral("before"), QString::number(fromMs - 1)},
                 {QStringLiteral("limit"), QString::number(limit)}});
}

QUrl okxOpenInterestVolumeUrl(const QString &restBase, const QString &ccy, qint64 fromMs, qint64 toMs) {
    return restUrl(restBase, QStringLiteral("/api/v5/rubik/stat/contracts/open-interest-volume"),
                {{QStringLiteral("ccy"), ccy}, {QStringLiteral("period"), QStringLiteral("5m")},
                 {QStringLiteral("begin"), QString::number(fromMs)}, {QStringLiteral("end"), QString::number(toMs)}});
}

// The gap-backfill hook of config/ExchangeList.h.
std::optional<BackfillRoute> makeOkxBackfill(const QString &base, const QString &symbol, qint64 from1m, qint64 from5m, qint64 toMs) {
    BackfillRoute r;
    r.candlesUrl = okxCandlesUrl(base, symbol, from1m, toMs);
    r.oiUrl = okxOpenInterestVolumeUrl(base, okxCurrency(symbol), from5m, toMs);
    r.parseCandles = parseOkxCandles, r.parseOi = parseOkxOpenInterestVolume;
    r.candlesWhat = QStringLiteral("okx history-candles"), r.oiWhat = QStringLiteral("okx open-interest-volume");
    r.complete = fillOkxOpenInterest;
    return r;
}

}  // namespace lhm::rest
