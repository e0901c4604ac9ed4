#pragma once
// Per-client token buckets: each address may make `ratePerSecond` requests per second on average
// with bursts of `burst`; the time comes from the caller (tests drive it by hand).
#include <QHash>
#include <QString>

namespace lhm::api {

class RateLimiter {
public:
    RateLimiter(double ratePerSecond, double burst) : rate_(ratePerSecond), burst_(burst) {}
    // Takes one token for `client` at `nowMs`; false when its bucket is empty (answer 429).
    bool allow(const QString &client, qint64 nowMs);
    // Milliseconds until `client` has a token again (for Retry-After).
    qint64 retryAfterMs(const QString &client) const;

private:
    struct Bucket {
        double tokens = 0;
        qint64 at = 0;
    };
    double rate_, burst_;
    QHash<QString, Bucket> buckets_;
};

}  // namespace lhm::api
