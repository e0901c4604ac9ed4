#pragma once
// The local cache: one SQLite file (WAL) holding market history, realised liquidations, the import
// log and computed heatmaps. Every write runs in a transaction; callers that must write several
// tables atomically (an import) wrap the calls in transaction(). The store is the only place
// that writes SQL: the connection stays private.
#include "common/Error.h"
#include "common/Types.h"
#include "store/AlertRepository.h"
#include "store/Database.h"
#include "store/ProfileRepository.h"
#include "store/ValidationRepository.h"

#include <QByteArray>
#include <QStringList>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace lhm {

struct SeriesTable;

struct SeriesKey {
    QString exchange = QStringLiteral("binance");
    QString symbol;
    QString interval;  // candles only ("1m", "1h", ...); empty for other series
};

struct ImportRecord {
    QString fileName;   // the file (or zip entry) as the user named it
    // The file as stored: its size and hex SHA-256 (a zip's own bytes, what data.binance.vision's
    // .CHECKSUM covers; a CSV's content). Logs written before schema 7 hold a zip's CSV content here.
    qint64 size = 0;
    QByteArray sha256;
    QString type;       // metrics | klines | fundingRate | aggTrades | ...
    QString symbol;
    QString interval;
    qint64 rows = 0;
    qint64 skipped = 0;
    qint64 importedAt = 0;  // ms
    // A zip's CSV entry: its size and CRC-32 (from the zip directory, checked by the inflate), so
    // that the extracted CSV is known as the same import without hashing the zip's content. -1: none.
    qint64 contentSize = -1;
    qint64 contentCrc32 = -1;
};

// One row of `lhm info`: what the store holds for a series (kept up to date by every insert).
struct SeriesInfo {
    QString exchange, symbol, type, interval;
    qint64 rows = 0;
    qint64 from = 0, to = 0;  // first and last timestamp, ms
    std::vector<std::pair<qint64, qint64>> gaps;  // [last present, next present] where step > interval
    qint64 trades = -1;  // aggTrades profile only: trades aggregated into its `rows` minute x price cells
};

// The open-interest columns the models read (InputLoader, AnalysisInputs): a third of a metrics
// row, so a window of 5-minute rows costs a third of the column reads and of the memory.
struct OpenInterestSample {
    qint64 time = 0;
    double openInterestValue = 0;       // USD notional (sum_open_interest_value)
    double takerLongShortVolRatio = 0;  // sum_taker_long_short_vol_ratio; 0 when the column was empty
};

struct HeatmapCacheEntry {
    QString key;          // request + parameter hash, built by the caller
    QString exchange, symbol, window, model;
    qint64 dataTo = 0;    // newest input timestamp the grid was computed from
    qint64 createdAt = 0;
    QByteArray payload;   // compressed serialised grid
};

// What Store::open checks. SQLite (WAL, synchronous=NORMAL) recovers from a crash by itself; a
// full page walk costs seconds on a store of years, so it runs only when a connection of a process
// that is gone never closed (its session marker is still in `meta`) or when asked (`lhm check`).
enum class OpenCheck { AfterUncleanShutdown, Never };

// When a connection writes its session marker. AtOpen covers the whole session. BeforeFirstWrite
// is for a command that mostly reads (`lhm heatmap|levels|compare`): a session that changed nothing
// cannot have left damage, so it marks itself just before its first write, if it ever writes.
// Otherwise the marker's insert and delete were two write transactions per command, and frames
// that every later open of the store reads back from the WAL until a writer checkpoints it.
enum class SessionMark { AtOpen, BeforeFirstWrite };

class Store {
public:
    static constexpr int kSchemaVersion = 1;

    // Opens or creates the store and runs migrations; checks integrity only after an unclean
    // shutdown (see OpenCheck). Refuses directories, non-SQLite files, SQLite files that are not
    // ours, corrupt files (when checked) and newer schemas than this build knows.
    static Result<std::unique_ptr<Store>> open(const QString &path, OpenCheck check = OpenCheck::AfterUncleanShutdown,
                                               SessionMark mark = SessionMark::AtOpen);
    // Read-only connection for reader threads (no migration, no check; the file must already be a store).
    static Result<std::unique_ptr<Store>> openReadOnly(const QString &path);
    ~Store();

