#pragma once
// Fetches the klines (1m) and open interest (5m) a live feed missed during a gap. Lives in the
// caller's thread (it owns a QNetworkAccessManager); results and failures come back on signals.
#include "common/Types.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <vector>

namespace lhm::rest {

class BinanceRestClient : public QObject {
    Q_OBJECT
public:
    explicit BinanceRestClient(QString restBase, QObject *parent = nullptr);
    // Requests [fromMs, toMs] for one symbol; emits backfilled() once both answers are in, or failed().
    void backfill(const QString &symbol, qint64 fromMs, qint64 toMs);
    int timeoutMs = 15000;

signals:
    void backfilled(const QString &symbol, const std::vector<lhm::Candle> &candles,
                    const std::vector<lhm::OpenInterestPoint> &openInterest);
    void failed(const QString &symbol, const QString &message);

private:
    QString base_;
    QNetworkAccessManager nam_;
};

}  // namespace lhm::rest
