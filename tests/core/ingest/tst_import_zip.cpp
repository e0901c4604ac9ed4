// TestImport (continued from tst_import.cpp): what counts as the same file.
#include "tst_import.h"

void TestImport::zipAndCsvAreOneImport() {
    TempStore ts;
    Importer imp(*ts.store);
    auto z = imp.importFile(m(kMetrics));
    QVERIFY(!z.error);
    QCOMPARE(z.rows, 288LL);
    const QString csv = ts.dir.filePath(QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"));
    QVERIFY(writeFile(csv, unzipEntry(m(kMetrics))));
    verifyNoOpImport(imp, *ts.store, csv);
}

// A zip is logged by its own bytes (what .CHECKSUM covers), with its entry's size and CRC-32.
void TestImport::zipIsLoggedByItsOwnBytes() {
    TempStore ts;
    Importer imp(*ts.store);
    QVERIFY(!imp.importFile(m(kMetrics)).error);
    const QByteArray zip = readFile(m(kMetrics));
    const QByteArray csv = unzipEntry(m(kMetrics));
    QCOMPARE(csv.size(), 22395);
    const QString where = QStringLiteral("sha256='%1' AND size=%2 AND content_size=%3 AND content_crc32=%4")
                              .arg(sha256Hex(zip)).arg(zip.size()).arg(csv.size()).arg(crc32Bitwise(csv));
    QCOMPARE(sqlScalar(ts.store->path(), QStringLiteral("SELECT count(*) FROM import_log WHERE ") + where), 1LL);
}

void TestImport::csvThenItsZipAreOneImport() {
    TempStore ts;
    Importer imp(*ts.store);
    const QString csv = ts.dir.filePath(QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"));
    QVERIFY(writeFile(csv, unzipEntry(m(kMetrics))));
    const auto c = imp.importFile(csv);
    QVERIFY(!c.error);
    QCOMPARE(c.rows, 288LL);
    verifyNoOpImport(imp, *ts.store, m(kMetrics));
}

// Before schema 7 a zip was logged by its CSV content's size and SHA-256: the same zip is still
// known after the upgrade.
void TestImport::zipLoggedByAnOlderBuild() {
    TempStore ts;
    Importer imp(*ts.store);
    QVERIFY(!imp.importFile(m(kMetrics)).error);
    const QByteArray csv = unzipEntry(m(kMetrics));
    {
        auto db = Database::open(ts.store->path());
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("UPDATE import_log SET size=%1, sha256='%2', content_size=NULL, content_crc32=NULL")
                                .arg(csv.size()).arg(sha256Hex(csv))));
    }
    verifyNoOpImport(imp, *ts.store, m(kMetrics));
}

// Same length as the zip's entry, one digit changed: another file, read and logged.
void TestImport::csvOfTheSameSizeIsNotTakenForTheZip() {
    TempStore ts;
    Importer imp(*ts.store);
    QVERIFY(!imp.importFile(m(kMetrics)).error);
    QByteArray csv = unzipEntry(m(kMetrics));
    const qsizetype digit = csv.lastIndexOf('5');
    QVERIFY(digit > 0);
    csv[digit] = '6';
    const QString path = ts.dir.filePath(QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"));
    QVERIFY(writeFile(path, csv));
    const auto r = imp.importFile(path);
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
    QVERIFY(!r.alreadyImported);
    QCOMPARE(sqlScalar(ts.store->path(), QStringLiteral("SELECT count(*) FROM import_log")), 2LL);
}

void TestImport::checksumMismatchAndCorruptZips() {
    TempStore ts;
    Importer imp(*ts.store);
    QVERIFY(!imp.importFile(m(kMetrics)).error);
    const QString before = snapshot(*ts.store);
    const QByteArray zip = readFile(m(kAgg));
    const QString dir = ts.dir.filePath(QStringLiteral("bad"));
    const QString name = QStringLiteral("/BTCUSDT-aggTrades-2024-08-08.zip");

    // Checksum of other bytes: refused before anything is read.
    QVERIFY(writeFile(dir + QStringLiteral("/sum") + name, zip));
    QVERIFY(writeFile(dir + QStringLiteral("/sum") + name + QStringLiteral(".CHECKSUM"),
                      QByteArray(64, 'a') + "  BTCUSDT-aggTrades-2024-08-08.zip\n"));
    auto r = imp.importFile(dir + QStringLiteral("/sum") + name);
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QLatin1String("checksum mismatch")), qPrintable(r.error->toString()));

    // Truncated download (no checksum to catch it): libzip finds no central directory.
    QVERIFY(writeFile(dir + QStringLiteral("/trunc") + name, zip.left(zip.size() / 2)));
    r = imp.importFile(dir + QStringLiteral("/trunc") + name);
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QLatin1String("corrupt or truncated zip")), qPrintable(r.error->toString()));

    // A flipped byte inside the deflate stream: inflate, the CRC or the parser (garbage text) refuses it,
    // whichever meets it first; what matters is that nothing of it is stored.
    QByteArray flipped = zip;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x55);
    QVERIFY(writeFile(dir + QStringLiteral("/flip") + name, flipped));
    r = imp.importFile(dir + QStringLiteral("/flip") + name);
    QVERIFY(r.error);
    QCOMPARE(r.error->file, dir + QStringLiteral("/flip") + name);
    QCOMPARE(snapshot(*ts.store), before);
}
