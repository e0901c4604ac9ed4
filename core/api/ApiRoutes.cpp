#include "api/ApiRoutes.h"

#include "alerts/RuleBook.h"
#include "api/AlertBody.h"
#include "api/ModelArgs.h"
#include "api/ResultJson.h"
#include "api/SignalQuery.h"
#include "config/ExchangeList.h"
#include "heatmap/HeatmapService.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>
#include <optional>

namespace lhm::api {

namespace {

// "binance, bybit, ...": the exchanges of config/ExchangeList.h, for messages.
QString knownExchangeList() {
    QStringList names;
    for (const char *id : kExchangeIds) names << QString::fromLatin1(id);
    return names.join(QStringLiteral(", "));
}

using alerts::AlertRule;
using alerts::RuleBook;

constexpr int kMaxHistoryEvents = 10000;
constexpr qint64 kDayMs = 24 * 3600'000LL;

QByteArray compact(const QJsonDocument &d) { return d.toJson(QJsonDocument::Compact); }
QByteArray compact(const QJsonObject &o) { return compact(QJsonDocument(o)); }

// A query parameter names the CLI flag with underscores: leverage_weights is --leverage-weights.
QString flagOf(const QString &param) { return QString(param).replace(u'_', u'-'); }
QString paramOf(const QString &flag) { return QString(flag).replace(u'-', u'_'); }

// Feeds the query to a parser holding the CLI's options, so both validate the same way.
// Valueless flags (no_profile) accept true/1 (set) and false/0 (absent).
std::optional<ApiResponse> parseQuery(QCommandLineParser &p, const ApiRequest &r, const QStringList &valueless = {}) {
    QStringList args{QStringLiteral("lhm")};
    for (const auto &[key, value] : r.query) {
        const QString flag = flagOf(key);
        if (flag.isEmpty() || flag.startsWith(u'-'))
            return ApiResponse::error(400, key, QStringLiteral("not a parameter name"));
        if (valueless.contains(flag)) {
            if (value == QLatin1String("true") || value == QLatin1String("1") || value.isEmpty()) args << QStringLiteral("--") + flag;
            else if (value != QLatin1String("false") && value != QLatin1String("0"))
                return ApiResponse::error(400, key, QStringLiteral("expects true or false"));
            continue;
        }
        args << QStringLiteral("--%1=%2").arg(flag, value);
    }
    const bool parsed = p.parse(args);
    if (!p.unknownOptionNames().isEmpty())
        return ApiResponse::error(400, paramOf(p.unknownOptionNames().first()), QStringLiteral("unknown parameter"));
    if (!parsed) return ApiResponse::error(400, QString(), p.errorText());
    return std::nullopt;
}

ApiResponse fromError(const Error &e) {
    // An error that names a parameter is the caller's; anything else means the store has no data
    // for what was asked (a symbol with no candles in the window, a period with no closed bar).
    if (!e.field.isEmpty()) return ApiResponse::error(400, paramOf(e.field), e.message);
    return ApiResponse::error(404, QString(), e.message);
}

// 404 for a symbol the store holds nothing for on that exchange (a well-formed but unknown name).
std::optional<ApiResponse> knownSymbol(Store &store, const QString &exchange, const QString &symbol) {
    for (const SeriesInfo &s : store.seriesInfo())
        if (s.exchange == exchange && s.symbol == symbol) return std::nullopt;
    return ApiResponse::error(404, QStringLiteral("symbol"), QStringLiteral("no data for %1 on %2").arg(symbol, exchange));
}

QJsonObject healthJson(const feeds::FeedHealth &h) {
    return QJsonObject{{"exchange", h.exchange},
                       {"state", QString::fromLatin1(feeds::feedStateName(h.state))},
                       {"last_message_age_ms", double(h.lastMessageAgeMs)},
                       {"messages", double(h.messages)},
                       {"liquidations", double(h.liquidations)},
                       {"reconnects", double(h.reconnects)},
                       {"parse_errors", double(h.parseErrors)},
                       {"liquidation_stream", h.liquidationStream}};
}

QJsonObject liveJson(const LiveStatus &live) {
    QJsonArray feeds;
    for (const feeds::FeedHealth &h : live.health) feeds.append(healthJson(h));
    return QJsonObject{{"running", live.running},
                       {"exchanges", QJsonArray::fromStringList(live.exchanges)},
                       {"symbols", QJsonArray::fromStringList(live.symbols)},
                       {"feeds", feeds},
                       {"stream_clients", live.streamClients},
                       {"events_relayed", double(live.eventsRelayed)}};
}

ApiResponse health(Store &store, const LiveStatus &live, const QString &version) {
    return ApiResponse::json(compact(QJsonObject{{"status", QStringLiteral("ok")},
                                                 {"version", version},
                                                 {"series", int(store.seriesInfo().size())},
                                                 {"live", liveJson(live)}}));
}

ApiResponse exchanges(Store &store, const LiveStatus &live) {
    const std::vector<SeriesInfo> series = store.seriesInfo();
    QJsonArray out;
    for (const char *name : kExchangeIds) {  // config/ExchangeList.h
        const QString ex = QLatin1String(name);
        QStringList symbols;
        qint64 from = 0, to = 0;
        int n = 0;
        for (const SeriesInfo &s : series) {
            if (s.exchange != ex) continue;
            ++n;
            if (!symbols.contains(s.symbol)) symbols << s.symbol;
            if (s.from > 0 && (from == 0 || s.from < from)) from = s.from;
            to = std::max(to, s.to);
        }
        symbols.sort();
        QJsonValue feed = QJsonValue::Null;
        for (const feeds::FeedHealth &h : live.health)
            if (h.exchange == ex) feed = healthJson(h);
        out.append(QJsonObject{{"exchange", ex},
                               {"symbols", QJsonArray::fromStringList(symbols)},
                               {"series", n},
                               {"from", from > 0 ? QJsonValue(double(from)) : QJsonValue(QJsonValue::Null)},
                               {"to", to > 0 ? QJsonValue(double(to)) : QJsonValue(QJsonValue::Null)},
                               {"live", feed}});
    }
    return ApiResponse::json(compact(QJsonObject{{"exchanges", out}}));
}

enum class ModelView { Heatmap, Levels, Compare };

ApiResponse modelView(ModelView view, const ApiRequest &r, Store &store) {
    QCommandLineParser p;
    addModelOptions(p, view != ModelView::Compare);
    if (view == ModelView::Levels)
        p.addOption({QStringLiteral("at"), QStringLiteral("Instant."), QStringLiteral("time")});
    else
        addEndOption(p);
    if (auto bad = parseQuery(p, r, {QStringLiteral("no-profile")})) return *bad;
    auto req = requestFromArgs(p, view != ModelView::Compare);
    if (!req) return fromError(req.error());
    if (auto missing = knownSymbol(store, req->exchange, req->symbol)) return *missing;
    switch (view) {
    case ModelView::Heatmap: {
        auto grid = computeHeatmap(store, *req);
        if (!grid) return fromError(grid.error());
        return ApiResponse::json(heatmapDocument(store, *req, **grid));
    }
    case ModelView::Levels: {
        qint64 at = 0;
        if (p.isSet(QStringLiteral("at"))) {
            auto t = parseTime(p.value(QStringLiteral("at")), QStringLiteral("at"));
            if (!t) return fromError(t.error());
            at = *t;
        }
        auto map = computeLiquidationMap(store, *req, at);
        if (!map) return fromError(map.error());
        return ApiResponse::json(levelsDocument(store, *req, **map));
    }
    case ModelView::Compare: {
        auto cmp = compareModels(store, *req);
        if (!cmp) return fromError(cmp.error());
        return ApiResponse::json(comparisonDocument(store, *req, **cmp));
    }
    }
    return ApiResponse::error(500, QString(), QStringLiteral("unreachable"));
}

ApiResponse signalsRoute(const ApiRequest &r, Store &store) {
    QCommandLineParser p;
    addSignalOptions(p);
    if (auto bad = parseQuery(p, r, {QStringLiteral("no-profile")})) return *bad;
    auto q = signalQueryFromArgs(p, true);
    if (!q) return fromError(q.error());
    // A selection (exchange=all or a list) names its left-out venues instead of a 404.
    if (q->features.exchanges.isEmpty())
        if (auto missing = knownSymbol(store, q->features.series.exchange, q->features.series.symbol)) return *missing;
    std::vector<ExchangeShare> shares;
    auto sigs = evaluateSignalQuery(store, *q, &shares);
    if (!sigs) return fromError(sigs.error());
    return ApiResponse::json(compact(signalsJson(*sigs, *q, shares)));
}

// Realised liquidation events in the store, oldest first: [from, to), default the 7 days before
// `to` (default now); at most `limit` (1000, up to 10000) events, `truncated` when more exist.
ApiResponse history(const ApiRequest &r, Store &store) {
    QCommandLineParser p;
    for (const char *o : {"symbol", "exchange", "from", "to", "min-notional", "limit"})
        p.addOption({QLatin1String(o), QString(), QStringLiteral("v")});
    if (auto bad = parseQuery(p, r)) return *bad;
    const QString symbol = p.value(QStringLiteral("symbol")).trimmed().toUpper();
    static const QRegularExpression symbolRe(QStringLiteral("^[A-Z0-9]{2,30}$"));
    if (symbol.isEmpty()) return ApiResponse::error(400, QStringLiteral("symbol"), QStringLiteral("is required"));
    if (!symbolRe.match(symbol).hasMatch())
        return ApiResponse::error(400, QStringLiteral("symbol"), QStringLiteral("'%1' is not a symbol like BTCUSDT").arg(symbol));
    const QString exchange = p.isSet(QStringLiteral("exchange")) ? p.value(QStringLiteral("exchange")).trimmed().toLower()
                                                                 : QStringLiteral("binance");
    if (feeds::Exchange known; !feeds::exchangeFromName(exchange, &known))
        return ApiResponse::error(400, QStringLiteral("exchange"),
                                  QStringLiteral("unknown exchange '%1' (%2)").arg(exchange, knownExchangeList()));
    std::optional<qint64> from, to;
    if (p.isSet(QStringLiteral("to"))) {
        auto t = parseTime(p.value(QStringLiteral("to")), QStringLiteral("to"));
        if (!t) return fromError(t.error());
        to = *t;
    }
    if (p.isSet(QStringLiteral("from"))) {
        auto f = parseTime(p.value(QStringLiteral("from")), QStringLiteral("from"));
        if (!f) return fromError(f.error());
        from = *f;
    }
    if (from && to && *from >= *to) return ApiResponse::error(400, QStringLiteral("from"), QStringLiteral("must be before to"));
    auto minNotional = numberFlag(p, QStringLiteral("min-notional"), 0, 0, 1e15);
    if (!minNotional) return fromError(minNotional.error());
    auto limit = numberFlag(p, QStringLiteral("limit"), 1000, 1, kMaxHistoryEvents);
    if (!limit) return fromError(limit.error());
    bool known = false;
    for (const SeriesInfo &s : store.seriesInfo()) known = known || (s.exchange == exchange && s.symbol == symbol);
    if (!known) return ApiResponse::error(404, QStringLiteral("symbol"), QStringLiteral("no data for %1 on %2").arg(symbol, exchange));
    if (!from && !to) {
        // Neither given: the 7 days ending at the newest event this selection holds (its time + 1,
        // `to` being exclusive), so a store of older history answers with its latest week rather
        // than an empty "last 7 days before now". No such event: the 7 days before now.
        const qint64 newest = store.newestLiquidationTime(exchange, symbol, *minNotional);
        to = newest > 0 ? newest + 1 : QDateTime::currentMSecsSinceEpoch();
    }
    if (!to) to = QDateTime::currentMSecsSinceEpoch();  // only `from`: up to now
    if (!from) from = *to - 7 * kDayMs;
    if (*from >= *to) return ApiResponse::error(400, QStringLiteral("from"), QStringLiteral("must be before to"));
    QJsonArray events;
    bool truncated = false;
    for (const LiquidationEvent &e : store.liquidations(exchange, symbol, TimeRange{*from, *to})) {
        if (e.notional < *minNotional) continue;
        if (events.size() >= int(*limit)) {
            truncated = true;
            break;
        }
        events.append(QJsonObject{{"exchange", e.exchange}, {"symbol", e.symbol},
                                  {"side", QString::fromLatin1(sideName(e.side))}, {"price", e.price}, {"qty", e.qty},
                                  {"notional", e.notional}, {"time", double(e.time)}, {"source", e.source}});
    }
    return ApiResponse::json(compact(QJsonObject{{"symbol", symbol}, {"exchange", exchange}, {"from", double(*from)},
                                                 {"to", double(*to)}, {"count", events.size()}, {"truncated", truncated},
                                                 {"events", events}}));
}

// --- /alerts: the bodies of `lhm alerts list|add|edit|rm --json`
Result<qint64> alertId(const QString &text) {
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) return Error(QStringLiteral("not an alert ID: '%1'").arg(text), {}, 0, QStringLiteral("id"));
    return id;
}

ApiResponse alertsRoute(const ApiRequest &r, Store &store) {
    RuleBook book(store);
    const QString rest = r.path.mid(int(qstrlen("/alerts")));
    if (rest.isEmpty() || rest == QLatin1String("/")) {
        if (r.method == "GET") {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QJsonArray a;
            for (const AlertRule &rule : book.all()) {
                QJsonObject o = rule.toJson();
                o[QStringLiteral("status")] = QLatin1String(ruleStatusName(rule.effectiveStatus(now)));
                a.append(o);
            }
            return ApiResponse::json(compact(QJsonDocument(a)));
        }
        if (r.method == "POST") {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
            if (!doc.isObject()) return ApiResponse::error(400, QString(), QStringLiteral("body is not a JSON object: %1").arg(pe.errorString()));
            AlertRule rule;
            if (Status s = applyRuleBody(doc.object(), rule, true); !s) return fromError(s.error());
            if (Status s = book.save(rule); !s) return s.error().field.isEmpty() ? ApiResponse::error(500, QString(), s.error().message) : fromError(s.error());
            return ApiResponse::json(compact(rule.toJson()), 201);
        }
        return ApiResponse::error(405, QString(), QStringLiteral("GET or POST"));
    }
    const auto id = alertId(rest.mid(1));
    if (!id) return fromError(id.error());
    auto rule = book.get(*id);
    if (!rule) return ApiResponse::error(404, QStringLiteral("id"), rule.error().message);
    if (r.method == "GET") return ApiResponse::json(compact(rule->toJson()));
    if (r.method == "PUT") {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
        if (!doc.isObject()) return ApiResponse::error(400, QString(), QStringLiteral("body is not a JSON object: %1").arg(pe.errorString()));
        if (Status s = applyRuleBody(doc.object(), *rule, false); !s) return fromError(s.error());
        if (!doc.object().contains(QLatin1String("status"))) rule->status = alerts::RuleStatus::Active;  // an edit re-arms, as in the CLI
        if (Status s = book.save(*rule); !s) return s.error().field.isEmpty() ? ApiResponse::error(500, QString(), s.error().message) : fromError(s.error());
        return ApiResponse::json(compact(rule->toJson()));
    }
    if (r.method == "DELETE") {
        const auto removed = book.remove(*id);
        if (!removed) return ApiResponse::error(500, QString(), removed.error().message);
        return ApiResponse::json(QStringLiteral(R"({"removed":%1})").arg(*id).toUtf8());
    }
    return ApiResponse::error(405, QString(), QStringLiteral("GET, PUT or DELETE"));
}

}  // namespace

