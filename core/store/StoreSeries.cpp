// Series tables: candles, open interest, funding, trades, trade profile, liquidations.
#include "common/Timeframe.h"
#include "store/SeriesTable.h"
#include "store/Store.h"

#include <algorithm>
#include <limits>
#include <map>

namespace lhm {

namespace {

// Rows a series with one row per `stepMs` has in `r`, for reserving the result vector: a year of
// 5-minute candles is 9 MB, and a vector grown by doubling touches (and copies) twice that, each
// new block on fresh pages. Capped, because a range may be open-ended.
std::size_t expectedRows(TimeRange r, qint64 stepMs) {
    const double n = (double(r.to) - double(r.from)) / double(stepMs);
    return n > 0 ? std::size_t(std::min(n, double(1 << 20))) + 1 : 0;
}
// A sparse series (a gap, a venue with fewer rows) keeps no reserve it did not use.
template <typename T>
std::vector<T> fitted(std::vector<T> v) {
    if (v.size() < v.capacity() / 2) v.shrink_to_fit();
    return v;
}
constexpr qint64 kOpenInterestStepMs = 300'000;  // 5-minute rows (Binance metrics, the venues' OI history)

// What one insert call added to a series: new rows and the time span they cover.
struct Written {
    qint64 rows = 0;
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    void add(qint64 t) {
        ++rows;
        lo = std::min(lo, t);
        hi = std::max(hi, t);
    }
};

// Runs `bindRow` + run() for each row inside one transaction; `onRow(row, changed)` learns whether
// it was new. Series inserts bind the series key (parameters 1..keyParams) once: run() resets
// without clearing bindings, so per-row work is only the row's own numbers.
template <class Row, class Bind, class OnRow>
Status insertRows(Database &db, Statement &st, const std::vector<Row> &rows, Bind bindRow, OnRow onRow,
                  const SeriesKey *key = nullptr, int keyParams = 0) {
    if (!st.valid()) return Error(QStringLiteral("cannot prepare insert: %1").arg(db.lastError()), db.path());
    if (key) {
        st.bind(1, key->exchange).bind(2, key->symbol);
        if (keyParams >= 3) st.bind(3, key->interval);
    }
    for (const Row &r : rows) {
        bindRow(st, r);
        if (!st.run()) return Error(QStringLiteral("insert failed: %1").arg(st.lastError()), db.path());
        onRow(r, st.changes() > 0);
    }
    return {};
}

}  // namespace

template <class Row, class Bind, class TimeOf>
Status Store::insertSeries(const SeriesTable &table, const SeriesKey &k, const QString &sql, const std::vector<Row> &rows,
                           qint64 *inserted, Bind bindRow, TimeOf timeOf) {
    Transaction tx(*db_);
    Statement st = db_->prepare(sql);
    Written w;
    if (Status s = insertRows(*db_, st, rows, bindRow, [&](const Row &r, bool added) { if (added) w.add(timeOf(r)); }, &k,
                              table.hasInterval ? 3 : 2);
        !s)
        return s;
    if (Status s = noteSeriesWrite(table, k, w.rows, w.lo, w.hi, 0); !s) return s;
    if (Status s = tx.commit(); !s) return s;
    if (inserted) *inserted = w.rows;
    return {};
}

