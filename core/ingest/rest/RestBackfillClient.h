#pragma once
// Fetches the candles (1m) and open interest (5m) a live feed missed during a gap, from any
// exchange whose descriptor says gapBackfill. Lives in the caller's thread (it owns a
// QNetworkAccessManager); results and failures come back on signals. The per-exchange requests
// and parsers are each exchange's BackfillRoute hook (BackfillRoute.h, in core/exchanges/<id>/<Enum>Rest.cpp).
#include "common/Types.h"
#include "config/ExchangeList.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <optional>
#include <vector>

namespace lhm::rest {

class RestBackfillClient : public QObject {
    Q_OBJECT
public:
    using Venue = lhm::ExchangeId;  // an exchange of config/ExchangeList.h

    RestBackfillClient(Venue venue, QString restBase, QObject *parent = nullptr);
    // The backfill endpoints of an exchange by name; empty when it has none.
    static std::optional<Venue> venueFor(const QString &exchange);
    // Requests [fromMs, toMs] for one symbol (the exchange's own name, e.g. BTC-USDT-SWAP); emits
    // backfilled() once both answers are in, or failed() (nothing of either is stored then; a row
    // that fails validateRow() fails its whole response).
    void backfill(const QString &symbol, qint64 fromMs, qint64 toMs);
    int timeoutMs = 15000;           // no byte for this long: failed
    int deadlineMs = 60000;          // the whole response, however it trickles
    qint64 maxBodyBytes = 8 << 20;   // 1,500 candles are ~250 KB

signals:
    void backfilled(const QString &symbol, const std::vector<lhm::Candle> &candles,
                    const std::vector<lhm::OpenInterestPoint> &openInterest);
    void failed(const QString &symbol, const QString &message);

private:
    Venue venue_;
    QString base_;
    QNetworkAccessManager nam_;
};

}  // namespace lhm::rest
