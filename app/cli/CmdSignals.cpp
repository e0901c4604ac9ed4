// lhm signals: AVOID / REVERSAL_OPPORTUNITY / WAIT / NONE for bots, at one time or per bar of a
// range, decided at bar closes from data before them (rules and defaults: docs/backtesting.md).
#include "Cli.h"
#include "ModelArgs.h"

#include "analysis/SignalRules.h"
#include "common/Timeframe.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::cli;

static QString usd(double v) {
    if (std::fabs(v) >= 1e6) return QStringLiteral("%1M USD").arg(v / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 USD").arg(v, 0, 'f', 0);
}

static QString reason(const Signal &s, const SignalParams &p) {
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

static QJsonObject toJson(const Signal &s, const QString &symbol, const SignalParams &p) {
    QJsonValue cluster = QJsonValue::Null;
    if (s.nearest.valid)
        cluster = QJsonObject{{"price", cents(s.nearest.price)}, {"side", QString::fromLatin1(sideName(s.nearest.side))},
                              {"notional", cents(s.nearest.notional)},
                              {"distance_pct", std::round(s.nearest.distancePct * 1e4) / 1e4}};
    return QJsonObject{{"symbol", symbol}, {"time", isoTime(s.time)}, {"price", s.price},
                       {"signal", QString::fromLatin1(signalName(s.kind))}, {"reason", reason(s, p)},
                       {"confidence", std::round(s.confidence * 1e4) / 1e4}, {"nearest_cluster", cluster}};
}

static int runSignals(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Trading signals from the liquidation model, decided at bar closes with data before them: WAIT (confidence "
        "low), REVERSAL_OPPORTUNITY (realised liquidations beyond what the model predicted), AVOID (price near a large "
        "cluster), NONE. ESTIMATES, not advice. --interval is the bar (and model candle) size."));
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
    if (!ctx.parse(p)) return ctx.exitCode;
    auto base = requestFromArgs(p);
    if (!base) return ctx.fail(base.error());
    FeatureRequest fr;
    fr.series.exchange = base->exchange;
    fr.series.symbol = base->symbol;
    fr.series.window = base->window;
    fr.series.params = base->params;
    fr.series.candlesFrom = p.value(QStringLiteral("candles-from")).trimmed().toLower();
    if (fr.series.params.interval.isEmpty()) fr.series.params.interval = QStringLiteral("1h");
    fr.model = base->model;
    const qint64 step = intervalMs(fr.series.params.interval).value_or(0);
    if (step <= 0) return ctx.fail(Error(QStringLiteral("unknown interval"), {}, 0, QStringLiteral("interval")));
    const bool at = p.isSet(QStringLiteral("at"));
    if (at == (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"))))
        return ctx.fail(Error(QStringLiteral("give either --at T or --from T --to T"), {}, 0, QStringLiteral("at")));
    if (at) {
        auto t = parseTime(p.value(QStringLiteral("at")), QStringLiteral("at"));
        if (!t) return ctx.fail(t.error());
        fr.to = floorTo(*t, step);
        fr.from = fr.to - step;
    } else {
        auto f = parseTime(p.value(QStringLiteral("from")), QStringLiteral("from"));
        if (!f) return ctx.fail(f.error());
        auto t = parseTime(p.value(QStringLiteral("to")), QStringLiteral("to"));
        if (!t) return ctx.fail(t.error());
        fr.from = *f;
        fr.to = *t;
    }
    SignalParams sp;
    struct Flag {
        const char *name;
        double *field;
    };
    double bars = sp.reversalBars;
    for (const Flag &f : {Flag{"avoid-pct", &sp.avoidPct}, Flag{"cluster-min-share", &sp.clusterMinShare},
                          Flag{"cluster-min-usd", &sp.clusterMinUsd}, Flag{"min-confidence", &sp.minConfidence},
                          Flag{"reversal-bars", &bars}, Flag{"reversal-factor", &sp.reversalFactor},
                          Flag{"reversal-min-usd", &sp.reversalMinUsd}}) {
        auto v = numberFlag(p, QLatin1String(f.name), *f.field, 0, 1e18);
        if (!v) return ctx.fail(v.error());
        *f.field = *v;
    }
    if (bars < 1 || bars > 10000) return ctx.fail(Error(QStringLiteral("1..10000 bars"), {}, 0, QStringLiteral("reversal-bars")));
    sp.reversalBars = int(bars);
    // The reversal window looks back before --from: start the features that much earlier.
    const qint64 requestedFrom = fr.from;
    fr.from -= qint64(sp.reversalBars - 1) * step;
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    auto features = computeBarFeatures(*store, fr);
    if (!features) return ctx.fail(features.error());
    std::vector<Signal> sigs = evaluateSignals(*features, step, sp);
    sigs.erase(std::remove_if(sigs.begin(), sigs.end(), [&](const Signal &s) { return s.time - step < requestedFrom; }),
                  sigs.end());
    if (sigs.empty()) return ctx.fail(Error(QStringLiteral("no bar closed in the period"), {}, 0, QStringLiteral("from")));
    if (ctx.json) {
        if (at) {
            ctx.printJson(QJsonDocument(toJson(sigs.back(), fr.series.symbol, sp)));
        } else {
            QJsonArray arr;
            for (const Signal &s : sigs) arr.append(toJson(s, fr.series.symbol, sp));
            ctx.printJson(QJsonDocument(arr));
        }
        return kOk;
    }
    ctx.print(QStringLiteral("ESTIMATE: signals from modelled positions, not advice (docs/backtesting.md)"));
    for (const Signal &s : sigs)
        ctx.print(QStringLiteral("%1  %2  %3  %4").arg(isoTime(s.time)).arg(s.price, 10, 'f', 2)
                      .arg(QString::fromLatin1(signalName(s.kind)), -20).arg(reason(s, sp)));
    return kOk;
}

LHM_COMMAND("signals", "AVOID / REVERSAL_OPPORTUNITY / WAIT signals from the model, at a time or per bar", runSignals);
