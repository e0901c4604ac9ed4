// Alert benchmarks (never asserted on time; CI runs them with LHM_BENCH_SHORT=1).
//  BM_Evaluator/N:    events/s through the pure evaluator with 1,000 enabled rules (250 each of
//                     price_cross, liquidation, cascade, cluster_near) spread over N symbols
//                     (1 = all on BTCUSDT, the worst case; 20 = a trader's watch list), half
//                     price ticks and half liquidations. Target >= 1 M events/s per core.
//  BM_NaiveScan:      the baseline in the same run: every event checks every rule in a flat loop
//                     (what the evaluator's per-symbol, per-type, sorted index avoids). The README
//                     reports BM_Evaluator as a ratio to it.
//  BM_FrameToChannel: a WsReplayServer floods 10,000 forceOrder frames/s for 10 s (1 s short) into
//                     the live feed and an AlertService holding 1,000 enabled rules; every 100th
//                     frame is a large liquidation one rule delivers to a loopback webhook. Reports
//                     frame arrival -> webhook received latency, p50/p99 ms. Target p99 <= 100 ms.
#include "PostReceiver.h"
#include "WsReplayServer.h"

#include "BenchSupport.h"

#include "alerts/AlertEvaluator.h"
#include "alerts/AlertService.h"
#include "alerts/RuleBook.h"
#include "feeds/LiveController.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <random>

using namespace lhm;
using namespace lhm::alerts;

namespace {

constexpr qint64 kT0 = 1761125802306;

QString symbolName(int i) { return i == 0 ? QStringLiteral("BTCUSDT") : QStringLiteral("SYM%1USDT").arg(i); }

// 1,000 rules spread round-robin over `symbols` symbols (1 = every rule on BTCUSDT, the worst case).
std::vector<AlertRule> thousandRules(int symbols = 1) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<AlertRule> rules;
    for (int i = 0; i < 1000; ++i) {
        AlertRule r;
        r.id = i + 1;
        r.name = QStringLiteral("r%1").arg(i);
        r.symbol = symbolName((i / 4) % symbols);
        r.type = RuleType(i % 4 == 3 ? int(RuleType::ClusterNear) : i % 4);
        r.params.level = 57000 + u(rng) * 6000;
        r.params.direction = i % 2 ? Direction::Above : Direction::Below;
        r.params.minNotional = 1000 * std::pow(1000.0, u(rng));  // 1 k .. 1 M
        if (i % 3 == 0) r.params.priceFrom = 59000, r.params.priceTo = 61000;
        r.params.count = 20 + i % 200;
        r.params.windowS = 10 + i % 120;
        r.params.distancePct = 0.1 + u(rng);
        r.params.minClusterUsd = 1e6;
        rules.push_back(r);
    }
    return rules;
}

struct Events {
    std::vector<PriceUpdate> ticks;
    std::vector<LiquidationEvent> liqs;
};

Events events(int n, int symbols = 1) {
    std::mt19937 rng(11);
    std::normal_distribution<double> step(0, 8);
    std::exponential_distribution<double> size(1 / 3000.0);
    Events e;
    double price = 60000;
    for (int i = 0; i < n; ++i) {
        price += step(rng);
        const qint64 t = kT0 + i;
        const QString sym = symbolName(i % symbols);
        e.ticks.push_back({QStringLiteral("binance"), sym, price, t, t});
        LiquidationEvent l;
        l.exchange = QStringLiteral("binance");
        l.symbol = sym;
        l.side = i % 2 ? Side::Long : Side::Short;
        l.price = price;
        l.notional = size(rng);
        l.qty = l.notional / price;
        l.time = l.receiveTime = t;
        e.liqs.push_back(l);
    }
    return e;
}

ClusterSet clusters(int symbol = 0) {
    ClusterSet s{QStringLiteral("binance"), symbolName(symbol), QStringLiteral("ensemble"), {}, kT0};
    for (int i = 0; i < 10; ++i) s.clusters.push_back({55000.0 + i * 1000, 0, 0, 2e6, i < 5 ? Side::Long : Side::Short});
    return s;
}

