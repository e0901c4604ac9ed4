// ZipSource (ISA-L inflate of a zip's deflate entry, libzip for the directories and other methods)
// on zips written byte by byte here, so the directory can say what the data does not: a wrong
// CRC-32, a wrong size, a deflate stream cut short, invalid deflate. zlib, not the code under
// test, makes the deflate data and the expected CRCs.
#include "TestSupport.h"

#include "ingest/ByteSource.h"
#include "ingest/Importer.h"

#include <QtTest>
#include <zlib.h>

using namespace lhm;
using namespace lhm::test;

namespace {

void put16(QByteArray &b, quint32 v) { b.append(char(v & 0xff)).append(char((v >> 8) & 0xff)); }
void put32(QByteArray &b, quint32 v) { put16(b, v & 0xffff), put16(b, v >> 16); }

quint32 crcOf(const QByteArray &data) {
    return quint32(crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
}

// Raw deflate (no zlib header), as inside a zip entry.
QByteArray rawDeflate(const QByteArray &data) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(int(z.total_out));
    deflateEnd(&z);
    return out;
}

// One entry `name` whose directory (local header and central directory alike, so libzip's
// consistency check passes) says `crc`, `size` and `method`, holding `payload` as its data.
QByteArray zipOf(const QByteArray &name, quint16 method, const QByteArray &payload, quint32 crc, quint32 size) {
    auto fields = [&](QByteArray &b) {
        put16(b, 20), put16(b, 0), put16(b, method), put16(b, 0), put16(b, 0x5908);  // version, flags, method, time, date
        put32(b, crc), put32(b, quint32(payload.size())), put32(b, size);
        put16(b, quint16(name.size())), put16(b, 0);  // name length, extra length
    };
    QByteArray z;
    put32(z, 0x04034b50);
    fields(z);
    z += name + payload;
    const quint32 cdAt = quint32(z.size());
    put32(z, 0x02014b50);
    put16(z, 20);  // version made by
    fields(z);
    put16(z, 0), put16(z, 0), put16(z, 0), put32(z, 0), put32(z, 0);  // comment, disk, attributes, local header at 0
    z += name;
    const quint32 cdSize = quint32(z.size()) - cdAt;
    put32(z, 0x06054b50);
    put16(z, 0), put16(z, 0), put16(z, 1), put16(z, 1);
    put32(z, cdSize), put32(z, cdAt), put16(z, 0);
    return z;
}

// ~3 MB of aggTrades-like lines: many 256 KB input reads and a few 1 MB output reads.
QByteArray csvText() {
    QByteArray out = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n";
    quint64 x = 88172645463325252ull;
    qint64 id = 2215038127, t = 1723075200000;
    while (out.size() < 3'000'000) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        t += qint64(x % 40);
        out += QByteArray::number(id) + ',' + QByteArray::number(61000 + int(x % 900)) + '.' +
               QByteArray::number(int((x >> 12) % 10)) + ",0." + QByteArray::number(int((x >> 20) % 999) + 1) + ',' +
               QByteArray::number(id * 2) + ',' + QByteArray::number(id * 2 + 1) + ',' + QByteArray::number(t) +
               ((x >> 40) & 1 ? ",true\n" : ",false\n");
        ++id;
    }
    return out;
}

struct ReadAll {
    QByteArray data;
    std::optional<Error> error;
    int reads = 0;
};

ReadAll readAll(const QString &path, qint64 capacity) {
    ReadAll r;
    auto src = ByteSource::open(path);
    if (!src) return r.error = src.error(), r;
    QByteArray buf(int(capacity), Qt::Uninitialized);
    for (;;) {
        Result<qint64> n = (*src)->read(buf.data(), capacity);
        ++r.reads;
        if (!n) return r.error = n.error(), r;
        if (*n == 0) return r;
        if (*n > capacity) return r.error = Error(QStringLiteral("read more than asked")), r;
        r.data.append(buf.constData(), int(*n));
    }
}

const QByteArray kName = "BTCUSDT-aggTrades-2024-08-08.csv";

}  // namespace

