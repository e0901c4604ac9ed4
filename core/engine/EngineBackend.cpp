#include "engine/EngineBackend.h"

#include "engine/ExchangeAggregate.h"

#include <atomic>
#include <map>
#include <mutex>

namespace lhm {

namespace {

// Each exchange reports its own 0..1; the caller sees their mean.
// One reusable connection set per database file for the engine's aggregate requests.
struct StoresByPath {
    std::mutex m;
    std::map<QString, std::unique_ptr<ExchangeStores>> sets;
    ExchangeStores *get(const QString &path) {
        std::lock_guard<std::mutex> lock(m);
        auto &slot = sets[path];
        if (!slot) slot = std::make_unique<ExchangeStores>(path);
        return slot.get();
    }
};

AggregateOptions aggregateOptions(const ComputeOptions &o, qsizetype n, ExchangeStores *stores) {
    AggregateOptions a;
    a.stores = stores;
    a.compute = o;
    if (o.progress && n > 0) {
        struct Shared {
            std::mutex m;
            std::vector<double> f;
        };
        auto shared = std::make_shared<Shared>();
        shared->f.assign(size_t(n), 0.0);
        auto counter = std::make_shared<std::atomic<size_t>>(0);
        // Every exchange's run gets its own slot, by the order the runs ask for one.
        a.compute.progress = [shared, counter, n, outer = o.progress](double f) {
            thread_local std::shared_ptr<Shared> owner;
            thread_local size_t slot = 0;
            if (owner != shared) owner = shared, slot = counter->fetch_add(1) % size_t(n);
            double mean = 0;
            {
                std::lock_guard<std::mutex> lock(shared->m);
                shared->f[slot] = f;
                for (double v : shared->f) mean += v;
            }
            outer(mean / double(n));
        };
    }
    return a;
}

}  // namespace

EngineBackend EngineBackend::standard() {
    EngineBackend b;
    // Lives as long as the backend's functions (the engine): connections close with the engine.
    auto stores = std::make_shared<StoresByPath>();
    // "all" and comma lists run every exchange on its own connection and thread (ExchangeAggregate.h).
    b.heatmap = [stores](Store &s, const HeatmapRequest &r, const ComputeOptions &o) -> Result<std::shared_ptr<const HeatmapGrid>> {
        if (!isExchangeSelection(r.exchange)) return computeHeatmap(s, r, o);
        auto list = parseExchangeSelection(r.exchange);
        if (!list) return list.error();
        auto agg = computeAggregateHeatmap(s.path(), r, *list, aggregateOptions(o, list->size(), stores->get(s.path())));
        if (!agg) return agg.error();
        return agg->grid;
    };
    b.cachedHeatmap = [](Store &s, const HeatmapRequest &r) {
        return isExchangeSelection(r.exchange) ? nullptr : lhm::cachedHeatmap(s, r);
    };
    b.liquidationMap = [stores](Store &s, const HeatmapRequest &r, qint64 at,
                          const ComputeOptions &o) -> Result<std::shared_ptr<const LiquidationMap>> {
        if (!isExchangeSelection(r.exchange)) return computeLiquidationMap(s, r, at, o);
        auto list = parseExchangeSelection(r.exchange);
        if (!list) return list.error();
        auto agg = computeAggregateMap(s.path(), r, *list, at, aggregateOptions(o, list->size(), stores->get(s.path())));
        if (!agg) return agg.error();
        return agg->map;
    };
    b.compare = [stores](Store &s, const HeatmapRequest &r, const ComputeOptions &o) -> Result<std::shared_ptr<const ModelComparison>> {
        if (!isExchangeSelection(r.exchange)) return compareModels(s, r, o);
        auto list = parseExchangeSelection(r.exchange);
        if (!list) return list.error();
        auto agg = computeAggregateComparison(s.path(), r, *list, aggregateOptions(o, list->size(), stores->get(s.path())));
        if (!agg) return agg.error();
        return agg->comparison;
    };
    b.models = modelNames();
    return b;
}

}  // namespace lhm
