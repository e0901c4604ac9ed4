#pragma once
// AlertRelay: the stored alert rules evaluated on the live stream of `lhm serve` / the GUI's Local
// API, with the same evaluator as `lhm alerts watch` (core/alerts), each firing sent to the
// stream's clients as {"type":"alert",…} (docs/api.md). It never dispatches a notification
// channel and never records a firing or a rule's triggered state: running the API next to
// `lhm alerts watch` (or the GUI's alerts) delivers nothing twice and changes nothing they see.
// Cluster rules need predicted clusters from a heatmap recompute and are left to the watchers.
//
// Rules are re-read through the engine's workers about once a second when the store says they
// changed, so the thread the API lives on never waits on disk.
#include "alerts/AlertEvaluator.h"
#include "feeds/FeedTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <atomic>

namespace lhm {
class CoreEngine;
}

namespace lhm::api {

class LiveHub;

class AlertRelay : public QObject {
    Q_OBJECT
public:
    AlertRelay(CoreEngine *engine, LiveHub *hub, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~AlertRelay() override;

    // Reads the rules now (and then whenever they change); stop() ends the re-reading.
    void start(int reloadIntervalMs = 1000);
    void stop();
    int ruleCount() const { return evaluator_.ruleCount(); }
    qint64 sent() const { return sent_; }

public slots:
    void onLiquidations(const QList<lhm::LiquidationEvent> &events);
    void onTicks(const QList<lhm::feeds::PriceTick> &ticks);

signals:
    void rulesLoaded(int count);

private:
    void reload();
    void relay(std::vector<alerts::Firing> &fired);

    QPointer<CoreEngine> engine_;
    LiveHub *hub_;
    alerts::AlertEvaluator evaluator_;
    QTimer timer_;
    QString signature_;
    bool loading_ = false;
    std::atomic<int> inFlight_{0};
    std::vector<alerts::Firing> scratch_;
    qint64 sent_ = 0;
};

// {"type":"alert","alert_id":…,"name":…,"symbol":…,"exchange":…,"rule":…,"value":…,"price":…,
//  "time":<ms>,"message":…}: the `lhm alerts watch --json` line without its delivery keys.
QByteArray alertMessage(const alerts::Firing &f);

}  // namespace lhm::api
