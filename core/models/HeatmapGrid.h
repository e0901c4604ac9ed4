#pragma once
// The outputs of the liquidation models. All are immutable once built and shared between threads
// as std::shared_ptr<const T>. Densities are USD notional of estimated open positions whose
// liquidation price falls in the bucket: an ESTIMATE, and every view must say so.
#include "common/Types.h"
#include "models/ExchangeShare.h"
#include "store/ValidationRepository.h"
#include "models/ComparisonCodes.h"

#include <QString>
#include <memory>
#include <vector>

namespace lhm {

struct PredictedLiquidation {
    qint64 time = 0;      // open time of the candle that crossed the level
    double price = 0;     // the level's liquidation price
    Side side = Side::Long;
    double notional = 0;  // USD consumed
    double leverage = 0;
};

// time x price grid. Cell (col, row) is the state at the END of candle `col`, after that candle's
// consume -> open -> close steps. Row 0 is the lowest price bucket.
struct HeatmapGrid {
    QString exchange, symbol, model, window, interval;
    qint64 intervalMs = 0;
    double bucketSize = 0;   // USD per row
    double priceMin = 0;     // lower edge of row 0
    int rows = 0;
    std::vector<qint64> times;    // column open times, ms (cols = times.size())
    std::vector<Candle> candles;  // one per column
    std::vector<float> longDensity;   // cols * rows, column-major: index col * rows + row
    std::vector<float> shortDensity;  // same layout
    std::vector<PredictedLiquidation> predicted;
    double currentPrice = 0;  // close of the last candle
    double confidence = 1.0;  // 0..1; below 0.7 means the models disagree (ensemble), 1 for single models
    qint64 dataTo = 0;        // newest input timestamp used
    qint64 computedAt = 0;
    // What the inputs cover. The window asked for starts at requestedFrom; open interest (the input
    // that opens positions) spans [coverageFrom, coverageTo). coverageFrom > requestedFrom means the
    // data is shorter than the window, and every view must say so. 0 = unknown.
    qint64 requestedFrom = 0, coverageFrom = 0, coverageTo = 0;
    // Training period [profileFrom, profileTo) of the fitted profile (`lhm calibrate`) whose parameters
    // made this grid; 0 when the model ran on its defaults or on parameters the user chose.
    qint64 profileFrom = 0, profileTo = 0;
    // "All exchanges" only (engine/ExchangeAggregate.h; not part of the cache codec): every exchange
    // asked for with its status and share, and the included exchanges' own grids, in that order.
    std::vector<ExchangeShare> exchanges;
    std::vector<std::shared_ptr<const HeatmapGrid>> parts;

    bool coversWindow() const { return coverageFrom <= requestedFrom; }
    int cols() const { return int(times.size()); }
    double rowPrice(int row) const { return priceMin + row * bucketSize; }           // lower edge
    double rowCenter(int row) const { return priceMin + (row + 0.5) * bucketSize; }
    int rowOf(double price) const { return int((price - priceMin) / bucketSize); }   // may be out of range
    float longAt(int col, int row) const { return longDensity[size_t(col) * rows + row]; }
    float shortAt(int col, int row) const { return shortDensity[size_t(col) * rows + row]; }
};

// The liquidation map at one instant: estimated notional per price bucket and leverage.
// Longs liquidate below the current price, shorts above.
struct LiquidationMap {
    QString exchange, symbol, model, window;
    qint64 at = 0;
    double currentPrice = 0;
    double bucketSize = 0;
    double priceMin = 0;
    int rows = 0;
    // Lowest low and highest high of the window's candles (0 when none): the map's default price
    // range is worked out like the heatmap's (ui/common/ViewPriceRange.h), which keeps them readable.
    double candleLow = 0, candleHigh = 0;
    std::vector<double> leverages;     // L columns, ascending
    std::vector<double> longNotional;  // rows * L, index row * L + l
    std::vector<double> shortNotional; // rows * L
    // Cumulative from the current price outward: cumulativeLong[row] = sum of long notional in rows
    // from `row` up to the current price; cumulativeShort[row] = sum of short notional from the
    // current price up to `row`. Zero on the other side.
    std::vector<double> cumulativeLong, cumulativeShort;
    qint64 requestedFrom = 0, coverageFrom = 0, coverageTo = 0;  // as in HeatmapGrid
    // "All exchanges" only: every exchange asked for, and per INCLUDED exchange (the Ok ones, in
    // order) its long / short notional per row summed over leverages, for bars stacked by exchange.
    std::vector<ExchangeShare> exchanges;
    std::vector<std::vector<double>> exchangeLong, exchangeShort;

    double rowCenter(int row) const { return priceMin + (row + 0.5) * bucketSize; }
};

struct Cluster {
    double price = 0;     // density-weighted centre
    double low = 0, high = 0;
    double notional = 0;
    Side side = Side::Long;
};

struct ModelSummary {
    QString model;
    double totalLong = 0, totalShort = 0;  // USD at the last column
    std::vector<Cluster> clusters;         // main clusters, largest first
    double confidence = 1.0;
    // The model's latest validation on realised liquidations of this series (`lhm validate`);
    // empty until one has run. Views show its figure only with the baseline beside it.
    std::optional<ValidationRow> measured;
};

struct ModelComparison {
    QString exchange, symbol, window;
    std::vector<HeatmapGrid> grids;  // one per model on one common grid (same times, rows, priceMin)
    std::vector<ModelSummary> summaries;
    double agreement = 1.0;   // 0..1
    double confidence = 1.0;  // ensemble confidence
    // What set it. Only Disagree means two models' main clusters are more than 5 % apart.
    ConfidenceReason confidenceReason = ConfidenceReason::NoDensity;
    // Price ranges (low, high) where the models' main clusters are more than 5% apart.
    std::vector<std::pair<double, double>> disagreementZones;
    // Models left out because the window holds none of their input: (model, what is missing).
    std::vector<std::pair<QString, MissingInput>> skipped;
    std::vector<ExchangeShare> exchanges;  // "All exchanges" only, as in HeatmapGrid
};

}  // namespace lhm
