#pragma once
// How an import's bytes flow: the reader thread (which, for a zip, inflates) hands 4 MB chunks to
// the parser on the calling thread through a ChunkPipe, and the file's SHA-256 is taken along the
// way. Used by Importer only; apart so that Importer.cpp holds what an import does, not the threads.
#include "common/Error.h"
#include "ingest/ByteSource.h"
#include "ingest/CsvParser.h"
#include "ingest/Sha256.h"

#include <QFile>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lhm {

// Read size: big enough to amortise, small enough to keep memory flat in the file's size.
inline constexpr qint64 kImportChunk = 4 << 20;

// Chunks on their way from the reading thread to the hash (a CSV's) and the parser. Each chunk goes
// to both; its buffer is reused once both are done with it. The hash has no thread of its own:
// whichever of the two threads would otherwise wait (the reader for a free buffer, the parser for
// bytes) hashes the next chunk in order, so the two cores share the three jobs however their costs
// compare (a third thread for the hash gave the reader's core two jobs while the parser's idled).
class ChunkPipe {
public:
    struct Chunk {
        std::vector<char> bytes;
        qint64 size = 0;  // 0: the source has ended
        std::optional<Error> error;
        int users = 0;
    };
    // `hash` null: the chunks are not hashed (the key comes from elsewhere).
    explicit ChunkPipe(Sha256 *hash) : hash_(hash), hashEnded_(!hash) {
        for (Chunk &c : slots_) {
            c.bytes.resize(size_t(kImportChunk));
            free_.push_back(&c);
        }
    }
    // Null once the pipe has stopped.
    Chunk *takeFree() { return take(free_); }
    Chunk *takeToParse() { return take(toParse_); }
    void fill(Chunk *c) {
        std::lock_guard<std::mutex> lock(m_);
        c->users = hash_ ? 2 : 1;
        if (hash_) toHash_.push_back(c);
        toParse_.push_back(c);
        cv_.notify_all();
    }
    void release(Chunk *c) {
        std::lock_guard<std::mutex> lock(m_);
        releaseLocked(c);
    }
    // Helps hash until the last chunk is hashed (or the pipe stops): the hash covers every byte.
    void finishHash() {
        std::unique_lock<std::mutex> lock(m_);
        while (!hashEnded_ && !stopped_)
            if (!helpHash(lock)) cv_.wait(lock);
    }
    // The parser gave up (bad row, cancel): the reader stops at its next chunk, nothing more is hashed.
    void stop() {
        std::lock_guard<std::mutex> lock(m_);
        stopped_ = true;
        cv_.notify_all();
    }

private:
    Chunk *take(std::deque<Chunk *> &q) {
        std::unique_lock<std::mutex> lock(m_);
        for (;;) {
            if (stopped_) return nullptr;
            if (!q.empty()) {
                Chunk *c = q.front();
                q.pop_front();
                return c;
            }
            if (!helpHash(lock)) cv_.wait(lock);
        }
    }
    // Called with the lock held. Hashes the next chunk (without the lock) when it is queued and no
    // other thread is hashing; false when there was nothing this thread could do.
    bool helpHash(std::unique_lock<std::mutex> &lock) {
        if (hashing_ || toHash_.empty()) return false;
        Chunk *c = toHash_.front();
        toHash_.pop_front();
        hashing_ = true;
        lock.unlock();
        if (c->size > 0) hash_->add(c->bytes.data(), c->size);
        lock.lock();
        hashing_ = false;
        if (c->size == 0) hashEnded_ = true;
        releaseLocked(c);
        cv_.notify_all();
        return true;
    }
    void releaseLocked(Chunk *c) {
        if (--c->users == 0) {
            free_.push_back(c);
            cv_.notify_all();
        }
    }
    Sha256 *hash_;
    bool hashEnded_;
    bool stopped_ = false, hashing_ = false;
    Chunk slots_[6];
    std::deque<Chunk *> free_, toHash_, toParse_;
    std::mutex m_;
    std::condition_variable cv_;
};

