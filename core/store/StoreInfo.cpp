// Import log, coverage report and heatmap cache.
#include "store/Store.h"

#include "common/Timeframe.h"

namespace lhm {

std::optional<ImportRecord> Store::findImport(const QByteArray &sha256) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT file_name, size, sha256, type, symbol, interval, rows, skipped, imported_at FROM import_log WHERE sha256=?"));
    st.bind(1, QString::fromLatin1(sha256));
    if (!st.step()) return std::nullopt;
    return ImportRecord{st.text(0), st.i64(1), st.text(2).toLatin1(), st.text(3), st.text(4),
                        st.text(5), st.i64(6), st.i64(7), st.i64(8)};
}

Status Store::logImport(const ImportRecord &r) {
    Transaction tx(*db_);
    Statement st = db_->prepare(QStringLiteral(
        "INSERT INTO import_log(file_name, size, sha256, type, symbol, interval, rows, skipped, imported_at) "
        "VALUES(?,?,?,?,?,?,?,?,?)"));
    st.bind(1, r.fileName).bind(2, r.size).bind(3, QString::fromLatin1(r.sha256)).bind(4, r.type).bind(5, r.symbol);
    st.bind(6, r.interval).bind(7, r.rows).bind(8, r.skipped).bind(9, r.importedAt);
    if (!st.run()) return Error(QStringLiteral("cannot log import: %1").arg(st.lastError()), db_->path());
    return tx.commit();
}

bool Store::hasImportedFile(const QString &fileName) {
    // Compare on the stem: "X-1m-2024-05-10.zip" matches a logged "/any/dir/X-1m-2024-05-10.csv" or a
    // zip entry, but not "1000X-1m-2024-05-10.zip" (the character before the stem must be a separator).
    const QString base = fileName.section(QLatin1Char('/'), -1);
    const QString stem = base.section(QLatin1Char('.'), 0, 0);
    if (stem.isEmpty()) return false;
    Statement st = db_->prepare(QStringLiteral("SELECT file_name FROM import_log WHERE instr(file_name, ?) > 0"));
    st.bind(1, stem);
    while (st.step()) {
        const QString logged = st.text(0);
        for (qsizetype at = logged.indexOf(stem); at >= 0; at = logged.indexOf(stem, at + 1)) {
            const qsizetype end = at + stem.size();
            const bool startOk = at == 0 || !logged.at(at - 1).isLetterOrNumber();
            const bool endOk = end == logged.size() || logged.at(end) == QLatin1Char('.');
            if (startOk && endOk) return true;
        }
    }
    return false;
}

namespace {

struct SeriesSource {
    const char *type;
    const char *table;
    const char *timeColumn;
    bool hasInterval;
};

// Gaps are steps between consecutive timestamps larger than the series' own interval. A missing
// row makes a step of at least two intervals, so the threshold is 1.5 intervals: that ignores the
// few milliseconds of jitter real funding times carry (e.g. ...00:00:00.017) yet catches every hole.
void fillGaps(Database &db, SeriesInfo &info, const SeriesSource &src, qint64 stepMs) {
    if (stepMs <= 0) return;
    stepMs += stepMs / 2;
    const QString sql =
        QStringLiteral("SELECT prev, t FROM (SELECT %1 AS t, LAG(%1) OVER (ORDER BY %1) AS prev FROM %2 "
                       "WHERE exchange=?1 AND symbol=?2 %3) WHERE prev IS NOT NULL AND t - prev > ?4")
            .arg(QLatin1String(src.timeColumn), QLatin1String(src.table),
                 src.hasInterval ? QStringLiteral("AND interval=?3") : QStringLiteral("AND ?3=?3"));
    Statement st = db.prepare(sql);
    st.bind(1, info.exchange).bind(2, info.symbol).bind(3, info.interval).bind(4, stepMs);
    while (st.step()) info.gaps.emplace_back(st.i64(0), st.i64(1));
}

}  // namespace

