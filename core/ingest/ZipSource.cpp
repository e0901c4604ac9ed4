#include "ingest/ZipSource.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <isa-l/igzip_lib.h>
#include <zip.h>

namespace lhm {

namespace {

// Raw deflate bytes handed to the decoder per libzip read: large enough that the per-call cost of
// libzip's source layers vanishes, small beside the importer's two 4 MB output chunks.
constexpr size_t kInputChunk = 256 << 10;

QString isalError(int rc) {
    switch (rc) {
    case ISAL_INVALID_BLOCK: return QStringLiteral("invalid deflate block");
    case ISAL_INVALID_SYMBOL: return QStringLiteral("invalid deflate symbol");
    case ISAL_INVALID_LOOKBACK: return QStringLiteral("invalid back-reference distance");
    default: return QStringLiteral("inflate error %1").arg(rc);
    }
}

QString hex(uint32_t v) { return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0')); }

}  // namespace

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
    if (st.valid & ZIP_STAT_CRC) src->crc_ = qint64(st.crc);
    // Deflate (what Binance ships) is read raw and inflated here; with ZIP_FL_COMPRESSED libzip
    // neither inflates nor checks the CRC, so read() does both. Anything else libzip decodes.
    const zip_uint64_t need = ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
    const bool raw = (st.valid & need) == need && st.comp_method == ZIP_CM_DEFLATE && st.encryption_method == ZIP_EM_NONE;
    src->file_ = zip_fopen_index(z, zip_uint64_t(pick), raw ? ZIP_FL_COMPRESSED : 0);
    if (!src->file_) return Error(QStringLiteral("corrupt zip: %1").arg(QString::fromUtf8(zip_strerror(z))), path);
    if (raw) {
        src->state_ = std::make_unique<inflate_state>();
        isal_inflate_init(src->state_.get());
        // Raw deflate with the gzip CRC-32 (the zip one) of the output kept in state.crc.
        src->state_->crc_flag = ISAL_GZIP_NO_HDR;
        src->in_.resize(kInputChunk);
    }
    return std::unique_ptr<ByteSource>(std::move(src));
}

ZipSource::~ZipSource() {
    if (file_) zip_fclose(file_);
    if (archive_) zip_discard(archive_);
}

Error ZipSource::corrupt(const QString &why) const {
    return Error(QStringLiteral("corrupt zip entry %1: %2").arg(entry_, why), path_);
}

Result<qint64> ZipSource::read(char *buffer, qint64 capacity) {
    if (state_) return inflate(buffer, capacity);
    const zip_int64_t n = zip_fread(file_, buffer, zip_uint64_t(capacity));
    if (n < 0) return corrupt(QString::fromUtf8(zip_file_strerror(file_)));
    return qint64(n);
}

Result<qint64> ZipSource::inflate(char *buffer, qint64 capacity) {
    inflate_state &s = *state_;
    s.next_out = reinterpret_cast<uint8_t *>(buffer);
    s.avail_out = uint32_t(std::min<qint64>(capacity, 1 << 30));
    const uint32_t room = s.avail_out;
    while (s.avail_out > 0 && !finished_) {
        if (s.avail_in == 0 && !inputEnded_) {
            const zip_int64_t n = zip_fread(file_, in_.data(), in_.size());
            if (n < 0) return corrupt(QString::fromUtf8(zip_file_strerror(file_)));
            inputEnded_ = n == 0;
            s.next_in = in_.data();
            s.avail_in = uint32_t(n);
        }
        if (const int rc = isal_inflate(&s); rc < 0) return corrupt(isalError(rc));
        finished_ = s.block_state == ISAL_BLOCK_FINISH;
        // The decoder returns early only for more input; with none left the stream was cut short.
        if (!finished_ && inputEnded_ && s.avail_in == 0 && s.avail_out > 0)
            return corrupt(QStringLiteral("the deflate data ends before the entry does (truncated)"));
    }
    const qint64 n = room - s.avail_out;
    produced_ += n;
    if (produced_ > size_)
        return corrupt(QStringLiteral("inflates to more than the %1 bytes the zip directory says").arg(size_));
    if (finished_ && produced_ != size_)
        return corrupt(QStringLiteral("inflates to %1 bytes, the zip directory says %2").arg(produced_).arg(size_));
    // Checked in the read that ends the stream, before its bytes are parsed.
    if (finished_ && qint64(s.crc) != crc_)  // crc_ is known: the raw path requires ZIP_STAT_CRC
        return corrupt(QStringLiteral("CRC error (the zip directory says %1, the data gives %2)")
                           .arg(hex(quint32(crc_)), hex(s.crc)));
    return n;
}

}  // namespace lhm
