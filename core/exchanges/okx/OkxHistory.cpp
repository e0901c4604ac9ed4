// OKX v5 REST, all answers newest first:
//   /api/v5/rubik/stat/contracts/open-interest-history  instId, period=5m, begin/end, limit ≤ 100
//       (OKX v5 docs, "Get contract open interest history": `end` returns records earlier than
//       its ts and `begin` records newer than its ts, both exclusive; rows [ts, oi, oiCcy, oiUsd];
//       only the latest 1,440 entries are served, i.e. five days at 5m)
//   /api/v5/market/history-candles                       instId, bar, after/before, limit ≤ 100
//   /api/v5/public/funding-rate-history                  instId, after/before, limit ≤ 100
// `after` asks for rows older than a time and `before` for newer ones (both exclusive), so a page
// is (before = from - 1, after = to) and the next one moves `after` to the oldest row seen; the
// open-interest history pages with (begin = from - 1, end) the same way. A page shorter than the limit is the last.
// history-candles serves recent candles too, so /market/candles (the last 1,440 bars) is not needed.
#include "exchanges/okx/OkxRest.h"
#include "ingest/history/HistoryParsers.h"
#include "ingest/history/HistorySource.h"
#include "ingest/rest/RestJson.h"

namespace lhm {

namespace {

constexpr int kLimit = 100;

class OkxHistory final : public HistorySource {
public:
    using HistorySource::HistorySource;
    bool supports(HistoryType) const override { return true; }
    QString endpoint(HistoryType t) const override {
        switch (t) {
        case HistoryType::OpenInterest: return QStringLiteral("/api/v5/rubik/stat/contracts/open-interest-history");
        case HistoryType::Klines: return QStringLiteral("/api/v5/market/history-candles");
        case HistoryType::Funding: return QStringLiteral("/api/v5/public/funding-rate-history");
        }
        return {};
    }
    QString klineInterval(const QString &i) const override {
        // Hour and day bars in UTC ("1H" is UTC too; 6H and up default to Hong Kong time).
        static const std::pair<const char *, const char *> codes[] = {{"1m", "1m"},   {"3m", "3m"},      {"5m", "5m"},       {"15m", "15m"},
                                                                      {"30m", "30m"}, {"1h", "1H"},      {"2h", "2H"},       {"4h", "4H"},
                                                                      {"6h", "6Hutc"}, {"12h", "12Hutc"}, {"1d", "1Dutc"}};
        for (const auto &[ours, theirs] : codes)
            if (i == QLatin1String(ours)) return QString::fromLatin1(theirs);
        return {};
    }
    HistoryRequest first(const HistorySeries &s) const override { return request(s, s.to, 1); }
    Result<HistoryPage> parse(const HistorySeries &s, const QByteArray &body) const override {
        HistoryPage page;
        switch (s.type) {
        case HistoryType::OpenInterest: {
            auto p = rest::parseOkxOpenInterestHistory(body, s.contractValue);
            if (!p) return p.error();
            page.openInterest = std::move(*p);
            break;
        }
        case HistoryType::Klines: {
            auto p = rest::parseOkxCandles(body);
            if (!p) return p.error();
            page.candles = std::move(*p);
            for (Candle &c : page.candles) c.closeTime = c.openTime + s.stepMs - 1;
            break;
        }
        case HistoryType::Funding: {
            auto p = rest::parseOkxFundingHistory(body, s.fundingIntervalHours);
            if (!p) return p.error();
            page.funding = std::move(*p);
            break;
        }
        }
        return page;
    }
    std::optional<HistoryRequest> next(const HistorySeries &s, const HistoryRequest &prev, const HistoryPage &page) const override {
        if (page.size() < kLimit || page.oldest() <= s.from) return std::nullopt;
        return request(s, page.oldest(), prev.page + 1);
    }

private:
    // Rows in [from, olderThan).
    HistoryRequest request(const HistorySeries &s, qint64 olderThan, int pageNo) const {
        QList<QPair<QString, QString>> q = {{QStringLiteral("instId"), s.native}};
        switch (s.type) {
        case HistoryType::OpenInterest:
            q += {{QStringLiteral("period"), QStringLiteral("5m")}, {QStringLiteral("begin"), QString::number(s.from - 1)},
                  {QStringLiteral("end"), QString::number(olderThan)}, {QStringLiteral("limit"), QString::number(kLimit)}};
            break;
        case HistoryType::Klines:
            q += {{QStringLiteral("bar"), klineInterval(s.interval)}, {QStringLiteral("after"), QString::number(olderThan)},
                  {QStringLiteral("before"), QString::number(s.from - 1)}, {QStringLiteral("limit"), QString::number(kLimit)}};
            break;
        case HistoryType::Funding:
            q += {{QStringLiteral("after"), QString::number(olderThan)}, {QStringLiteral("before"), QString::number(s.from - 1)},
                  {QStringLiteral("limit"), QString::number(kLimit)}};
            break;
        }
        HistoryRequest r;
        r.url = rest::restUrl(base_, endpoint(s.type), q);
        r.page = pageNo;
        return r;
    }
};

}  // namespace

std::unique_ptr<HistorySource> makeOkxHistory(const QString &restBase) { return std::make_unique<OkxHistory>(restBase); }

}  // namespace lhm
