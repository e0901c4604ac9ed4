// lhm heatmap: the estimated liquidation heatmap of one window (time x price, long and short).
#include "Cli.h"
#include "ModelArgs.h"
#include "api/ResultJson.h"

#include "heatmap/HeatmapService.h"
#include "models/ClusterFinder.h"

#include <QFile>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::cli;

// Long format, one line per non-empty cell: easier to load in pandas/R than a wide matrix.
static Status writeCsv(const HeatmapGrid &g, const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), path);
    QByteArray out = "time_ms,price_center,long_usd,short_usd\n";
    for (int c = 0; c < g.cols(); ++c)
        for (int r = 0; r < g.rows; ++r) {
            const float l = g.longAt(c, r), s = g.shortAt(c, r);
            if (l == 0 && s == 0) continue;
            out += QByteArray::number(g.times[size_t(c)]) + ',' + QByteArray::number(g.rowCenter(r), 'f', 2) + ',' +
                   QByteArray::number(cents(l), 'f', 2) + ',' + QByteArray::number(cents(s), 'f', 2) + '\n';
        }
    if (f.write(out) != out.size()) return Error(QStringLiteral("write failed: %1").arg(f.errorString()), path);
    return {};
}

static int runHeatmap(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Estimated liquidation heatmap (time x price) for one window."));
    addModelOptions(p);
    addEndOption(p);
    p.addOption({QStringLiteral("csv"), QStringLiteral("Also write the non-empty cells as CSV."), QStringLiteral("file")});
    p.addOption({QStringLiteral("no-cache"), QStringLiteral("Recompute even when a cached grid is current.")});
    if (!ctx.parse(p)) return ctx.exitCode;
    auto req = requestFromArgs(p);
    if (!req) return ctx.fail(req.error());
    auto store = ctx.openStore(SessionMark::BeforeFirstWrite);
    if (!store) return kBadInput;
    ComputeOptions opt;
    opt.useCache = !p.isSet(QStringLiteral("no-cache"));
    std::shared_ptr<const HeatmapGrid> grid;
    std::vector<ExchangeShare> shares;
    const bool aggregate = isExchangeSelection(req->exchange);
    if (aggregate) {
        AggregateOptions aopt;
        aopt.compute = opt;
        auto agg = computeAggregateHeatmap(ctx.dbPath, *req, *parseExchangeSelection(req->exchange), aopt);
        if (!agg) return ctx.fail(agg.error());
        grid = agg->grid;
        shares = agg->exchanges;
    } else {
        auto one = computeHeatmap(*store, *req, opt);
        if (!one) return ctx.fail(one.error());
        grid = *one;
    }
    const HeatmapGrid &g = *grid;
    if (p.isSet(QStringLiteral("csv")))
        if (Status s = writeCsv(g, p.value(QStringLiteral("csv"))); !s) return ctx.fail(s.error(), kFailure);
    if (ctx.json) {
        ctx.printJson(api::heatmapDocument(*store, *req, g));
        return kOk;
    }
    ctx.print(QStringLiteral("ESTIMATE: modelled positions, not observed ones (see docs/models.md)"));
    ctx.print(QStringLiteral("%1 %2  model %3  window %4 @ %5  %6 columns x %7 rows of %8 USD")
                  .arg(g.exchange, g.symbol, g.model, g.window, g.interval)
                  .arg(g.cols()).arg(g.rows).arg(g.bucketSize));
    if (aggregate) printExchanges(ctx, shares);
    else ctx.print(profileLine(*store, *req));
    if (g.cols() > 0)
        ctx.print(QStringLiteral("from %1 to %2, current price %3")
                      .arg(isoTime(g.times.front()), isoTime(g.times.back() + g.intervalMs))
                      .arg(g.currentPrice, 0, 'f', 2));
    double consumed = 0;
    for (const PredictedLiquidation &pl : g.predicted) consumed += pl.notional;
    ctx.print(QStringLiteral("predicted liquidations in the window: %1 levels, %2 USD")
                  .arg(g.predicted.size()).arg(consumed, 0, 'f', 0));
    for (Side side : {Side::Short, Side::Long})
        for (const Cluster &c : findClusters(g, g.cols() - 1, side))
            ctx.print(QStringLiteral("  %1 cluster %2 .. %3 (centre %4): %5 USD")
                          .arg(QString::fromLatin1(sideName(side)), -5)
                          .arg(c.low, 0, 'f', 2).arg(c.high, 0, 'f', 2).arg(c.price, 0, 'f', 2).arg(c.notional, 0, 'f', 0));
    if (g.confidence < 1.0) ctx.print(QStringLiteral("confidence %1").arg(g.confidence, 0, 'f', 2));
    return kOk;
}

LHM_WINDOW_COMMAND("heatmap", "estimated liquidation heatmap of a window (time x price)", runHeatmap);
