#include "ingest/rest/RestBackfillClient.h"

#include "ingest/rest/BackfillRoute.h"

#include "common/RowValidation.h"
#include "config/ExchangeRegistry.h"
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
    const ExchangeDescriptor *d = ExchangeRegistry::builtin(exchange);
    if (!d || !d->gapBackfill) return std::nullopt;
    for (int i = 0; i < kExchangeIdCount; ++i)
        if (exchange == QLatin1String(kExchangeIds[i])) return Venue(i);
    return std::nullopt;
}

void RestBackfillClient::backfill(const QString &symbol, qint64 fromMs, qint64 toMs) {
    struct Pending {
        std::vector<Candle> candles;
        std::vector<OpenInterestPoint> oi;
        int outstanding = 2;
        QString error;
    };
    // The candle range starts on the minute that held the last message we saw, open interest on
    // its 5-minute boundary.
    const qint64 from1m = fromMs - fromMs % 60000;
    const qint64 from5m = fromMs - fromMs % 300000;
    using Make = std::optional<BackfillRoute> (*)(const QString &, const QString &, qint64, qint64, qint64);
    static constexpr Make routes[kExchangeIdCount] = {
#define LHM_EXCHANGE_BACKFILL(E, id) &make##E##Backfill,
        LHM_EXCHANGES(LHM_EXCHANGE_BACKFILL)
#undef LHM_EXCHANGE_BACKFILL
    };
    const std::optional<BackfillRoute> route =
        int(venue_) >= 0 && int(venue_) < kExchangeIdCount ? routes[int(venue_)](base_, symbol, from1m, from5m, toMs) : std::nullopt;
    if (!route) {
        emit failed(symbol, QStringLiteral("%1 has no gap backfill").arg(QLatin1String(kExchangeIds[int(venue_)])));
        return;
    }
    auto state = std::make_shared<Pending>();
    const auto complete = route->complete;
    const auto finish = [this, state, symbol, complete] {
        if (--state->outstanding > 0) return;
        if (!state->error.isEmpty()) {
            emit failed(symbol, state->error);
            return;
        }
        if (complete) complete(state->oi, state->candles);
        emit backfilled(symbol, state->candles, state->oi);
    };
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
    request(route->candlesUrl, route->candlesWhat, route->parseCandles, &state->candles);
    request(route->oiUrl, route->oiWhat, route->parseOi, &state->oi);
}

}  // namespace lhm::rest