Status Store::insertCandles(const SeriesKey &k, const std::vector<Candle> &rows, qint64 *inserted) {
    return insertSeries(
        series::kKlines, k, QStringLiteral("INSERT OR IGNORE INTO candles VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), rows, inserted,
        [&](Statement &st, const Candle &c) {
            st.bind(4, c.openTime);
            st.bind(5, c.open).bind(6, c.high).bind(7, c.low).bind(8, c.close).bind(9, c.volume);
            st.bind(10, c.closeTime).bind(11, c.quoteVolume).bind(12, c.trades);
            st.bind(13, c.takerBuyVolume).bind(14, c.takerBuyQuoteVolume);
        },
        [](const Candle &c) { return c.openTime; });
}

Status Store::insertOpenInterest(const SeriesKey &k, const std::vector<OpenInterestPoint> &rows, qint64 *inserted) {
    return insertSeries(
        series::kMetrics, k, QStringLiteral("INSERT OR IGNORE INTO open_interest VALUES(?,?,?,?,?,?,?,?,?)"), rows, inserted,
        [&](Statement &st, const OpenInterestPoint &p) {
            st.bind(3, p.time).bind(4, p.openInterest);
            st.bind(5, p.openInterestValue).bind(6, p.topTraderLongShortRatio);
            st.bind(7, p.topTraderPositionRatio).bind(8, p.longShortRatio).bind(9, p.takerLongShortVolRatio);
        },
        [](const OpenInterestPoint &p) { return p.time; });
}

Status Store::insertFunding(const SeriesKey &k, const std::vector<FundingPoint> &rows, qint64 *inserted) {
    return insertSeries(
        series::kFunding, k, QStringLiteral("INSERT OR IGNORE INTO funding VALUES(?,?,?,?,?)"), rows, inserted,
        [&](Statement &st, const FundingPoint &p) { st.bind(3, p.time).bind(4, p.intervalHours).bind(5, p.rate); },
        [](const FundingPoint &p) { return p.time; });
}

// Raw trades come by the million (--keep-trades), and SQLite's cost per statement is most of the
// cost per row: a block of rows goes in with one INSERT of many VALUES (about half the CPU per row).
// Which rows were new must stay exact (series metadata), so a block goes in whole only when it
// cannot meet a stored row: its ids strictly increase and none is stored in its id range. Any
// other block takes the row-at-a-time statement, which learns each row's outcome.
Status Store::insertAggTrades(const SeriesKey &k, const std::vector<AggTrade> &rows, qint64 *inserted) {
    constexpr size_t kBlock = 32;
    constexpr int kColumns = 9;
    Transaction tx(*db_);
    QString many = QStringLiteral("INSERT OR IGNORE INTO agg_trades VALUES");
    for (size_t i = 0; i < kBlock; ++i) many += QLatin1String(i ? ",(?1,?2,?,?,?,?,?,?,?)" : "(?1,?2,?,?,?,?,?,?,?)");
    Statement one = db_->prepare(QStringLiteral("INSERT OR IGNORE INTO agg_trades VALUES(?,?,?,?,?,?,?,?,?)"));
    Statement block = db_->prepare(many);
    Statement probe = db_->prepare(
        QStringLiteral("SELECT 1 FROM agg_trades WHERE exchange=?1 AND symbol=?2 AND id BETWEEN ?3 AND ?4 LIMIT 1"));
    if (!one.valid() || !block.valid() || !probe.valid())
        return Error(QStringLiteral("cannot prepare insert: %1").arg(db_->lastError()), db_->path());
    for (Statement *st : {&one, &block}) st->bind(1, k.exchange).bind(2, k.symbol);
    auto bindRow = [](Statement &st, int at, const AggTrade &t) {
        st.bind(at, t.id).bind(at + 1, t.price).bind(at + 2, t.qty).bind(at + 3, t.firstTradeId);
        st.bind(at + 4, t.lastTradeId).bind(at + 5, t.time).bind(at + 6, qint64(t.buyerMaker));
    };
    Written w;
    for (size_t i = 0; i < rows.size();) {
        const size_t n = std::min(kBlock, rows.size() - i);
        bool whole = n == kBlock;
        for (size_t j = i + 1; whole && j < i + n; ++j) whole = rows[j].id > rows[j - 1].id;
        if (whole) {
            probe.reset();
            probe.bind(1, k.exchange).bind(2, k.symbol).bind(3, rows[i].id).bind(4, rows[i + n - 1].id);
            whole = !probe.step() && probe.lastError().isEmpty();
        }
        if (whole) {
            for (size_t j = 0; j < n; ++j) bindRow(block, 3 + int(j) * (kColumns - 2), rows[i + j]);
            if (!block.run()) return Error(QStringLiteral("insert failed: %1").arg(block.lastError()), db_->path());
            if (size_t(block.changes()) != n)
                return Error(QStringLiteral("insert of %1 new trades stored %2").arg(n).arg(block.changes()), db_->path());
            for (size_t j = 0; j < n; ++j) w.add(rows[i + j].time);
        } else {
            for (size_t j = i; j < i + n; ++j) {
                bindRow(one, 3, rows[j]);
                if (!one.run()) return Error(QStringLiteral("insert failed: %1").arg(one.lastError()), db_->path());
                if (one.changes() > 0) w.add(rows[j].time);
            }
        }
        i += n;
    }
    if (Status s = noteSeriesWrite(series::kAggTrades, k, w.rows, w.lo, w.hi, 0); !s) return s;
    if (Status s = tx.commit(); !s) return s;
    if (inserted) *inserted = w.rows;
    return {};
}

Status Store::addTradeProfile(const SeriesKey &k, const std::vector<TradeProfileCell> &cells) {
    if (cells.empty()) return {};
    Transaction tx(*db_);
    qint64 lo = cells.front().minute, hi = lo, trades = 0;
    for (const TradeProfileCell &c : cells) {
        lo = std::min(lo, c.minute);
        hi = std::max(hi, c.minute);
        trades += c.tradeCount;
    }
    // An upsert cannot tell a new cell from one added into, so new cells are counted over the span.
    Statement count = db_->prepare(QStringLiteral(
        "SELECT count(*) FROM trade_profile WHERE exchange=? AND symbol=? AND minute BETWEEN ? AND ?"));
    count.bind(1, k.exchange).bind(2, k.symbol).bind(3, lo).bind(4, hi);
    const qint64 before = count.step() ? count.i64(0) : 0;
    count.reset();
    Statement st = db_->prepare(QStringLiteral(
        "INSERT INTO trade_profile VALUES(?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(exchange, symbol, minute, bucket) DO UPDATE SET "
        "buy_qty=buy_qty+excluded.buy_qty, sell_qty=sell_qty+excluded.sell_qty, "
        "buy_notional=buy_notional+excluded.buy_notional, sell_notional=sell_notional+excluded.sell_notional, "
        "trade_count=trade_count+excluded.trade_count, "
        "max_trade_notional=max(max_trade_notional, excluded.max_trade_notional), "
        "large_buy_notional=large_buy_notional+excluded.large_buy_notional, "
        "large_sell_notional=large_sell_notional+excluded.large_sell_notional"));
    if (Status s = insertRows(
            *db_, st, cells,
            [&](Statement &q, const TradeProfileCell &c) {
                q.bind(3, c.minute).bind(4, c.bucketPrice);
                q.bind(5, c.buyQty).bind(6, c.sellQty).bind(7, c.buyNotional).bind(8, c.sellNotional);
                q.bind(9, c.tradeCount).bind(10, c.maxTradeNotional).bind(11, c.largeBuyNotional).bind(12, c.largeSellNotional);
            },
            [](const TradeProfileCell &, bool) {}, &k, 2);
        !s)
        return s;
    count.bind(1, k.exchange).bind(2, k.symbol).bind(3, lo).bind(4, hi);
    const qint64 after = count.step() ? count.i64(0) : before;
    if (Status s = noteSeriesWrite(series::kProfile, k, after - before, lo, hi, trades); !s) return s;
    return tx.commit();
}

Status Store::insertLiquidations(const std::vector<LiquidationEvent> &events, qint64 *inserted) {
    Transaction tx(*db_);
    Statement st = db_->prepare(QStringLiteral("INSERT OR IGNORE INTO liquidations(exchange, symbol, time, side, price, qty, notional, receive_time, source) "
                                               "VALUES(?,?,?,?,?,?,?,?,?)"));
    std::map<std::pair<QString, QString>, Written> written;  // events of several symbols arrive together
    if (Status s = insertRows(
            *db_, st, events,
            [&](Statement &q, const LiquidationEvent &e) {
                q.bind(1, e.exchange).bind(2, e.symbol).bind(3, e.time);
                q.bind(4, QString::fromLatin1(sideName(e.side))).bind(5, e.price).bind(6, e.qty);
                q.bind(7, e.notional).bind(8, e.receiveTime).bind(9, e.source);
            },
            [&](const LiquidationEvent &e, bool added) {
                if (added) written[{e.exchange, e.symbol}].add(e.time);
            });
        !s)
        return s;
    qint64 n = 0;
    for (const auto &[key, w] : written) {
        if (Status s = noteSeriesWrite(series::kLiquidations, {key.first, key.second, {}}, w.rows, w.lo, w.hi, 0); !s) return s;
        n += w.rows;
    }
    if (Status s = tx.commit(); !s) return s;
    if (inserted) *inserted = n;
    return {};
}

std::vector<Candle> Store::candles(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT open_time, open, high, low, close, volume, close_time, quote_volume, trades, taker_buy_volume, "
        "taker_buy_quote_volume FROM candles WHERE exchange=? AND symbol=? AND interval=? AND open_time>=? AND open_time<? "
        "ORDER BY open_time"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, k.interval).bind(4, r.from).bind(5, r.to);
    std::vector<Candle> out;
    if (const auto ms = intervalMs(k.interval)) out.reserve(expectedRows(r, *ms));
    while (st.step())
        out.push_back({st.i64(0), st.f64(1), st.f64(2), st.f64(3), st.f64(4), st.f64(5), st.i64(6), st.f64(7), st.i64(8),
                       st.f64(9), st.f64(10)});
    return fitted(std::move(out));
}

