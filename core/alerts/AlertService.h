#pragma once
// Alerts at run time, for the GUI and `lhm alerts watch` alike: keeps the stored rules in the
// pure evaluator (re-reading them within a second of an edit or deletion), feeds it the live
// session's liquidations and price ticks and the clusters of each heatmap recompute, records every
// firing in the store and hands it to the dispatcher's channels, then records their results.
//
// It owns its own store connection, opened in start() on the thread the service lives on: the
// GUI moves it to a worker thread, so evaluation and recording never run on the UI thread.
#include "alerts/AlertDispatcher.h"
#include "alerts/AlertEvaluator.h"
#include "store/AlertRepository.h"
#include "common/Clock.h"

#include <QList>
#include <QObject>
#include <memory>

class QTimer;

namespace lhm {
class Store;
}

namespace lhm::alerts {

class RuleBook;

class AlertService : public QObject {
    Q_OBJECT
public:
    explicit AlertService(QString dbPath, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~AlertService() override;

    int maxPerMinute = 20;
    int reloadIntervalMs = 1000;

    // Opens the store, loads rules and channel settings. Warnings (unreadable rows, missing
    // secrets) come back as text for the caller to show; an Error means nothing can run.
    Result<QStringList> start();
    // Emits the pending flood summary and waits up to timeoutMs for deliveries in flight.
    void stop(int timeoutMs = 15000);

    AlertDispatcher &dispatcher() { return dispatcher_; }
    const AlertEvaluator &evaluator() const { return evaluator_; }
    qint64 liquidationEvents() const { return liquidations_; }
    qint64 deliveryFailures() const { return failures_; }
    // Re-reads rules and channel settings now (the GUI calls this after its own edits).
    void reload();

public slots:
    // For the GUI: every store access runs here, on the service's thread; answers come as signals.
    void requestRules();
    void requestHistory(int limit = 500);
    void saveRule(const lhm::alerts::AlertRule &rule);
    void removeRule(qint64 id);
    void requestChannels();
    // Keeps typed secrets in the keychain (references in the settings) and saves the settings.
    void saveChannels(const lhm::alerts::ChannelSettings &settings, const QString &telegramToken,
                      const QString &smtpPassword, const QString &webhookSecret);
    void sendTest(lhm::alerts::Channel channel);

    void onLiquidations(const QList<lhm::LiquidationEvent> &events);
    void onPrices(const QList<lhm::alerts::PriceUpdate> &ticks);
    void onClusters(const lhm::alerts::ClusterSet &set);

signals:
    // After every channel of a firing has answered; latency from the frame's arrival (0 when the
    // firing came from a heatmap recompute).
    void delivered(const lhm::alerts::Firing &firing, const QJsonObject &deliveries, qint64 latencyMs);
    void rulesChanged();
    void problem(const QString &message);
    void rulesListed(const QList<lhm::alerts::AlertRule> &rules, qint64 nowMs);
    void historyListed(const QList<lhm::AlertFiringRow> &rows);
    // After saveRule: the stored id, or the error (field names the bad input; empty on success).
    void ruleSaved(qint64 id, const QString &field, const QString &error);
    void channelsListed(const lhm::alerts::ChannelSettings &settings);
    void channelsSaved(const QStringList &warnings);
    void testResult(lhm::alerts::Channel channel, const QString &result, bool ok);

private:
    void handle(std::vector<Firing> &fired);
    void changed();
    void onDelivered(const Firing &f, const QJsonObject &deliveries, qint64 doneAtMs, int failures);
    void checkReload();

    QString dbPath_;
    const Clock &clock_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<RuleBook> book_;
    AlertEvaluator evaluator_;
    AlertDispatcher dispatcher_;
    QTimer *timer_ = nullptr;
    QString signature_;
    std::vector<Firing> scratch_;
    qint64 liquidations_ = 0, failures_ = 0;
};

}  // namespace lhm::alerts

Q_DECLARE_METATYPE(lhm::alerts::AlertRule)
Q_DECLARE_METATYPE(lhm::alerts::ChannelSettings)
Q_DECLARE_METATYPE(lhm::AlertFiringRow)
Q_DECLARE_METATYPE(lhm::alerts::Channel)
