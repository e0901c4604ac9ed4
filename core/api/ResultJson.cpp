#include "api/ResultJson.h"

#include "api/JsonWriter.h"
#include "api/ModelArgs.h"
#include "common/Types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace lhm::api {

namespace {

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

using L = QLatin1String;

void coverage(JsonWriter &w, qint64 from, qint64 to, qint64 requestedFrom) {
    w.key(L("coverage")).beginObject();
    w.key(L("from")).value(double(from)).key(L("requested_from")).value(double(requestedFrom)).key(L("to")).value(double(to));
    w.endObject();
}

void cluster(JsonWriter &w, const Cluster &c) {
    w.beginObject();
    w.key(L("high")).value(cents(c.high)).key(L("low")).value(cents(c.low)).key(L("notional")).value(cents(c.notional));
    w.key(L("price")).value(cents(c.price)).key(L("side")).value(L(sideName(c.side)));
    w.endObject();
}

// The fields every document adds to its result: the exchanges it covers and the fitted profile.
// An "All exchanges" result carries every exchange asked for, and no single profile applies to it.
void exchangesField(JsonWriter &w, const HeatmapRequest &req, const std::vector<ExchangeShare> &exchanges) {
    w.key(L("exchanges")).value(QJsonValue(exchanges.empty() ? singleExchangeJson(req.exchange) : exchangesJson(exchanges)));
}
void profileField(JsonWriter &w, Store &store, const HeatmapRequest &req, const std::vector<ExchangeShare> &exchanges) {
    w.key(L("profile"));
    if (exchanges.empty()) w.value(profileJson(store, req));
    else w.null();
}

}  // namespace

// Keys are written in QJsonObject's (sorted) order: the documents were QJsonObjects before, and
// their bytes are the API's contract with the CLI.
QByteArray heatmapDocument(Store &store, const HeatmapRequest &req, const HeatmapGrid &g) {
    JsonWriter w(qsizetype(g.cols()) * g.rows * 8 + 4096);
    w.beginObject();
    w.key(L("bucket")).value(g.bucketSize).key(L("confidence")).value(g.confidence);
    coverage(w, g.coverageFrom, g.coverageTo, g.requestedFrom);
    w.key(L("current_price")).value(g.currentPrice).key(L("estimate")).value(true).key(L("exchange")).value(g.exchange);
    exchangesField(w, req, g.exchanges);
    w.key(L("interval")).value(g.interval);
    auto cells = [&](const char *name, bool longSide) {
        w.key(L(name)).beginArray();
        for (int c = 0; c < g.cols(); ++c) {
            w.beginArray();
            for (int r = 0; r < g.rows; ++r) w.value(cents(longSide ? g.longAt(c, r) : g.shortAt(c, r)));
            w.endArray();
        }
        w.endArray();
    };
    cells("long", true);
    w.key(L("model")).value(g.model);
    w.key(L("predicted_liquidations")).beginArray();
    for (const PredictedLiquidation &p : g.predicted) {
        w.beginObject();
        w.key(L("leverage")).value(p.leverage).key(L("notional")).value(cents(p.notional)).key(L("price")).value(cents(p.price));
        w.key(L("side")).value(L(sideName(p.side))).key(L("time")).value(double(p.time));
        w.endObject();
    }
    w.endArray();
    w.key(L("price_min")).value(g.priceMin);
    w.key(L("prices")).beginArray();
    for (int r = 0; r < g.rows; ++r) w.value(cents(g.rowCenter(r)));
    w.endArray();
    w.key(L("prices_are")).value(L("bucket_centres"));
    profileField(w, store, req, g.exchanges);
    cells("short", false);
    w.key(L("symbol")).value(g.symbol);
    w.key(L("times")).beginArray();
    for (qint64 t : g.times) w.value(double(t));
    w.endArray();
    w.key(L("window")).value(g.window);
    w.endObject();
    return w.take();
}

