#pragma once
// data.binance.vision publishes `<name>.zip.CHECKSUM` next to every zip: "<sha256 hex>  <name>.zip".
#include "common/Error.h"

#include <QByteArray>
#include <QString>

namespace lhm {

// Lower-case hex sha256 of a file's bytes, streamed.
Result<QByteArray> sha256OfFile(const QString &path);

// CRC-32 (the zip/gzip one) of a file's bytes, streamed.
Result<quint32> crc32OfFile(const QString &path);

// When `path + ".CHECKSUM"` exists, checks the file against it and returns the file's SHA-256 (so
// the import needs no second pass); a mismatch or an unreadable checksum file is an Error. No
// checksum file is fine (not every source publishes one): an empty result.
Result<QByteArray> verifySiblingChecksum(const QString &path);

}  // namespace lhm
