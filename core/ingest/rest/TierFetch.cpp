#include "ingest/rest/TierFetch.h"

namespace lhm::rest {

std::unique_ptr<TierFetch> createTierFetch(const QString &exchange, QString *why) {
    using Make = std::unique_ptr<TierFetch> (*)(QString *);
    static const std::pair<const char *, Make> table[] = {
#define LHM_EXCHANGE_TIERS(E, id) {#id, &make##E##Tiers},
        LHM_EXCHANGES(LHM_EXCHANGE_TIERS)
#undef LHM_EXCHANGE_TIERS
    };
    QString reason;
    for (const auto &[name, make] : table)
        if (exchange == QLatin1String(name)) {
            auto fetch = make(&reason);
            if (!fetch && why) *why = reason;
            return fetch;
        }
    return nullptr;
}

QStringList tierFetchExchanges() {
    QStringList out;
    for (const char *id : kExchangeIds)
        if (createTierFetch(QLatin1String(id))) out << QLatin1String(id);
    return out;
}

}  // namespace lhm::rest