QByteArray levelsDocument(Store &store, const HeatmapRequest &req, const LiquidationMap &m) {
    const size_t L_ = m.leverages.size();
    JsonWriter w(qsizetype(m.rows) * qsizetype(L_ + 2) * 20 + 4096);
    auto column = [&](const char *name, const std::vector<double> &v) {
        w.key(L(name)).beginArray();
        for (int r = 0; r < m.rows; ++r) w.value(cents(v[size_t(r)]));
        w.endArray();
    };
    auto cells = [&](const char *name, const std::vector<double> &v) {
        w.key(L(name)).beginArray();
        for (int r = 0; r < m.rows; ++r) {
            w.beginArray();
            for (size_t k = 0; k < L_; ++k) w.value(cents(v[size_t(r) * L_ + k]));
            w.endArray();
        }
        w.endArray();
    };
    w.beginObject();
    w.key(L("at")).value(double(m.at)).key(L("bucket")).value(m.bucketSize);
    coverage(w, m.coverageFrom, m.coverageTo, m.requestedFrom);
    column("cumulative_long", m.cumulativeLong);
    column("cumulative_short", m.cumulativeShort);
    w.key(L("current_price")).value(m.currentPrice).key(L("estimate")).value(true).key(L("exchange")).value(m.exchange);
    exchangesField(w, req, m.exchanges);
    w.key(L("leverages")).beginArray();
    for (double l : m.leverages) w.value(l);
    w.endArray();
    cells("long", m.longNotional);
    w.key(L("model")).value(m.model).key(L("price_min")).value(m.priceMin);
    w.key(L("prices")).beginArray();
    for (int r = 0; r < m.rows; ++r) w.value(cents(m.rowCenter(r)));
    w.endArray();
    w.key(L("prices_are")).value(L("bucket_centres"));
    profileField(w, store, req, m.exchanges);
    cells("short", m.shortNotional);
    w.key(L("symbol")).value(m.symbol).key(L("window")).value(m.window);
    w.endObject();
    return w.take();
}

QByteArray comparisonDocument(Store &store, const HeatmapRequest &req, const ModelComparison &c) {
    const HeatmapGrid &g = c.grids.front();
    JsonWriter w(4096);
    w.beginObject();
    w.key(L("agreement")).value(c.agreement).key(L("bucket")).value(g.bucketSize).key(L("confidence")).value(c.confidence);
    w.key(L("confidence_reason")).value(L(confidenceReasonName(c.confidenceReason)));
    coverage(w, g.coverageFrom, g.coverageTo, g.requestedFrom);
    w.key(L("current_price")).value(g.currentPrice);
    w.key(L("disagreement_zones")).beginArray();
    for (const auto &[lo, hi] : c.disagreementZones) w.beginArray().value(cents(lo)).value(cents(hi)).endArray();
    w.endArray();
    w.key(L("estimate")).value(true).key(L("exchange")).value(c.exchange);
    exchangesField(w, req, c.exchanges);
    w.key(L("interval")).value(g.interval);
    w.key(L("models")).beginArray();
    for (size_t i = 0; i < c.summaries.size(); ++i) {
        const ModelSummary &s = c.summaries[i];
        double predicted = 0;
        for (const PredictedLiquidation &pl : c.grids[i].predicted) predicted += pl.notional;
        w.beginObject();
        w.key(L("clusters")).beginArray();
        for (const Cluster &cl : s.clusters) cluster(w, cl);
        w.endArray();
        w.key(L("confidence")).value(s.confidence).key(L("model")).value(s.model);
        w.key(L("predicted_notional")).value(cents(predicted));
        w.key(L("total_long")).value(cents(s.totalLong)).key(L("total_short")).value(cents(s.totalShort));
        w.endObject();
    }
    w.endArray();
    profileField(w, store, req, c.exchanges);
    w.key(L("skipped")).beginArray();
    for (const auto &[m, why] : c.skipped)
        w.beginObject().key(L("model")).value(m).key(L("reason")).value(L(missingInputSentence(why))).endObject();
    w.endArray();
    w.key(L("symbol")).value(c.symbol).key(L("window")).value(c.window);
    w.endObject();
    return w.take();
}

QByteArray liquidationLine(const LiquidationEvent &e) {
    return "{\"type\":\"liquidation\",\"exchange\":" + jsonString(e.exchange) + ",\"symbol\":" + jsonString(e.symbol) +
           ",\"side\":\"" + sideName(e.side) + "\",\"price\":" + num(e.price) + ",\"qty\":" + num(e.qty) +
           ",\"notional\":" + num(e.notional) + ",\"time\":" + QByteArray::number(e.time) + '}';
}

}  // namespace lhm::api
