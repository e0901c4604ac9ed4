#include "api/SignalQuery.h"

#include "analysis/SignalHistory.h"
#include "api/ModelArgs.h"
#include "common/Timeframe.h"
#include "engine/ExchangeAggregate.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace lhm::api {

namespace {

QString usd(double v) {
    if (std::fabs(v) >= 1e6) return QStringLiteral("%1M USD").arg(v / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 USD").arg(v, 0, 'f', 0);
}

QJsonObject toJson(const Signal &s, const QString &symbol, const SignalParams &p) {
    QJsonValue cluster = QJsonValue::Null;
    if (s.nearest.valid)
        cluster = QJsonObject{{"price", cents(s.nearest.price)}, {"side", QString::fromLatin1(sideName(s.nearest.side))},
                              {"notional", cents(s.nearest.notional)},
                              {"distance_pct", std::round(s.nearest.distancePct * 1e4) / 1e4}};
    return QJsonObject{{"symbol", symbol}, {"time", isoTime(s.time)}, {"price", s.price},
                       {"signal", QString::fromLatin1(signalName(s.kind))}, {"reason", signalReason(s, p)},
                       {"confidence", std::round(s.confidence * 1e4) / 1e4}, {"nearest_cluster", cluster}};
}

}  // namespace

QString signalReason(const Signal &s, const SignalParams &p) {
    switch (s.kind) {
    case SignalKind::Wait:
        return QStringLiteral("model confidence %1 is below %2").arg(s.confidence, 0, 'f', 2).arg(p.minConfidence);
    case SignalKind::Reversal:
        return QStringLiteral("realised liquidations %1 over the last %2 bars exceed %3 x the %4 the model predicted")
            .arg(usd(s.realisedUsd)).arg(p.reversalBars).arg(p.reversalFactor).arg(usd(s.predictedUsd));
    case SignalKind::Avoid:
        return QStringLiteral("price within %1% of a %2 cluster at %3 (%4)")
            .arg(s.nearest.distancePct, 0, 'f', 2).arg(QLatin1String(sideName(s.nearest.side)))
            .arg(s.nearest.price, 0, 'f', 2).arg(usd(s.nearest.notional));
    case SignalKind::None: break;
    }
    return QStringLiteral("no large cluster within %1%, no unexpected cascade, confidence %2")
        .arg(p.avoidPct).arg(s.confidence, 0, 'f', 2);
}

void addSignalOptions(QCommandLineParser &p) {
    addModelOptions(p);
    p.addOption({QStringLiteral("at"), QStringLiteral("Signal at this time (the last bar closed by then)."), QStringLiteral("time")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Range start (bars opening from here)."), QStringLiteral("time")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Range end, exclusive."), QStringLiteral("time")});
    p.addOption({QStringLiteral("candles-from"), QStringLiteral("Another venue's candles."), QStringLiteral("exchange")});
    p.addOption({QStringLiteral("avoid-pct"), QStringLiteral("AVOID within this % of a cluster (2)."), QStringLiteral("pct")});
    p.addOption({QStringLiteral("cluster-min-share"), QStringLiteral("AVOID: cluster's share of its side's notional (0.10)."),
                 QStringLiteral("x")});
    p.addOption({QStringLiteral("cluster-min-usd"), QStringLiteral("AVOID: cluster notional at least (0)."), QStringLiteral("usd")});
    p.addOption({QStringLiteral("min-confidence"), QStringLiteral("WAIT below this confidence (0.5)."), QStringLiteral("x")});
    p.addOption({QStringLiteral("reversal-bars"), QStringLiteral("REVERSAL: bars looked back (4)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("reversal-factor"), QStringLiteral("REVERSAL: realised > factor x predicted (1)."), QStringLiteral("x")});
    p.addOption({QStringLiteral("reversal-min-usd"), QStringLiteral("REVERSAL: realised at least (5000000)."), QStringLiteral("usd")});
}

Result<SignalQuery> signalQueryFromArgs(const QCommandLineParser &p, bool allowLatest) {
    auto base = requestFromArgs(p);
    if (!base) return base.error();
    SignalQuery q;
    FeatureRequest &fr = q.features;
    fr.series.exchange = base->exchange;
    if (isExchangeSelection(base->exchange)) {
        auto list = parseExchangeSelection(base->exchange);
        if (!list) return list.error();
        fr.exchanges = *list;
        fr.series.exchange = aggregateName(*list);
    }
    fr.series.symbol = base->symbol;
    fr.series.window = base->window;
    fr.series.params = base->params;
    fr.series.candlesFrom = p.value(QStringLiteral("candles-from")).trimmed().toLower();
    if (fr.series.params.interval.isEmpty()) fr.series.params.interval = QStringLiteral("1h");
    fr.model = base->model;
    q.step = intervalMs(fr.series.params.interval).value_or(0);
    if (q.step <= 0) return Error(QStringLiteral("unknown interval"), {}, 0, QStringLiteral("interval"));
    const bool at = p.isSet(QStringLiteral("at"));
    const bool range = p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"));
    if (at && range) return Error(QStringLiteral("give either --at T or --from T --to T"), {}, 0, QStringLiteral("at"));
    if (!at && !range && !allowLatest)
        return Error(QStringLiteral("give either --at T or --from T --to T"), {}, 0, QStringLiteral("at"));
    q.single = at || !range;
    q.latest = !at && !range;
    if (at) {
        auto t = parseTime(p.value(QStringLiteral("at")), QStringLiteral("at"));
        if (!t) return t.error();
        fr.to = floorTo(*t, q.step);
        fr.from = fr.to - q.step;
    } else if (range) {
        auto f = parseTime(p.value(QStringLiteral("from")), QStringLiteral("from"));
        if (!f) return f.error();
        auto t = parseTime(p.value(QStringLiteral("to")), QStringLiteral("to"));
        if (!t) return t.error();
        fr.from = *f;
        fr.to = *t;
    }
    struct Flag {
        const char *name;
        double *field;
    };
    SignalParams &sp = q.params;
    double bars = sp.reversalBars;
    for (const Flag &f : {Flag{"avoid-pct", &sp.avoidPct}, Flag{"cluster-min-share", &sp.clusterMinShare},
                          Flag{"cluster-min-usd", &sp.clusterMinUsd}, Flag{"min-confidence", &sp.minConfidence},
                          Flag{"reversal-bars", &bars}, Flag{"reversal-factor", &sp.reversalFactor},
                          Flag{"reversal-min-usd", &sp.reversalMinUsd}}) {
        auto v = numberFlag(p, QLatin1String(f.name), *f.field, 0, 1e18);
        if (!v) return v.error();
        *f.field = *v;
    }
    if (bars < 1 || bars > 10000) return Error(QStringLiteral("1..10000 bars"), {}, 0, QStringLiteral("reversal-bars"));
    sp.reversalBars = int(bars);
    return q;
}

Result<std::vector<Signal>> evaluateSignalQuery(Store &store, SignalQuery q, std::vector<ExchangeShare> *shares) {
    FeatureRequest &fr = q.features;
    if (q.latest) {
        // The newest bar the store has closed: its candles' newest open time ends the bar before it
        // (for a selection, the freshest venue's).
        const QString venue = fr.series.candlesFrom.isEmpty() ? fr.series.exchange : fr.series.candlesFrom;
        qint64 newest = 0;
        // Candles, not any input: trades recorded live after old history would otherwise put the
        // bar in a period with no candles and answer "no candles" instead of the newest signal.
        for (const QString &v : fr.exchanges.isEmpty() ? QStringList{venue} : fr.exchanges)
            newest = std::max(newest, store.newestCandle(SeriesKey{v, fr.series.symbol, fr.series.params.interval}));
        if (newest <= 0)
            return Error(QStringLiteral("no data for %1 on %2").arg(fr.series.symbol, venue), {}, 0, QStringLiteral("symbol"));
        fr.to = floorTo(newest, q.step);
        fr.from = fr.to - q.step;
    }
    // One walk-forward run from reversalBars - 1 bars early (shared with the heatmap's signal marks).
    return signalHistory(store, fr, q.params, {}, shares);
}

QJsonDocument signalsJson(const std::vector<Signal> &list, const SignalQuery &q, const std::vector<ExchangeShare> &shares) {
    auto one = [&](const Signal &s) {
        QJsonObject o = toJson(s, q.features.series.symbol, q.params);
        if (!q.features.exchanges.isEmpty()) o[QStringLiteral("exchanges")] = exchangesJson(shares);
        return o;
    };
    if (q.single) return list.empty() ? QJsonDocument() : QJsonDocument(one(list.back()));
    QJsonArray arr;
    for (const Signal &s : list) arr.append(one(s));
    return QJsonDocument(arr);
}

}  // namespace lhm::api
