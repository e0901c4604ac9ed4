// lhm backtest: entry/exit rules (muParser expressions over per-bar variables) on the model's
// clusters, with costs, no look-ahead, and two baselines in the same run (docs/backtesting.md).
#include "Cli.h"
#include "ModelArgs.h"

#include "analysis/Backtester.h"
#include "common/Timeframe.h"
#include "models/LiquidationModel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

using namespace lhm;
using namespace lhm::cli;

static QJsonValue num(const std::optional<double> &v, double scale = 1e6) {
    if (!v || !std::isfinite(*v)) return QJsonValue::Null;
    return std::round(*v * scale) / scale;
}

static QJsonObject statsJson(const BacktestStats &s) {
    return QJsonObject{{"total_return", num(s.totalReturn)}, {"sharpe", num(s.sharpe, 1e4)}, {"sortino", num(s.sortino, 1e4)},
                       {"max_drawdown", num(s.maxDrawdown)}, {"win_rate", num(s.winRate, 1e4)},
                       {"profit_factor", num(s.profitFactor, 1e4)}, {"exposure", num(s.exposure, 1e4)}, {"trades", s.trades}};
}

static QJsonObject tradeJson(const BacktestTrade &t) {
    return QJsonObject{{"side", QString::fromLatin1(sideName(t.side))}, {"entry_time", isoTime(t.entryTime)},
                       {"entry_price", cents(t.entryPrice)}, {"exit_time", isoTime(t.exitTime)},
                       {"exit_price", cents(t.exitPrice)}, {"qty", std::round(t.qty * 1e8) / 1e8}, {"pnl", cents(t.pnl)},
                       {"fees", cents(t.fees)}, {"exit_reason", t.exitReason}};
}