// Streams the source through the parser (and `chunkHash`, unless null) on two threads: the reader
// (which, for a zip, inflates with ISA-L) and this one, which parses and stores; the hash goes to
// whichever of the two is ahead (ChunkPipe). `onRead(bytesRead, ended)` runs on the reader after each
// chunk it hands over. `onRows` stores each chunk's rows.
template <class Row, class OnRows>
Status streamParse(ByteSource &src, CsvParser<Row> &parser, Sha256 *chunkHash,
                   const std::function<void(qint64, bool)> &onRead,
                   const std::function<void(qint64, qint64)> &progress, const std::atomic_bool *cancel, OnRows onRows) {
    ChunkPipe pipe(chunkHash);
    std::thread reader([&] {
        qint64 read = 0;
        for (;;) {
            ChunkPipe::Chunk *c = pipe.takeFree();
            if (!c) return;  // stopped
            Result<qint64> n = src.read(c->bytes.data(), kImportChunk);
            c->error.reset();
            if (!n) c->error = n.error();
            c->size = n ? *n : 0;
            const bool last = c->size == 0;  // the end, or an error
            const bool failed = bool(c->error);
            read += c->size;
            pipe.fill(c);                    // from here c belongs to the hash and the parser
            if (onRead && !failed) onRead(read, last);
            if (last) break;
        }
        pipe.finishHash();
    });
    std::vector<Row> rows;
    qint64 done = 0;
    Status result;
    for (;;) {
        ChunkPipe::Chunk *c = pipe.takeToParse();
        if (c->error) {
            result = *c->error;
            break;
        }
        if (c->size == 0) {
            if (Status s = parser.finish(rows); !s) result = s;
            else result = onRows(rows);
            break;
        }
        Status parsed = parser.feed(c->bytes.data(), size_t(c->size), rows);
        Status stored = parsed ? onRows(rows) : Status{};
        done += c->size;
        pipe.release(c);
        if (!parsed || !stored) {
            result = !parsed ? parsed : stored;
            break;
        }
        rows.clear();
        if (progress) progress(done, src.size());
        if (cancel && cancel->load()) {
            result = Error(QStringLiteral("import cancelled"));
            break;
        }
    }
    // On success the hash still takes every byte; on a failure nothing more is read or hashed.
    if (result) pipe.finishHash();
    else pipe.stop();
    reader.join();
    return result;
}

// A file's own bytes hashed in step with the reading of its content: after each chunk, the same
// share of the file as of the content. For a zip, on the reader, so the SHA-256 of the zip ends
// with the inflate instead of after it (which kept the parser's core waiting at the end).
class SteppedFileHash {
public:
    SteppedFileHash(const QString &path, qint64 fileSize, qint64 contentSize)
        : file_(path), fileSize_(fileSize), contentSize_(std::max<qint64>(1, contentSize)) {}
    Status open() {
        if (!file_.open(QIODevice::ReadOnly))
            return Error(QStringLiteral("cannot open: %1").arg(file_.errorString()), file_.fileName());
        buf_.resize(size_t(kImportChunk));
        return {};
    }
    // `contentDone` bytes of content read so far; `ended`: all of it.
    void advance(qint64 contentDone, bool ended) {
        const qint64 want = ended ? fileSize_ : qint64(double(fileSize_) * double(contentDone) / double(contentSize_));
        while (status_ && hashed_ < want) {
            const qint64 n = file_.read(buf_.data(), std::min<qint64>(kImportChunk, want - hashed_));
            if (n <= 0) {
                status_ = Error(QStringLiteral("read failed: %1").arg(file_.errorString()), file_.fileName());
                return;
            }
            hash_.add(buf_.data(), n);
            hashed_ += n;
        }
        if (ended && status_) result_ = hash_.hexResult();
    }
    const Status &status() const { return status_; }
    const QByteArray &result() const { return result_; }

private:
    QFile file_;
    qint64 fileSize_, contentSize_, hashed_ = 0;
    std::vector<char> buf_;
    Sha256 hash_;
    Status status_;
    QByteArray result_;
};

}  // namespace lhm
