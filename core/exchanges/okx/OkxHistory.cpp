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
#include "exchanges/okx/OkxHistory.h"
#include "exchanges/okx/OkxRest.h"
#include "ingest/history/HistoryParsers.h"
#include "ingest/history/HistorySource.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>

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

namespace lhm::rest {

namespace {

// {"code":"0","msg":"","data":[...]} -> data
Result<QJsonArray> okxData(const QByteArray &json, const QString &what) {
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    if (!doc->isObject()) return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not an object"));
    const QJsonObject o = doc->object();
    const QJsonValue code = o.value(QStringLiteral("code"));
    if (!code.isString()) return pageError(what, QStringLiteral("code"), QStringLiteral("is missing"));
    if (code.toString() != QLatin1String("0"))
        return pageError(what, QStringLiteral("code"),
                         QStringLiteral("is %1 (%2)").arg(code.toString().left(20), o.value(QStringLiteral("msg")).toString().left(200)));
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (!data.isArray()) return pageError(what, QStringLiteral("data"), QStringLiteral("is not an array"));
    return data.toArray();
}

}  // namespace

Result<std::vector<OpenInterestPoint>> parseOkxOpenInterestHistory(const QByteArray &json, double contractValue) {
    const QString what = QStringLiteral("okx open-interest-history");
    auto data = okxData(json, what);
    if (!data) return data.error();
    std::vector<OpenInterestPoint> out;
    out.reserve(size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) {
        const QJsonArray r = data->at(i).toArray();
        if (r.size() < 4) return pageError(what, QStringLiteral("data[%1]").arg(i), QStringLiteral("has %1 fields, expected 4").arg(r.size()));
        OpenInterestPoint p;
        double contracts = 0, usd = 0;
        if (!jsonTime(r.at(0), &p.time)) return pageError(what, QStringLiteral("data[%1][0]").arg(i), QStringLiteral("(ts) is not a time"));
        if (!jsonNumber(r.at(1), &contracts)) return pageError(what, QStringLiteral("data[%1][1]").arg(i), QStringLiteral("(oi) is not a number"));
        if (!jsonNumber(r.at(3), &usd)) return pageError(what, QStringLiteral("data[%1][3]").arg(i), QStringLiteral("(oiUsd) is not a number"));
        p.openInterest = contracts * contractValue;
        p.openInterestValue = usd;
        out.push_back(p);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<FundingPoint>> parseOkxFundingHistory(const QByteArray &json, int intervalHours) {
    const QString what = QStringLiteral("okx funding-rate-history");
    auto data = okxData(json, what);
    if (!data) return data.error();
    std::vector<FundingPoint> out;
    out.reserve(size_t(data->size()));
    for (qsizetype i = 0; i < data->size(); ++i) {
        const QJsonObject o = data->at(i).toObject();
        FundingPoint f;
        f.intervalHours = intervalHours;
        if (!jsonTime(o.value(QStringLiteral("fundingTime")), &f.time))
            return pageError(what, QStringLiteral("data[%1].fundingTime").arg(i), QStringLiteral("is not a time"));
        const QJsonValue realized = o.value(QStringLiteral("realizedRate"));
        const bool hasRealized = realized.isString() ? !realized.toString().isEmpty() : realized.isDouble();
        const QString field = hasRealized ? QStringLiteral("realizedRate") : QStringLiteral("fundingRate");
        if (!fundingRateValue(o.value(field), &f.rate)) return pageError(what, QStringLiteral("data[%1].%2").arg(i).arg(field), QStringLiteral("is not a rate"));
        out.push_back(f);
    }
    sortByTime(out);
    return out;
}

}  // namespace lhm::rest
