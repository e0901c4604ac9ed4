#include "ingest/rest/BinanceRestClient.h"

#include "ingest/rest/BinanceRest.h"

#include <QNetworkReply>
#include <memory>

namespace lhm::rest {

BinanceRestClient::BinanceRestClient(QString restBase, QObject *parent) : QObject(parent), base_(std::move(restBase)) {}

void BinanceRestClient::backfill(const QString &symbol, qint64 fromMs, qint64 toMs) {
    struct Pending {
        std::vector<Candle> candles;
        std::vector<OpenInterestPoint> oi;
        int outstanding = 2;
        QString error;
    };
    auto state = std::make_shared<Pending>();
    const auto finish = [this, state, symbol] {
        if (--state->outstanding > 0) return;
        if (!state->error.isEmpty()) emit failed(symbol, state->error);
        else emit backfilled(symbol, state->candles, state->oi);
    };
    const auto get = [this](const QUrl &url) {
        QNetworkRequest req(url);
        req.setTransferTimeout(timeoutMs);
        return nam_.get(req);
    };
    // The candle range starts on the minute that held the last message we saw.
    const qint64 from1m = fromMs - fromMs % 60000;
    QNetworkReply *k = get(binanceKlinesUrl(base_, symbol, QStringLiteral("1m"), from1m, toMs));
    connect(k, &QNetworkReply::finished, this, [k, state, finish] {
        k->deleteLater();
        if (k->error() != QNetworkReply::NoError) state->error = QStringLiteral("klines: ") + k->errorString();
        else if (auto r = parseBinanceKlines(k->readAll())) state->candles = std::move(*r);
        else state->error = r.error().message;
        finish();
    });
    const qint64 from5m = fromMs - fromMs % 300000;
    QNetworkReply *o = get(binanceOpenInterestHistUrl(base_, symbol, QStringLiteral("5m"), from5m, toMs));
    connect(o, &QNetworkReply::finished, this, [o, state, finish] {
        o->deleteLater();
        if (o->error() != QNetworkReply::NoError) state->error = QStringLiteral("openInterestHist: ") + o->errorString();
        else if (auto r = parseBinanceOpenInterestHist(o->readAll())) state->oi = std::move(*r);
        else state->error = r.error().message;
        finish();
    });
}

}  // namespace lhm::rest
