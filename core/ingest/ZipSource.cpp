#include "ingest/ZipSource.h"

#include <QFile>
#include <QFileInfo>
#include <zip.h>

namespace lhm {

Result<std::unique_ptr<ByteSource>> ZipSource::open(const QString &path) {
    int err = 0;
    // ZIP_CHECKCONS makes libzip compare the central directory with the local headers, which is
    // how a truncated download is caught before any byte is parsed.
    zip_t *z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        const QString why = QString::fromUtf8(zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return Error(QStringLiteral("corrupt or truncated zip: %1").arg(why), path);
    }
    std::unique_ptr<ZipSource> src(new ZipSource);
    src->archive_ = z;
    src->path_ = path;
    const zip_int64_t n = zip_get_num_entries(z, 0);
    zip_int64_t pick = -1;
    for (zip_int64_t i = 0; i < n; ++i) {
        const QString name = QString::fromUtf8(zip_get_name(z, zip_uint64_t(i), 0));
        if (!name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) continue;
        if (pick >= 0) return Error(QStringLiteral("zip holds more than one CSV"), path);
        pick = i;
        src->entry_ = QFileInfo(name).fileName();
    }
    if (pick < 0) return Error(QStringLiteral("zip holds no CSV entry"), path);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, zip_uint64_t(pick), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        return Error(QStringLiteral("corrupt zip: %1").arg(QString::fromUtf8(zip_strerror(z))), path);
    src->size_ = qint64(st.size);
    src->file_ = zip_fopen_index(z, zip_uint64_t(pick), 0);
    if (!src->file_) return Error(QStringLiteral("corrupt zip: %1").arg(QString::fromUtf8(zip_strerror(z))), path);
    return std::unique_ptr<ByteSource>(std::move(src));
}

ZipSource::~ZipSource() {
    if (file_) zip_fclose(file_);
    if (archive_) zip_discard(archive_);
}

Result<qint64> ZipSource::read(char *buffer, qint64 capacity) {
    const zip_int64_t n = zip_fread(file_, buffer, zip_uint64_t(capacity));
    if (n < 0)
        return Error(QStringLiteral("corrupt zip entry %1: %2").arg(entry_, QString::fromUtf8(zip_file_strerror(file_))),
                     path_);
    return qint64(n);
}

}  // namespace lhm
