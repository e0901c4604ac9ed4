#pragma once
// One exchange's public tier download as `lhm tiers fetch` runs it: the requests, page by page, and
// the checked table they give. One hook per exchange of config/ExchangeList.h, defined in its
// core/exchanges/<id>/<Enum>Tiers.cpp; null (with the reason) when the exchange has no public tier
// endpoint. The CLI does the HTTP; a TierFetch only builds requests and parses answers.
#include "common/Error.h"
#include "config/ExchangeDescriptor.h"
#include "config/LeverageTiers.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace lhm::rest {

struct TierRequest {
    QUrl url;
    QByteArray postJson;  // non-empty: POST this JSON body; empty: GET
};

// One download of one symbol's tiers (it keeps the pages it has read).
class TierFetch {
public:
    virtual ~TierFetch() = default;
    // The first request (cursor "") or the one for the page `cursor` names.
    virtual TierRequest request(const QString &base, const ExchangeSymbolConfig &sym, const QString &cursor) const = 0;
    // One answer. `next` receives the next page's cursor, "" when the table is complete.
    virtual Status page(const QByteArray &body, const ExchangeSymbolConfig &sym, QString *next) = 0;
    // The table from the pages read, through the same checks as a tier file.
    virtual Result<LeverageTiers> tiers(const ExchangeSymbolConfig &sym) = 0;
};

// The registration table: a fresh download for `exchange`, or null with `why` set when the exchange
// has another way (Binance: a signed endpoint, `lhm tiers refresh`) or none (why empty).
std::unique_ptr<TierFetch> createTierFetch(const QString &exchange, QString *why = nullptr);
// The exchanges with a public tier endpoint, in the list's order.
QStringList tierFetchExchanges();

// The tier hooks of config/ExchangeList.h.
#define LHM_EXCHANGE_TIERS(E, id) std::unique_ptr<TierFetch> make##E##Tiers(QString *why);
LHM_EXCHANGES(LHM_EXCHANGE_TIERS)
#undef LHM_EXCHANGE_TIERS

}  // namespace lhm::rest
