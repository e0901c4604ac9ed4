#pragma once
// The per-candle loop every level-based model shares: for each candle, consume the levels its range
// crossed, let the model open/close positions, then write the grid column from the running row
// totals. Keeping it in one place keeps the order (consume -> open -> close) the same everywhere.
#include "models/LevelBook.h"
#include "models/LeverageLadder.h"
#include "models/LiquidationModel.h"

#include <functional>

namespace lhm {

// Called once per candle after consumption: open and/or close positions for candle `index`.
using CandleStep = std::function<void(int index, LevelBook &book, NotionalFlow &flow)>;

Result<ModelOutput> walkCandles(const ModelInputs &inputs, const LeverageLadder &ladder, const QString &model,
                                const RunControl &control, const CandleStep &step);

// Opens `notional` at `entry` split across the ladder's leverages by weight; adds it to flow.opened.
void openAcrossLeverages(LevelBook &book, const LeverageLadder &ladder, Side side, double entry, double notional,
                         NotionalFlow &flow);

// Opens `notional` spread evenly over `points` entry prices across the candle's range, at
// low + (high − low)·(k + ½)/points for k = 0..points−1 (a position opened during the candle could
// have been opened at any traded price), leaving out the levels already beyond the close (liquidated
// inside the candle); points <= 0 opens it all at the close.
void openOverCandle(LevelBook &book, const LeverageLadder &ladder, Side side, const Candle &candle, int points,
                    double notional, NotionalFlow &flow);

}  // namespace lhm
