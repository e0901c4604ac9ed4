#pragma once
// Loopback REST servers for Bybit, OKX and Hyperliquid history, answering as each exchange's
// documentation describes: the same paths and parameters, newest-first pages (Bybit, OKX) or
// oldest-first (Hyperliquid), the page limits, Bybit's nextPageCursor, OKX's exclusive
// after/before and begin/end bounds, Hyperliquid's POST /info bodies. The data is a
// small generated market (one value per row index, so every expected number can be worked out
// by hand) with optional holes; individual pages can be made to fail (429 with Retry-After, a
// malformed field). Handlers run on the HttpTestServer thread.
#include "HttpTestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QUrlQuery>
#include <algorithm>
#include <functional>
#include <set>
#include <vector>

namespace lhm::test {

// Row i of each series: candle i opens at day + i min (open 60000 + i, high +10, low -10, close
// open + 2, volume 1 + i % 5); open interest k at day + 5k min; funding f at day + 8f h.
struct GeneratedMarket {
    qint64 day = 0;                     // 00:00 UTC of the first day, ms
    int minutes = 1440, oiPoints = 288, fundingPoints = 3;
    std::set<int> missingCandles;       // exchange-side holes (minute indexes)
    double candleOpen(int i) const { return 60000 + i; }
    double candleClose(int i) const { return 60000 + i + 2; }
    double candleVolume(int i) const { return 1 + i % 5; }
    qint64 candleTime(int i) const { return day + qint64(i) * 60000; }
    qint64 oiTime(int k) const { return day + qint64(k) * 300000; }
    qint64 fundingTime(int f) const { return day + qint64(f) * 8 * 3600000; }
    double fundingRate(int f) const { return f == 1 ? -0.00005 : 0.0001 + 0.00001 * f; }
    // Indexes of rows with time in [lo, hi], newest first or oldest first.
    template <class TimeOf>
    std::vector<int> pick(int n, TimeOf timeOf, qint64 lo, qint64 hi, bool newestFirst, const std::set<int> &holes = {}) const {
        std::vector<int> out;
        for (int i = 0; i < n; ++i)
            if (!holes.count(i) && timeOf(i) >= lo && timeOf(i) <= hi) out.push_back(i);
        if (newestFirst) std::reverse(out.begin(), out.end());
        return out;
    }
};

inline QByteArray json(const QJsonValue &v) {
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact) : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}
inline qint64 qnum(const QUrlQuery &q, const char *key, qint64 fallback) {
    bool ok = false;
    const qint64 v = q.queryItemValue(QLatin1String(key)).toLongLong(&ok);
    return ok ? v : fallback;
}
inline QString str(double v) { return QString::number(v, 'g', 17); }

// Per-request overrides: return a response to replace the exchange's answer.
using Override = std::function<std::optional<HttpResponse>(const HttpRequestRecord &)>;