void BM_Evaluator(benchmark::State &state) {
    const int symbols = int(state.range(0));
    const Events ev = events(100000, symbols);
    ManualClock clock(kT0);
    AlertEvaluator e(clock, 0);
    e.setRules(thousandRules(symbols));
    std::vector<Firing> out;
    for (int i = 0; i < symbols; ++i) e.onClusters(clusters(i), out);
    size_t i = 0;
    qint64 fired = 0;
    for (auto _ : state) {
        out.clear();
        e.onPrice(ev.ticks[i], out);
        e.onLiquidation(ev.liqs[i], out);
        fired += qint64(out.size());
        if (++i == ev.ticks.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations() * 2);  // a tick and a liquidation per iteration
    state.counters["firings"] = double(fired);
}
BENCHMARK(BM_Evaluator)->Arg(1)->Arg(20);

// Baseline: each event walks all 1,000 rules and tests each one's condition (no index, no state
// beyond the previous price): the cost a straightforward implementation would pay.
void BM_NaiveScan(benchmark::State &state) {
    const int symbols = int(state.range(0));
    const Events ev = events(100000, symbols);
    const std::vector<AlertRule> rules = thousandRules(symbols);
    size_t i = 0;
    double prev = 0;
    qint64 hits = 0;
    for (auto _ : state) {
        const PriceUpdate &t = ev.ticks[i];
        const LiquidationEvent &l = ev.liqs[i];
        for (const AlertRule &r : rules) {
            if (r.symbol != t.symbol || !r.enabled) continue;
            switch (r.type) {
            case RuleType::PriceCross:
                hits += prev > 0 && ((prev < r.params.level) != (t.price < r.params.level));
                break;
            case RuleType::Liquidation:
                hits += l.notional >= r.params.minNotional && (!r.params.priceFrom || l.price >= *r.params.priceFrom) &&
                        (!r.params.priceTo || l.price <= *r.params.priceTo);
                break;
            default: hits += l.notional > 1e12; break;
            }
        }
        prev = t.price;
        if (++i == ev.ticks.size()) i = 0;
    }
    benchmark::DoNotOptimize(hits);
    state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_NaiveScan)->Arg(1)->Arg(20);

void BM_FrameToChannel(benchmark::State &state) {
    const int floodMs = qEnvironmentVariableIsSet("LHM_BENCH_SHORT") ? 1000 : 10000;
    for (auto _ : state) {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("bench.sqlite"));
        test::PostReceiver hook;
        hook.start();
        {
            auto store = Store::open(db);
            RuleBook book(**store);
            std::vector<AlertRule> rules = thousandRules();
            for (AlertRule &r : rules) {
                r.id = 0;
                r.channels = Webhook;
                r.webhookUrl = hook.baseUrl() + QStringLiteral("/other");
                // Keep the 1,000 rules armed but quiet under this flood: only rule "hit" delivers.
                r.params.minNotional = std::max(r.params.minNotional, 2e6);
                r.params.count = 1000000;
                r.params.windowS = 1;
                book.save(r);
            }
            AlertRule hit;
            hit.name = QStringLiteral("hit");
            hit.symbol = QStringLiteral("BTCUSDT");
            hit.type = RuleType::Liquidation;
            hit.params.minNotional = 1e6;
            hit.params.priceTo = 1e6;
            hit.cooldownMs = 0;
            hit.channels = Webhook;
            hit.webhookUrl = hook.baseUrl() + QStringLiteral("/hit");
            book.save(hit);
        }
        AlertService service(db);
        service.maxPerMinute = 0;
        service.start();
        test::WsReplayServer server;
        server.listen();
        feeds::LiveController live;
        QObject::connect(&live, &feeds::LiveController::updated, &service,
                         [&](const QList<LiquidationEvent> &l, const QList<feeds::PriceTick> &) { service.onLiquidations(l); });
        feeds::FeedOptions o;
        o.exchange = feeds::Exchange::Binance;
        o.url = server.url();
        o.symbols = {QStringLiteral("BTCUSDT")};
        o.table.add({"BTCUSDT", "BTCUSDT", 1, false});
        live.start({o});
        QEventLoop loop;
        QTimer poll;
        bool started = false;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (!started && server.subscriptions() > 0) {
                started = true;
                server.startFlood(10000, floodMs, [](int i) {
                    // Every 100th frame: 20 BTC at 60,000 = 1.2 M USD, which only rule "hit" takes.
                    const char *qty = i % 100 == 0 ? "20.000" : "0.010";
                    return QStringLiteral(R"({"e":"forceOrder","E":%1,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"%2","p":"60000.0","ap":"60000.0","X":"FILLED","l":"%2","z":"%2","T":%3}})")
                        .arg(kT0 + i + 2).arg(QLatin1String(qty)).arg(kT0 + i);
                });
            }
            if (server.floodFinished() && hook.count() >= server.floodSent() / 100) loop.quit();
        });
        poll.start(10);
        QTimer::singleShot(floodMs + 20000, &loop, &QEventLoop::quit);
        loop.exec();
        live.stop();
        service.stop();
        std::vector<qint64> latency;
        for (const test::ReceivedRequest &r : hook.requests()) {
            const QJsonObject e = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("event")).toObject();
            latency.push_back(r.receivedAtMs - e.value(QStringLiteral("receive_time")).toInteger());
        }
        state.counters["frames"] = double(server.floodSent());
        state.counters["deliveries"] = double(latency.size());
        state.counters["p50_ms"] = lhm::bench::percentile(latency, 0.50);
        state.counters["p99_ms"] = lhm::bench::percentile(latency, 0.99);
    }
}
BENCHMARK(BM_FrameToChannel)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

LHM_BENCHMARK_MAIN()
