#pragma once
// data.binance.vision publishes `<name>.zip.CHECKSUM` next to every zip: "<sha256 hex>  <name>.zip".
#include "common/Error.h"

#include <QByteArray>
#include <QString>

namespace lhm {

// Lower-case hex sha256 of a file's bytes, streamed.
Result<QByteArray> sha256OfFile(const QString &path);

// When `path + ".CHECKSUM"` exists, checks the file against it: a mismatch or an unreadable
// checksum file is an Error. No checksum file is fine (not every source publishes one).
Status verifySiblingChecksum(const QString &path);

}  // namespace lhm
