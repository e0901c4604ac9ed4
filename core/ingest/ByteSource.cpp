#include "ingest/ByteSource.h"

#include "ingest/ZipSource.h"

#include <QFile>
#include <QFileInfo>

namespace lhm {

namespace {

class FileSource final : public ByteSource {
public:
    explicit FileSource(const QString &path) : file_(path) {}
    bool open() { return file_.open(QIODevice::ReadOnly); }
    Result<qint64> read(char *buffer, qint64 capacity) override {
        const qint64 n = file_.read(buffer, capacity);
        if (n < 0) return Error(QStringLiteral("read failed: %1").arg(file_.errorString()), file_.fileName());
        return n;
    }
    qint64 size() const override { return file_.size(); }
    QString entryName() const override { return QFileInfo(file_.fileName()).fileName(); }
    QString errorString() const { return file_.errorString(); }

private:
    QFile file_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::open(const QString &path) {
    if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) return ZipSource::open(path);
    auto f = std::make_unique<FileSource>(path);
    if (!f->open()) return Error(QStringLiteral("cannot open: %1").arg(f->errorString()), path);
    return std::unique_ptr<ByteSource>(std::move(f));
}

}  // namespace lhm
