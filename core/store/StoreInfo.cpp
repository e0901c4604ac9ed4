// Import log and heatmap cache.
#include "store/Store.h"


namespace lhm {

namespace {
constexpr auto kImportColumns = "file_name, size, sha256, type, symbol, interval, rows, skipped, imported_at, "
                                "coalesce(content_size, -1), coalesce(content_crc32, -1) FROM import_log";

ImportRecord importRecord(Statement &st) {
    ImportRecord r{st.text(0), st.i64(1), st.text(2).toLatin1(), st.text(3), st.text(4), st.text(5),
                   st.i64(6),  st.i64(7), st.i64(8)};
    r.contentSize = st.i64(9);
    r.contentCrc32 = st.i64(10);
    return r;
}
}  // namespace

std::optional<ImportRecord> Store::findImport(const QByteArray &sha256) {
    Statement st = db_->prepare(QStringLiteral("SELECT %1 WHERE sha256=?").arg(QLatin1String(kImportColumns)));
    st.bind(1, QString::fromLatin1(sha256));
    if (!st.step()) return std::nullopt;
    return importRecord(st);
}

bool Store::hasZipImportOfContentSize(qint64 size) {
    Statement st = db_->prepare(
        QStringLiteral("SELECT 1 FROM import_log WHERE content_size=? AND content_crc32 IS NOT NULL LIMIT 1"));
    st.bind(1, size);
    return st.step();
}

std::optional<ImportRecord> Store::findZipImportOfContent(qint64 size, quint32 crc32) {
    Statement st = db_->prepare(QStringLiteral("SELECT %1 WHERE content_size=? AND content_crc32=? LIMIT 1")
                                    .arg(QLatin1String(kImportColumns)));
    st.bind(1, size).bind(2, qint64(crc32));
    if (!st.step()) return std::nullopt;
    return importRecord(st);
}

bool Store::hasImportOfSize(qint64 size) {
    Statement st = db_->prepare(QStringLiteral("SELECT 1 FROM import_log WHERE size=? LIMIT 1"));
    st.bind(1, size);
    return st.step();
}

Status Store::logImport(const ImportRecord &r) {
    Transaction tx(*db_);
    Statement st = db_->prepare(QStringLiteral(
        "INSERT INTO import_log(file_name, size, sha256, type, symbol, interval, rows, skipped, imported_at, "
        "content_size, content_crc32) VALUES(?,?,?,?,?,?,?,?,?,NULLIF(?,-1),NULLIF(?,-1))"));
    st.bind(1, r.fileName).bind(2, r.size).bind(3, QString::fromLatin1(r.sha256)).bind(4, r.type).bind(5, r.symbol);
    st.bind(6, r.interval).bind(7, r.rows).bind(8, r.skipped).bind(9, r.importedAt);
    st.bind(10, r.contentSize).bind(11, r.contentCrc32);
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
