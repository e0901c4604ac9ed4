#pragma once
// The CSV entry of a data.binance.vision zip, streamed with libzip.
#include "ingest/ByteSource.h"

struct zip;
struct zip_file;

namespace lhm {

class ZipSource final : public ByteSource {
public:
    static Result<std::unique_ptr<ByteSource>> open(const QString &path);
    ~ZipSource() override;
    Result<qint64> read(char *buffer, qint64 capacity) override;
    qint64 size() const override { return size_; }
    QString entryName() const override { return entry_; }
    bool compressed() const override { return true; }

private:
    ZipSource() = default;
    QString path_, entry_;
    zip *archive_ = nullptr;
    zip_file *file_ = nullptr;
    qint64 size_ = 0;
};

}  // namespace lhm
