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
#include <vector>

namespace lhm {

// The JSON names are fixed by the CLI contract: ok | no_data | stale | error.
enum class ExchangeStatus { Ok, NoData, Stale, Error };
const char *exchangeStatusName(ExchangeStatus s);

struct ExchangeShare {
    QString exchange;
    ExchangeStatus status = ExchangeStatus::NoData;
    double share = 0;         // of the aggregate's total (last column / whole map), 0 unless Ok
    double total = 0;         // USD that share is made of
    double currentPrice = 0;  // the venue's own last close (0 when left out)
    qint64 dataTo = 0;        // newest input the store holds for it (0 = none)
    QString detail;           // why it was left out (the model's error, how far behind), empty when Ok
};

// Every exchange the app knows, in display order (binance first: the reference venue).
QStringList allExchanges();
// True for "all" and for comma lists: the request's exchange field names a selection, not one venue.
bool isExchangeSelection(const QString &exchangeField);
// "all" -> allExchanges(); "binance,bybit" -> validated, de-duplicated, in the order given; a single
// name -> that name. Errors name the unknown exchange.
Result<QStringList> parseExchangeSelection(const QString &text);

struct AggregateOptions {
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

// The statuses and shares of already computed per-exchange grids (exposed for tests and the API):
// share = lastColumnTotal / sum over the Ok ones.
void assignShares(std::vector<ExchangeShare> &shares);

}  // namespace lhm
