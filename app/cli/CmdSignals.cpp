// lhm signals: AVOID / REVERSAL_OPPORTUNITY / WAIT / NONE for bots, at one time or per bar of a
// range, decided at bar closes from data before them (rules and defaults: docs/backtesting.md).
// Arguments, evaluation and JSON are core's (api/SignalQuery), shared with GET /trading/signals.
#include "Cli.h"
#include "ModelArgs.h"

#include "api/SignalQuery.h"

using namespace lhm;
using namespace lhm::cli;

static int runSignals(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Trading signals from the liquidation model, decided at bar closes with data before them: WAIT (confidence "
        "low), REVERSAL_OPPORTUNITY (realised liquidations beyond what the model predicted), AVOID (price near a large "
        "cluster), NONE. ESTIMATES, not advice. --interval is the bar (and model candle) size."));
    api::addSignalOptions(p);
    if (!ctx.parse(p)) return ctx.exitCode;
    auto q = api::signalQueryFromArgs(p);
    if (!q) return ctx.fail(q.error());
    auto store = ctx.openStore();
    if (!store) return kBadInput;
    std::vector<ExchangeShare> shares;
    auto sigs = api::evaluateSignalQuery(*store, *q, &shares);
    if (!sigs) return ctx.fail(sigs.error());
    if (ctx.json) {
        ctx.printJson(api::signalsJson(*sigs, *q, shares));
        return kOk;
    }
    ctx.print(QStringLiteral("ESTIMATE: signals from modelled positions, not advice (docs/backtesting.md)"));
    if (!q->features.exchanges.isEmpty()) {
        // The summed model of the venues included, at the reference (first included) venue's bars.
        QStringList parts;
        for (const ExchangeShare &s : shares)
            parts << (s.status == ExchangeStatus::Ok ? QStringLiteral("%1 %2%").arg(s.exchange).arg(s.share * 100, 0, 'f', 1)
                                                     : QStringLiteral("%1 left out (%2: %3)")
                                                           .arg(s.exchange, QString::fromLatin1(exchangeStatusName(s.status)), s.detail));
        ctx.print(QStringLiteral("exchanges: %1").arg(parts.join(QStringLiteral(", "))));
    }
    for (const Signal &s : *sigs)
        ctx.print(QStringLiteral("%1  %2  %3  %4").arg(isoTime(s.time)).arg(s.price, 10, 'f', 2)
                      .arg(QString::fromLatin1(signalName(s.kind)), -20).arg(api::signalReason(s, q->params)));
    return kOk;
}

LHM_COMMAND("signals", "AVOID / REVERSAL_OPPORTUNITY / WAIT signals from the model, at a time or per bar", runSignals);
