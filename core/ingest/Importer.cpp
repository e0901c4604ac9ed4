#include "ingest/Importer.h"

#include "common/Log.h"
#include "ingest/ByteSource.h"
#include "ingest/Checksum.h"
#include "ingest/CsvParser.h"
#include "ingest/ImportStream.h"
#include "ingest/Sha256.h"
#include "ingest/TradeProfileBuilder.h"
#include "ingest/VisionFile.h"
#include "ingest/thirdparty/ThirdPartyImporter.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <algorithm>
#include <optional>

namespace lhm {

namespace {

constexpr size_t kProfileFlush = 20000;    // cells written per batch

// Hash-only pass, used when the import log already holds a file of the same size.
Result<QByteArray> hashSource(const QString &path) {
    Result<std::unique_ptr<ByteSource>> src = ByteSource::open(path);
    if (!src) return src.error();
    Sha256 hash;
    std::vector<char> buf(static_cast<size_t>(kImportChunk));
    for (;;) {
        Result<qint64> n = (*src)->read(buf.data(), kImportChunk);
        if (!n) return n.error();
        if (*n == 0) break;
        hash.add(buf.data(), *n);
    }
    return hash.hexResult();
}

// Writes profile cells, dropping minutes the store already holds for the symbol: the profile is
// additive, so adding a minute twice (overlapping files) would double it. Returns trades kept.
Result<qint64> writeProfile(Store &store, const SeriesKey &key, std::vector<TradeProfileCell> &cells, qint64 *dropped) {
    if (cells.empty()) return qint64(0);
    const std::vector<qint64> present = store.profileMinutes(key, cells.front().minute, cells.back().minute);
    qint64 kept = 0;
    std::vector<TradeProfileCell> fresh;
    fresh.reserve(cells.size());
    for (const TradeProfileCell &c : cells) {
        if (std::binary_search(present.begin(), present.end(), c.minute)) {
            *dropped += c.tradeCount;
            continue;
        }
        kept += c.tradeCount;
        fresh.push_back(c);
    }
    cells.clear();
    if (Status s = store.addTradeProfile(key, fresh); !s) return s.error();
    return kept;
}

// "Already imported" is only true for the same series: the same bytes under another type, symbol
// or interval name are a mislabelled file, not a repeat.
Status sameSeries(const ImportRecord &prev, const FileImportResult &now) {
    if (prev.type == now.type && prev.symbol == now.symbol && prev.interval == now.interval) return {};
    auto label = [](const QString &type, const QString &symbol, const QString &interval) {
        return QStringLiteral("%1 %2%3").arg(type, symbol, interval.isEmpty() ? QString() : QLatin1Char(' ') + interval);
    };
    return Error(QStringLiteral("the same content was imported as %1 (from %2), but this file name says %3")
                     .arg(label(prev.type, prev.symbol, prev.interval), prev.fileName,
                          label(now.type, now.symbol, now.interval)),
                 now.path, 0, QStringLiteral("file name"));
}

}  // namespace

Importer::Importer(Store &store, ImportOptions options) : store_(store), options_(std::move(options)) {}

FileImportResult Importer::importFile(const QString &path, const std::function<void(qint64, qint64)> &progress,
                                      const std::atomic_bool *cancel) {
    FileImportResult r;
    r.path = path;
    auto refuse = [&](Error e) {
        // SQLite's "database is locked" after the busy timeout: name the input, say why.
        if (e.message.contains(QLatin1String("database is locked")))
            e = Error(QStringLiteral("not imported: another import is writing to the database %1; run this one "
                                     "again when it has finished")
                          .arg(store_.path()),
                      path);
        if (e.file.isEmpty()) e.file = path;
        r.error = std::move(e);
        r.rows = 0;
        r.skipped = 0;
        return r;
    };
    if (auto other = importThirdPartyFile(store_, path, options_, progress, cancel)) return *other;
    const std::optional<VisionFileName> name = parseVisionFileName(path);
    if (!name)
        return refuse(Error(QStringLiteral("not a data.binance.vision file name (expected e.g. BTCUSDT-metrics-2024-05-10.csv, "
                                           "BTCUSDT-5m-2024-05-10.zip, BTCUSDT-fundingRate-2024-05.zip, "
                                           "BTCUSDT-aggTrades-2024-08-08.zip)"),
                            path));
    if (name->type == DataType::Unknown)
        return refuse(Error(QStringLiteral("unsupported data type '%1' (lhm reads metrics, klines, fundingRate, aggTrades)")
                                .arg(name->kind),
                            path));
    r.type = dataTypeName(name->type);
    r.symbol = name->symbol;
    r.interval = name->interval;
    // A FIFO would block the read forever and a device (/dev/zero behind a data-file name) never
    // ends: only regular files (or links to one) are read.
    if (const QFileInfo fi(path); !fi.isFile())
        return refuse(Error(fi.exists() ? QStringLiteral("not a regular file (a FIFO, device or socket): refused")
                                        : QStringLiteral("no such file (or a broken symbolic link)"),
                            path));
    // The SHA-256 of the file's bytes, when a .CHECKSUM has just been checked against it.
    QByteArray fileSha;
    if (options_.verifyChecksum) {
        Result<QByteArray> checked = verifySiblingChecksum(path);
        if (!checked) return refuse(checked.error());
        fileSha = *checked;
    }

    Result<std::unique_ptr<ByteSource>> opened = ByteSource::open(path);
    if (!opened) return refuse(opened.error());
    std::unique_ptr<ByteSource> src = std::move(*opened);
    if (auto entry = parseVisionFileName(src->entryName()); name->zip && entry && entry->type != name->type)
        return refuse(Error(QStringLiteral("zip entry %1 is not a %2 file").arg(src->entryName(), r.type), path));

    // The log keys a file by the SHA-256 of its bytes as stored. For a zip that is the zip (71 MB for
    // a day of BTC trades, against 332 MB of CSV inside: hashing the content cost the zip import a
    // fifth of its speed); its entry's size and CRC-32 are logged too, so the extracted CSV is still
    // the same import. Each test below is cheap (sizes in the log) before it pays for a pass.
    const bool zip = src->compressed();
    const qint64 fileSize = QFileInfo(path).size();
    auto seenAs = [&](const std::optional<ImportRecord> &prev) -> std::optional<FileImportResult> {
        if (!prev) return std::nullopt;
        if (Status same = sameSeries(*prev, r); !same) return refuse(same.error());
        r.alreadyImported = true;
        return r;
    };
    if (store_.hasImportOfSize(fileSize)) {
        Result<QByteArray> sha = fileSha.isEmpty() ? sha256OfFile(path) : Result<QByteArray>(fileSha);
        if (!sha) return refuse(sha.error());
        fileSha = *sha;
        if (auto done = seenAs(store_.findImport(*sha))) return *done;
    }
    if (zip && store_.hasImportOfSize(src->size())) {
        // Its content imported as a CSV, or this zip logged by an older build (which keyed zips by content).
        Result<QByteArray> sha = hashSource(path);
        if (!sha) return refuse(sha.error());
        if (auto done = seenAs(store_.findImport(*sha))) return *done;
    }
    if (!zip && store_.hasZipImportOfContentSize(fileSize)) {
        // A CRC-32 match is no proof against a forged file, but a forgery gains nothing: it is
        // only left out, and the zip it imitates is what the store holds.
        Result<quint32> crc = crc32OfFile(path);
        if (!crc) return refuse(crc.error());
        if (auto done = seenAs(store_.findZipImportOfContent(fileSize, *crc))) return *done;
    }

    Transaction tx = store_.transaction();
    if (!tx.ok()) return refuse(Error(QStringLiteral("cannot start a transaction: %1").arg(store_.lastError()), store_.path()));
    SeriesKey key{options_.exchange, name->symbol, name->interval};
    // The key: known from the .CHECKSUM or the pre-check, else the CSV's bytes as they stream by,
    // else the zip's own bytes (SteppedFileHash).
    Sha256 csvHash;
    Sha256 *chunkHash = fileSha.isEmpty() && !zip ? &csvHash : nullptr;
    SteppedFileHash zipHash(path, fileSize, src->size());
    std::function<void(qint64, bool)> onRead;
    if (fileSha.isEmpty() && zip) {
        if (Status opened = zipHash.open(); !opened) return refuse(opened.error());
        onRead = [&](qint64 done, bool ended) { zipHash.advance(done, ended); };
    }
    qint64 inserted = 0, parsed = 0, dropped = 0;
    Status s;
    qint64 duplicates = 0;
    auto storeWith = [&](auto insertFn) {
        return [&, insertFn](auto &rows) -> Status {
            if (rows.empty()) return {};
            qint64 n = 0;
            parsed += qint64(rows.size());
            if (Status st = (store_.*insertFn)(key, rows, &n); !st) return st;
            inserted += n;
            return {};
        };
    };
    switch (name->type) {
    case DataType::Metrics: {
        MetricsParser p(path);
        s = streamParse(*src, p, chunkHash, onRead, progress, cancel, storeWith(&Store::insertOpenInterest));
        duplicates = p.stats().duplicates;
        if (s && QString::fromStdString(p.stats().symbol) != name->symbol)
            s = Error(QStringLiteral("symbol column says %1, the file name says %2")
                          .arg(QString::fromStdString(p.stats().symbol), name->symbol),
                      path, p.stats().header ? 2 : 1, QStringLiteral("symbol"));
        break;
    }
    case DataType::Klines: {
        KlinesParser p(path);
        s = streamParse(*src, p, chunkHash, onRead, progress, cancel, storeWith(&Store::insertCandles));
        duplicates = p.stats().duplicates;
        break;
    }
    case DataType::FundingRate: {
        FundingParser p(path);
        s = streamParse(*src, p, chunkHash, onRead, progress, cancel, storeWith(&Store::insertFunding));
        duplicates = p.stats().duplicates;
        break;
    }
    case DataType::AggTrades: {
        AggTradesParser p(path);
        TradeProfileBuilder builder(options_.largeTradeNotional);
        std::vector<TradeProfileCell> cells;
        auto rawInsert = storeWith(&Store::insertAggTrades);
        s = streamParse(*src, p, chunkHash, onRead, progress, cancel, [&](std::vector<AggTrade> &rows) -> Status {
            for (const AggTrade &t : rows) builder.add(t);
            if (options_.keepTrades)
                if (Status st = rawInsert(rows); !st) return st;
            builder.takeFinished(cells);
            if (cells.size() < kProfileFlush) return {};
            Result<qint64> kept = writeProfile(store_, key, cells, &dropped);
            if (!kept) return kept.error();
            r.rows += *kept;
            return {};
        });
        if (s) {
            builder.finish(cells);
            Result<qint64> kept = writeProfile(store_, key, cells, &dropped);
            if (!kept) s = kept.error();
            else r.rows += *kept;
        }
        duplicates = p.stats().duplicates;
        if (!options_.keepTrades) parsed = inserted = 0;  // rows/skipped come from the profile alone
        break;
    }
    case DataType::Unknown: break;
    }
    if (s && onRead) s = zipHash.status();
    if (!s) return refuse(s.error());

    const QByteArray sha = chunkHash ? csvHash.hexResult() : onRead ? zipHash.result() : fileSha;
    if (const std::optional<ImportRecord> prev = store_.findImport(sha)) {  // same content raced in
        if (Status same = sameSeries(*prev, r); !same) return refuse(same.error());
        r.alreadyImported = true;
        return r;  // the transaction rolls back
    }
    if (name->type != DataType::AggTrades) r.rows = inserted;
    r.skipped = duplicates + dropped + (name->type == DataType::AggTrades ? 0 : parsed - inserted);
    ImportRecord rec{QFileInfo(path).fileName(), fileSize, sha, r.type, r.symbol, r.interval, r.rows, r.skipped,
                     QDateTime::currentMSecsSinceEpoch()};
    if (zip && src->contentCrc32() >= 0) {
        rec.contentSize = src->size();
        rec.contentCrc32 = src->contentCrc32();
    }
    if (Status ls = store_.logImport(rec); !ls) return refuse(ls.error());
    if (Status cs = tx.commit(); !cs) return refuse(cs.error());
    qCDebug(lcIngest) << path << r.type << r.symbol << "rows" << r.rows << "skipped" << r.skipped;
    return r;
}

std::vector<FileImportResult> Importer::importPaths(const QStringList &paths,
                                                    const std::function<void(const FileImportResult &)> &onFile,
                                                    const std::atomic_bool *cancel) {
    std::vector<FileImportResult> out;
    auto one = [&](const QString &file) {
        if (file.endsWith(QLatin1String(".CHECKSUM"))) return;
        out.push_back(importFile(file, {}, cancel));
        if (onFile) onFile(out.back());
    };
    for (const QString &p : paths) {
        if (cancel && cancel->load()) break;
        const QFileInfo fi(p);
        if (fi.isDir()) {
            QStringList files;
            QDirIterator it(p, {QStringLiteral("*.csv"), QStringLiteral("*.zip")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) files << it.next();
            files.sort();  // days in order, and the same order on every run
            if (files.isEmpty()) {
                FileImportResult r;
                r.path = p;
                r.error = Error(QStringLiteral("nothing to import: no .csv or .zip files in this folder"), p);
                out.push_back(r);
                if (onFile) onFile(out.back());
            }
            for (const QString &f : files) {
                if (cancel && cancel->load()) break;
                if (!isImportableFile(f, options_)) {
                    FileImportResult r;
                    r.path = f;
                    r.unknownLayout = true;
                    out.push_back(r);
                    if (onFile) onFile(out.back());
                    continue;
                }
                one(f);
            }
        } else if (p.endsWith(QLatin1String(".CHECKSUM"))) {
            continue;  // used by the file it belongs to, never imported itself (shell globs pass them)
        } else if (!fi.exists()) {
            FileImportResult r;
            r.path = p;
            r.error = Error(fi.isSymLink() ? QStringLiteral("broken symbolic link (missing target or a loop)")
                                           : QStringLiteral("no such file or directory"),
                            p);
            out.push_back(r);
            if (onFile) onFile(out.back());
        } else {
            one(p);
        }
    }
    return out;
}

}  // namespace lhm
