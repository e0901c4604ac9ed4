#pragma once
// One exchange's part in an "all exchanges" result: whether it was included, its share of the
// summed USD, and its own price (the Exchanges view compares venues' prices). A plain value type so
// grids, maps and comparisons can carry it to every view.
#include <QString>

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

}  // namespace lhm