inline HttpHandler bybitServer(GeneratedMarket m, Override override = {}) {
    return [m, override](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
        if (override)
            if (auto o = override(r)) return o;
        const QUrlQuery q(r.query);
        QJsonArray list;
        QString cursor;
        const qint64 lo = qnum(q, r.path.endsWith(QLatin1String("kline")) ? "start" : "startTime", 0);
        const qint64 hi = qnum(q, r.path.endsWith(QLatin1String("kline")) ? "end" : "endTime", std::numeric_limits<qint64>::max());
        if (r.path == QLatin1String("/v5/market/kline")) {
            const int limit = int(std::min<qint64>(1000, qnum(q, "limit", 200)));
            const auto rows = m.pick(m.minutes, [&](int i) { return m.candleTime(i); }, lo, hi, true, m.missingCandles);
            for (size_t n = 0; n < rows.size() && int(n) < limit; ++n) {
                const int i = rows[n];
                const double o = m.candleOpen(i), v = m.candleVolume(i);
                list.append(QJsonArray{QString::number(m.candleTime(i)), str(o), str(o + 10), str(o - 10), str(m.candleClose(i)), str(v), str(v * o)});
            }
        } else if (r.path == QLatin1String("/v5/market/open-interest")) {
            // The cursor Bybit returns is URL-encoded text ("lastid%3D<n>%26lasttime%3D<s>"), sent back as is.
            const int limit = int(std::min<qint64>(200, qnum(q, "limit", 50)));
            int skip = 0;
            const QString c = q.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
            if (!c.isEmpty()) skip = QUrlQuery(c).queryItemValue(QStringLiteral("lastid")).toInt();
            const auto rows = m.pick(m.oiPoints, [&](int k) { return m.oiTime(k); }, lo, hi, true);
            int n = skip;
            for (; n < int(rows.size()) && n < skip + limit; ++n)
                list.append(QJsonObject{{"openInterest", str(50000 + rows[size_t(n)])}, {"timestamp", QString::number(m.oiTime(rows[size_t(n)]))}});
            if (n < int(rows.size())) cursor = QStringLiteral("lastid%3D%1%26lasttime%3D%2").arg(n).arg(m.oiTime(rows[size_t(n - 1)]) / 1000);
        } else if (r.path == QLatin1String("/v5/market/funding/history")) {
            const int limit = int(std::min<qint64>(200, qnum(q, "limit", 200)));
            const auto rows = m.pick(m.fundingPoints, [&](int f) { return m.fundingTime(f); }, lo, hi, true);
            for (size_t n = 0; n < rows.size() && int(n) < limit; ++n)
                list.append(QJsonObject{{"symbol", q.queryItemValue(QStringLiteral("symbol"))},
                                        {"fundingRate", str(m.fundingRate(rows[n]))},
                                        {"fundingRateTimestamp", QString::number(m.fundingTime(rows[n]))}});
        } else {
            return HttpResponse{404, "{}", {}};
        }
        QJsonObject result{{"category", "linear"}, {"symbol", q.queryItemValue(QStringLiteral("symbol"))}, {"list", list}};
        if (r.path.endsWith(QLatin1String("open-interest"))) result.insert(QStringLiteral("nextPageCursor"), cursor);
        return HttpResponse{200, json(QJsonObject{{"retCode", 0}, {"retMsg", "OK"}, {"result", result}, {"retExtInfo", QJsonObject{}}, {"time", 1}}), {}};
    };
}

