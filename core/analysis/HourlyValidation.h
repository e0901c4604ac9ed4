#pragma once
// The hourly method: per hour and side, what the model had placed in the range the hour crossed
// against what was realised, ranked (Spearman), beside the baseline "|price move| x open
// interest" that knows the move but not the levels; a day-block bootstrap gives the 95 % interval
// of the difference. Pure: the records come from HourlyRecords (store + model runs).
#include "analysis/ValidationTypes.h"
#include "common/Types.h"

#include <vector>

namespace lhm {

struct HourSide {
    qint64 hour = 0;  // open time, UTC ms
    Side side = Side::Long;
    double predicted = 0;  // model notional the hour's low (long) / high (short) crossed, USD
    double baseline = 0;   // |move to low/high| / open x open interest before the hour, USD
    double realised = 0;   // realised liquidation notional, USD
};

// Fills spearman, baselineSpearman, diffCi95, longSide, shortSide, top-decile captures, zeroShare, n.
void evaluateHourly(const std::vector<HourSide> &records, int bootstrap, quint64 seed, ValidationResult &out);

}  // namespace lhm
