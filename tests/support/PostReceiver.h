#pragma once
// A real HTTP/1.1 server on 127.0.0.1 (random port) that RECEIVES: it records every request with
// its headers, body and arrival time, and answers from a per-path-prefix script (status and body,
// optionally failing the first N requests or answering late). It stands in for a webhook receiver
// and for the Telegram Bot API in the alert tests. Runs in its own thread, so a test may block on
// the `lhm` process while it keeps answering. Connection: close after each response.
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <memory>

namespace lhm::test {

struct ReceivedRequest {
    QByteArray method;
    QString path;
    QMap<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray body;
    qint64 receivedAtMs = 0;  // QDateTime::currentMSecsSinceEpoch() when the body was complete
};

struct PostReply {
    int status = 200;
    QByteArray body = "{\"ok\":true}";
    int failFirst = 0;     // answer 500 to this many requests first
    int delayMs = 0;       // wait before answering
};

class PostReceiver {
public:
    PostReceiver();
    ~PostReceiver();
    PostReceiver(const PostReceiver &) = delete;
    PostReceiver &operator=(const PostReceiver &) = delete;

    bool start();
    quint16 port() const;
    QString baseUrl() const;  // http://127.0.0.1:<port>
    // Requests whose path starts with `prefix` get this reply (longest prefix wins; default 200 {"ok":true}).
    void setReply(const QString &prefix, const PostReply &reply);
    QList<ReceivedRequest> requests() const;
    int count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace lhm::test
