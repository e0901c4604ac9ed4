// lhm levels: the estimated liquidation map at one instant (price bucket x leverage).
#include "Cli.h"
#include "ModelArgs.h"
#include "api/ResultJson.h"

#include "heatmap/HeatmapService.h"

#include <QJsonObject>
#include <algorithm>

using namespace lhm;
using namespace lhm::cli;

static int runLevels(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Estimated liquidation levels at one instant, per price and leverage."));
    addModelOptions(p);
    p.addOption({QStringLiteral("at"), QStringLiteral("Instant, ISO 8601 UTC (default: newest candle)."),
                 QStringLiteral("time")});
    p.addOption({QStringLiteral("top"), QStringLiteral("Rows per side in text mode (10)."), QStringLiteral("n"),
                 QStringLiteral("10")});
    if (!ctx.parse(p)) return ctx.exitCode;
    auto req = requestFromArgs(p);
    if (!req) return ctx.fail(req.error());
    qint64 at = 0;
    if (p.isSet(QStringLiteral("at"))) {
        auto t = parseTime(p.value(QStringLiteral("at")), QStringLiteral("at"));
        if (!t) return ctx.fail(t.error());
        at = *t;
    }
    auto store = ctx.openStore(SessionMark::BeforeFirstWrite);
    if (!store) return kBadInput;
    std::shared_ptr<const LiquidationMap> map;
    std::vector<ExchangeShare> shares;
    const bool aggregate = isExchangeSelection(req->exchange);
    if (aggregate) {
        auto agg = computeAggregateMap(ctx.dbPath, *req, *parseExchangeSelection(req->exchange), at);
        if (!agg) return ctx.fail(agg.error());
        map = agg->map;
        shares = agg->exchanges;
    } else {
        auto one = computeLiquidationMap(*store, *req, at);
        if (!one) return ctx.fail(one.error());
        map = *one;
    }
    const LiquidationMap &m = *map;
    if (ctx.json) {
        ctx.printJson(api::levelsDocument(*store, *req, m));
        return kOk;
    }
    const size_t L = m.leverages.size();
    ctx.print(QStringLiteral("ESTIMATE: modelled positions, not observed ones (see docs/models.md)"));
    ctx.print(QStringLiteral("%1 %2  model %3  at %4  price %5  history %6")
                  .arg(m.exchange, m.symbol, m.model, isoTime(m.at)).arg(m.currentPrice, 0, 'f', 2).arg(m.window));
    if (aggregate) printExchanges(ctx, shares);
    else ctx.print(profileLine(*store, *req));
    const int top = std::max(1, p.value(QStringLiteral("top")).toInt());
    for (Side side : {Side::Short, Side::Long}) {
        const auto &v = side == Side::Long ? m.longNotional : m.shortNotional;
        std::vector<std::pair<double, int>> rows;
        for (int r = 0; r < m.rows; ++r) {
            double s = 0;
            for (size_t k = 0; k < L; ++k) s += v[size_t(r) * L + k];
            if (s > 0) rows.emplace_back(s, r);
        }
        std::sort(rows.rbegin(), rows.rend());
        if (int(rows.size()) > top) rows.resize(size_t(top));
        std::sort(rows.begin(), rows.end(), [](auto a, auto b) { return a.second > b.second; });
        ctx.print(QStringLiteral("%1 (largest %2 buckets, cumulative from the price):")
                      .arg(side == Side::Long ? QStringLiteral("longs below") : QStringLiteral("shorts above")).arg(rows.size()));
        for (const auto &[s, r] : rows) {
            const double cum = side == Side::Long ? m.cumulativeLong[size_t(r)] : m.cumulativeShort[size_t(r)];
            ctx.print(QStringLiteral("  %1  %2 USD  (cumulative %3)")
                          .arg(m.rowCenter(r), 12, 'f', 2).arg(s, 14, 'f', 0).arg(cum, 14, 'f', 0));
        }
    }
    return kOk;
}

LHM_WINDOW_COMMAND("levels", "estimated liquidation map at one instant (price x leverage)", runLevels);
