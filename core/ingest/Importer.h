#pragma once
// Imports data.binance.vision files (CSV or .zip, or folders of them) into the store.
// Each file is one transaction together with its import-log row, so a crash leaves either the
// whole file or nothing, and re-importing the same file (by the SHA-256 of its bytes; a zip's
// extracted CSV, known by the entry's size and CRC-32, and a zip of an imported CSV count as the
// same) is a no-op that says so.
//
// Error policy: structurally bad input (too few/many fields, non-numeric, NaN/inf, zero or negative
// price, seconds instead of ms, empty file, another type's header, keys going backwards, a key
// repeated with different values, a corrupt zip, a .CHECKSUM mismatch) refuses the WHOLE file with
// an Error naming file, 1-based line and field; nothing from it is stored. Exact duplicate lines and
// rows already in the store are skipped and counted in `skipped`. For aggTrades (kept as the
// additive per-minute profile) a minute the store already holds for the symbol counts as present:
// its trades are skipped rather than added twice.
#include "common/Error.h"
#include "store/Store.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace lhm {

struct ImportOptions {
    QString exchange = QStringLiteral("binance");
    bool keepTrades = false;              // also keep raw aggTrades rows
    double largeTradeNotional = 100000;   // see TradeProfileCell::largeBuyNotional
    bool verifyChecksum = true;           // verify a sibling .CHECKSUM when present
    // Third-party layouts (ingest/thirdparty/): a format name forces one (empty: recognised by
    // header or file name); the series when a file does not name it; the zone of zone-less times.
    QString format;
    QString seriesExchange, seriesSymbol;
    std::optional<qint64> zoneOffsetMs;
};

struct FileImportResult {
    QString path;
    QString type;      // metrics | klines | fundingRate | aggTrades
    QString symbol;
    QString interval;  // klines only
    qint64 rows = 0;       // rows stored (new)
    qint64 skipped = 0;    // rows refused (bad) or already present (duplicates)
    bool alreadyImported = false;
    std::optional<Error> error;  // set when the file was refused; nothing from it was stored
    // Found in a folder but of no layout the importer reads (e.g. Coinalyze's long/short ratio
    // export): left alone, not an error. Files named one by one are refused instead.
    bool unknownLayout = false;
};

class Importer {
public:
    Importer(Store &store, ImportOptions options = {});

    // Imports one file (.csv or .zip). Progress gets (bytesDone, bytesTotal); cancel is polled.
    FileImportResult importFile(const QString &path, const std::function<void(qint64, qint64)> &progress = {},
                                const std::atomic_bool *cancel = nullptr);
    // Files, zips or folders (recursively; .CHECKSUM files are used, not imported).
    std::vector<FileImportResult> importPaths(const QStringList &paths,
                                              const std::function<void(const FileImportResult &)> &onFile = {},
                                              const std::atomic_bool *cancel = nullptr);

private:
    Store &store_;
    ImportOptions options_;
};

}  // namespace lhm
