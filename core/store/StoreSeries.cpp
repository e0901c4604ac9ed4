// Series tables: candles, open interest, funding, trades, trade profile, liquidations.
#include "store/Store.h"

namespace lhm {

namespace {

// Runs `bindRow` + run() for each row inside one transaction; counts rows that were new. Series
// inserts bind the series key (parameters 1..keyParams) once: run() resets without clearing
// bindings, so per-row work is only the row's own numbers.
template <class Row, class Bind>
Status insertAll(Database &db, const QString &sql, const std::vector<Row> &rows, qint64 *inserted, Bind bindRow,
                 const SeriesKey *key = nullptr, int keyParams = 0) {
    Transaction tx(db);
    Statement st = db.prepare(sql);
    if (!st.valid()) return Error(QStringLiteral("cannot prepare insert: %1").arg(db.lastError()), db.path());
    if (key) {
        st.bind(1, key->exchange).bind(2, key->symbol);
        if (keyParams >= 3) st.bind(3, key->interval);
    }
    qint64 n = 0;
    for (const Row &r : rows) {
        bindRow(st, r);
        if (!st.run()) return Error(QStringLiteral("insert failed: %1").arg(st.lastError()), db.path());
        n += st.changes();
    }
    if (Status s = tx.commit(); !s) return s;
    if (inserted) *inserted = n;
    return {};
}

}  // namespace

Status Store::insertCandles(const SeriesKey &k, const std::vector<Candle> &rows, qint64 *inserted) {
    return insertAll(*db_,
                     QStringLiteral("INSERT OR IGNORE INTO candles VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), rows,
                     inserted, [&](Statement &st, const Candle &c) {
                         st.bind(4, c.openTime);
                         st.bind(5, c.open).bind(6, c.high).bind(7, c.low).bind(8, c.close).bind(9, c.volume);
                         st.bind(10, c.closeTime).bind(11, c.quoteVolume).bind(12, c.trades);
                         st.bind(13, c.takerBuyVolume).bind(14, c.takerBuyQuoteVolume);
                     },
                     &k, 3);
}

Status Store::insertOpenInterest(const SeriesKey &k, const std::vector<OpenInterestPoint> &rows, qint64 *inserted) {
    return insertAll(*db_, QStringLiteral("INSERT OR IGNORE INTO open_interest VALUES(?,?,?,?,?,?,?,?,?)"), rows,
                     inserted, [&](Statement &st, const OpenInterestPoint &p) {
                         st.bind(3, p.time).bind(4, p.openInterest);
                         st.bind(5, p.openInterestValue).bind(6, p.topTraderLongShortRatio);
                         st.bind(7, p.topTraderPositionRatio).bind(8, p.longShortRatio).bind(9, p.takerLongShortVolRatio);
                     },
                     &k, 2);
}

Status Store::insertFunding(const SeriesKey &k, const std::vector<FundingPoint> &rows, qint64 *inserted) {
    return insertAll(*db_, QStringLiteral("INSERT OR IGNORE INTO funding VALUES(?,?,?,?,?)"), rows, inserted,
                     [&](Statement &st, const FundingPoint &p) {
                         st.bind(3, p.time).bind(4, p.intervalHours).bind(5, p.rate);
                     },
                     &k, 2);
}

Status Store::insertAggTrades(const SeriesKey &k, const std::vector<AggTrade> &rows, qint64 *inserted) {
    return insertAll(*db_, QStringLiteral("INSERT OR IGNORE INTO agg_trades VALUES(?,?,?,?,?,?,?,?,?)"), rows,
                     inserted, [&](Statement &st, const AggTrade &t) {
                         st.bind(3, t.id).bind(4, t.price).bind(5, t.qty);
                         st.bind(6, t.firstTradeId).bind(7, t.lastTradeId).bind(8, t.time).bind(9, qint64(t.buyerMaker));
                     },
                     &k, 2);
}

Status Store::addTradeProfile(const SeriesKey &k, const std::vector<TradeProfileCell> &cells) {
    return insertAll(
        *db_,
        QStringLiteral("INSERT INTO trade_profile VALUES(?,?,?,?,?,?,?,?,?,?,?,?) "
                       "ON CONFLICT(exchange, symbol, minute, bucket) DO UPDATE SET "
                       "buy_qty=buy_qty+excluded.buy_qty, sell_qty=sell_qty+excluded.sell_qty, "
                       "buy_notional=buy_notional+excluded.buy_notional, sell_notional=sell_notional+excluded.sell_notional, "
                       "trade_count=trade_count+excluded.trade_count, "
                       "max_trade_notional=max(max_trade_notional, excluded.max_trade_notional), "
                       "large_buy_notional=large_buy_notional+excluded.large_buy_notional, "
                       "large_sell_notional=large_sell_notional+excluded.large_sell_notional"),
        cells, nullptr, [&](Statement &st, const TradeProfileCell &c) {
            st.bind(3, c.minute).bind(4, c.bucketPrice);
            st.bind(5, c.buyQty).bind(6, c.sellQty).bind(7, c.buyNotional).bind(8, c.sellNotional);
            st.bind(9, c.tradeCount).bind(10, c.maxTradeNotional).bind(11, c.largeBuyNotional).bind(12, c.largeSellNotional);
        },
        &k, 2);
}

Status Store::insertLiquidations(const std::vector<LiquidationEvent> &events, qint64 *inserted) {
    return insertAll(*db_, QStringLiteral("INSERT OR IGNORE INTO liquidations(exchange, symbol, time, side, price, qty, notional, "
                                                    "receive_time, source) VALUES(?,?,?,?,?,?,?,?,?)"), events,
                     inserted, [&](Statement &st, const LiquidationEvent &e) {
                         st.bind(1, e.exchange).bind(2, e.symbol).bind(3, e.time);
                         st.bind(4, QString::fromLatin1(sideName(e.side))).bind(5, e.price).bind(6, e.qty);
                         st.bind(7, e.notional).bind(8, e.receiveTime).bind(9, e.source);
                     });
}

std::vector<Candle> Store::candles(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT open_time, open, high, low, close, volume, close_time, quote_volume, trades, taker_buy_volume, "
        "taker_buy_quote_volume FROM candles WHERE exchange=? AND symbol=? AND interval=? AND open_time>=? AND open_time<? "
        "ORDER BY open_time"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, k.interval).bind(4, r.from).bind(5, r.to);
    std::vector<Candle> out;
    while (st.step())
        out.push_back({st.i64(0), st.f64(1), st.f64(2), st.f64(3), st.f64(4), st.f64(5), st.i64(6), st.f64(7), st.i64(8),
                       st.f64(9), st.f64(10)});
    return out;
}

std::vector<OpenInterestPoint> Store::openInterest(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT time, open_interest, open_interest_value, toptrader_count_ratio, toptrader_sum_ratio, long_short_ratio, "
        "taker_vol_ratio FROM open_interest WHERE exchange=? AND symbol=? AND time>=? AND time<? ORDER BY time"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<OpenInterestPoint> out;
    while (st.step())
        out.push_back({st.i64(0), st.f64(1), st.f64(2), st.f64(3), st.f64(4), st.f64(5), st.f64(6)});
    return out;
}

std::vector<FundingPoint> Store::funding(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT time, interval_hours, rate FROM funding WHERE exchange=? AND symbol=? AND time>=? AND time<? ORDER BY time"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<FundingPoint> out;
    while (st.step()) out.push_back({st.i64(0), int(st.i64(1)), st.f64(2)});
    return out;
}

std::vector<TradeProfileCell> Store::tradeProfile(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT minute, bucket, buy_qty, sell_qty, buy_notional, sell_notional, trade_count, max_trade_notional, "
        "large_buy_notional, large_sell_notional FROM trade_profile WHERE exchange=? AND symbol=? AND minute>=? AND minute<? "
        "ORDER BY minute, bucket"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<TradeProfileCell> out;
    while (st.step())
        out.push_back({st.i64(0), st.f64(1), st.f64(2), st.f64(3), st.f64(4), st.f64(5), st.i64(6), st.f64(7), st.f64(8),
                       st.f64(9)});
    return out;
}

std::vector<AggTrade> Store::aggTrades(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT id, price, qty, first_trade_id, last_trade_id, time, buyer_maker FROM agg_trades "
        "WHERE exchange=? AND symbol=? AND time>=? AND time<? ORDER BY time, id"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<AggTrade> out;
    while (st.step()) out.push_back({st.i64(0), st.f64(1), st.f64(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6) != 0});
    return out;
}

std::vector<LiquidationEvent> Store::liquidations(const QString &exchange, const QString &symbol, TimeRange r) {
    // An empty exchange or symbol means "all".
    Statement st = db_->prepare(QStringLiteral(
        "SELECT exchange, symbol, time, side, price, qty, notional, receive_time, source FROM liquidations "
        "WHERE (?1='' OR exchange=?1) AND (?2='' OR symbol=?2) AND time>=?3 AND time<?4 ORDER BY time"));
    st.bind(1, exchange).bind(2, symbol).bind(3, r.from).bind(4, r.to);
    std::vector<LiquidationEvent> out;
    while (st.step()) {
        LiquidationEvent e;
        e.exchange = st.text(0);
        e.symbol = st.text(1);
        e.time = st.i64(2);
        e.side = st.text(3) == QLatin1String("long") ? Side::Long : Side::Short;
        e.price = st.f64(4);
        e.qty = st.f64(5);
        e.notional = st.f64(6);
        e.receiveTime = st.i64(7);
        e.source = st.text(8);
        out.push_back(e);
    }
    return out;
}

QStringList Store::symbols(const QString &exchange) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT symbol FROM candles WHERE exchange=?1 UNION SELECT symbol FROM open_interest WHERE exchange=?1 "
        "UNION SELECT symbol FROM trade_profile WHERE exchange=?1 ORDER BY 1"));
    st.bind(1, exchange);
    QStringList out;
    while (st.step()) out << st.text(0);
    return out;
}

QStringList Store::candleIntervals(const SeriesKey &k) {
    Statement st = db_->prepare(
        QStringLiteral("SELECT DISTINCT interval FROM candles WHERE exchange=? AND symbol=? ORDER BY interval"));
    st.bind(1, k.exchange).bind(2, k.symbol);
    QStringList out;
    while (st.step()) out << st.text(0);
    return out;
}

}  // namespace lhm
