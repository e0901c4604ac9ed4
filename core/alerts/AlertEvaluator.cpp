#include "alerts/AlertEvaluator.h"

#include <QJsonValue>
#include <algorithm>
#include <cmath>

namespace lhm::alerts {

namespace {

constexpr qint64 kFloodWindowMs = 60000;

QString keyOf(const QString &a, const QString &b) { return a + u'|' + b; }

QString usd(double v) { return QString::number(v, 'f', v >= 1000 ? 0 : 2); }
QString px(double v) { return QString::number(v, 'g', 10); }

QJsonObject clusterEvent(const ClusterLevel &c, const QString &model, double price, qint64 time) {
    QJsonObject e;
    e[QStringLiteral("cluster_price")] = c.price;
    e[QStringLiteral("cluster_low")] = c.low;
    e[QStringLiteral("cluster_high")] = c.high;
    e[QStringLiteral("cluster_notional")] = c.notional;
    e[QStringLiteral("cluster_side")] = QLatin1String(sideName(c.side));
    e[QStringLiteral("model")] = model;
    e[QStringLiteral("price")] = price;
    e[QStringLiteral("time")] = time;
    return e;
}

}  // namespace

AlertEvaluator::AlertEvaluator(const Clock &clock, int maxPerMinute) : clock_(clock), maxPerMinute_(maxPerMinute) {}

void AlertEvaluator::setRules(std::vector<AlertRule> rules) {
    std::vector<State> next;
    next.reserve(rules.size());
    for (AlertRule &r : rules) {
        State s;
        // Cooldown and "already fired" survive an edit of the same rule; windows and cluster
        // memory restart, since the thresholds they were built for may have changed.
        for (const State &old : states_)
            if (old.rule.id == r.id && r.id != 0) {
                s.lastEventTime = old.lastEventTime;
                s.hasFired = old.hasFired;
                if (old.rule.status == RuleStatus::Triggered && r.status == RuleStatus::Active && r.once &&
                    old.rule.updatedAt == r.updatedAt)
                    r.status = RuleStatus::Triggered;
                break;
            }
        s.rule = std::move(r);
        next.push_back(std::move(s));
    }
    states_ = std::move(next);
    rebuildIndex();
}

void AlertEvaluator::rebuildIndex() {
    index_.clear();
    for (int i = 0; i < int(states_.size()); ++i) {
        const AlertRule &r = states_[size_t(i)].rule;
        SymbolIndex &ix = index_[r.symbol];
        switch (r.type) {
        case RuleType::PriceCross: ix.levels.emplace_back(r.params.level, i); break;
        case RuleType::Liquidation: ix.liquidation.emplace_back(r.params.minNotional, i); break;
        case RuleType::Cascade: ix.cascade.push_back(i); break;
        case RuleType::ClusterNear: ix.clusterNear.push_back(i); break;
        case RuleType::ClusterConsumed: ix.clusterConsumed.push_back(i); break;
        }
        if (r.type == RuleType::ClusterNear || r.type == RuleType::ClusterConsumed)
            states_[size_t(i)].clusters = clusterSlot(r.symbol, r.params.model);
        if (r.type == RuleType::ClusterNear) {
            auto g = std::find_if(ix.nearGroups.begin(), ix.nearGroups.end(),
                                  [&](const auto &p) { return p.first == states_[size_t(i)].clusters; });
            if (g == ix.nearGroups.end()) ix.nearGroups.push_back({states_[size_t(i)].clusters, {i}});
            else g->second.push_back(i);
        }
    }
    for (SymbolIndex &ix : index_) {
        std::sort(ix.levels.begin(), ix.levels.end());
        std::sort(ix.liquidation.begin(), ix.liquidation.end());
    }
}

bool AlertEvaluator::ready(State &s, qint64 eventTime, qint64 now) const {
    if (!s.rule.armed(now)) return false;
    if (!s.hasFired || s.rule.cooldownMs <= 0) return true;
    return std::llabs(eventTime - s.lastEventTime) >= s.rule.cooldownMs;
}

void AlertEvaluator::emitFiring(State &s, Firing f, qint64 now, std::vector<Firing> &out) {
    const AlertRule &r = s.rule;
    s.hasFired = true;
    s.lastEventTime = f.time;
    if (r.once) s.rule.status = RuleStatus::Triggered;
    f.kind = Firing::Kind::Alert;
    f.ruleId = r.id;
    f.name = r.name;
    f.symbol = r.symbol;
    f.type = r.type;
    f.channels = r.channels;
    f.firedAt = now;
    f.once = r.once;
    f.webhookUrl = r.webhookUrl;
    f.webhookSecretRef = r.webhookSecretRef;
    tick(out);  // a pending summary goes out before the next alert
    while (!sent_.empty() && sent_.front() <= now - kFloodWindowMs) sent_.pop_front();
    if (maxPerMinute_ > 0 && int(sent_.size()) >= maxPerMinute_) {
        ++suppressed_;
        ++pendingSuppressed_;
        pendingChannels_ |= r.channels;
        if (!r.webhookUrl.isEmpty()) pendingWebhookUrl_ = r.webhookUrl, pendingWebhookSecretRef_ = r.webhookSecretRef;
        return;
    }
    sent_.push_back(now);
    ++fired_;
    out.push_back(std::move(f));
}

void AlertEvaluator::tick(std::vector<Firing> &out) {
    if (pendingSuppressed_ == 0) return;
    const qint64 now = clock_.nowMs();
    while (!sent_.empty() && sent_.front() <= now - kFloodWindowMs) sent_.pop_front();
    if (maxPerMinute_ > 0 && int(sent_.size()) >= maxPerMinute_) return;
    flush(out);
}

void AlertEvaluator::flush(std::vector<Firing> &out) {
    if (pendingSuppressed_ == 0) return;
    const qint64 now = clock_.nowMs();
    Firing f;
    f.kind = Firing::Kind::Summary;
    f.name = QStringLiteral("flood summary");
    f.channels = pendingChannels_;
    f.value = pendingSuppressed_;
    f.suppressed = pendingSuppressed_;
    f.time = now;
    f.firedAt = now;
    f.message = QStringLiteral("%1 more alerts were held back (at most %2 notifications a minute)")
                    .arg(pendingSuppressed_)
                    .arg(maxPerMinute_);
    f.event[QStringLiteral("suppressed")] = pendingSuppressed_;
    f.event[QStringLiteral("max_per_minute")] = maxPerMinute_;
    f.webhookUrl = pendingWebhookUrl_;
    f.webhookSecretRef = pendingWebhookSecretRef_;
    pendingWebhookUrl_.clear();
    pendingWebhookSecretRef_.clear();
    sent_.push_back(now);
    pendingSuppressed_ = 0;
    pendingChannels_ = 0;
    out.push_back(std::move(f));
}

void AlertEvaluator::onPrice(const PriceUpdate &t, std::vector<Firing> &out) {
    if (!(t.price > 0)) return;
    double &lastRef = lastPrice_[keyOf(t.exchange, t.symbol)];
    const double prev = lastRef;
    lastRef = t.price;
    lastSymbolPrice_[t.symbol] = t.price;
    auto it = index_.find(t.symbol);
    if (it == index_.end()) return;
    SymbolIndex &ix = *it;
    const qint64 now = clock_.nowMs();

    if (prev > 0 && prev != t.price && !ix.levels.empty()) {
        const bool rising = t.price > prev;
        // Rising: levels in (prev, price] crossed upward; falling: levels in [price, prev) downward.
        const double lo = rising ? prev : t.price, hi = rising ? t.price : prev;
        auto first = rising ? std::upper_bound(ix.levels.begin(), ix.levels.end(), std::make_pair(lo, INT_MAX))
                            : std::lower_bound(ix.levels.begin(), ix.levels.end(), std::make_pair(lo, INT_MIN));
        for (auto l = first; l != ix.levels.end(); ++l) {
            if (rising ? l->first > hi : l->first >= hi) break;
            State &s = states_[size_t(l->second)];
            if ((s.rule.params.direction == Direction::Above) != rising) continue;
            if (!s.rule.matchesExchange(t.exchange) || !ready(s, t.time, now)) continue;
            Firing f;
            f.exchange = t.exchange;
            f.value = t.price;
            f.price = t.price;
            f.time = t.time;
            f.receiveTime = t.receiveTime;
            f.message = QStringLiteral("%1 %2 crossed %3 %4 (last %5 on %6)")
                            .arg(s.rule.name, t.symbol, QLatin1String(rising ? "above" : "below"), px(s.rule.params.level),
                                 px(t.price), t.exchange);
            f.event[QStringLiteral("exchange")] = t.exchange;
            f.event[QStringLiteral("symbol")] = t.symbol;
            f.event[QStringLiteral("level")] = s.rule.params.level;
            f.event[QStringLiteral("previous")] = prev;
            f.event[QStringLiteral("price")] = t.price;
            f.event[QStringLiteral("time")] = t.time;
            f.event[QStringLiteral("receive_time")] = t.receiveTime;
            emitFiring(s, std::move(f), now, out);
        }
    }

    for (const auto &[clusters, rules] : ix.nearGroups) {
        if (clusters->empty()) continue;
        sortByDistance(*clusters, t.price);
        for (int i : rules) {
            State &s = states_[size_t(i)];
            if (s.rule.matchesExchange(t.exchange)) checkClusterNear(s, t.exchange, t.price, t.time, t.receiveTime, now, out);
        }
    }

    if (prev > 0 && prev != t.price)
        for (int i : ix.clusterConsumed) {
            State &s = states_[size_t(i)];
            if (!s.rule.matchesExchange(t.exchange)) continue;
            const std::vector<ClusterLevel> *cl = s.clusters.get();
            const double lo = std::min(prev, t.price), hi = std::max(prev, t.price);
            for (const ClusterLevel &c : *cl) {
                if (c.notional < s.rule.params.minClusterUsd || !sideMatches(s.rule.params.side, c.side)) continue;
                if (c.price < lo || c.price > hi) continue;
                if (std::find(s.consumed.begin(), s.consumed.end(), c.price) != s.consumed.end()) continue;
                if (!ready(s, t.time, now)) break;
                s.consumed.push_back(c.price);
                Firing f;
                f.exchange = t.exchange;
                f.value = c.notional;
                f.price = c.price;
                f.time = t.time;
                f.receiveTime = t.receiveTime;
                f.message = QStringLiteral("%1: price %2 crossed the predicted %3 cluster at %4 (%5 USD, estimate, %6)")
                                .arg(s.rule.name, px(t.price), QLatin1String(sideName(c.side)), px(c.price), usd(c.notional),
                                     s.rule.params.model);
                f.event = clusterEvent(c, s.rule.params.model, t.price, t.time);
                f.event[QStringLiteral("exchange")] = t.exchange;
                f.event[QStringLiteral("receive_time")] = t.receiveTime;
                emitFiring(s, std::move(f), now, out);
            }
        }
}

std::shared_ptr<std::vector<ClusterLevel>> AlertEvaluator::clusterSlot(const QString &symbol, const QString &model) {
    auto &slot = clusters_[keyOf(symbol, model)];
    if (!slot) slot = std::make_shared<std::vector<ClusterLevel>>();
    return slot;
}

void AlertEvaluator::sortByDistance(const std::vector<ClusterLevel> &clusters, double price) {
    byDistance_.clear();
    for (const ClusterLevel &c : clusters) byDistance_.emplace_back(std::abs(price - c.price), &c);
    std::sort(byDistance_.begin(), byDistance_.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
}

void AlertEvaluator::checkClusterNear(State &s, const QString &exchange, double price, qint64 time, qint64 receiveTime,
                                      qint64 now, std::vector<Firing> &out) {
    const RuleParams &p = s.rule.params;
    if (!(price > 0)) return;
    const double limit = p.distancePct * price / 100.0;
    const ClusterLevel *nearest = nullptr;
    double nearestDistance = 0;
    for (const auto &[d, c] : byDistance_) {
        if (d > limit) break;
        if (c->notional < p.minClusterUsd || !sideMatches(p.side, c->side)) continue;
        nearest = c, nearestDistance = d;
        break;
    }
    if (!nearest) {
        s.nearCluster = 0;  // left the zone: the next approach fires again
        return;
    }
    if (nearest->price == s.nearCluster || !ready(s, time, now)) return;
    s.nearCluster = nearest->price;
    const double nearestPct = nearestDistance / price * 100.0;
    Firing f;
    f.exchange = exchange;
    f.value = nearest->notional;
    f.price = nearest->price;
    f.time = time;
    f.receiveTime = receiveTime;
    f.message = QStringLiteral("%1: %2 at %3 is %4% from a predicted %5 liquidation cluster at %6 (%7 USD, estimate, %8)")
                    .arg(s.rule.name, s.rule.symbol, px(price), QString::number(nearestPct, 'f', 2),
                         QLatin1String(sideName(nearest->side)), px(nearest->price), usd(nearest->notional), p.model);
    f.event = clusterEvent(*nearest, p.model, price, time);
    f.event[QStringLiteral("distance_pct")] = nearestPct;
    if (!exchange.isEmpty()) f.event[QStringLiteral("exchange")] = exchange;
    if (receiveTime) f.event[QStringLiteral("receive_time")] = receiveTime;
    emitFiring(s, std::move(f), now, out);
}

void AlertEvaluator::onLiquidation(const LiquidationEvent &e, std::vector<Firing> &out) {
    auto it = index_.find(e.symbol);
    if (it == index_.end()) return;
    SymbolIndex &ix = *it;
    const qint64 now = clock_.nowMs();
    auto eventJson = [&] {
        QJsonObject o;
        o[QStringLiteral("exchange")] = e.exchange;
        o[QStringLiteral("symbol")] = e.symbol;
        o[QStringLiteral("side")] = QLatin1String(sideName(e.side));
        o[QStringLiteral("price")] = e.price;
        o[QStringLiteral("qty")] = e.qty;
        o[QStringLiteral("notional")] = e.notional;
        o[QStringLiteral("time")] = e.time;
        o[QStringLiteral("receive_time")] = e.receiveTime;
        return o;
    };

    for (const auto &[minNotional, i] : ix.liquidation) {
        if (minNotional > e.notional) break;
        State &s = states_[size_t(i)];
        const RuleParams &p = s.rule.params;
        if (!s.rule.matchesExchange(e.exchange) || !sideMatches(p.side, e.side)) continue;
        if ((p.priceFrom && e.price < *p.priceFrom) || (p.priceTo && e.price > *p.priceTo)) continue;
        if (!ready(s, e.time, now)) continue;
        Firing f;
        f.exchange = e.exchange;
        f.value = e.notional;
        f.price = e.price;
        f.time = e.time;
        f.receiveTime = e.receiveTime;
        f.message = QStringLiteral("%1: %2 %3 liquidation of %4 USD at %5 on %6")
                        .arg(s.rule.name, e.symbol, QLatin1String(sideName(e.side)), usd(e.notional), px(e.price), e.exchange);
        f.event = eventJson();
        emitFiring(s, std::move(f), now, out);
    }

    for (int i : ix.cascade) {
        State &s = states_[size_t(i)];
        const RuleParams &p = s.rule.params;
        if (!s.rule.matchesExchange(e.exchange) || !sideMatches(p.side, e.side)) continue;
        s.window.emplace_back(e.time, e.notional);
        s.windowNotional += e.notional;
        const qint64 horizon = e.time - p.windowS * 1000;
        while (!s.window.empty() && s.window.front().first <= horizon) {
            s.windowNotional -= s.window.front().second;
            s.window.pop_front();
        }
        const qint64 count = qint64(s.window.size());
        const bool reached = (p.count > 0 && count >= p.count) || (p.notional > 0 && s.windowNotional >= p.notional);
        if (!reached || !ready(s, e.time, now)) continue;
        Firing f;
        f.exchange = e.exchange;
        f.value = p.count > 0 && count >= p.count ? double(count) : s.windowNotional;
        f.price = e.price;
        f.time = e.time;
        f.receiveTime = e.receiveTime;
        f.message = QStringLiteral("%1: cascade on %2, %3 liquidations worth %4 USD within %5 s")
                        .arg(s.rule.name, e.symbol)
                        .arg(count)
                        .arg(usd(s.windowNotional))
                        .arg(p.windowS);
        f.event = eventJson();
        f.event[QStringLiteral("count")] = count;
        f.event[QStringLiteral("window_notional")] = s.windowNotional;
        f.event[QStringLiteral("window_s")] = p.windowS;
        f.event[QStringLiteral("first_time")] = s.window.front().first;
        // A cascade is reported once; the next one needs a fresh window's worth of liquidations.
        s.window.clear();
        s.windowNotional = 0;
        emitFiring(s, std::move(f), now, out);
    }
}

void AlertEvaluator::onClusters(const ClusterSet &set, std::vector<Firing> &out) {
    *clusterSlot(set.symbol, set.model) = set.clusters;
    auto it = index_.find(set.symbol);
    if (it == index_.end()) return;
    const qint64 now = clock_.nowMs();
    for (int i : it->clusterConsumed) {
        State &s = states_[size_t(i)];
        if (s.rule.params.model == set.model) s.consumed.clear();
    }
    const double price = lastSymbolPrice_.value(set.symbol);
    if (price > 0 && !set.clusters.empty()) {
        sortByDistance(set.clusters, price);
        for (int i : it->clusterNear) {
            State &s = states_[size_t(i)];
            if (s.rule.params.model == set.model) checkClusterNear(s, set.exchange, price, set.computedAt, 0, now, out);
        }
    }
}

}  // namespace lhm::alerts