static int runBacktestCmd(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Backtest entry/exit rules over the model's clusters: decisions at bar closes, fills at the next bar's open plus "
        "slippage, fees on both fills. Baselines in the same run: buy-and-hold, and the same rules on clusters shifted "
        "back in time. Simplified fills; not financial advice. Variables: %1 (docs/backtesting.md).")
                                     .arg(ruleVariableNames().join(QStringLiteral(", "))));
    addModelOptions(p, false);
    p.addOption({QStringLiteral("model"), QStringLiteral("Model, or two comma-separated for side by side."), QStringLiteral("M[,M2]"),
                 QStringLiteral("binance_standard")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Start (bars opening from here)."), QStringLiteral("time")});
    p.addOption({QStringLiteral("to"), QStringLiteral("End, exclusive."), QStringLiteral("time")});
    p.addOption({QStringLiteral("entry"), QStringLiteral("Entry rule, e.g. \"dist_long_cluster_pct < 2\"."), QStringLiteral("EXPR")});
    p.addOption({QStringLiteral("exit"), QStringLiteral("Exit rule, e.g. \"dist_short_cluster_pct < 1\"."), QStringLiteral("EXPR")});
    p.addOption({QStringLiteral("side"), QStringLiteral("long | short | both (entry > 0 long, < 0 short)."), QStringLiteral("S"),
                 QStringLiteral("long")});
    p.addOption({QStringLiteral("fee-bps"), QStringLiteral("Fee per fill in basis points (4)."), QStringLiteral("F")});
    p.addOption({QStringLiteral("slippage-bps"), QStringLiteral("Slippage per fill in basis points (2)."), QStringLiteral("S")});
    p.addOption({QStringLiteral("stop-pct"), QStringLiteral("Stop loss in % from the entry (off)."), QStringLiteral("X")});
    p.addOption({QStringLiteral("take-profit-pct"), QStringLiteral("Take profit in % from the entry (off)."), QStringLiteral("Y")});
    p.addOption({QStringLiteral("size-usd"), QStringLiteral("Position notional and starting equity (10000)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("shift"), QStringLiteral("Shifted-clusters baseline: clusters this much older (7d)."),
                 QStringLiteral("I")});
    p.addOption({QStringLiteral("candles-from"), QStringLiteral("Another venue's candles."), QStringLiteral("exchange")});
    p.addOption({QStringLiteral("trades-csv"), QStringLiteral("Write every trade (all models) to this CSV file."),
                 QStringLiteral("FILE")});
    if (!ctx.parse(p)) return ctx.exitCode;
    auto base = requestFromArgs(p, false);
    if (!base) return ctx.fail(base.error());
    for (const char *f : {"from", "to", "entry", "exit"})
        if (!p.isSet(QLatin1String(f)))
            return ctx.fail(Error(QStringLiteral("--%1 is required").arg(QLatin1String(f)), {}, 0, QLatin1String(f)));
    auto from = parseTime(p.value(QStringLiteral("from")), QStringLiteral("from"));
    if (!from) return ctx.fail(from.error());
    auto to = parseTime(p.value(QStringLiteral("to")), QStringLiteral("to"));
    if (!to) return ctx.fail(to.error());
    if (*from >= *to) return ctx.fail(Error(QStringLiteral("--from must be before --to"), {}, 0, QStringLiteral("from")));
    QStringList models = p.value(QStringLiteral("model")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &m : models) {
        m = m.trimmed();
        if (!makeModel(m))
            return ctx.fail(Error(QStringLiteral("unknown model '%1' (one of %2)").arg(m, liquidationModelNames().join(QStringLiteral(", "))),
                                  {}, 0, QStringLiteral("model")));
    }
    if (models.isEmpty() || models.size() > 2)
        return ctx.fail(Error(QStringLiteral("give one model or two"), {}, 0, QStringLiteral("model")));
    // Expressions are checked before any data is read, so a typo fails fast with its position.
    auto entry = RuleExpression::compile(p.value(QStringLiteral("entry")), QStringLiteral("entry"));
    if (!entry) return ctx.fail(entry.error());
    auto exitRule = RuleExpression::compile(p.value(QStringLiteral("exit")), QStringLiteral("exit"));
    if (!exitRule) return ctx.fail(exitRule.error());

    BacktestParams prm;
    const QString side = p.value(QStringLiteral("side")).trimmed();
    if (side == QLatin1String("long")) prm.side = TradeSide::Long;
    else if (side == QLatin1String("short")) prm.side = TradeSide::Short;
    else if (side == QLatin1String("both")) prm.side = TradeSide::Both;
    else return ctx.fail(Error(QStringLiteral("'%1' is not long, short or both").arg(side), {}, 0, QStringLiteral("side")));
    struct NumFlag {
        const char *name;
        double *field;
        double max;
    };
    for (const NumFlag &f : {NumFlag{"fee-bps", &prm.feeBps, 1000}, NumFlag{"slippage-bps", &prm.slippageBps, 1000},
                             NumFlag{"stop-pct", &prm.stopPct, 100}, NumFlag{"take-profit-pct", &prm.takeProfitPct, 10000},
                             NumFlag{"size-usd", &prm.sizeUsd, 1e12}}) {
        auto v = numberFlag(p, QLatin1String(f.name), *f.field, 0, f.max);
        if (!v) return ctx.fail(v.error());
        *f.field = *v;
    }
    if (!(prm.sizeUsd > 0)) return ctx.fail(Error(QStringLiteral("must be positive"), {}, 0, QStringLiteral("size-usd")));
    FeatureRequest fr;
    fr.series.exchange = base->exchange;
    fr.series.symbol = base->symbol;
    fr.series.window = base->window;
    fr.series.params = base->params;
    fr.series.candlesFrom = p.value(QStringLiteral("candles-from")).trimmed().toLower();
    if (fr.series.params.interval.isEmpty()) fr.series.params.interval = QStringLiteral("1h");
    prm.barMs = *intervalMs(fr.series.params.interval);
    fr.from = *from;
    fr.to = *to;
    qint64 shiftMs = 7 * 86'400'000LL;
    if (p.isSet(QStringLiteral("shift"))) {
        auto ms = intervalMs(p.value(QStringLiteral("shift")).trimmed());
        if (!ms || *ms < prm.barMs)
            return ctx.fail(Error(QStringLiteral("'%1' is not an interval of at least one bar").arg(p.value(QStringLiteral("shift"))),
                                  {}, 0, QStringLiteral("shift")));
        shiftMs = *ms;
    }
    auto store = ctx.openStore();
    if (!store) return kBadInput;

    QJsonArray out;
    QByteArray csv = "model,side,entry_time,entry_price,exit_time,exit_price,qty,pnl,fees,exit_reason\n";
    for (const QString &m : models) {
        fr.model = m;
        fr.shiftBars = 0;
        auto bars = computeBarFeatures(*store, fr);
        if (!bars) return ctx.fail(bars.error());
        fr.shiftBars = int(shiftMs / prm.barMs);
        auto shifted = computeBarFeatures(*store, fr);
        if (!shifted) return ctx.fail(shifted.error());
        const BacktestRun run = runBacktest(*bars, **entry, **exitRule, prm);
        const BacktestRun hold = buyAndHold(*bars, prm);
        const BacktestRun shift = runBacktest(*shifted, **entry, **exitRule, prm);
        QJsonArray equity, trades;
        for (const auto &[t, v] : run.equity) equity.append(QJsonArray{double(t), cents(v)});
        for (const BacktestTrade &t : run.trades) {
            trades.append(tradeJson(t));
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10\n")
                       .arg(m, QLatin1String(sideName(t.side)), isoTime(t.entryTime)).arg(t.entryPrice, 0, 'f', 2)
                       .arg(isoTime(t.exitTime)).arg(t.exitPrice, 0, 'f', 2).arg(t.qty, 0, 'g', 10).arg(t.pnl, 0, 'f', 2)
                       .arg(t.fees, 0, 'f', 2).arg(t.exitReason).toUtf8();
        }
        out.append(QJsonObject{{"model", m}, {"stats", statsJson(run.stats)},
                               {"baselines", QJsonObject{{"buy_and_hold", statsJson(hold.stats)},
                                                         {"shifted_clusters", statsJson(shift.stats)}}},
                               {"equity", equity}, {"trades", trades}, {"estimate", true}});
    }
    if (p.isSet(QStringLiteral("trades-csv"))) {
        QSaveFile f(p.value(QStringLiteral("trades-csv")));
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size() || !f.commit())
            return ctx.fail(Error(QStringLiteral("cannot write: %1").arg(f.errorString()), p.value(QStringLiteral("trades-csv"))),
                            kFailure);
    }
    if (ctx.json) {
        ctx.printJson(models.size() == 1 ? QJsonDocument(out.first().toObject()) : QJsonDocument(out));
        return kOk;
    }
    ctx.print(QStringLiteral("ESTIMATE: simplified fills on modelled clusters; not financial advice"));
    auto line = [&](const QString &what, const QJsonObject &s) {
        ctx.print(QStringLiteral("  %1 return %2  sharpe %3  sortino %4  max dd %5  win %6  pf %7  exposure %8  trades %9")
                      .arg(what, -18).arg(s.value(QStringLiteral("total_return")).toDouble(), 8, 'f', 4)
                      .arg(s.value(QStringLiteral("sharpe")).toVariant().toString(), 7)
                      .arg(s.value(QStringLiteral("sortino")).toVariant().toString(), 7)
                      .arg(s.value(QStringLiteral("max_drawdown")).toDouble(), 0, 'f', 4)
                      .arg(s.value(QStringLiteral("win_rate")).toVariant().toString())
                      .arg(s.value(QStringLiteral("profit_factor")).toVariant().toString())
                      .arg(s.value(QStringLiteral("exposure")).toDouble(), 0, 'f', 3)
                      .arg(s.value(QStringLiteral("trades")).toInt()));
    };
    for (const QJsonValue &v : out) {
        const QJsonObject o = v.toObject();
        ctx.print(o.value(QStringLiteral("model")).toString());
        line(QStringLiteral("rules"), o.value(QStringLiteral("stats")).toObject());
        line(QStringLiteral("buy and hold"), o.value(QStringLiteral("baselines")).toObject().value(QStringLiteral("buy_and_hold")).toObject());
        line(QStringLiteral("shifted clusters"),
             o.value(QStringLiteral("baselines")).toObject().value(QStringLiteral("shifted_clusters")).toObject());
    }
    return kOk;
}

LHM_COMMAND("backtest", "backtest entry/exit rules on the model's clusters, beside buy-and-hold and shifted clusters",
            runBacktestCmd);
