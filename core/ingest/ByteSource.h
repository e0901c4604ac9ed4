#pragma once
// Sequential reading of an import's CSV bytes, from a plain file or from the CSV entry of a zip
// (streamed with zip_fread, so memory stays flat whatever the file size).
#include "common/Error.h"

#include <QString>
#include <memory>

namespace lhm {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Fills up to `capacity` bytes; 0 at the end. A corrupt zip entry (CRC, inflate) is an Error.
    virtual Result<qint64> read(char *buffer, qint64 capacity) = 0;
    // Uncompressed size of the CSV content.
    virtual qint64 size() const = 0;
    // The CSV's own name (the zip entry's name for zips).
    virtual QString entryName() const = 0;
    // True when read() inflates (costs more CPU than parsing the bytes it returns).
    virtual bool compressed() const { return false; }
    // The CRC-32 of the CSV content when the container records one (a zip entry's), else -1.
    virtual qint64 contentCrc32() const { return -1; }

    // Opens a .csv directly or the single .csv entry of a .zip.
    static Result<std::unique_ptr<ByteSource>> open(const QString &path);
};

}  // namespace lhm
