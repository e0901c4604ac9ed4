#pragma once
// TestImport, declared here: its slots are defined in tst_import.cpp (the importer and `lhm import`
// against a real temporary SQLite store and the VisionMirror) and tst_import_zip.cpp (what counts as
// the same file: zips, their CSVs, checksums). One executable.
#include "TestSupport.h"
#include "VisionMirror.h"

#include "ingest/ByteSource.h"
#include "ingest/Importer.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

using namespace lhm;
using namespace lhm::test;

inline const QString kMetrics = QStringLiteral("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-10.zip");
inline const QString kAgg = QStringLiteral("data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-08-08.zip");

// Everything `lhm info` would show plus the import log: equal snapshots = the store did not change.
inline QString snapshot(Store &s) {
    QString out;
    for (const SeriesInfo &i : s.seriesInfo())
        out += QStringLiteral("%1/%2/%3/%4 rows=%5 %6..%7 gaps=%8\n")
                   .arg(i.exchange, i.symbol, i.type, i.interval)
                   .arg(i.rows)
                   .arg(i.from)
                   .arg(i.to)
                   .arg(i.gaps.size());
    out += QStringLiteral("imports=%1").arg(sqlScalar(s.path(), QStringLiteral("SELECT count(*) FROM import_log")));
    return out;
}

// n one-minute klines from `start`, in the real 12-column layout.
inline QByteArray klines(qint64 start, int n, bool header = true) {
    QByteArray out = header ? "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                              "taker_buy_quote_volume,ignore\n"
                            : "";
    for (int i = 0; i < n; ++i) {
        const qint64 t = start + qint64(i) * 60'000;
        out += QByteArray::number(t) + ",60000.1,60010.5,59990.2,60005.0,12.345," + QByteArray::number(t + 59'999) +
               ",740000.5,321,6.1,366000.25,0\n";
    }
    return out;
}

inline QByteArray unzipEntry(const QString &zip) {
    auto src = ByteSource::open(zip);
    if (!src) return {};
    QByteArray out(int((*src)->size()), Qt::Uninitialized);
    qint64 at = 0;
    while (at < out.size()) {
        auto n = (*src)->read(out.data() + at, out.size() - at);
        if (!n || *n == 0) break;
        at += *n;
    }
    return out;
}

inline constexpr qint64 kDay = 1715385600000;  // 2024-05-11 00:00 UTC

// CRC-32 as zip writes it (reflected 0xEDB88320, all ones in and out), bit by bit: independent of
// the table-driven code under test.
inline quint32 crc32Bitwise(const QByteArray &data) {
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Importing `path` again is a no-op that says so: no error, alreadyImported, the store as it was.
// Call it last in a test: a failed check returns from here, not from the test.
inline void verifyNoOpImport(Importer &imp, Store &store, const QString &path) {
    const QString before = snapshot(store);
    const auto r = imp.importFile(path);
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
    QVERIFY(r.alreadyImported);
    QCOMPARE(snapshot(store), before);
}


class TestImport : public QObject {
    Q_OBJECT
    QTemporaryDir mirror_;
    QString m(const QString &rel) const { return QDir(mirror_.path()).filePath(rel); }

private slots:
    void initTestCase();
    void mirrorThenIdempotentReimport();
    void zipAndCsvAreOneImport();
    void zipIsLoggedByItsOwnBytes();
    void csvThenItsZipAreOneImport();
    void zipLoggedByAnOlderBuild();
    void csvOfTheSameSizeIsNotTakenForTheZip();
    void progressAndCancel();
    void checksumMismatchAndCorruptZips();
    void badFileLeavesStoreUnchanged_data();
    void badFileLeavesStoreUnchanged();
    void rowsAlreadyStoredAreSkipped();
    void tradeMinutesAlreadyStoredAreSkipped();
    void rawTradesCountOnlyNewRows();
    void cliGoodAndBad();
    void readerGoneLeavesStoreClean();
    void killedMidImportThenFinished();
};