bool ApiRoutes::cacheable(const ApiRequest &r) {
    return r.method == "GET" && (r.path == QLatin1String("/liquidations/heatmap") || r.path == QLatin1String("/liquidations/levels") ||
                                 r.path == QLatin1String("/liquidations/compare-models") || r.path == QLatin1String("/trading/signals"));
}

ApiResponse ApiRoutes::handle(const ApiRequest &r, Store &store, const LiveStatus &live, const QString &version) {
    if (r.path == QLatin1String("/alerts") || r.path.startsWith(QLatin1String("/alerts/"))) return alertsRoute(r, store);
    if (r.method != "GET") return ApiResponse::error(405, QString(), QStringLiteral("only GET on %1").arg(r.path));
    if (r.path == QLatin1String("/health")) return health(store, live, version);
    if (r.path == QLatin1String("/exchanges")) return exchanges(store, live);
    if (r.path == QLatin1String("/liquidations/heatmap")) return modelView(ModelView::Heatmap, r, store);
    if (r.path == QLatin1String("/liquidations/levels")) return modelView(ModelView::Levels, r, store);
    if (r.path == QLatin1String("/liquidations/compare-models")) return modelView(ModelView::Compare, r, store);
    if (r.path == QLatin1String("/liquidations/history")) return history(r, store);
    if (r.path == QLatin1String("/trading/signals")) return signalsRoute(r, store);
    return ApiResponse::error(404, QString(), QStringLiteral("no endpoint %1 (see docs/api.md)").arg(r.path));
}

}  // namespace lhm::api
