#pragma once
// The hourly yardstick calibration fits against (issue 12's hourly method, on memory): per hour and
// side, the notional the model had placed on the levels the hour's range crossed — taken from the
// book at the end of the previous candle, so without look-ahead — against the realised
// liquidation notional of that hour, and the naive baseline |price move| / open × previous open
// interest, which knows the move but nothing about levels. Ranked by Spearman over the hour-sides
// pooled, with a day-block bootstrap interval of (model ρ − baseline ρ).
#include "models/ModelInputs.h"
#include "models/ModelOutput.h"

#include <QtGlobal>
#include <vector>

namespace lhm {

struct RealisedTotals {
    qint64 time = 0;  // open time of the hour, ms UTC
    double longUsd = 0, shortUsd = 0;
};

struct ScoredHour {
    qint64 time = 0;
    Side side = Side::Long;
    double predicted = 0, baseline = 0, realised = 0;
};

struct HourlyScore {
    int n = 0;                  // hour-sides
    int zeroPredicted = 0;      // hour-sides where the model predicted exactly nothing
    double spearman = 0, baselineSpearman = 0;
    double diffLo = 0, diffHi = 0;  // 95 % day-block bootstrap interval of spearman − baselineSpearman
};

// Hour-sides for the candles with open time in [from, to) that have a realised row. `out` must come
// from a run over `in` (one grid column per candle). Hours without a realised row are left out, not
// counted as zero.
std::vector<ScoredHour> hourSides(const ModelOutput &out, const ModelInputs &in, const std::vector<RealisedTotals> &realised,
                                qint64 from, qint64 to);

// Spearman rank correlation with average ranks for ties; 0 when either side is constant or n < 2.
double rankCorrelation(const std::vector<double> &a, const std::vector<double> &b);

// `draws` day-block bootstrap resamples (seeded, so reruns agree); draws = 0 leaves the interval 0.
HourlyScore scoreHourly(const std::vector<ScoredHour> &sides, int draws = 1000, quint32 seed = 1);

}  // namespace lhm
