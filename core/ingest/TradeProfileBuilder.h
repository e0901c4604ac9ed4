#pragma once
// Folds aggTrades (in time order) into per-minute x price-bucket TradeProfileCells. Only the minute
// being filled is kept open, so memory does not grow with the number of trades.
//
// Bucket width = 10^(floor(log10(price)) - 3): 10 USD for BTC at 60k, 1 USD for ETH at 2.6k, so
// every price falls in one of 9,000 buckets per decade. A cell's bucketPrice is the lower edge.
// buyerMaker = true means the taker SOLD (sellQty / sellNotional).
#include "common/Types.h"

#include <vector>

namespace lhm {

class TradeProfileBuilder {
public:
    explicit TradeProfileBuilder(double largeTradeNotional = 100000) : large_(largeTradeNotional) {}

    void add(const AggTrade &t) {
        // Trades arrive in time order, so a range check replaces a division per trade.
        if (t.time >= minuteEnd_ || t.time < minute_) startMinute(t.time - t.time % 60'000);
        const double edge = bucketEdge(t.price);
        TradeProfileCell *c = (last_ >= 0 && cur_[size_t(last_)].bucketPrice == edge) ? &cur_[size_t(last_)] : find(edge);
        const double notional = t.price * t.qty;
        if (t.buyerMaker) {
            c->sellQty += t.qty;
            c->sellNotional += notional;
            if (notional >= large_) c->largeSellNotional += notional;
        } else {
            c->buyQty += t.qty;
            c->buyNotional += notional;
            if (notional >= large_) c->largeBuyNotional += notional;
        }
        ++c->tradeCount;
        if (notional > c->maxTradeNotional) c->maxTradeNotional = notional;
    }

    // Moves the cells of finished minutes (all but the open one) to `out`, sorted by minute, bucket.
    void takeFinished(std::vector<TradeProfileCell> &out);
    // Closes the open minute and moves everything to `out`.
    void finish(std::vector<TradeProfileCell> &out);

    static double bucketWidth(double price);
    // Lower edge of price's bucket.
    double bucketEdge(double price) {
        if (!(price >= decadeLo_ && price < decadeHi_)) setDecade(price);
        const double idx = qint64(price * scale_ + 1e-7);
        return width_ >= 1 ? idx * width_ : idx / scale_;
    }

private:
    void startMinute(qint64 minute);
    TradeProfileCell *find(double edge);
    void setDecade(double price);

    double large_;
    qint64 minute_ = -1, minuteEnd_ = -1;
    std::vector<TradeProfileCell> cur_;   // cells of the open minute
    std::vector<TradeProfileCell> done_;  // finished minutes not yet taken
    int last_ = -1;                       // index of the cell hit last (trades cluster in price)
    double decadeLo_ = 0, decadeHi_ = 0, width_ = 1, scale_ = 1;
};

}  // namespace lhm
