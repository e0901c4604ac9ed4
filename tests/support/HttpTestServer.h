#pragma once
// A real HTTP/1.1 file server on 127.0.0.1 (random port) for tests: serves a folder with GET and
// HEAD, single byte ranges (206 + Content-Range, 416 past the end), 404 for anything missing, and
// per-path fault injection. It runs in its own thread, so a test may block its main thread (for
// example waiting on the `lhm` process) while the server keeps answering. Every response closes
// its connection (Connection: close), which keeps the state machine trivial.
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <memory>

namespace lhm::test {

struct HttpFault {
    qint64 dropAfterBytes = -1;  // close the connection after sending this many body bytes
    int dropTimes = 1;           // ...for this many requests (-1: every request)
    int failTimes = 0;           // answer 500 this many times, then serve normally
    int delayMs = 0;             // wait before answering each request
    bool ignoreRange = false;    // answer 200 with the whole file even when a Range was asked for
    int chunkBytes = 0;          // throttle: send the body in chunks of this size...
    int chunkDelayMs = 0;        // ...with this pause between them
    int status = 0;              // answer this status with an empty body instead of the file (e.g. 403)
};

struct HttpRequestRecord {
    QByteArray method;
    QString path;                          // decoded URL path, e.g. "/data/futures/um/..."
    QMap<QByteArray, QByteArray> headers;  // names lower-cased
    int status = 0;                        // what the server answered
};

class HttpTestServer {
public:
    HttpTestServer();
    ~HttpTestServer();
    HttpTestServer(const HttpTestServer &) = delete;
    HttpTestServer &operator=(const HttpTestServer &) = delete;

    // Starts serving rootDir; false if no port could be bound.
    bool start(const QString &rootDir);
    quint16 port() const;
    QString baseUrl() const;  // "http://127.0.0.1:<port>"

    // `path` is the URL path ("/data/..." or "data/..."). Replaces any earlier fault for it.
    void setFault(const QString &path, const HttpFault &fault);
    void clearFaults();

    QList<HttpRequestRecord> requests() const;
    QList<HttpRequestRecord> requestsFor(const QString &path) const;
    void clearLog();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace lhm::test
