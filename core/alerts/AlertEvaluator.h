#pragma once
// The pure alert evaluator: fed live price ticks, realised liquidations and predicted clusters,
// it returns the firings they cause. No I/O, no threads, no wall clock: time comes from the
// injected Clock (expiry, snooze, the flood cap) and from the events themselves (cooldowns and
// cascade windows run on exchange time, so a replay gives the same firings as the live stream).
//
// Rules are indexed per symbol and type, price_cross levels are kept sorted so a tick finds the
// levels it crossed by binary search, and liquidation rules sorted by threshold: an event costs
// the rules it can trigger, not all of them. setRules() takes effect on the next event; a rule
// that is no longer in the set never fires again.
#include "alerts/AlertFiring.h"
#include "alerts/AlertRule.h"
#include "common/Clock.h"
#include "common/Types.h"

#include <QHash>
#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace lhm::alerts {

struct PriceUpdate {
    QString exchange, symbol;
    double price = 0;
    qint64 time = 0;         // exchange time, ms
    qint64 receiveTime = 0;  // local, ms
};

struct ClusterLevel {
    double price = 0, low = 0, high = 0;
    double notional = 0;
    Side side = Side::Long;
};

// The clusters of one recomputed heatmap.
struct ClusterSet {
    QString exchange, symbol, model;
    std::vector<ClusterLevel> clusters;
    qint64 computedAt = 0;
};

class AlertEvaluator {
public:
    explicit AlertEvaluator(const Clock &clock, int maxPerMinute = 20);

    void setRules(std::vector<AlertRule> rules);
    // Global flood cap: at most this many notifications in any 60 s (0 = no cap); the rest are
    // counted and reported in one summary firing once the window has room again.
    void setMaxPerMinute(int n) { maxPerMinute_ = n; }

    void onPrice(const PriceUpdate &tick, std::vector<Firing> &out);
    void onLiquidation(const LiquidationEvent &event, std::vector<Firing> &out);
    void onClusters(const ClusterSet &set, std::vector<Firing> &out);
    // Emits the pending flood summary when the cap's window has room (call it about once a second).
    void tick(std::vector<Firing> &out);
    // Emits any pending summary now (when a watcher stops).
    void flush(std::vector<Firing> &out);

    qint64 fired() const { return fired_; }            // alerts passed to the channels (summaries not counted)
    qint64 suppressed() const { return suppressed_; }  // held back by the flood cap
    int ruleCount() const { return int(states_.size()); }

private:
    struct State {
        AlertRule rule;
        qint64 lastEventTime = 0;
        bool hasFired = false;
        std::deque<std::pair<qint64, double>> window;  // cascade: (time, notional)
        double windowNotional = 0;
        double nearCluster = 0;               // cluster_near: price of the cluster price is inside of (0 = none)
        std::vector<double> consumed;         // cluster_consumed: cluster prices already reported
        std::shared_ptr<std::vector<ClusterLevel>> clusters;  // cluster_*: the latest set of its symbol and model
    };
    struct SymbolIndex {
        std::vector<std::pair<double, int>> levels;  // price_cross: (level, state index), sorted
        std::vector<std::pair<double, int>> liquidation;  // (min_notional, state index), sorted
        std::vector<int> cascade, clusterNear, clusterConsumed;
        // cluster_near rules grouped by the cluster set they watch: a tick sorts each set by
        // distance once, and each rule then takes the first cluster big enough for it.
        std::vector<std::pair<std::shared_ptr<std::vector<ClusterLevel>>, std::vector<int>>> nearGroups;
    };
    void rebuildIndex();
    bool ready(State &s, qint64 eventTime, qint64 now) const;
    void emitFiring(State &s, Firing f, qint64 now, std::vector<Firing> &out);
    void sortByDistance(const std::vector<ClusterLevel> &clusters, double price);
    // Uses byDistance_, sorted for this rule's cluster set at `price`.
    void checkClusterNear(State &s, const QString &exchange, double price, qint64 time, qint64 receiveTime, qint64 now,
                          std::vector<Firing> &out);
    std::shared_ptr<std::vector<ClusterLevel>> clusterSlot(const QString &symbol, const QString &model);

    const Clock &clock_;
    int maxPerMinute_;
    std::vector<State> states_;
    QHash<QString, SymbolIndex> index_;
    QHash<QString, double> lastPrice_;      // exchange|symbol -> last trade price
    QHash<QString, double> lastSymbolPrice_;  // symbol -> last trade price on any exchange
    // symbol|model -> clusters; rules hold the slot, so a tick needs no lookup and a recompute
    // updates every rule at once.
    std::map<QString, std::shared_ptr<std::vector<ClusterLevel>>> clusters_;
    std::vector<std::pair<double, const ClusterLevel *>> byDistance_;
    std::deque<qint64> sent_;               // flood cap: times of notifications in the last minute
    int pendingSuppressed_ = 0;
    unsigned pendingChannels_ = 0;
    QString pendingWebhookUrl_, pendingWebhookSecretRef_;  // a held-back rule's own webhook, for the summary
    qint64 fired_ = 0, suppressed_ = 0;
};

}  // namespace lhm::alerts

Q_DECLARE_METATYPE(lhm::alerts::PriceUpdate)
Q_DECLARE_METATYPE(lhm::alerts::ClusterSet)
