// lhm alerts watch: follows the live feeds headless, evaluates every enabled rule, delivers to
// its channels and prints one JSON line per firing, then a summary (keys and order are a contract):
//   {"type":"alert","alert_id":1,"name":…,"symbol":…,"exchange":…,"rule":…,"value":…,"price":…,
//    "time":<ms>,"latency_ms":…,"deliveries":{"webhook":"ok"}}
//   {"type":"summary","events":N,"alerts_fired":N,"suppressed":N,"delivery_failures":N}
// Cluster rules get the predicted clusters of a heatmap computed from the store at start and every
// --clusters-every seconds, as a pool task. Live data comes from core's LiveSession.
#include "AlertsCli.h"

#include "alerts/AlertService.h"
#include "alerts/FiringJson.h"
#include "alerts/RuleBook.h"
#include "common/Paths.h"
#include "config/ExchangesConfig.h"
#include "engine/LiveSession.h"
#include "common/UrlRedaction.h"
#include "heatmap/HeatmapService.h"
#include "models/ClusterFinder.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <atomic>

using namespace lhm;
using namespace lhm::alerts;
using lhm::feeds::PriceTick;

namespace lhm::cli::alertscli {

namespace {

QString alertLine(const Firing &f, const QJsonObject &deliveries, qint64 latencyMs) {
    const QString d = QString::fromUtf8(QJsonDocument(deliveries).toJson(QJsonDocument::Compact));
    if (f.kind == Firing::Kind::Summary)
        return QStringLiteral(R"({"type":"alert_summary","suppressed":%1,"message":%2,"time":%3,"deliveries":%4})")
            .arg(f.suppressed)
            .arg(jsonString(f.message))
            .arg(f.time)
            .arg(d);
    return QStringLiteral(R"({"type":"alert","alert_id":%1,"name":%2,"symbol":%3,"exchange":%4,"rule":%5,"value":%6,"price":%7,"time":%8,"latency_ms":%9,"deliveries":%10})")
        .arg(f.ruleId)
        .arg(jsonString(f.name), jsonString(f.symbol), jsonString(f.exchange), jsonString(f.ruleName()), jsonNumber(f.value),
             jsonNumber(f.price))
        .arg(f.time)
        .arg(latencyMs)
        .arg(d);
}

// Predicted clusters of the newest column of each (symbol, model) heatmap the cluster rules need.
std::vector<ClusterSet> computeClusters(const QString &dbPath, const QList<QPair<QString, QString>> &wanted,
                                        const QString &window, QStringList *problems) {
    std::vector<ClusterSet> out;
    auto store = Store::open(dbPath);
    if (!store) {
        *problems << store.error().toString();
        return out;
    }
    for (const auto &[symbol, model] : wanted) {
        HeatmapRequest req;
        req.symbol = symbol;
        req.model = model;
        req.window = window;
        auto grid = computeHeatmap(**store, req);
        if (!grid) {
            *problems << QStringLiteral("clusters for %1 (%2): %3").arg(symbol, model, grid.error().toString());
            continue;
        }
        const HeatmapGrid &g = **grid;
        if (g.cols() == 0) continue;
        ClusterSet set;
        set.exchange = g.exchange;
        set.symbol = symbol;
        set.model = model;
        set.computedAt = g.computedAt;
        for (Side side : {Side::Long, Side::Short})
            for (const Cluster &c : findClusters(g, g.cols() - 1, side, 5)) set.clusters.push_back({c.price, c.low, c.high, c.notional, c.side});
        out.push_back(std::move(set));
    }
    return out;
}

}  // namespace

int watch(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Follow the live feeds without the GUI, evaluate every enabled alert and deliver it to its channels. Prints one JSON "
        "line per firing and a summary at the end (after --duration, or on Ctrl-C)."));
    p.addOption({QStringLiteral("exchange"), QStringLiteral("Exchanges: %1.").arg(ExchangeRegistry::knownNames().join(QLatin1Char(','))), QStringLiteral("E[,E]"),
                 QStringLiteral("binance")});
    p.addOption({QStringLiteral("symbols"), QStringLiteral("Unified symbols (default: those of the enabled rules)."), QStringLiteral("S[,S]")});
    p.addOption({QStringLiteral("url"), QStringLiteral("Override an exchange's WebSocket URL (repeatable)."), QStringLiteral("EXCHANGE=ws://...")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("Stop after this many seconds (default: until Ctrl-C)."), QStringLiteral("S")});
    p.addOption({QStringLiteral("max-per-minute"), QStringLiteral("Global flood cap: notifications a minute across all rules, then one summary (default 20; 0 = no cap)."),
                 QStringLiteral("N"), QStringLiteral("20")});
    p.addOption({QStringLiteral("clusters-every"), QStringLiteral("Recompute predicted clusters for cluster rules every S seconds (default 300; 0 = only at start)."),
                 QStringLiteral("S"), QStringLiteral("300")});
    p.addOption({QStringLiteral("cluster-window"), QStringLiteral("Heatmap window the clusters come from (default 7d)."), QStringLiteral("W"),
                 QStringLiteral("7d")});
    if (!ctx.parse(p)) return ctx.exitCode;

    double duration = -1, cap = 20, clustersEvery = 300;
    if (p.isSet(QStringLiteral("duration")))
        if (Status s = numberOption(p, QStringLiteral("duration"), &duration); !s) return ctx.fail(s.error());
    if (Status s = numberOption(p, QStringLiteral("max-per-minute"), &cap, true); !s) return ctx.fail(s.error());
    if (cap > 100000 || cap != std::floor(cap))
        return ctx.fail(Error(QStringLiteral("expects a whole number up to 100000"), QString(), 0, QStringLiteral("max_per_minute")));
    if (Status s = numberOption(p, QStringLiteral("clusters-every"), &clustersEvery, true); !s) return ctx.fail(s.error());

    if (ctx.dbPath.isEmpty()) ctx.dbPath = defaultDatabasePath();
    AlertService service(ctx.dbPath);
    service.maxPerMinute = int(cap);
    auto started = service.start();
    if (!started) return ctx.fail(started.error(), kFailure);
    for (const QString &w : *started) ctx.progress(QStringLiteral("warning: ") + w);

    // Which symbols to follow, and which heatmaps the cluster rules need.
    std::vector<AlertRule> rules;
    {
        auto store = Store::open(ctx.dbPath);
        if (!store) return ctx.fail(store.error(), kFailure);
        rules = RuleBook(**store).all();
    }
    LiveOptions req;
    req.exchanges = splitList(p.values(QStringLiteral("exchange")));
    for (QString &e : req.exchanges) e = e.toLower();
    req.symbols = splitList(p.values(QStringLiteral("symbols")));
    for (QString &s : req.symbols) s = s.toUpper();
    QList<QPair<QString, QString>> clusterNeeds;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const AlertRule &r : rules) {
        if (!r.armed(now)) continue;
        if (!p.isSet(QStringLiteral("symbols")) && !req.symbols.contains(r.symbol)) req.symbols << r.symbol;
        if (!req.symbols.contains(r.symbol))
            ctx.progress(QStringLiteral("warning: alert %1 (%2) watches %3, which this watch does not follow").arg(r.id).arg(r.name, r.symbol));
        if ((r.type == RuleType::ClusterNear || r.type == RuleType::ClusterConsumed) && !clusterNeeds.contains({r.symbol, r.params.model}))
            clusterNeeds.append({r.symbol, r.params.model});
    }
    if (req.symbols.isEmpty()) req.symbols << QStringLiteral("BTCUSDT");
    for (const QString &u : p.values(QStringLiteral("url"))) {
        const qsizetype eq = u.indexOf(u'=');
        if (eq <= 0) return ctx.fail(Error(QStringLiteral("expects EXCHANGE=ws://..., got '%1'").arg(redactUrl(u)), QString(), 0, QStringLiteral("url")));
        req.urlOverrides.insert(u.left(eq).toLower(), u.mid(eq + 1));
    }
    req.dbPath = ctx.dbPath;

    QObject::connect(&service, &AlertService::delivered, [&](const Firing &f, const QJsonObject &d, qint64 latency) {
        ctx.print(alertLine(f, d, latency));
    });
    QObject::connect(&service, &AlertService::problem, [&](const QString &m) { ctx.progress(QStringLiteral("warning: ") + m); });

    // Clusters as a pool task with its own store connection; results come back queued. One
    // thread at most: a refresh that finds the last one still running is skipped.
    QPointer<AlertService> target(&service);
    const QString dbPath = ctx.dbPath, window = p.value(QStringLiteral("cluster-window"));
    std::atomic_bool clustersBusy{false};
    QThreadPool clusterPool;
    clusterPool.setMaxThreadCount(1);
    auto refreshClusters = [&] {
        if (clusterNeeds.isEmpty() || clustersBusy.exchange(true)) return;
        clusterPool.start([&, needs = clusterNeeds] {
            QStringList problems;
            const std::vector<ClusterSet> sets = computeClusters(dbPath, needs, window, &problems);
            QMetaObject::invokeMethod(qApp, [&, sets, problems] {
                for (const QString &m : problems) ctx.progress(QStringLiteral("warning: ") + m);
                if (target)
                    for (const ClusterSet &s : sets) target->onClusters(s);
                clustersBusy.store(false);
            }, Qt::QueuedConnection);
        });
    };
    QTimer clusterTimer;
    QObject::connect(&clusterTimer, &QTimer::timeout, refreshClusters);
    refreshClusters();
    if (clustersEvery > 0) clusterTimer.start(int(std::min(clustersEvery, 86400.0) * 1000));

    // The headless live session (core/engine), the same one the GUI drives.
    LiveSession session;
    QObject::connect(&session, &LiveSession::ticks, &service, [&](const QList<PriceTick> &ticks) {
        QList<PriceUpdate> prices;
        prices.reserve(ticks.size());
        // Trades and last prices; mark prices are a different series and would fake crossings.
        for (const PriceTick &t : ticks)
            if (t.kind != PriceTick::Kind::Mark) prices.append({t.exchange, t.symbol, t.price, t.time, t.receiveTime});
        if (!prices.isEmpty()) service.onPrices(prices);
    });
    QObject::connect(&session, &LiveSession::liquidations, &service, &AlertService::onLiquidations);
    QObject::connect(&session, &LiveSession::storeFailed, [&](const QString &m) { ctx.progress(QStringLiteral("store: ") + m); });
    if (auto err = session.start(req)) return ctx.fail(err->detail, err->code == LiveError::Code::StoreUnavailable ? kFailure : kBadInput);

    runUntilStopped(duration);
    session.stop();
    clusterTimer.stop();
    clusterPool.waitForDone();
    QCoreApplication::processEvents();  // queued cluster results before the final flush
    service.stop();
    ctx.print(QStringLiteral(R"({"type":"summary","events":%1,"alerts_fired":%2,"suppressed":%3,"delivery_failures":%4})")
                  .arg(service.liquidationEvents())
                  .arg(service.evaluator().fired())
                  .arg(service.evaluator().suppressed())
                  .arg(service.deliveryFailures()));
    return kOk;
}

}  // namespace lhm::cli::alertscli
