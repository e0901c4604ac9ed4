#include "ingest/history/HistorySource.h"

#include <algorithm>

namespace lhm {

const char *historyTypeName(HistoryType t) {
    switch (t) {
    case HistoryType::OpenInterest: return "open_interest";
    case HistoryType::Klines: return "klines";
    case HistoryType::Funding: return "funding";
    }
    return "?";
}

bool historyTypeFromName(const QString &name, HistoryType *out) {
    for (HistoryType t : {HistoryType::OpenInterest, HistoryType::Klines, HistoryType::Funding})
        if (name == QLatin1String(historyTypeName(t))) {
            *out = t;
            return true;
        }
    return false;
}

QString HistorySeries::name() const {
    QString n = symbol + QLatin1Char(' ') + QLatin1String(historyTypeName(type));
    if (type == HistoryType::Klines) n += QLatin1Char(' ') + interval;
    return n;
}

qint64 HistoryPage::oldest() const {
    qint64 t = 0;
    const auto take = [&t](qint64 v) { t = t == 0 ? v : std::min(t, v); };
    for (const Candle &c : candles) take(c.openTime);
    for (const OpenInterestPoint &p : openInterest) take(p.time);
    for (const FundingPoint &f : funding) take(f.time);
    return t;
}

qint64 HistoryPage::newest() const {
    qint64 t = 0;
    for (const Candle &c : candles) t = std::max(t, c.openTime);
    for (const OpenInterestPoint &p : openInterest) t = std::max(t, p.time);
    for (const FundingPoint &f : funding) t = std::max(t, f.time);
    return t;
}

std::unique_ptr<HistorySource> createHistorySource(const QString &exchange, const QString &restBase) {
    // The exchanges of config/ExchangeList.h; those without a REST history API answer null.
    static const std::pair<const char *, std::unique_ptr<HistorySource> (*)(const QString &)> table[] = {
#define LHM_EXCHANGE_HISTORY(E, id) {#id, &make##E##History},
        LHM_EXCHANGES(LHM_EXCHANGE_HISTORY)
#undef LHM_EXCHANGE_HISTORY
    };
    for (const auto &[name, make] : table)
        if (exchange == QLatin1String(name)) return make(restBase);
    return nullptr;
}

}  // namespace lhm
