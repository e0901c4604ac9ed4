// Live feed benchmarks.
//  BM_Parse/<exchange>: one liquidation frame parsed per iteration (items/s = frames/s per core;
//                       target >= 200,000/s).
//  BM_FloodLatency:     a WsReplayServer floods 10,000 forceOrder frames/s for 10 s (1 s with
//                       LHM_BENCH_SHORT=1) into a LiveController with a store; reports the
//                       receive -> stored and receive -> UI batch latencies (p50/p99, ms).
// Never asserted on time.
#include "WsReplayServer.h"

#include "BenchSupport.h"

#include "feeds/ExchangeProtocol.h"
#include "feeds/LiveController.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <benchmark/benchmark.h>

using namespace lhm;
using namespace lhm::feeds;

namespace {

struct Case {
    Exchange exchange;
    SymbolSpec spec;
    QByteArray frame;
};

const Case kCases[] = {
    {Exchange::Binance, {"BTCUSDT", "BTCUSDT", 1, false},
     R"({"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","E":1584059031426,"o":{"s":"BTCUSDT","S":"BUY","o":"LIMIT","f":"IOC","q":"0.014","p":"4793.91","ap":"4706.04","X":"FILLED","l":"0.015","z":"0.014","T":1584059031421}}})"},
    {Exchange::Bybit, {"BTCUSDT", "BTCUSDT", 1, false},
     R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1740480207578,"data":[{"T":1740480207110,"s":"BTCUSDT","S":"Sell","v":"0.012","p":"96050.5"}]})"},
    {Exchange::Okx, {"BTC-USDT-SWAP", "BTCUSDT", 0.01, false},
     R"({"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"60321.5","ccy":"","posSide":"net","side":"sell","sz":"250","ts":"1692266434010"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}]})"},
    {Exchange::Hyperliquid, {"BTC", "BTCUSDT", 1, false},
     R"({"channel":"trades","data":[{"coin":"BTC","side":"B","px":"72581.0","sz":"0.00017","time":1787259217020,"hash":"0x00","tid":877707108085800,"users":["0x9b","0x70"]}]})"},
};

void BM_Parse(benchmark::State &state) {
    const Case &c = kCases[state.range(0)];
    SymbolTable t;
    t.add(c.spec);
    const auto proto = ExchangeProtocol::create(c.exchange, t);
    FrameResult r;
    for (auto _ : state) {
        r.clear();
        proto->parse(c.frame, 0, r);
        benchmark::DoNotOptimize(r.liquidations.data());
    }
    if (r.liquidations.size() + r.ticks.size() != 1) state.SkipWithError("frame did not parse");
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * c.frame.size());
    state.SetLabel(exchangeName(c.exchange));
}
BENCHMARK(BM_Parse)->DenseRange(0, 3);

void BM_FloodLatency(benchmark::State &state) {
    const int floodMs = qEnvironmentVariableIsSet("LHM_BENCH_SHORT") ? 1000 : 10000;
    for (auto _ : state) {
        test::WsReplayServer server;
        server.listen();
        QTemporaryDir dir;
        LiveController live;
        std::vector<qint64> uiLatency;
        qint64 shown = 0;
        QObject::connect(&live, &LiveController::updated, [&](const QList<LiquidationEvent> &l, const QList<PriceTick> &) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const LiquidationEvent &e : l) uiLatency.push_back(now - e.receiveTime);
            shown += l.size();
        });
        FeedOptions o;
        o.exchange = Exchange::Binance;
        o.url = server.url();
        o.symbols = {QStringLiteral("BTCUSDT")};
        o.table.add({"BTCUSDT", "BTCUSDT", 1, false});
        live.start({o}, dir.filePath(QStringLiteral("bench.sqlite")));
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (server.subscriptions() > 0 && !server.floodFinished() && server.floodSent() == 0 && !poll.property("started").toBool()) {
                poll.setProperty("started", true);
                server.startFlood(10000, floodMs, [](int i) {
                    return QStringLiteral(R"({"e":"forceOrder","E":%1,"o":{"s":"BTCUSDT","S":"%2","o":"LIMIT","f":"IOC","q":"0.010","p":"%3","ap":"%3","X":"FILLED","l":"0.010","z":"0.010","T":%4}})")
                        .arg(1761125802306 + i + 2).arg(QLatin1String(i % 2 ? "BUY" : "SELL")).arg(60000.0 + i * 0.1, 0, 'f', 1).arg(1761125802306 + i);
                });
            }
            if (server.floodFinished() && shown >= server.floodSent()) loop.quit();
        });
        poll.start(10);
        QTimer::singleShot(floodMs + 30000, &loop, &QEventLoop::quit);
        loop.exec();
        live.stop();
        const std::vector<qint64> &stored = live.storeLatenciesMs();
        state.counters["events"] = double(server.floodSent());
        state.counters["stored"] = double(live.storedEvents());
        state.counters["store_p50_ms"] = lhm::bench::percentile(stored, 0.50);
        state.counters["store_p99_ms"] = lhm::bench::percentile(stored, 0.99);
        state.counters["ui_p50_ms"] = lhm::bench::percentile(uiLatency, 0.50);
        state.counters["ui_p99_ms"] = lhm::bench::percentile(uiLatency, 0.99);
    }
}
BENCHMARK(BM_FloodLatency)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

LHM_BENCHMARK_MAIN()
