#include "api/ResultJson.h"

#include "api/ModelArgs.h"
#include "common/Types.h"

#include <QJsonArray>
#include <QLocale>

namespace lhm::api {

namespace {

QJsonObject coverageJson(qint64 from, qint64 to, qint64 requestedFrom) {
    return QJsonObject{{"from", double(from)}, {"to", double(to)}, {"requested_from", double(requestedFrom)}};
}

QJsonObject clusterJson(const Cluster &c) {
    return QJsonObject{{"side", QString::fromLatin1(sideName(c.side))}, {"price", cents(c.price)}, {"low", cents(c.low)},
                       {"high", cents(c.high)}, {"notional", cents(c.notional)}};
}

QByteArray num(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest).toLatin1(); }

// A JSON string as `lhm live` writes it: quotes and backslashes escaped; control bytes become
// \u00XX (the CLI's terminal escaping does the same, so both read back as the same text).
QByteArray jsonString(const QString &s) {
    QByteArray out = "\"";
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'\\' || u == u'"') out += '\\', out += char(u);
        else if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) out += QStringLiteral("\\u%1").arg(unsigned(u), 4, 16, QLatin1Char('0')).toLatin1();
        else out += QString(c).toUtf8();
    }
    return out + '"';
}

}  // namespace

QJsonObject heatmapJson(const HeatmapGrid &g) {
    QJsonArray times, prices, longs, shorts, predicted;
    for (qint64 t : g.times) times.append(double(t));
    for (int r = 0; r < g.rows; ++r) prices.append(cents(g.rowCenter(r)));
    for (int c = 0; c < g.cols(); ++c) {
        QJsonArray l, s;
        for (int r = 0; r < g.rows; ++r) {
            l.append(cents(g.longAt(c, r)));
            s.append(cents(g.shortAt(c, r)));
        }
        longs.append(l);
        shorts.append(s);
    }
    for (const PredictedLiquidation &p : g.predicted)
        predicted.append(QJsonObject{{"time", double(p.time)}, {"price", cents(p.price)},
                                     {"side", QString::fromLatin1(sideName(p.side))}, {"notional", cents(p.notional)},
                                     {"leverage", p.leverage}});
    return QJsonObject{{"symbol", g.symbol},
                       {"exchange", g.exchange},
                       {"model", g.model},
                       {"window", g.window},
                       {"interval", g.interval},
                       {"bucket", g.bucketSize},
                       {"price_min", g.priceMin},
                       {"prices_are", QStringLiteral("bucket_centres")},
                       {"times", times},
                       {"prices", prices},
                       {"long", longs},
                       {"short", shorts},
                       {"predicted_liquidations", predicted},
                       {"current_price", g.currentPrice},
                       {"confidence", g.confidence},
                       {"coverage", coverageJson(g.coverageFrom, g.coverageTo, g.requestedFrom)},
                       {"estimate", true}};
}

QJsonObject levelsJson(const LiquidationMap &m) {
    const size_t L = m.leverages.size();
    QJsonArray leverages, prices, longs, shorts, cumLong, cumShort;
    for (double l : m.leverages) leverages.append(l);
    for (int r = 0; r < m.rows; ++r) {
        prices.append(cents(m.rowCenter(r)));
        QJsonArray l, s;
        for (size_t k = 0; k < L; ++k) {
            l.append(cents(m.longNotional[size_t(r) * L + k]));
            s.append(cents(m.shortNotional[size_t(r) * L + k]));
        }
        longs.append(l);
        shorts.append(s);
        cumLong.append(cents(m.cumulativeLong[size_t(r)]));
        cumShort.append(cents(m.cumulativeShort[size_t(r)]));
    }
    return QJsonObject{{"symbol", m.symbol},        {"exchange", m.exchange},   {"model", m.model},
                       {"window", m.window},        {"at", double(m.at)},       {"current_price", m.currentPrice},
                       {"bucket", m.bucketSize},    {"price_min", m.priceMin}, {"prices_are", QStringLiteral("bucket_centres")},
                       {"leverages", leverages},    {"prices", prices},         {"long", longs},
                       {"short", shorts},           {"cumulative_long", cumLong}, {"cumulative_short", cumShort},
                       {"coverage", coverageJson(m.coverageFrom, m.coverageTo, m.requestedFrom)}, {"estimate", true}};
}

QJsonObject comparisonJson(const ModelComparison &c) {
    const HeatmapGrid &g = c.grids.front();
    QJsonArray models, zones, skipped;
    for (size_t i = 0; i < c.summaries.size(); ++i) {
        const ModelSummary &s = c.summaries[i];
        QJsonArray clusters;
        for (const Cluster &cl : s.clusters) clusters.append(clusterJson(cl));
        double predicted = 0;
        for (const PredictedLiquidation &pl : c.grids[i].predicted) predicted += pl.notional;
        models.append(QJsonObject{{"model", s.model}, {"total_long", cents(s.totalLong)},
                                  {"total_short", cents(s.totalShort)}, {"confidence", s.confidence},
                                  {"predicted_notional", cents(predicted)}, {"clusters", clusters}});
    }
    for (const auto &[lo, hi] : c.disagreementZones) zones.append(QJsonArray{cents(lo), cents(hi)});
    for (const auto &[m, why] : c.skipped) skipped.append(QJsonObject{{"model", m}, {"reason", QString::fromLatin1(missingInputSentence(why))}});
    return QJsonObject{{"symbol", c.symbol}, {"exchange", c.exchange}, {"window", c.window},
                       {"interval", g.interval}, {"bucket", g.bucketSize},
                       {"current_price", g.currentPrice}, {"agreement", c.agreement},
                       {"confidence", c.confidence},
                       {"confidence_reason", QString::fromLatin1(confidenceReasonName(c.confidenceReason))},
                       {"disagreement_zones", zones},
                       {"skipped", skipped}, {"models", models}, {"estimate", true},
                       {"coverage", coverageJson(g.coverageFrom, g.coverageTo, g.requestedFrom)}};
}

namespace {
// The fields every document adds to its result: the fitted profile and the exchanges it covers. An
// "All exchanges" result carries every exchange asked for, and no single profile applies to it.
QJsonObject withSource(QJsonObject o, Store &store, const HeatmapRequest &req, const std::vector<ExchangeShare> &exchanges) {
    const bool all = !exchanges.empty();
    o[QStringLiteral("profile")] = all ? QJsonValue() : profileJson(store, req);
    o[QStringLiteral("exchanges")] = all ? exchangesJson(exchanges) : singleExchangeJson(req.exchange);
    return o;
}
}  // namespace

QJsonObject heatmapDocument(Store &store, const HeatmapRequest &req, const HeatmapGrid &g) {
    return withSource(heatmapJson(g), store, req, g.exchanges);
}

QJsonObject levelsDocument(Store &store, const HeatmapRequest &req, const LiquidationMap &m) {
    return withSource(levelsJson(m), store, req, m.exchanges);
}

QJsonObject comparisonDocument(Store &store, const HeatmapRequest &req, const ModelComparison &c) {
    return withSource(comparisonJson(c), store, req, c.exchanges);
}

QByteArray liquidationLine(const LiquidationEvent &e) {
    return "{\"type\":\"liquidation\",\"exchange\":" + jsonString(e.exchange) + ",\"symbol\":" + jsonString(e.symbol) +
           ",\"side\":\"" + sideName(e.side) + "\",\"price\":" + num(e.price) + ",\"qty\":" + num(e.qty) +
           ",\"notional\":" + num(e.notional) + ",\"time\":" + QByteArray::number(e.time) + '}';
}

}  // namespace lhm::api