std::vector<OpenInterestPoint> Store::openInterest(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT time, open_interest, open_interest_value, toptrader_count_ratio, toptrader_sum_ratio, long_short_ratio, "
        "taker_vol_ratio FROM open_interest WHERE exchange=? AND symbol=? AND time>=? AND time<? ORDER BY time"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<OpenInterestPoint> out;
    out.reserve(expectedRows(r, kOpenInterestStepMs));
    while (st.step())
        out.push_back({st.i64(0), st.f64(1), st.f64(2), st.f64(3), st.f64(4), st.f64(5), st.f64(6)});
    return fitted(std::move(out));
}

std::vector<OpenInterestSample> Store::openInterestSamples(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT time, open_interest_value, taker_vol_ratio FROM open_interest WHERE exchange=? AND symbol=? AND time>=? "
        "AND time<? ORDER BY time"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<OpenInterestSample> out;
    out.reserve(expectedRows(r, kOpenInterestStepMs));
    while (st.step()) out.push_back({st.i64(0), st.f64(1), st.f64(2)});
    return fitted(std::move(out));
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

std::vector<TradeProfileCell> Store::largeTradeProfile(const SeriesKey &k, TimeRange r, qint64 stepMs,
                                                      double minTradeNotional) {
    // The WHERE repeats the partial index's condition word for word so SQLite reads the index
    // (covering: no table lookups) instead of every cell of the window.
    Statement st = db_->prepare(QStringLiteral(
        "SELECT minute, bucket, max_trade_notional, large_buy_notional, large_sell_notional FROM trade_profile "
        "WHERE exchange=? AND symbol=? AND minute>=? AND minute<? AND (large_buy_notional > 0 OR large_sell_notional > 0) "
        "AND max_trade_notional>=? ORDER BY minute"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to).bind(5, minTradeNotional);
    std::vector<TradeProfileCell> out;
    std::map<double, TradeProfileCell> column;  // the open column's cells by bucket
    qint64 columnStart = 0;
    auto flush = [&] {
        for (auto &[bucket, cell] : column) out.push_back(cell);
        column.clear();
    };
    while (st.step()) {
        const qint64 minute = st.i64(0);
        const qint64 start = stepMs > 0 ? r.from + (minute - r.from) / stepMs * stepMs : minute;
        if (start != columnStart) {
            flush();
            columnStart = start;
        }
        TradeProfileCell &c = column[st.f64(1)];
        c.minute = start;
        c.bucketPrice = st.f64(1);
        c.maxTradeNotional = std::max(c.maxTradeNotional, st.f64(2));
        c.largeBuyNotional += st.f64(3);
        c.largeSellNotional += st.f64(4);
    }
    flush();
    return out;
}

bool Store::hasTradeProfile(const SeriesKey &k, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT 1 FROM trade_profile WHERE exchange=? AND symbol=? AND minute>=? AND minute<? LIMIT 1"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, r.from).bind(4, r.to);
    return st.step();
}

std::vector<qint64> Store::profileMinutes(const SeriesKey &k, qint64 from, qint64 to) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT DISTINCT minute FROM trade_profile WHERE exchange=? AND symbol=? AND minute BETWEEN ? AND ? ORDER BY minute"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, from).bind(4, to);
    std::vector<qint64> out;
    while (st.step()) out.push_back(st.i64(0));
    return out;
}

qint64 Store::newestCandle(const SeriesKey &k, qint64 before) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT MAX(open_time) FROM candles WHERE exchange=? AND symbol=? AND interval=? AND open_time<?"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, k.interval);
    st.bind(4, before > 0 ? before : std::numeric_limits<qint64>::max());
    return st.step() && !st.isNull(0) ? st.i64(0) : 0;
}

