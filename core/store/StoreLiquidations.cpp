// Third-party history: hourly liquidation totals, and open interest imported in base units.
#include "store/Store.h"

namespace lhm {

Status Store::insertHourlyLiquidations(const SeriesKey &key, const QString &source,
                                       const std::vector<HourlyLiquidation> &rows, qint64 *inserted) {
    Transaction tx(*db_);
    Statement st = db_->prepare(QStringLiteral(
        "INSERT OR IGNORE INTO liquidation_hourly(exchange, symbol, source, time, long_qty, short_qty) VALUES(?,?,?,?,?,?)"));
    if (!st.valid()) return Error(QStringLiteral("cannot prepare insert: %1").arg(db_->lastError()), db_->path());
    st.bind(1, key.exchange).bind(2, key.symbol).bind(3, source);
    qint64 n = 0;
    for (const HourlyLiquidation &r : rows) {
        st.bind(4, r.time).bind(5, r.longQty).bind(6, r.shortQty);
        if (!st.run()) return Error(QStringLiteral("insert failed: %1").arg(st.lastError()), db_->path());
        n += st.changes();
    }
    if (Status s = tx.commit(); !s) return s;
    if (inserted) *inserted = n;
    return {};
}

std::vector<HourlyLiquidation> Store::hourlyLiquidations(const SeriesKey &key, TimeRange r) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT time, SUM(long_qty), SUM(short_qty) FROM liquidation_hourly WHERE exchange=? AND symbol=? AND time>=? "
        "AND time<? GROUP BY time ORDER BY time"));
    st.bind(1, key.exchange).bind(2, key.symbol).bind(3, r.from).bind(4, r.to);
    std::vector<HourlyLiquidation> out;
    while (st.step()) out.push_back({st.i64(0), st.f64(1), st.f64(2)});
    return out;
}

Result<qint64> Store::fillOpenInterestValue(const SeriesKey &key, const QString &candleInterval) {
    Transaction tx(*db_);
    Statement st = db_->prepare(QStringLiteral(
        "UPDATE open_interest SET open_interest_value = open_interest * (SELECT c.close FROM candles c WHERE "
        "c.exchange=open_interest.exchange AND c.symbol=open_interest.symbol AND c.interval=?3 AND "
        "c.open_time=open_interest.time) WHERE exchange=?1 AND symbol=?2 AND open_interest_value=0 AND open_interest>0 "
        "AND EXISTS(SELECT 1 FROM candles c WHERE c.exchange=?1 AND c.symbol=?2 AND c.interval=?3 AND "
        "c.open_time=open_interest.time)"));
    if (!st.valid()) return Error(QStringLiteral("cannot prepare update: %1").arg(db_->lastError()), db_->path());
    st.bind(1, key.exchange).bind(2, key.symbol).bind(3, candleInterval);
    if (!st.run()) return Error(QStringLiteral("update failed: %1").arg(st.lastError()), db_->path());
    const qint64 n = st.changes();
    if (Status s = tx.commit(); !s) return s.error();
    return n;
}

std::vector<std::pair<QString, qint64>> Store::liquidationSources(const QString &exchange, const QString &symbol) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT source, COUNT(*) FROM liquidations WHERE exchange=? AND symbol=? GROUP BY source ORDER BY source"));
    st.bind(1, exchange).bind(2, symbol);
    std::vector<std::pair<QString, qint64>> out;
    while (st.step()) out.emplace_back(st.text(0), st.i64(1));
    return out;
}

qint64 Store::newestLiquidationTime(const QString &exchange, const QString &symbol, double minNotional) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT time FROM liquidations WHERE exchange=? AND symbol=? AND notional>=? ORDER BY time DESC LIMIT 1"));
    st.bind(1, exchange).bind(2, symbol).bind(3, minNotional);
    return st.step() ? st.i64(0) : 0;
}

}  // namespace lhm
