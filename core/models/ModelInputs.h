#pragma once
// Everything a liquidation model reads, already cut to one window and aligned to its candles, so the
// models are pure functions of memory (tests build these by hand; the heatmap service loads them
// from the store).
#include "common/Types.h"
#include "config/LeverageTiers.h"

#include <QFlags>
#include <QString>
#include <algorithm>
#include <cmath>
#include <vector>

namespace lhm {

// The price rows of a grid. Row 0 is the lowest; rows are [priceMin + r·bucket, priceMin + (r+1)·bucket).
struct PriceAxis {
    double priceMin = 0;
    double bucket = 1;
    int rows = 0;

    // Clamped to [0, rows-1]: levels beyond the axis land in the edge rows. Clamping keeps rowOf
    // monotone in price, which the level book's frontier logic relies on.
    int rowOf(double price) const {
        const double r = std::floor((price - priceMin) / bucket);
        if (!(r > 0)) return 0;  // also catches NaN
        return r >= rows - 1 ? rows - 1 : int(r);
    }
    double rowPrice(int row) const { return priceMin + row * bucket; }
    double rowCenter(int row) const { return priceMin + (row + 0.5) * bucket; }
};

// The inputs a model reads; the loader reads only those a model declares (LiquidationModel::inputs()).
// Candles (and the price axis, tiers and funding, which cost a few rows) are always read.
enum class ModelInput : unsigned {
    Candles = 0x1,
    OpenInterest = 0x2,   // openInterestValue and metricsTakerShare
    Funding = 0x4,
    TradeProfile = 0x8,   // profile (large trades only, reduced per column and bucket)
};
Q_DECLARE_FLAGS(ModelInputSet, ModelInput)
Q_DECLARE_OPERATORS_FOR_FLAGS(ModelInputSet)

struct ModelInputs {
    QString exchange = QStringLiteral("binance");
    QString symbol, window, interval;
    qint64 intervalMs = 0;
    std::vector<Candle> candles;  // ascending open time, one per grid column
    // Per candle (same length as candles), NaN where the store has nothing for that candle:
    std::vector<double> openInterestValue;  // mean sum_open_interest_value (USD) of the metrics rows inside it
    std::vector<double> metricsTakerShare;  // taker buy / (buy + sell) from the metrics taker ratio
    std::vector<double> fundingRate;        // the funding rate in effect at the candle's close (fraction)
    // py_liquidation_map only: per column (minute = the column's start) and price bucket, the
    // large-trade notional of the cells whose largest trade reaches the model's threshold; ascending.
    std::vector<TradeProfileCell> profile;
    bool profileInWindow = false;  // the store holds profile cells in the window (large or not)
    LeverageTiers tiers;
    PriceAxis axis;
    qint64 dataTo = 0;  // newest input timestamp in the store when the inputs were read

    bool hasTradeProfile() const { return profileInWindow || !profile.empty(); }
};

}  // namespace lhm
