#pragma once
// Plain value types shared by every core module. Times are UTC milliseconds since the epoch.
#include <QString>
#include <QtGlobal>
#include <vector>

namespace lhm {

enum class Side { Long, Short };
inline const char *sideName(Side s) { return s == Side::Long ? "long" : "short"; }
inline int sideSign(Side s) { return s == Side::Long ? 1 : -1; }

// One kline row as data.binance.vision and /fapi/v1/klines publish it.
struct Candle {
    qint64 openTime = 0;
    double open = 0, high = 0, low = 0, close = 0;
    double volume = 0;          // base asset
    qint64 closeTime = 0;
    double quoteVolume = 0;
    qint64 trades = 0;
    double takerBuyVolume = 0;  // base asset
    double takerBuyQuoteVolume = 0;
};

// One 5-minute row of the `metrics` files (or /futures/data/openInterestHist).
struct OpenInterestPoint {
    qint64 time = 0;
    double openInterest = 0;       // base units (sum_open_interest)
    double openInterestValue = 0;  // USD notional (sum_open_interest_value)
    double topTraderLongShortRatio = 0;   // count_toptrader_long_short_ratio
    double topTraderPositionRatio = 0;    // sum_toptrader_long_short_ratio
    double longShortRatio = 0;            // count_long_short_ratio
    double takerLongShortVolRatio = 0;    // sum_taker_long_short_vol_ratio
};

struct FundingPoint {
    qint64 time = 0;
    int intervalHours = 8;
    double rate = 0;  // fraction, e.g. 0.0001 = 0.01 %
};

struct AggTrade {
    qint64 id = 0;
    double price = 0;
    double qty = 0;
    qint64 firstTradeId = 0;
    qint64 lastTradeId = 0;
    qint64 time = 0;
    bool buyerMaker = false;  // true: the taker sold
};

// Per minute x price bucket aggregate of trades, the form trades are kept in by default.
struct TradeProfileCell {
    qint64 minute = 0;        // ms, floored to the minute
    double bucketPrice = 0;   // lower edge of the price bucket
    double buyQty = 0, sellQty = 0;             // taker buys / taker sells, base units
    double buyNotional = 0, sellNotional = 0;   // USD
    qint64 tradeCount = 0;
    double maxTradeNotional = 0;  // largest single aggTrade seen in the cell
    // Notional of the individual aggTrades at or above the import's large-trade threshold
    // (100,000 USD by default), which the py_liquidation_map model treats as position openings.
    double largeBuyNotional = 0, largeSellNotional = 0;
};

// A realised liquidation, normalised across exchanges: `side` is the LIQUIDATED POSITION's side.
struct LiquidationEvent {
    QString exchange;
    QString symbol;
    Side side = Side::Long;
    double price = 0;
    double qty = 0;       // base units
    double notional = 0;  // USD
    qint64 time = 0;         // exchange time
    qint64 receiveTime = 0;  // local receive time
    QString source = QStringLiteral("live");  // "live" (a feed) or the imported format's name
};

// One hour of third-party aggregated liquidations (no price per event), base units.
struct HourlyLiquidation {
    qint64 time = 0;  // hour open, UTC ms
    double longQty = 0, shortQty = 0;
};

struct TimeRange {
    qint64 from = 0;  // inclusive
    qint64 to = 0;    // exclusive
    bool contains(qint64 t) const { return t >= from && t < to; }
    qint64 length() const { return to - from; }
};

}  // namespace lhm
