#pragma once
// The CSV entry of a data.binance.vision zip, streamed. libzip reads the archive's directories
// (and checks them against each other); a deflated entry's raw bytes are inflated with ISA-L's
// streaming decoder, about 3x zlib's speed on this CPU, which computes the CRC-32 as it writes.
// Other methods (stored, bzip2, ...) go through libzip's own zip_fread.
#include "ingest/ByteSource.h"

#include <cstdint>
#include <vector>

struct zip;
struct zip_file;
struct inflate_state;

namespace lhm {

class ZipSource final : public ByteSource {
public:
    static Result<std::unique_ptr<ByteSource>> open(const QString &path);
    ~ZipSource() override;
    Result<qint64> read(char *buffer, qint64 capacity) override;
    qint64 size() const override { return size_; }
    QString entryName() const override { return entry_; }
    bool compressed() const override { return true; }
    qint64 contentCrc32() const override { return crc_; }

private:
    ZipSource() = default;
    Result<qint64> inflate(char *buffer, qint64 capacity);
    Error corrupt(const QString &why) const;

    QString path_, entry_;
    zip *archive_ = nullptr;
    zip_file *file_ = nullptr;
    qint64 size_ = 0;
    qint64 crc_ = -1;  // the directory's CRC-32 of the entry (libzip or the inflate checks it)
    // ISA-L path only (state_ set): the raw deflate bytes read so far and what they inflated to;
    // the inflate checks its CRC-32 against crc_.
    std::unique_ptr<inflate_state> state_;
    std::vector<unsigned char> in_;
    qint64 produced_ = 0;
    bool inputEnded_ = false, finished_ = false;
};

}  // namespace lhm
