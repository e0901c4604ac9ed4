#include "ingest/rest/RestBackfillClient.h"

#include "ingest/rest/BinanceRest.h"
#include "ingest/rest/BybitRest.h"
#include "ingest/rest/OkxRest.h"

#include "common/RowValidation.h"
#include "common/UrlRedaction.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QTimer>
#include <functional>
#include <memory>

namespace lhm::rest {

RestBackfillClient::RestBackfillClient(Venue venue, QString restBase, QObject *parent)
    : QObject(parent), venue_(venue), base_(std::move(restBase)) {}

std::optional<RestBackfillClient::Venue> RestBackfillClient::venueFor(const QString &exchange) {
    static const std::pair<const char *, Venue> table[] = {{"binance", Venue::Binance}, {"bybit", Venue::Bybit}, {"okx", Venue::Okx}};
    for (const auto &[name, venue] : table)
        if (exchange == QLatin1String(name)) return venue;
    return std::nullopt;
}

void RestBackfillClient::backfill(const QString &symbol, qint64 fromMs, qint64 toMs) {
    struct Pending {
        std::vector<Candle> candles;
        std::vector<OpenInterestPoint> oi;
        int outstanding = 2;
        QString error;
    };
    auto state = std::make_shared<Pending>();
    const Venue venue = venue_;
    const auto finish = [this, state, symbol, venue] {
        if (--state->outstanding > 0) return;
        if (!state->error.isEmpty()) {
            emit failed(symbol, state->error);
            return;
        }
        // Bybit has open interest in base units only, OKX in USD only: derive the other from the
        // candle closes of the same fetch.
        if (venue == Venue::Bybit) fillBybitOpenInterestValue(state->oi, state->candles);
        else if (venue == Venue::Okx) fillOkxOpenInterest(state->oi, state->candles);
        emit backfilled(symbol, state->candles, state->oi);
    };
    // The candle range starts on the minute that held the last message we saw, open interest on
    // its 5-minute boundary.
    const qint64 from1m = fromMs - fromMs % 60000;
    const qint64 from5m = fromMs - fromMs % 300000;
    QUrl candlesUrl, oiUrl;
    std::function<Result<std::vector<Candle>>(const QByteArray &)> parseCandles;
    std::function<Result<std::vector<OpenInterestPoint>>(const QByteArray &)> parseOi;
    QString candlesWhat, oiWhat;
    switch (venue_) {
    case Venue::Binance:
        candlesUrl = binanceKlinesUrl(base_, symbol, QStringLiteral("1m"), from1m, toMs);
        oiUrl = binanceOpenInterestHistUrl(base_, symbol, QStringLiteral("5m"), from5m, toMs);
        parseCandles = parseBinanceKlines, parseOi = parseBinanceOpenInterestHist;
        candlesWhat = QStringLiteral("klines"), oiWhat = QStringLiteral("openInterestHist");
        break;
    case Venue::Bybit:
        candlesUrl = bybitKlinesUrl(base_, symbol, from1m, toMs);
        oiUrl = bybitOpenInterestUrl(base_, symbol, from5m, toMs);
        parseCandles = parseBybitKlines, parseOi = parseBybitOpenInterest;
        candlesWhat = QStringLiteral("bybit kline"), oiWhat = QStringLiteral("bybit open-interest");
        break;
    case Venue::Okx:
        candlesUrl = okxCandlesUrl(base_, symbol, from1m, toMs);
        oiUrl = okxOpenInterestVolumeUrl(base_, okxCurrency(symbol), from5m, toMs);
        parseCandles = parseOkxCandles, parseOi = parseOkxOpenInterestVolume;
        candlesWhat = QStringLiteral("okx history-candles"), oiWhat = QStringLiteral("okx open-interest-volume");
        break;
    }
    // One GET; its rows (or its error) land in `rows`, then finish() counts it off. The body is
    // bounded (maxBodyBytes) and so is the whole request (deadlineMs, against a host that trickles),
    // and every row passes the same validation as an imported file before anything is stored.
    const auto request = [this, state, finish](const QUrl &url, const QString &what, auto parse, auto *rows) {
        QNetworkRequest req(url);
        req.setTransferTimeout(timeoutMs);
        QNetworkReply *r = nam_.get(req);
        auto abortWhy = std::make_shared<QString>();
        const qint64 maxBytes = maxBodyBytes;
        connect(r, &QNetworkReply::downloadProgress, r, [r, abortWhy, maxBytes](qint64 got, qint64 total) {
            if (abortWhy->isEmpty() && (got > maxBytes || total > maxBytes)) {
                *abortWhy = QStringLiteral("response larger than %1 bytes: refused").arg(maxBytes);
                r->abort();
            }
        });
        QTimer::singleShot(deadlineMs, r, [r, abortWhy, ms = deadlineMs] {
            if (!r->isRunning()) return;
            *abortWhy = QStringLiteral("no complete response within %1 s").arg(ms / 1000.0);
            r->abort();
        });
        connect(r, &QNetworkReply::finished, this, [r, state, finish, what, parse, rows, abortWhy] {
            r->deleteLater();
            using Row = typename std::decay_t<decltype(*rows)>::value_type;
            if (!abortWhy->isEmpty()) state->error = what + QStringLiteral(": ") + *abortWhy;
            else if (r->error() != QNetworkReply::NoError)
                state->error = what + QStringLiteral(": ") + redactUrlsIn(r->errorString());
            else if (auto rs = parse(r->readAll())) {
                if (auto bad = firstInvalid<Row>(*rs, QDateTime::currentMSecsSinceEpoch()))
                    state->error = rowError(bad->second, what + QStringLiteral(" response row"), bad->first + 1).toString();
                else *rows = std::move(*rs);
            } else state->error = rs.error().toString();
            finish();
        });
    };
    request(candlesUrl, candlesWhat, parseCandles, &state->candles);
    request(oiUrl, oiWhat, parseOi, &state->oi);
}

}  // namespace lhm::rest
