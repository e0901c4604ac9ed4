// Hyperliquid POST /info, answers oldest first:
//   {"type":"candleSnapshot","req":{"coin","interval","startTime","endTime"}}  at most 5,000 candles
//   {"type":"fundingHistory","coin","startTime","endTime"}                      at most 500 rows
// The next page starts just after the newest row seen; a short page is the last. Hyperliquid
// publishes no open-interest history (it is recorded live from the asset contexts instead).
#include "ingest/history/HistoryParsers.h"
#include "ingest/history/HistorySource.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lhm {

namespace {

constexpr int kCandleLimit = 5000, kFundingLimit = 500;

class HyperliquidHistory final : public HistorySource {
public:
    using HistorySource::HistorySource;
    bool supports(HistoryType t) const override { return t != HistoryType::OpenInterest; }
    QString endpoint(HistoryType t) const override {
        return t == HistoryType::Klines ? QStringLiteral("/info candleSnapshot") : QStringLiteral("/info fundingHistory");
    }
    QString klineInterval(const QString &i) const override {
        for (const char *code : {"1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d"})
            if (i == QLatin1String(code)) return i;
        return {};
    }
    HistoryRequest first(const HistorySeries &s) const override { return request(s, s.from, 1); }
    Result<HistoryPage> parse(const HistorySeries &s, const QByteArray &body) const override {
        HistoryPage page;
        if (s.type == HistoryType::Klines) {
            auto p = rest::parseHyperliquidCandles(body);
            if (!p) return p.error();
            page.candles = std::move(*p);
        } else {
            auto p = rest::parseHyperliquidFunding(body);
            if (!p) return p.error();
            page.funding = std::move(*p);
        }
        return page;
    }
    std::optional<HistoryRequest> next(const HistorySeries &s, const HistoryRequest &prev, const HistoryPage &page) const override {
        const int limit = s.type == HistoryType::Klines ? kCandleLimit : kFundingLimit;
        if (page.size() < limit) return std::nullopt;
        const qint64 start = page.newest() + (s.type == HistoryType::Klines ? s.stepMs : 1);
        if (start >= s.to) return std::nullopt;
        return request(s, start, prev.page + 1);
    }

private:
    HistoryRequest request(const HistorySeries &s, qint64 start, int pageNo) const {
        QJsonObject body;
        if (s.type == HistoryType::Klines) {
            body = {{QStringLiteral("type"), QStringLiteral("candleSnapshot")},
                    {QStringLiteral("req"), QJsonObject{{QStringLiteral("coin"), s.native},
                                                        {QStringLiteral("interval"), s.interval},
                                                        {QStringLiteral("startTime"), double(start)},
                                                        {QStringLiteral("endTime"), double(s.to - 1)}}}};
        } else {
            body = {{QStringLiteral("type"), QStringLiteral("fundingHistory")}, {QStringLiteral("coin"), s.native},
                    {QStringLiteral("startTime"), double(start)}, {QStringLiteral("endTime"), double(s.to - 1)}};
        }
        HistoryRequest r;
        QUrl url(base_);
        url.setPath(url.path() + QStringLiteral("/info"));
        r.url = url;
        r.postBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.page = pageNo;
        return r;
    }
};

}  // namespace

std::unique_ptr<HistorySource> makeHyperliquidHistory(const QString &restBase) { return std::make_unique<HyperliquidHistory>(restBase); }

}  // namespace lhm