    // PRAGMA integrity_check (full) or quick_check: the problems SQLite reports, empty when sound.
    Result<QStringList> checkIntegrity(bool full = true);
    // True when open() found an unclean shutdown and ran the check.
    bool checkedAtOpen() const { return checkedAtOpen_; }

    const QString &path() const { return db_->path(); }
    QString lastError() const { return db_->lastError(); }
    // How long a write waits for another connection's transaction before failing (10 s by default).
    void setBusyTimeout(int ms);
    // Groups writes of several tables into one atomic unit (an import: rows + import log). Calls
    // made while it is open join it; it rolls back unless committed.
    Transaction transaction() { return Transaction(*db_); }
    // Alert rules and firings on this connection (use it on the thread that owns this Store).
    AlertRepository alertRepository() { return AlertRepository(*db_); }
    // Fitted model profiles (`lhm calibrate`) on this connection.
    ProfileRepository profileRepository() { return ProfileRepository(*db_); }
    // The latest validation figures per model (`lhm validate`, Research tab) on this connection.
    ValidationRepository validationRepository() { return ValidationRepository(*db_); }

    // --- writes: idempotent on natural keys (re-inserting a row is a no-op); `inserted` counts new rows
    Status insertCandles(const SeriesKey &key, const std::vector<Candle> &rows, qint64 *inserted = nullptr);
    Status insertOpenInterest(const SeriesKey &key, const std::vector<OpenInterestPoint> &rows, qint64 *inserted = nullptr);
    Status insertFunding(const SeriesKey &key, const std::vector<FundingPoint> &rows, qint64 *inserted = nullptr);
    Status insertAggTrades(const SeriesKey &key, const std::vector<AggTrade> &rows, qint64 *inserted = nullptr);
    // Adds into existing cells (the import log prevents adding the same file twice).
    Status addTradeProfile(const SeriesKey &key, const std::vector<TradeProfileCell> &cells);
    Status insertLiquidations(const std::vector<LiquidationEvent> &events, qint64 *inserted = nullptr);

    // --- reads, ordered by time, range [from, to)
    std::vector<Candle> candles(const SeriesKey &key, TimeRange r);
    std::vector<OpenInterestPoint> openInterest(const SeriesKey &key, TimeRange r);
    // The same rows with only what the models use (see OpenInterestSample).
    std::vector<OpenInterestSample> openInterestSamples(const SeriesKey &key, TimeRange r);
    std::vector<FundingPoint> funding(const SeriesKey &key, TimeRange r);
    std::vector<TradeProfileCell> tradeProfile(const SeriesKey &key, TimeRange r);
    // The profile as py_liquidation_map reads it: only the cells holding large trades (an index
    // of their own), those whose largest trade is below `minTradeNotional` dropped, and the rest
    // summed per price bucket and column of `stepMs` (columns start at r.from, a multiple of
    // stepMs). One cell per column and bucket, `minute` = the column's start, ascending.
    std::vector<TradeProfileCell> largeTradeProfile(const SeriesKey &key, TimeRange r, qint64 stepMs,
                                                    double minTradeNotional);
    // Whether any profile cell lies in [r.from, r.to).
    bool hasTradeProfile(const SeriesKey &key, TimeRange r);
    // Distinct minutes of the profile in [from, to] (closed), ascending.
    std::vector<qint64> profileMinutes(const SeriesKey &key, qint64 from, qint64 to);
    // Newest candle open time of key.interval strictly before `before` (0 = no bound); 0 when none.
    qint64 newestCandle(const SeriesKey &key, qint64 before = 0);
    // Newest timestamp of any model input (candles of any interval, metrics, funding, trade
    // profile) for the symbol strictly before `before` (0 = no bound); 0 when there is none.
    qint64 newestInputTime(const QString &exchange, const QString &symbol, qint64 before = 0);
    std::vector<AggTrade> aggTrades(const SeriesKey &key, TimeRange r);
    std::vector<LiquidationEvent> liquidations(const QString &exchange, const QString &symbol, TimeRange r);

