#pragma once
// Records open interest of an exchange that publishes no open-interest history (its descriptor's
// recordsOpenInterestLive): every interval (a minute) it sends the exchange's snapshot request
// (HistorySource::openInterestSnapshot, in core/exchanges/<id>/<Enum>History.cpp) and stores one
// point per followed coin (open interest in base units, its USD value at the mark price), keyed on
// the minute, so a second poll in the same minute is a no-op. Runs on a thread of its own
// (LiveSession moves it there): the HTTP reply and the SQLite insert never touch the UI thread.
#include "common/Clock.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace lhm {
class HistorySource;
class Store;
}

namespace lhm::feeds {

class AssetContextRecorder : public QObject {
    Q_OBJECT
public:
    // nativeToUnified: the coins to record (BTC -> BTCUSDT); others in the answer are ignored.
    AssetContextRecorder(QString exchange, QString restBase, QString dbPath, QMap<QString, QString> nativeToUnified,
                         int intervalMs = 60000, const Clock *clock = &SystemClock::instance());
    ~AssetContextRecorder() override;

    qint64 maxBodyBytes = 4 << 20;  // the whole universe's contexts are ~200 KB
    int timeoutMs = 15000;

public slots:
    void start();  // polls at once, then every interval
    void stop();
    void pollNow();

signals:
    void recorded(int points, qint64 minuteMs);
    void failed(const QString &message);

private:
    std::unique_ptr<HistorySource> source() const;

    QString exchange_, base_, dbPath_;
    QMap<QString, QString> coins_;
    int intervalMs_;
    const Clock *clock_;
    QNetworkAccessManager *nam_ = nullptr;
    QTimer *timer_ = nullptr;
    std::unique_ptr<Store> store_;
    bool busy_ = false;
};

}  // namespace lhm::feeds