std::vector<SeriesInfo> Store::seriesInfo() {
    static const SeriesSource sources[] = {
        {"klines", "candles", "open_time", true},
        {"metrics", "open_interest", "time", false},
        {"fundingRate", "funding", "time", false},
        {"aggTrades", "trade_profile", "minute", false},
        {"aggTradesRaw", "agg_trades", "time", false},
        {"liquidations", "liquidations", "time", false},
    };
    std::vector<SeriesInfo> out;
    for (const SeriesSource &src : sources) {
        const QString sql = QStringLiteral("SELECT exchange, symbol, %1, count(*), min(%2), max(%2) FROM %3 "
                                           "GROUP BY exchange, symbol%4 ORDER BY exchange, symbol%4")
                                .arg(src.hasInterval ? QStringLiteral("interval") : QStringLiteral("''"),
                                     QLatin1String(src.timeColumn), QLatin1String(src.table),
                                     src.hasInterval ? QStringLiteral(", interval") : QString());
        Statement st = db_->prepare(sql);
        while (st.step()) {
            SeriesInfo info;
            info.exchange = st.text(0);
            info.symbol = st.text(1);
            info.type = QString::fromLatin1(src.type);
            info.interval = st.text(2);
            info.rows = st.i64(3);
            info.from = st.i64(4);
            info.to = st.i64(5);
            qint64 step = 0;
            const QString t = info.type;
            if (t == QLatin1String("klines")) step = intervalMs(info.interval).value_or(0);
            else if (t == QLatin1String("metrics")) step = 5 * 60'000;
            else if (t == QLatin1String("fundingRate")) step = 8 * 3'600'000;
            else if (t == QLatin1String("aggTrades")) step = 60'000;
            fillGaps(*db_, info, src, step);
            if (t == QLatin1String("aggTrades")) {
                Statement n = db_->prepare(QStringLiteral(
                    "SELECT COALESCE(SUM(trade_count), 0) FROM trade_profile WHERE exchange=? AND symbol=?"));
                n.bind(1, info.exchange).bind(2, info.symbol);
                info.trades = n.step() ? n.i64(0) : 0;
            }
            out.push_back(std::move(info));
        }
    }
    return out;
}

std::optional<HeatmapCacheEntry> Store::cachedHeatmap(const QString &key) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT key, exchange, symbol, window, model, data_to, created_at, payload FROM heatmap_cache WHERE key=?"));
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return HeatmapCacheEntry{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.i64(5), st.i64(6), st.blob(7)};
}

std::optional<HeatmapCacheEntry> Store::latestHeatmap(const QString &exchange, const QString &symbol,
                                                      const QString &window, const QString &model) {
    Statement st = db_->prepare(QStringLiteral(
        "SELECT key, exchange, symbol, window, model, data_to, created_at, payload FROM heatmap_cache "
        "WHERE exchange=? AND symbol=? AND window=? AND model=? ORDER BY created_at DESC LIMIT 1"));
    st.bind(1, exchange).bind(2, symbol).bind(3, window).bind(4, model);
    if (!st.step()) return std::nullopt;
    return HeatmapCacheEntry{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.i64(5), st.i64(6), st.blob(7)};
}

Status Store::putHeatmap(const HeatmapCacheEntry &e) {
    Transaction tx(*db_);
    Statement st = db_->prepare(QStringLiteral("INSERT OR REPLACE INTO heatmap_cache VALUES(?,?,?,?,?,?,?,?)"));
    st.bind(1, e.key).bind(2, e.exchange).bind(3, e.symbol).bind(4, e.window).bind(5, e.model);
    st.bind(6, e.dataTo).bind(7, e.createdAt).bind(8, e.payload);
    if (!st.run()) return Error(QStringLiteral("cannot cache heatmap: %1").arg(st.lastError()), db_->path());
    return tx.commit();
}

}  // namespace lhm