qint64 Store::newestInputTime(const QString &exchange, const QString &symbol, qint64 before) {
    if (before <= 0) {
        Statement st = db_->prepare(QStringLiteral("SELECT MAX(last) FROM series_meta WHERE exchange=? AND symbol=? "
                                                   "AND type IN ('klines', 'metrics', 'fundingRate', 'aggTrades')"));
        st.bind(1, exchange).bind(2, symbol);
        return st.step() && !st.isNull(0) ? st.i64(0) : 0;
    }
    // Bounded: one index probe per table (candles per interval: the key's third column).
    qint64 newest = 0;
    for (const QString &iv : candleIntervals({exchange, symbol, {}}))
        newest = std::max(newest, newestCandle({exchange, symbol, iv}, before));
    for (const SeriesTable *t : {&series::kMetrics, &series::kFunding, &series::kProfile}) {
        Statement st = db_->prepare(QStringLiteral("SELECT MAX(%1) FROM %2 WHERE exchange=? AND symbol=? AND %1<?")
                                        .arg(QLatin1String(t->timeColumn), QLatin1String(t->table)));
        st.bind(1, exchange).bind(2, symbol).bind(3, before);
        if (st.step() && !st.isNull(0)) newest = std::max(newest, st.i64(0));
    }
    return newest;
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

}  // namespace lhm
