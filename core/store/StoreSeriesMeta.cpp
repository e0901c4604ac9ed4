// Series metadata (rows, first/last time, trades, gaps) kept up to date by every insert, so that
// coverage (`lhm info`, the data manager, the symbol list) reads O(series) rows, never O(rows).
#include "store/SeriesTable.h"
#include "store/Store.h"

#include "common/Log.h"

namespace lhm {

namespace {

QString keyFilter(const SeriesTable &t) {
    return t.hasInterval ? QStringLiteral("exchange=?1 AND symbol=?2 AND interval=?3")
                         : QStringLiteral("exchange=?1 AND symbol=?2 AND ?3=?3");
}

// Recomputes the gaps between consecutive timestamps in [a, b] (both present in the table or the
// ends of the written range): only pairs inside that span can have changed.
Status refreshGaps(Database &db, const SeriesTable &t, const SeriesKey &k, qint64 a, qint64 b) {
    const qint64 threshold = t.gapThreshold(k.interval);
    if (threshold <= 0) return {};
    const QString interval = t.hasInterval ? k.interval : QString();
    Statement del = db.prepare(QStringLiteral("DELETE FROM series_gaps WHERE exchange=? AND symbol=? AND type=? AND interval=? "
                                              "AND gap_from>=? AND gap_to<=?"));
    del.bind(1, k.exchange).bind(2, k.symbol).bind(3, QString::fromLatin1(t.type)).bind(4, interval).bind(5, a).bind(6, b);
    if (!del.run()) return Error(QStringLiteral("cannot update gaps: %1").arg(del.lastError()), db.path());
    Statement ins = db.prepare(
        QStringLiteral("INSERT OR REPLACE INTO series_gaps SELECT ?1, ?2, ?5, ?6, prev, t FROM ("
                       "SELECT t, LAG(t) OVER (ORDER BY t) AS prev FROM (SELECT DISTINCT %1 AS t FROM %2 WHERE %3 "
                       "AND %1 BETWEEN ?7 AND ?8)) WHERE prev IS NOT NULL AND t - prev > ?4")
            .arg(QLatin1String(t.timeColumn), QLatin1String(t.table), keyFilter(t)));
    ins.bind(1, k.exchange).bind(2, k.symbol).bind(3, k.interval).bind(4, threshold);
    ins.bind(5, QString::fromLatin1(t.type)).bind(6, interval).bind(7, a).bind(8, b);
    if (!ins.run()) return Error(QStringLiteral("cannot update gaps: %1").arg(ins.lastError()), db.path());
    return {};
}

qint64 neighbour(Database &db, const SeriesTable &t, const SeriesKey &k, qint64 at, bool before, qint64 fallback) {
    Statement st = db.prepare(QStringLiteral("SELECT %1(%2) FROM %3 WHERE %4 AND %2 %5 ?4")
                                  .arg(before ? QStringLiteral("MAX") : QStringLiteral("MIN"), QLatin1String(t.timeColumn),
                                       QLatin1String(t.table), keyFilter(t), before ? QStringLiteral("<") : QStringLiteral(">")));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, k.interval).bind(4, at);
    return st.step() && !st.isNull(0) ? st.i64(0) : fallback;
}

}  // namespace

Status Store::noteSeriesWrite(const SeriesTable &t, const SeriesKey &k, qint64 newRows, qint64 lo, qint64 hi,
                              qint64 trades) {
    if (newRows == 0 && trades == 0) return {};
    const QString interval = t.hasInterval ? k.interval : QString();
    Statement st = db_->prepare(QStringLiteral(
        "INSERT INTO series_meta VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(exchange, symbol, type, interval) "
        "DO UPDATE SET rows=rows+excluded.rows, first=min(first, excluded.first), last=max(last, excluded.last), "
        "trades=CASE WHEN trades<0 THEN -1 ELSE trades+excluded.trades END"));
    st.bind(1, k.exchange).bind(2, k.symbol).bind(3, QString::fromLatin1(t.type)).bind(4, interval);
    st.bind(5, newRows).bind(6, lo).bind(7, hi).bind(8, &t == &series::kProfile ? trades : qint64(-1));
    if (!st.run()) return Error(QStringLiteral("cannot update series metadata: %1").arg(st.lastError()), db_->path());
    return refreshGaps(*db_, t, k, neighbour(*db_, t, k, lo, true, lo), neighbour(*db_, t, k, hi, false, hi));
}

