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
#include <functional>
#include <memory>
#include <optional>

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
    QString query;                         // query string as sent (encoded): read it with QUrlQuery
    QByteArray body;                       // request body (POST)
};

// A scripted answer for REST tests: a handler sees every request first and answers it, or
// returns nothing to let the folder serve it.
struct HttpResponse {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;  // extra headers, e.g. {"Retry-After", "1"}
};
using HttpHandler = std::function<std::optional<HttpResponse>(const HttpRequestRecord &request)>;

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
    // Runs on the server's thread; set it before the requests it should see.
    void setHandler(HttpHandler handler);

    QList<HttpRequestRecord> requests() const;
    QList<HttpRequestRecord> requestsFor(const QString &path) const;
    void clearLog();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace lhm::test
