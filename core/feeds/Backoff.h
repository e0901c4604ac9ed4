#pragma once
// Reconnect delays: exponential with "equal jitter" (half fixed, half random) so that many clients
// dropped together do not reconnect in lock-step. With first = 1000 ms the first retry comes after
// 0.5-1 s; the base doubles per failure up to the cap (30 s by default), giving 15-30 s waits.
#include <QRandomGenerator>
#include <algorithm>

namespace lhm::feeds {

class Backoff {
public:
    explicit Backoff(int firstMs = 1000, int capMs = 30000, quint32 seed = 0)
        : firstMs_(std::max(1, firstMs)), capMs_(std::max(firstMs_, capMs)), rng_(seed ? seed : QRandomGenerator::global()->generate()) {}

    // Delay before the next attempt; each call counts one more failure.
    int next() {
        qint64 base = firstMs_;
        for (int i = 0; i < attempts_ && base < capMs_; ++i) base *= 2;
        base = std::min<qint64>(base, capMs_);
        ++attempts_;
        const int half = int(base / 2);
        return int(base - half) + int(rng_.bounded(half + 1));
    }
    void reset() { attempts_ = 0; }
    int attempts() const { return attempts_; }
    int capMs() const { return capMs_; }

private:
    int firstMs_, capMs_;
    int attempts_ = 0;
    QRandomGenerator rng_;
};

}  // namespace lhm::feeds
