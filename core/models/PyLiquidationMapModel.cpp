#include "models/PyLiquidationMapModel.h"

#include "models/CandleWalk.h"

namespace lhm {

Result<ModelOutput> PyLiquidationMapModel::run(const ModelInputs &in, const ModelParams &params,
                                               const RunControl &control) const {
    auto ladder = LeverageLadder::make(params.leverageWeights, in.tiers, params.positionNotional,
                                       in.candles.empty() ? 0 : in.candles.back().close);
    if (!ladder) return ladder.error();
    if (!in.hasTradeProfile())
        return Error(QStringLiteral("no trade profile for %1 in this window (import aggTrades files)").arg(in.symbol));
    const LeverageLadder &lad = *ladder;
    const qint64 step = in.intervalMs;
    size_t next = 0;
    // Cells before the first candle belong to no column; skip them.
    if (!in.candles.empty())
        while (next < in.profile.size() && in.profile[next].minute < in.candles.front().openTime) ++next;
    CandleStep open = [&](int i, LevelBook &book, NotionalFlow &flow) {
        const qint64 end = in.candles[size_t(i)].openTime + step;
        for (; next < in.profile.size() && in.profile[next].minute < end; ++next) {
            const TradeProfileCell &cell = in.profile[next];
            // The cells hold trades at or above the IMPORT's threshold; a higher model threshold can
            // only be applied per cell, through the largest trade the cell saw.
            if (cell.maxTradeNotional < params.largeTradeNotional) continue;
            openAcrossLeverages(book, lad, Side::Long, cell.bucketPrice, cell.largeBuyNotional, flow);
            openAcrossLeverages(book, lad, Side::Short, cell.bucketPrice, cell.largeSellNotional, flow);
        }
    };
    return walkCandles(in, lad, name(), control, open);
}

}  // namespace lhm
