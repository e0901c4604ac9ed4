#include "feeds/FeedSupervisor.h"

namespace lhm::feeds {

const FeedHealth *FeedSupervisor::find(const QString &exchange) const {
    for (const FeedHealth &h : feeds_)
        if (h.exchange == exchange) return &h;
    return nullptr;
}

void FeedSupervisor::update(const FeedHealth &health) {
    for (FeedHealth &h : feeds_) {
        if (h.exchange == health.exchange) {
            h = health;
            emit changed();
            return;
        }
    }
    feeds_.append(health);
    emit changed();
}

qint64 FeedSupervisor::totalReconnects() const {
    qint64 n = 0;
    for (const FeedHealth &h : feeds_) n += h.reconnects;
    return n;
}

qint64 FeedSupervisor::totalParseErrors() const {
    qint64 n = 0;
    for (const FeedHealth &h : feeds_) n += h.parseErrors;
    return n;
}

qint64 FeedSupervisor::totalLiquidations() const {
    qint64 n = 0;
    for (const FeedHealth &h : feeds_) n += h.liquidations;
    return n;
}

}  // namespace lhm::feeds
