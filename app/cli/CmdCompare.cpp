// lhm compare: every model on one common grid, side by side, with agreement and confidence.
#include "Cli.h"
#include "ModelArgs.h"
#include "api/ResultJson.h"

#include "heatmap/HeatmapService.h"

#include <QJsonObject>

using namespace lhm;
using namespace lhm::cli;

// Says why, from the comparer's reason: a low confidence is not always a disagreement.
static QString confidenceText(ConfidenceReason reason) {
    switch (reason) {
    case ConfidenceReason::Disagree: return QStringLiteral("models disagree: main clusters > 5% apart");
    case ConfidenceReason::Agree: return QStringLiteral("models agree: main clusters within 5%");
    case ConfidenceReason::SingleModel: return QStringLiteral("unverified: only one model had data, so confidence is 0.5");
    case ConfidenceReason::UnverifiedSide:
        return QStringLiteral("unverified: only one model has positions on one side, so confidence is 0.5");
    case ConfidenceReason::NoDensity: break;
    }
    return QStringLiteral("no open positions in the last column: nothing to compare");
}


static int runCompare(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("All models side by side on one grid, with agreement and confidence."));
    addModelOptions(p, false);
    addEndOption(p);
    if (!ctx.parse(p)) return ctx.exitCode;
    auto req = requestFromArgs(p, false);
    if (!req) return ctx.fail(req.error());
    auto store = ctx.openStore(SessionMark::BeforeFirstWrite);
    if (!store) return kBadInput;
    std::shared_ptr<const ModelComparison> cmp;
    std::vector<ExchangeShare> shares;
    const bool aggregate = isExchangeSelection(req->exchange);
    if (aggregate) {
        auto agg = computeAggregateComparison(ctx.dbPath, *req, *parseExchangeSelection(req->exchange));
        if (!agg) return ctx.fail(agg.error());
        cmp = agg->comparison;
        shares = agg->exchanges;
    } else {
        auto one = compareModels(*store, *req);
        if (!one) return ctx.fail(one.error());
        cmp = *one;
    }
    const ModelComparison &c = *cmp;
    const HeatmapGrid &g = c.grids.front();
    if (ctx.json) {
        ctx.printJson(api::comparisonDocument(*store, *req, c));
        return kOk;
    }
    ctx.print(QStringLiteral("ESTIMATE: modelled positions, not observed ones (see docs/models.md)"));
    ctx.print(QStringLiteral("%1 %2  window %3 @ %4  price %5  bucket %6 USD")
                  .arg(c.exchange, c.symbol, c.window, g.interval).arg(g.currentPrice, 0, 'f', 2).arg(g.bucketSize));
    if (aggregate) printExchanges(ctx, shares);
    else ctx.print(profileLine(*store, *req));
    ctx.print(QStringLiteral("%1 %2 %3 %4  main clusters").arg(QStringLiteral("model"), -20)
                  .arg(QStringLiteral("long USD"), 14).arg(QStringLiteral("short USD"), 14).arg(QStringLiteral("conf"), 5));
    for (const ModelSummary &s : c.summaries) {
        QStringList cl;
        for (const Cluster &x : s.clusters) cl << QStringLiteral("%1@%2").arg(QString::fromLatin1(sideName(x.side))).arg(x.price, 0, 'f', 0);
        ctx.print(QStringLiteral("%1 %2 %3 %4  %5").arg(s.model, -20).arg(s.totalLong, 14, 'f', 0)
                      .arg(s.totalShort, 14, 'f', 0).arg(s.confidence, 5, 'f', 2).arg(cl.join(QStringLiteral(" "))));
    }
    for (const auto &[m, why] : c.skipped) ctx.print(QStringLiteral("skipped %1: %2").arg(m, QString::fromLatin1(missingInputSentence(why))));
    ctx.print(QStringLiteral("agreement %1  confidence %2  (%3)").arg(c.agreement, 0, 'f', 2).arg(c.confidence, 0, 'f', 2)
                  .arg(confidenceText(c.confidenceReason)));
    for (const auto &[lo, hi] : c.disagreementZones)
        ctx.print(QStringLiteral("disagreement zone %1 .. %2").arg(lo, 0, 'f', 2).arg(hi, 0, 'f', 2));
    return kOk;
}

LHM_WINDOW_COMMAND("compare", "all models side by side on one grid, agreement and confidence", runCompare);
