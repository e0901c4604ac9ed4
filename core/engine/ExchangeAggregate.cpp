#include "engine/ExchangeAggregate.h"

#include "common/Timeframe.h"
#include "config/ExchangeRegistry.h"
#include "engine/MemoryPolicy.h"
#include "store/Store.h"

#include <QThread>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <thread>

namespace lhm {

QStringList allExchanges() { return ExchangeRegistry::knownNames(); }

bool isExchangeSelection(const QString &field) { return field == QLatin1String("all") || field.contains(QLatin1Char(',')); }

Result<QStringList> parseExchangeSelection(const QString &text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("all")) return allExchanges();
    QStringList out;
    for (const QString &part : t.split(QLatin1Char(','), Qt::KeepEmptyParts)) {
        const QString name = part.trimmed();
        if (name.isEmpty() || !ExchangeRegistry::builtin(name))
            return Error(QStringLiteral("unknown exchange '%1' (all, or a comma list of %2)").arg(name, allExchanges().join(QLatin1Char(','))),
                         {}, 0, QStringLiteral("exchange"));
        if (!out.contains(name)) out << name;
    }
    return out;
}

QString aggregateName(const QStringList &asked) {
    return asked == allExchanges() ? QStringLiteral("all") : asked.join(QLatin1Char('+'));
}

ExchangeStores::ExchangeStores(QString dbPath) : path_(std::move(dbPath)) {}
ExchangeStores::~ExchangeStores() = default;

Result<Store *> ExchangeStores::at(size_t slot) {
    std::lock_guard<std::mutex> lock(slots_);
    if (stores_.size() <= slot) stores_.resize(slot + 1);
    if (!stores_[slot]) {
        auto s = Store::open(path_, OpenCheck::Never);
        if (!s) return s.error();
        stores_[slot] = std::move(*s);
    }
    return stores_[slot].get();
}

