#pragma once
// Remembers the last N liquidation keys (the store's natural key: symbol, time, side, price, qty) so
// an event replayed after a reconnect (exchange snapshots, overlapping streams) is emitted once.
// Fixed memory: a ring of hashes plus a hash set, O(1) per event.
#include "common/Types.h"

#include <QHash>
#include <QSet>
#include <vector>

namespace lhm::feeds {

class RecentKeys {
public:
    explicit RecentKeys(int capacity = 16384) : ring_(size_t(std::max(1, capacity)), 0) {}

    // True when the event was not seen recently (and remembers it).
    bool insert(const LiquidationEvent &e) {
        const size_t h = qHashMulti(0, e.symbol, e.time, int(e.side), e.price, e.qty);
        if (set_.contains(h)) return false;
        if (count_ == ring_.size()) set_.remove(ring_[next_]);
        else ++count_;
        ring_[next_] = h;
        next_ = (next_ + 1) % ring_.size();
        set_.insert(h);
        return true;
    }

private:
    std::vector<size_t> ring_;
    QSet<size_t> set_;
    size_t next_ = 0, count_ = 0;
};

}  // namespace lhm::feeds
