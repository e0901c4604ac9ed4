#include "api/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace lhm::api {

bool RateLimiter::allow(const QString &client, qint64 nowMs) {
    if (rate_ <= 0) return true;  // unlimited
    // Bounded memory: idle buckets are full again, so forgetting them changes nothing.
    if (buckets_.size() > 10000) buckets_.clear();
    auto it = buckets_.find(client);
    if (it == buckets_.end()) it = buckets_.insert(client, Bucket{burst_, nowMs});
    Bucket &b = *it;
    b.tokens = std::min(burst_, b.tokens + double(std::max<qint64>(0, nowMs - b.at)) * rate_ / 1000.0);
    b.at = nowMs;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
}

qint64 RateLimiter::retryAfterMs(const QString &client) const {
    const auto it = buckets_.constFind(client);
    if (it == buckets_.constEnd() || rate_ <= 0) return 0;
    return qint64(std::ceil(std::max(0.0, 1 - it->tokens) * 1000.0 / rate_));
}

}  // namespace lhm::api