class TestZipSource : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QByteArray csv_, deflated_;

    QString write(const QString &dir, const QByteArray &zip) {
        const QString path = tmp_.filePath(dir + QStringLiteral("/BTCUSDT-aggTrades-2024-08-08.zip"));
        return writeFile(path, zip) ? path : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        csv_ = csvText();
        deflated_ = rawDeflate(csv_);
        QVERIFY(deflated_.size() < csv_.size() / 2);
    }

    void deflatedEntryReadsBackWhateverTheReadSize_data() {
        QTest::addColumn<qint64>("capacity");
        QTest::newRow("4 MB, the importer's chunk") << qint64(4 << 20);
        QTest::newRow("1 MB") << qint64(1 << 20);
        QTest::newRow("4093 bytes (odd, straddles every boundary)") << qint64(4093);
    }
    void deflatedEntryReadsBackWhateverTheReadSize() {
        QFETCH(qint64, capacity);
        const QString path = write(QStringLiteral("good"), zipOf(kName, 8, deflated_, crcOf(csv_), quint32(csv_.size())));
        auto src = ByteSource::open(path);
        QVERIFY(src);
        QCOMPARE((*src)->size(), qint64(csv_.size()));
        QCOMPARE((*src)->entryName(), QString::fromLatin1(kName));
        QVERIFY((*src)->compressed());
        const ReadAll r = readAll(path, capacity);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->toString()) : "");
        QCOMPARE(r.data.size(), csv_.size());
        QVERIFY(r.data == csv_);
        // Every read but the last two fills the buffer (the last holds the rest, then 0).
        QCOMPARE(r.reads, int((csv_.size() + capacity - 1) / capacity) + 1);
    }

    void storedEntryGoesThroughLibzip() {
        const QByteArray small = csv_.left(100'000);
        const QString path = write(QStringLiteral("stored"), zipOf(kName, 0, small, crcOf(small), quint32(small.size())));
        const ReadAll r = readAll(path, 4 << 20);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->toString()) : "");
        QVERIFY(r.data == small);
    }

    void wrongCrcIsRefusedBeforeTheLastBytesAreHandedOut() {
        const quint32 real = crcOf(csv_);
        const QString path = write(QStringLiteral("crc"), zipOf(kName, 8, deflated_, real ^ 1, quint32(csv_.size())));
        const ReadAll r = readAll(path, 1 << 20);
        QVERIFY(r.error);
        QCOMPARE(r.error->toString(),
                 path + QStringLiteral(": corrupt zip entry %1: CRC error (the zip directory says %2, the data gives %3)")
                            .arg(QString::fromLatin1(kName))
                            .arg(real ^ 1, 8, 16, QLatin1Char('0'))
                            .arg(real, 8, 16, QLatin1Char('0')));
        // Two full 1 MB reads handed out; the third (the last 0.9 MB, where the stream ends) is the error.
        QCOMPARE(r.data.size(), qsizetype(2 << 20));
    }

    void wrongCrcLeavesTheStoreUnchanged() {
        TempStore ts;
        const QString path = write(QStringLiteral("crc-import"), zipOf(kName, 8, deflated_, crcOf(csv_) + 7, quint32(csv_.size())));
        const FileImportResult r = Importer(*ts.store).importFile(path);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.contains(QLatin1String("CRC error")), qPrintable(r.error->toString()));
        QCOMPARE(r.error->file, path);
        QCOMPARE(sqlScalar(ts.store->path(), QStringLiteral("SELECT count(*) FROM trade_profile")), qint64(0));
        QCOMPARE(sqlScalar(ts.store->path(), QStringLiteral("SELECT count(*) FROM import_log")), qint64(0));
    }

    void deflateCutShortIsTruncated() {
        // The directory agrees with the shorter data: only the deflate stream itself shows it ends early.
        const QByteArray cut = deflated_.left(deflated_.size() - 1000);
        const QString path = write(QStringLiteral("cut"), zipOf(kName, 8, cut, crcOf(csv_), quint32(csv_.size())));
        const ReadAll r = readAll(path, 4 << 20);
        QVERIFY(r.error);
        QCOMPARE(r.error->toString(), path + QStringLiteral(": corrupt zip entry %1: the deflate data ends before the "
                                                            "entry does (truncated)")
                                                 .arg(QString::fromLatin1(kName)));
    }

    void sizeOtherThanTheDirectorySaysIsRefused() {
        QString path = write(QStringLiteral("short"), zipOf(kName, 8, deflated_, crcOf(csv_), quint32(csv_.size() + 1)));
        ReadAll r = readAll(path, 4 << 20);
        QVERIFY(r.error);
        QCOMPARE(r.error->message, QStringLiteral("corrupt zip entry %1: inflates to %2 bytes, the zip directory says %3")
                                       .arg(QString::fromLatin1(kName))
                                       .arg(csv_.size())
                                       .arg(csv_.size() + 1));
        path = write(QStringLiteral("long"), zipOf(kName, 8, deflated_, crcOf(csv_), 1000));
        r = readAll(path, 4 << 20);
        QVERIFY(r.error);
        QCOMPARE(r.error->message, QStringLiteral("corrupt zip entry %1: inflates to more than the 1000 bytes the zip "
                                                  "directory says")
                                       .arg(QString::fromLatin1(kName)));
        QCOMPARE(r.reads, 1);
    }

    void invalidDeflateIsRefused() {
        // First byte 0b111: final block of type 3, which deflate reserves (invalid).
        const QByteArray bad = QByteArray(1, char(0x07)) + QByteArray(200, 'x');
        const QString path = write(QStringLiteral("invalid"), zipOf(kName, 8, bad, 0, 1000));
        const ReadAll r = readAll(path, 4 << 20);
        QVERIFY(r.error);
        QCOMPARE(r.error->message,
                 QStringLiteral("corrupt zip entry %1: invalid deflate block").arg(QString::fromLatin1(kName)));
    }

    void emptyEntry() {
        const QString path = write(QStringLiteral("empty"), zipOf(kName, 8, rawDeflate({}), 0, 0));
        const ReadAll r = readAll(path, 4 << 20);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->toString()) : "");
        QCOMPARE(r.data.size(), qsizetype(0));
        QCOMPARE(r.reads, 1);
    }
};

QTEST_GUILESS_MAIN(TestZipSource)
#include "tst_zipsource.moc"
