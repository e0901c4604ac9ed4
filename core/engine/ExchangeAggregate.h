#pragma once
// "All exchanges": each exchange's model runs on its own data and tiers (in parallel, one store
// connection each), and the grids are summed in USD on one price axis (models/GridSum.h). An exchange
// with no data for the symbol, data that has fallen behind the others (stale) or a model that fails is
// left out and named; every exchange asked for is reported with its share of the total. Used by the
// CLI (`--exchange all` / `binance,bybit`), the GUI session and the local API.
#include "common/Error.h"
#include "heatmap/HeatmapService.h"
#include "models/GridSum.h"

#include <QStringList>
#include <memory>
#include <mutex>
#include <vector>

namespace lhm {

// Every exchange the app knows, in display order (binance first: the reference venue).
QStringList allExchanges();
// True for "all" and for comma lists: the request's exchange field names a selection, not one venue.
bool isExchangeSelection(const QString &exchangeField);
// "all" -> allExchanges(); "binance,bybit" -> validated, de-duplicated, in the order given; a single
// name -> that name. Errors name the unknown exchange.
Result<QStringList> parseExchangeSelection(const QString &text);

class Store;

// Store connections the per-exchange runs reuse from call to call: opening a writable store and
// closing it (a checkpoint and an fsync) cost more than a short window's model. Slot i serves the
// i-th exchange of a call; calls using one set take turns (the set's lock is held for a call).
class ExchangeStores {
public:
    explicit ExchangeStores(QString dbPath);
    ~ExchangeStores();
    const QString &path() const { return path_; }
    Result<Store *> at(size_t slot);  // opened on first use
    std::mutex &callLock() { return call_; }

private:
    QString path_;
    std::mutex slots_, call_;
    std::vector<std::unique_ptr<Store>> stores_;
};

struct AggregateOptions {
    // Reused connections (CoreEngine keeps one set per engine); null: opened for this call only.
    ExchangeStores *stores = nullptr;
    ComputeOptions compute;  // cache, cancel and progress of each exchange's run
    // An exchange whose newest data is older than the freshest exchange's by more than this is
    // stale. 0 = two candles of the window, at least two hours.
    qint64 staleAfterMs = 0;
    bool parallel = true;  // one thread per exchange (false: one after the other, for comparisons)
};

struct AggregateHeatmap {
    std::shared_ptr<const HeatmapGrid> grid;                      // the sum; exchange "all" or "binance+bybit"
    std::vector<std::shared_ptr<const HeatmapGrid>> perExchange;  // the included exchanges' own grids, in order
    std::vector<ExchangeShare> exchanges;                         // every exchange asked for, in order
};

struct AggregateMap {
    std::shared_ptr<const LiquidationMap> map;  // the sum
    std::vector<LiquidationMap> perExchange;    // included exchanges, moved onto the sum's axis and leverages
    std::vector<ExchangeShare> exchanges;
};

struct AggregateComparison {
    std::shared_ptr<const ModelComparison> comparison;  // each model's grids summed over the included exchanges
    std::vector<ExchangeShare> exchanges;               // shares of the ensemble's last column
};

// The name of a summed grid: "all" for every exchange, else the included ones joined with '+'.
QString aggregateName(const QStringList &asked);

// `req.exchange` is ignored; `exchanges` (from parseExchangeSelection) says which to run. Fails only
// when no exchange could be included (the error names each one's status).
Result<AggregateHeatmap> computeAggregateHeatmap(const QString &dbPath, const HeatmapRequest &req, const QStringList &exchanges,
                                                 const AggregateOptions &opt = {});
Result<AggregateMap> computeAggregateMap(const QString &dbPath, const HeatmapRequest &req, const QStringList &exchanges,
                                         qint64 at = 0, const AggregateOptions &opt = {});

Result<AggregateComparison> computeAggregateComparison(const QString &dbPath, const HeatmapRequest &req,
                                                       const QStringList &exchanges, const AggregateOptions &opt = {});


}  // namespace lhm