// OKX: contracts of 0.01 BTC; open interest k is 5,000,000 + k contracts, worth (50,000 + 0.01k) × 60,000 USD.
inline HttpHandler okxServer(GeneratedMarket m, Override override = {}) {
    return [m, override](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
        if (override)
            if (auto o = override(r)) return o;
        const QUrlQuery q(r.query);
        const int limit = int(std::min<qint64>(100, qnum(q, "limit", 100)));
        QJsonArray data;
        // after: older than (exclusive); before: newer than (exclusive).
        const qint64 hiEx = qnum(q, "after", std::numeric_limits<qint64>::max()), loEx = qnum(q, "before", -1);
        if (r.path == QLatin1String("/api/v5/market/history-candles")) {
            const auto rows = m.pick(m.minutes, [&](int i) { return m.candleTime(i); }, loEx + 1, hiEx - 1, true, m.missingCandles);
            for (size_t n = 0; n < rows.size() && int(n) < limit; ++n) {
                const int i = rows[n];
                const double o = m.candleOpen(i), v = m.candleVolume(i);
                data.append(QJsonArray{QString::number(m.candleTime(i)), str(o), str(o + 10), str(o - 10), str(m.candleClose(i)),
                                       str(v * 100), str(v), str(v * o), "1"});
            }
        } else if (r.path == QLatin1String("/api/v5/rubik/stat/contracts/open-interest-history")) {
            // begin: newer than (exclusive); end: older than (exclusive), as OKX's v5 docs say.
            const auto rows = m.pick(m.oiPoints, [&](int k) { return m.oiTime(k); }, qnum(q, "begin", -1) + 1,
                                     qnum(q, "end", std::numeric_limits<qint64>::max()) - 1, true);
            for (size_t n = 0; n < rows.size() && int(n) < limit; ++n) {
                const int k = rows[n];
                const double base = 50000 + 0.01 * k;
                data.append(QJsonArray{QString::number(m.oiTime(k)), str(5000000 + k), str(base), str(base * 60000)});
            }
        } else if (r.path == QLatin1String("/api/v5/public/funding-rate-history")) {
            const auto rows = m.pick(m.fundingPoints, [&](int f) { return m.fundingTime(f); }, loEx + 1, hiEx - 1, true);
            for (size_t n = 0; n < rows.size() && int(n) < limit; ++n)
                data.append(QJsonObject{{"instType", "SWAP"},
                                        {"instId", q.queryItemValue(QStringLiteral("instId"))},
                                        {"fundingRate", str(m.fundingRate(rows[n]) + 0.00001)},
                                        {"realizedRate", str(m.fundingRate(rows[n]))},
                                        {"fundingTime", QString::number(m.fundingTime(rows[n]))},
                                        {"method", "current_period"}});
        } else {
            return HttpResponse{404, "{}", {}};
        }
        return HttpResponse{200, json(QJsonObject{{"code", "0"}, {"msg", ""}, {"data", data}}), {}};
    };
}

// Hyperliquid POST /info; fundingHistory answers with `fundingRows` (e.g. the recorded response).
inline HttpHandler hyperliquidServer(GeneratedMarket m, QJsonArray fundingRows, Override override = {}) {
    return [m, fundingRows, override](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
        if (override)
            if (auto o = override(r)) return o;
        if (r.path != QLatin1String("/info") || r.method != "POST") return HttpResponse{405, "{}", {}};
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const QString type = body.value(QStringLiteral("type")).toString();
        QJsonArray out;
        if (type == QLatin1String("candleSnapshot")) {
            const QJsonObject req = body.value(QStringLiteral("req")).toObject();
            const auto rows = m.pick(m.minutes, [&](int i) { return m.candleTime(i); }, qint64(req.value(QStringLiteral("startTime")).toDouble()),
                                     qint64(req.value(QStringLiteral("endTime")).toDouble()), false, m.missingCandles);
            for (size_t n = 0; n < rows.size() && n < 5000; ++n) {
                const int i = rows[n];
                const double o = m.candleOpen(i);
                out.append(QJsonObject{{"t", double(m.candleTime(i))}, {"T", double(m.candleTime(i) + 59999)},
                                       {"s", req.value(QStringLiteral("coin"))}, {"i", req.value(QStringLiteral("interval"))},
                                       {"o", str(o)}, {"c", str(m.candleClose(i))}, {"h", str(o + 10)}, {"l", str(o - 10)},
                                       {"v", str(m.candleVolume(i))}, {"n", 10 + i}});
            }
        } else if (type == QLatin1String("fundingHistory")) {
            const qint64 lo = qint64(body.value(QStringLiteral("startTime")).toDouble());
            const qint64 hi = body.contains(QStringLiteral("endTime")) ? qint64(body.value(QStringLiteral("endTime")).toDouble())
                                                                        : std::numeric_limits<qint64>::max();
            for (const QJsonValue &v : fundingRows) {
                const qint64 t = qint64(v.toObject().value(QStringLiteral("time")).toDouble());
                if (t >= lo && t <= hi && v.toObject().value(QStringLiteral("coin")) == body.value(QStringLiteral("coin"))) out.append(v);
            }
        } else {
            return HttpResponse{422, "Failed to deserialize the JSON body", {}};
        }
        return HttpResponse{200, json(out), {}};
    };
}

}  // namespace lhm::test