namespace {

// The caller's connection set when it is for this file, else one for this call only.
struct CallStores {
    CallStores(const QString &dbPath, const AggregateOptions &opt) {
        retainFreedMemory();  // four runs' memory is freed at once: see MemoryPolicy.h
        if (opt.stores && opt.stores->path() == dbPath) set = opt.stores;
        else set = (own = std::make_unique<ExchangeStores>(dbPath)).get();
        lock = std::unique_lock<std::mutex>(set->callLock());
    }
    std::unique_ptr<ExchangeStores> own;
    ExchangeStores *set = nullptr;
    std::unique_lock<std::mutex> lock;
};

// First pass: which exchanges have data, and whose data has fallen behind the freshest one's.
Result<std::vector<ExchangeShare>> classify(ExchangeStores &stores, const HeatmapRequest &req, const QStringList &exchanges,
                                            const AggregateOptions &opt) {
    auto store = stores.at(0);
    if (!store) return store.error();
    std::vector<ExchangeShare> out;
    qint64 freshest = 0;
    // Open interest is what opens the modelled positions: without it (Hyperliquid publishes no
    // history; it is recorded while the app runs) an exchange has no data for the models.
    const QStringList withOi = (*store)->exchangesWithSeries(QStringLiteral("metrics"), req.symbol);
    for (const QString &ex : exchanges) {
        ExchangeShare s;
        s.exchange = ex;
        s.dataTo = (*store)->newestInputTime(ex, req.symbol, req.end);
        s.status = s.dataTo > 0 && withOi.contains(ex) ? ExchangeStatus::Ok : ExchangeStatus::NoData;
        if (s.dataTo == 0) s.detail = QStringLiteral("no %1 data for %2").arg(ex, req.symbol);
        else if (!withOi.contains(ex)) s.detail = QStringLiteral("no %1 open interest for %2").arg(ex, req.symbol);
        freshest = std::max(freshest, s.dataTo);
        out.push_back(s);
    }
    qint64 limit = opt.staleAfterMs;
    if (limit <= 0) {
        const auto w = windowByName(req.window);
        const auto step = w ? intervalMs(req.params.interval.isEmpty() ? w->interval : req.params.interval) : std::nullopt;
        limit = std::max<qint64>(2 * 3600'000, step ? 2 * *step : 0);
    }
    for (ExchangeShare &s : out) {
        if (s.status == ExchangeStatus::Ok && freshest - s.dataTo > limit) {
            s.status = ExchangeStatus::Stale;
            s.detail = QStringLiteral("%1 data ends %2 h before the newest exchange's").arg(s.exchange).arg((freshest - s.dataTo) / 3600'000.0, 0, 'f', 1);
        }
    }
    return out;
}

// Helper threads kept for the life of the process, one fewer than the cores (the calling thread is
// the other worker). Starting a thread per call and tearing it down again cost more than the sum of
// the four grids; a warm thread also keeps its malloc arena, so its next run reuses pages it has
// already faulted in.
class VenuePool {
public:
    static VenuePool &instance() {
        static VenuePool pool(size_t(std::max(1, QThread::idealThreadCount()) - 1));
        return pool;
    }
    size_t size() const { return threads_.size(); }
    void post(std::function<void()> task) {
        {
            std::lock_guard<std::mutex> lock(m_);
            tasks_.push_back(std::move(task));
        }
        cv_.notify_one();
    }
    ~VenuePool() {
        {
            std::lock_guard<std::mutex> lock(m_);
            stop_ = true;
        }
        cv_.notify_all();
        for (std::thread &t : threads_) t.join();
    }

private:
    explicit VenuePool(size_t n) {
        for (size_t i = 0; i < n; ++i) threads_.emplace_back([this] { loop(); });
    }
    void loop() {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock<std::mutex> lock(m_);
                cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
                if (tasks_.empty()) return;  // stopping
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
    }
    std::mutex m_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> tasks_;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

// One call's list of runs, shared with the pool's helpers. A helper may start after the call has
// returned (it was queued behind another call's work): it then finds no index left and touches
// nothing but this block, which it keeps alive.
struct Batch {
    std::atomic<size_t> next{0};
    size_t size = 0;
    const std::function<void(size_t)> *run = nullptr;  // valid while an index is claimed (the caller waits for them)
    std::mutex m;
    std::condition_variable cv;
    size_t done = 0;

    static void drain(Batch &b) {
        for (size_t k = b.next++; k < b.size; k = b.next++) {
            (*b.run)(k);
            std::lock_guard<std::mutex> lock(b.m);
            if (++b.done == b.size) b.cv.notify_all();
        }
    }
};

// Runs `work(store, index)` for every Ok exchange, each on its own connection; with `parallel` the
// calling thread and the pool's helpers take the exchanges one at a time in order.
template <class Work>
void forEachIncluded(ExchangeStores &stores, std::vector<ExchangeShare> &shares, const AggregateOptions &opt, Work work) {
    std::vector<size_t> todo;
    for (size_t i = 0; i < shares.size(); ++i)
        if (shares[i].status == ExchangeStatus::Ok) todo.push_back(i);
    const std::function<void(size_t)> one = [&](size_t k) {
        const size_t i = todo[k];
        auto store = stores.at(i);
        if (!store) {
            shares[i].status = ExchangeStatus::Error;
            shares[i].detail = store.error().toString();
            return;
        }
        if (Status s = work(**store, i); !s) {
            shares[i].status = ExchangeStatus::Error;
            shares[i].detail = s.error().message;
        }
    };
    auto batch = std::make_shared<Batch>();
    batch->size = todo.size();
    batch->run = &one;
    // No more workers than cores: four models on two cores only fight over caches and page faults.
    if (opt.parallel && todo.size() > 1) {
        VenuePool &pool = VenuePool::instance();
        for (size_t h = 0; h < std::min(pool.size(), todo.size() - 1); ++h) pool.post([batch] { Batch::drain(*batch); });
    }
    Batch::drain(*batch);  // the calling thread works too
    std::unique_lock<std::mutex> lock(batch->m);
    batch->cv.wait(lock, [&] { return batch->done == batch->size; });
}

Status noneIncluded(const std::vector<ExchangeShare> &shares) {
    QStringList why;
    for (const ExchangeShare &s : shares)
        why << QStringLiteral("%1 %2%3").arg(s.exchange, QString::fromLatin1(exchangeStatusName(s.status)),
                                             s.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.detail));
    return Error(QStringLiteral("no exchange could be included: %1").arg(why.join(QStringLiteral("; "))), {}, 0,
                 QStringLiteral("exchange"));
}

}  // namespace

Result<AggregateHeatmap> computeAggregateHeatmap(const QString &dbPath, const HeatmapRequest &req, const QStringList &exchanges,
                                                 const AggregateOptions &opt) {
    CallStores stores(dbPath, opt);
    auto classified = classify(*stores.set, req, exchanges, opt);
    if (!classified) return classified.error();
    AggregateHeatmap out;
    out.exchanges = std::move(*classified);
    std::vector<std::shared_ptr<const HeatmapGrid>> grids(out.exchanges.size());
    forEachIncluded(*stores.set, out.exchanges, opt, [&](Store &store, size_t i) -> Status {
        HeatmapRequest one = req;
        one.exchange = out.exchanges[i].exchange;
        auto grid = computeHeatmap(store, one, opt.compute);
        if (!grid) return grid.error();
        grids[i] = *grid;
        return Status::success();
    });
    std::vector<const HeatmapGrid *> included;
    for (size_t i = 0; i < grids.size(); ++i) {
        ExchangeShare &s = out.exchanges[i];
        if (s.status != ExchangeStatus::Ok || !grids[i]) continue;
        s.total = lastColumnTotal(*grids[i]);
        s.currentPrice = grids[i]->currentPrice;
        included.push_back(grids[i].get());
        out.perExchange.push_back(grids[i]);
    }
    if (included.empty()) return noneIncluded(out.exchanges).error();
    assignShares(out.exchanges);
    auto sum = std::make_shared<HeatmapGrid>(sumHeatmaps(included, aggregateName(exchanges)));
    sum->exchanges = out.exchanges;
    sum->parts = out.perExchange;
    out.grid = std::move(sum);
    return out;
}

Result<AggregateMap> computeAggregateMap(const QString &dbPath, const HeatmapRequest &req, const QStringList &exchanges, qint64 at,
                                         const AggregateOptions &opt) {
    CallStores stores(dbPath, opt);
    auto classified = classify(*stores.set, req, exchanges, opt);
    if (!classified) return classified.error();
    AggregateMap out;
    out.exchanges = std::move(*classified);
    std::vector<std::shared_ptr<const LiquidationMap>> maps(out.exchanges.size());
    forEachIncluded(*stores.set, out.exchanges, opt, [&](Store &store, size_t i) -> Status {
        HeatmapRequest one = req;
        one.exchange = out.exchanges[i].exchange;
        auto map = computeLiquidationMap(store, one, at, opt.compute);
        if (!map) return map.error();
        maps[i] = *map;
        return Status::success();
    });
    std::vector<PriceAxis> axes;
    std::vector<double> leverages;
    double currentPrice = 0;
    for (size_t i = 0; i < maps.size(); ++i) {
        if (out.exchanges[i].status != ExchangeStatus::Ok || !maps[i]) continue;
        const LiquidationMap &m = *maps[i];
        if (axes.empty()) currentPrice = m.currentPrice;
        axes.push_back({m.priceMin, m.bucketSize, m.rows});
        leverages.insert(leverages.end(), m.leverages.begin(), m.leverages.end());
        out.exchanges[i].total = mapTotal(m);
        out.exchanges[i].currentPrice = m.currentPrice;
    }
    if (axes.empty()) return noneIncluded(out.exchanges).error();
    std::sort(leverages.begin(), leverages.end());
    leverages.erase(std::unique(leverages.begin(), leverages.end()), leverages.end());
    const PriceAxis axis = commonPriceAxis(axes);
    for (size_t i = 0; i < maps.size(); ++i)
        if (out.exchanges[i].status == ExchangeStatus::Ok && maps[i])
            out.perExchange.push_back(rebinMap(*maps[i], axis, leverages, currentPrice));
    assignShares(out.exchanges);
    auto sum = std::make_shared<LiquidationMap>(sumMaps(out.perExchange, aggregateName(exchanges)));
    sum->exchanges = out.exchanges;
    const size_t L = sum->leverages.size();
    for (const LiquidationMap &m : out.perExchange) {
        std::vector<double> lo(size_t(m.rows), 0.0), sh(size_t(m.rows), 0.0);
        for (size_t r = 0; r < size_t(m.rows); ++r)
            for (size_t l = 0; l < L; ++l) {
                lo[r] += m.longNotional[r * L + l];
                sh[r] += m.shortNotional[r * L + l];
            }
        sum->exchangeLong.push_back(std::move(lo));
        sum->exchangeShort.push_back(std::move(sh));
    }
    out.map = std::move(sum);
    return out;
}

Result<AggregateComparison> computeAggregateComparison(const QString &dbPath, const HeatmapRequest &req,
                                                       const QStringList &exchanges, const AggregateOptions &opt) {
    CallStores stores(dbPath, opt);
    auto classified = classify(*stores.set, req, exchanges, opt);
    if (!classified) return classified.error();
    AggregateComparison out;
    out.exchanges = std::move(*classified);
    std::vector<std::shared_ptr<const ModelComparison>> cmps(out.exchanges.size());
    forEachIncluded(*stores.set, out.exchanges, opt, [&](Store &store, size_t i) -> Status {
        HeatmapRequest one = req;
        one.exchange = out.exchanges[i].exchange;
        auto c = compareModels(store, one, opt.compute);
        if (!c) return c.error();
        cmps[i] = *c;
        return Status::success();
    });
    const ModelComparison *first = nullptr;
    for (size_t i = 0; i < cmps.size(); ++i) {
        if (out.exchanges[i].status != ExchangeStatus::Ok || !cmps[i]) continue;
        if (!first) first = cmps[i].get();
        out.exchanges[i].total = lastColumnTotal(cmps[i]->grids.back());  // the ensemble
        out.exchanges[i].currentPrice = cmps[i]->grids.back().currentPrice;
    }
    if (!first) return noneIncluded(out.exchanges).error();
    auto cmp = std::make_shared<ModelComparison>();
    cmp->exchange = aggregateName(exchanges);
    cmp->symbol = first->symbol;
    cmp->window = first->window;
    // Members must share one grid for the agreement measures: one axis over every venue's grid.
    std::vector<PriceAxis> axes;
    for (size_t i = 0; i < cmps.size(); ++i)
        if (out.exchanges[i].status == ExchangeStatus::Ok && cmps[i]) {
            const HeatmapGrid &g = cmps[i]->grids.front();
            axes.push_back({g.priceMin, g.bucketSize, g.rows});
        }
    const PriceAxis axis = commonPriceAxis(axes);
    // Models in the reference venue's order (ensemble last); each summed over the venues that ran it.
    std::vector<HeatmapGrid> sums;
    for (const HeatmapGrid &ref : first->grids) {
        std::vector<const HeatmapGrid *> same;
        for (size_t i = 0; i < cmps.size(); ++i) {
            if (out.exchanges[i].status != ExchangeStatus::Ok || !cmps[i]) continue;
            for (const HeatmapGrid &g : cmps[i]->grids)
                if (g.model == ref.model) same.push_back(&g);
        }
        sums.push_back(sumHeatmaps(same, cmp->exchange, &axis));
    }
    for (size_t i = 0; i < cmps.size(); ++i)
        if (out.exchanges[i].status == ExchangeStatus::Ok && cmps[i])
            for (const auto &sk : cmps[i]->skipped)
                cmp->skipped.emplace_back(sk.first, sk.second);
    cmp->grids = std::move(sums);
    assessComparison(*cmp);
    assignShares(out.exchanges);
    cmp->exchanges = out.exchanges;
    out.comparison = std::move(cmp);
    return out;
}

}  // namespace lhm