Status Store::rebuildSeriesMeta() {
    Transaction tx(*db_);
    if (!tx.ok()) return Error(QStringLiteral("cannot rebuild series metadata: %1").arg(db_->lastError()), db_->path());
    if (Status s = db_->exec(QStringLiteral("DELETE FROM series_meta; DELETE FROM series_gaps;")); !s) return s;
    for (const SeriesTable *t : series::kAll) {
        const bool profile = t == &series::kProfile;
        Statement st = db_->prepare(QStringLiteral("SELECT exchange, symbol, %1, count(*), min(%2), max(%2), %3 FROM %4 "
                                                   "GROUP BY exchange, symbol%5")
                                        .arg(t->hasInterval ? QStringLiteral("interval") : QStringLiteral("''"),
                                             QLatin1String(t->timeColumn),
                                             profile ? QStringLiteral("sum(trade_count)") : QStringLiteral("-1"),
                                             QLatin1String(t->table), t->hasInterval ? QStringLiteral(", interval") : QString()));
        struct Row {
            SeriesKey key;
            qint64 rows, from, to, trades;
        };
        std::vector<Row> rows;
        while (st.step()) rows.push_back({{st.text(0), st.text(1), st.text(2)}, st.i64(3), st.i64(4), st.i64(5), st.i64(6)});
        for (const Row &r : rows) {
            Statement ins = db_->prepare(QStringLiteral("INSERT INTO series_meta VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
            ins.bind(1, r.key.exchange).bind(2, r.key.symbol).bind(3, QString::fromLatin1(t->type)).bind(4, r.key.interval);
            ins.bind(5, r.rows).bind(6, r.from).bind(7, r.to).bind(8, r.trades);
            if (!ins.run()) return Error(QStringLiteral("cannot rebuild series metadata: %1").arg(ins.lastError()), db_->path());
            if (Status s = refreshGaps(*db_, *t, r.key, r.from, r.to); !s) return s;
        }
    }
    if (Status s = db_->exec(QStringLiteral("INSERT OR REPLACE INTO meta VALUES('series_meta', '1')")); !s) return s;
    return tx.commit();
}

std::vector<SeriesInfo> Store::seriesInfo() {
    std::vector<SeriesInfo> out;
    for (const SeriesTable *t : series::kAll) {
        Statement st = db_->prepare(QStringLiteral("SELECT exchange, symbol, interval, rows, first, last, trades FROM series_meta "
                                                   "WHERE type=? ORDER BY exchange, symbol, interval"));
        st.bind(1, QString::fromLatin1(t->type));
        while (st.step()) {
            SeriesInfo info;
            info.exchange = st.text(0);
            info.symbol = st.text(1);
            info.type = QString::fromLatin1(t->type);
            info.interval = st.text(2);
            info.rows = st.i64(3);
            info.from = st.i64(4);
            info.to = st.i64(5);
            info.trades = st.i64(6);
            Statement gaps = db_->prepare(QStringLiteral("SELECT gap_from, gap_to FROM series_gaps WHERE exchange=? AND "
                                                         "symbol=? AND type=? AND interval=? ORDER BY gap_from"));
            gaps.bind(1, info.exchange).bind(2, info.symbol).bind(3, info.type).bind(4, info.interval);
            while (gaps.step()) info.gaps.emplace_back(gaps.i64(0), gaps.i64(1));
            out.push_back(std::move(info));
        }
    }
    return out;
}

QStringList Store::exchangesWithSeries(const QString &type, const QString &symbol) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT DISTINCT exchange FROM series_meta WHERE type=? AND symbol=? AND rows>0 ORDER BY 1"));
    st.bind(1, type).bind(2, symbol);
    QStringList out;
    while (st.step()) out << st.text(0);
    return out;
}

QStringList Store::symbols(const QString &exchange) {
    Statement st = db_->prepare(QStringLiteral("SELECT DISTINCT symbol FROM series_meta WHERE exchange=? "
                                               "AND type IN ('klines', 'metrics', 'aggTrades') ORDER BY 1"));
    st.bind(1, exchange);
    QStringList out;
    while (st.step()) out << st.text(0);
    return out;
}

QStringList Store::candleIntervals(const SeriesKey &k) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT interval FROM series_meta WHERE exchange=? AND symbol=? AND type='klines' ORDER BY interval"));
    st.bind(1, k.exchange).bind(2, k.symbol);
    QStringList out;
    while (st.step()) out << st.text(0);
    return out;
}

}  // namespace lhm
