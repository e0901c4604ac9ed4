#pragma once
// The events method: realised liquidations with a price against the model's densest zones at the
// last recompute before each event. Zones are the densest price rows within price x (1 +- band)
// whose widths add up to `zoneShare` x price. Baselines in the same run: the same number of rows
// drawn at random in the band (seeded), and the model's zones mirrored through the price (same
// distances, other side). Pure: the columns come from model runs (EventRecords).
#include "analysis/ValidationTypes.h"
#include "common/Types.h"

#include <vector>

namespace lhm {

// The model's state at one recompute: one price row per entry, ascending from priceMin.
struct ZoneColumn {
    double price = 0;     // reference price (close of the last candle the model saw)
    double priceMin = 0;  // lower edge of row 0
    double bucket = 1;
    std::vector<double> density;  // long + short notional per row
    std::vector<LiquidationEvent> events;  // the realised events this column is judged on
};

void evaluateEvents(const std::vector<ZoneColumn> &columns, double zoneShare, double band, int draws, quint64 seed,
                    ValidationResult &out);

// The rows chosen as zones for one column (exposed for tests): densest first, only rows with
// positive density, at most ceil(zoneShare x price / bucket) of them, all within the band.
std::vector<int> densestZoneRows(const ZoneColumn &c, double zoneShare, double band);

}  // namespace lhm
