#include "ingest/Checksum.h"

#include "ingest/Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <functional>
#include <isa-l/crc.h>
#include <vector>

namespace lhm {

namespace {

// Hands every block of the file to `take`, in order; the one read loop the checks below share.
Status readBlocks(const QString &path, const std::function<void(const char *, qint64)> &take) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return Error(QStringLiteral("cannot open: %1").arg(f.errorString()), path);
    std::vector<char> buf(1 << 20);
    for (;;) {
        const qint64 n = f.read(buf.data(), qint64(buf.size()));
        if (n < 0) return Error(QStringLiteral("read failed: %1").arg(f.errorString()), path);
        if (n == 0) return {};
        take(buf.data(), n);
    }
}

}  // namespace

Result<QByteArray> sha256OfFile(const QString &path) {
    Sha256 h;
    if (Status s = readBlocks(path, [&](const char *d, qint64 n) { h.add(d, n); }); !s) return s.error();
    return h.hexResult();
}

Result<quint32> crc32OfFile(const QString &path) {
    quint32 crc = 0;
    auto add = [&](const char *d, qint64 n) { crc = crc32_gzip_refl(crc, reinterpret_cast<const unsigned char *>(d), quint64(n)); };
    if (Status s = readBlocks(path, add); !s) return s.error();
    return crc;
}

Result<QByteArray> verifySiblingChecksum(const QString &path) {
    const QString sumPath = path + QStringLiteral(".CHECKSUM");
    QFile sf(sumPath);
    if (!sf.exists()) return QByteArray();
    // A FIFO would block open() forever; a device never ends.
    if (!QFileInfo(sumPath).isFile()) return Error(QStringLiteral("not a regular file (a FIFO, device or socket): refused"), sumPath);
    if (!sf.open(QIODevice::ReadOnly)) return Error(QStringLiteral("cannot read checksum file"), sumPath);
    const QString text = QString::fromLatin1(sf.read(4096)).trimmed();
    static const QRegularExpression re(QStringLiteral(R"(^([0-9a-fA-F]{64})(\s+\*?\S.*)?$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return Error(QStringLiteral("malformed checksum file (expected '<sha256>  <name>')"), sumPath, 1);
    const QByteArray expected = m.captured(1).toLower().toLatin1();
    Result<QByteArray> actual = sha256OfFile(path);
    if (!actual) return actual.error();
    if (*actual != expected)
        return Error(QStringLiteral("checksum mismatch: .CHECKSUM says %1, file has %2")
                         .arg(QString::fromLatin1(expected), QString::fromLatin1(*actual)),
                     path);
    return *actual;
}

}  // namespace lhm