    // --- third-party history (StoreLiquidations.cpp)
    // Hourly liquidation totals of a series from one source; idempotent on (series, source, hour).
    Status insertHourlyLiquidations(const SeriesKey &key, const QString &source, const std::vector<HourlyLiquidation> &rows,
                                    qint64 *inserted = nullptr);
    // Every source's rows for the series, summed per hour (sources do not overlap in practice).
    std::vector<HourlyLiquidation> hourlyLiquidations(const SeriesKey &key, TimeRange r);
    // Open interest imported in base units only (value 0) gets its USD value from the close of the
    // same series' candle of that hour (interval `candleInterval`). Returns rows filled.
    Result<qint64> fillOpenInterestValue(const SeriesKey &key, const QString &candleInterval);
    // Sources of the realised liquidations a series holds, with counts (for `lhm info`-style reports).
    std::vector<std::pair<QString, qint64>> liquidationSources(const QString &exchange, const QString &symbol);
    // Time of the newest realised liquidation of the series of at least `minNotional` USD; 0 when
    // none (one probe walking the primary key back from the newest row).
    qint64 newestLiquidationTime(const QString &exchange, const QString &symbol, double minNotional = 0);

    // Symbols with any data, sorted; intervals held for a symbol's candles.
    QStringList symbols(const QString &exchange = QStringLiteral("binance"));
    QStringList candleIntervals(const SeriesKey &key);

    // --- import log
    std::optional<ImportRecord> findImport(const QByteArray &sha256);
    // Only a file of the same size can be the same content: the cheap test before hashing.
    bool hasImportOfSize(qint64 size);
    // A zip whose CSV entry had this size (and CRC-32): the cheap test, then the match.
    bool hasZipImportOfContentSize(qint64 size);
    std::optional<ImportRecord> findZipImportOfContent(qint64 size, quint32 crc32);
    Status logImport(const ImportRecord &rec);
    // True when the log holds an import of this file name (a data.binance.vision .zip, or the .csv
    // inside it), whatever folder it was imported from: lets the downloader skip files before fetching.
    bool hasImportedFile(const QString &fileName);

    // --- coverage (`lhm info`): O(series) rows from the metadata every insert maintains
    std::vector<SeriesInfo> seriesInfo();
    // Exchanges holding rows of a series type ("metrics", "klines", ...) for the symbol, sorted: one
    // query on the metadata, no gaps read (the aggregate's first pass asks this on every call).
    QStringList exchangesWithSeries(const QString &type, const QString &symbol);
    // Recomputes the metadata from the series tables (O(rows); for stores written before it existed).
    Status rebuildSeriesMeta();

    // --- heatmap cache
    std::optional<HeatmapCacheEntry> cachedHeatmap(const QString &key);
    Status putHeatmap(const HeatmapCacheEntry &entry);
    // Newest cache entry for a view, whatever its parameters (for opening offline instantly).
    std::optional<HeatmapCacheEntry> latestHeatmap(const QString &exchange, const QString &symbol,
                                                   const QString &window, const QString &model);

private:
    explicit Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}
    template <class Row, class Bind, class TimeOf>
    Status insertSeries(const SeriesTable &table, const SeriesKey &k, const QString &sql, const std::vector<Row> &rows,
                        qint64 *inserted, Bind bindRow, TimeOf timeOf);
    Status noteSeriesWrite(const SeriesTable &table, const SeriesKey &k, qint64 newRows, qint64 lo, qint64 hi, qint64 trades);
    Status migrate();
    Status checkOurs();
    Result<bool> uncleanShutdown();
    void markSessionOpen();
    void markSessionClosed();
    std::unique_ptr<Database> db_;
    QString sessionKey_;  // meta key of this connection's session marker; empty when none was written
    bool checkedAtOpen_ = false;
    int busyTimeoutMs_ = 10000;  // Database::open's default
};

}  // namespace lhm
