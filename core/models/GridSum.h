#pragma once
// Sums the grids of several exchanges into one "all exchanges" grid. Each exchange's model ran on its
// own data, tiers and price axis; the sum puts them on ONE axis (the first grid's bucket size, rows
// aligned to its grid lines, spanning every input) and adds USD densities. A source row that straddles
// target rows is split in proportion to the overlap, so totals are kept exactly (to float rounding).
// Columns are the union of the inputs' candle times; an exchange without a column at a time holds its
// previous column (a cell is the state at the end of a candle) and adds 0 before its first one.
// Candles and the current price come from the first grid (the reference venue).
#include "models/HeatmapGrid.h"
#include "models/ModelInputs.h"  // PriceAxis

#include <vector>

namespace lhm {

// The common axis of several (priceMin, bucketSize, rows) axes; the first one sets the bucket size.
PriceAxis commonPriceAxis(const std::vector<PriceAxis> &axes);

// Adds `src` (rows from srcMin in steps of srcBucket) onto `dst` laid out on `axis`, splitting by overlap.
void rebinAdd(const float *src, int srcRows, double srcMin, double srcBucket, double *dst, const PriceAxis &axis);

// Sum of the grids (at least one; all of one symbol, window and model). `exchange` names the result.
// `axis` forces the result's price axis (it must cover the inputs); default: their common axis.
HeatmapGrid sumHeatmaps(const std::vector<const HeatmapGrid *> &grids, const QString &exchange, const PriceAxis *axis = nullptr);

// Share of each Ok exchange = its total / the sum over the Ok ones; 0 for the others.
void assignShares(std::vector<ExchangeShare> &shares);

// USD notional a grid holds at its last column (long + short): what an exchange's share is made of.
double lastColumnTotal(const HeatmapGrid &g);

// A map moved onto `axis` and onto the leverage columns `leverages` (a superset of the map's own),
// with the cumulative curves recomputed around `currentPrice`.
LiquidationMap rebinMap(const LiquidationMap &m, const PriceAxis &axis, const std::vector<double> &leverages, double currentPrice);
// Sum of maps already on one axis and leverage set (rebinMap); current price from the first.
LiquidationMap sumMaps(const std::vector<LiquidationMap> &maps, const QString &exchange);
double mapTotal(const LiquidationMap &m);

}  // namespace lhm
