// Bybit v5 market REST (category=linear), all answers newest first:
//   /v5/market/open-interest  intervalTime=5min, startTime/endTime, limit ≤ 200, cursor=nextPageCursor
//   /v5/market/kline          interval=1|3|5|15|30|60|120|240|360|720|D, start/end, limit ≤ 1000
//   /v5/market/funding/history startTime/endTime, limit ≤ 200
// kline and funding have no cursor: the next page ends just before the oldest row seen, and a page
// shorter than the limit is the last.
#include "exchanges/bybit/BybitHistory.h"
#include "exchanges/bybit/BybitRest.h"
#include "ingest/history/HistoryParsers.h"
#include "ingest/history/HistorySource.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lhm {

namespace {

constexpr int kOiLimit = 200, kKlineLimit = 1000, kFundingLimit = 200;

class BybitHistory final : public HistorySource {
public:
    using HistorySource::HistorySource;
    bool supports(HistoryType) const override { return true; }
    QString endpoint(HistoryType t) const override {
        switch (t) {
        case HistoryType::OpenInterest: return QStringLiteral("/v5/market/open-interest");
        case HistoryType::Klines: return QStringLiteral("/v5/market/kline");
        case HistoryType::Funding: return QStringLiteral("/v5/market/funding/history");
        }
        return {};
    }
    QString klineInterval(const QString &i) const override {
        static const std::pair<const char *, const char *> codes[] = {{"1m", "1"},    {"3m", "3"},    {"5m", "5"},    {"15m", "15"},
                                                                      {"30m", "30"},  {"1h", "60"},   {"2h", "120"},  {"4h", "240"},
                                                                      {"6h", "360"},  {"12h", "720"}, {"1d", "D"}};
        for (const auto &[ours, theirs] : codes)
            if (i == QLatin1String(ours)) return QString::fromLatin1(theirs);
        return {};
    }
    HistoryRequest first(const HistorySeries &s) const override { return request(s, s.to - 1, {}, 1); }
    Result<HistoryPage> parse(const HistorySeries &s, const QByteArray &body) const override {
        HistoryPage page;
        switch (s.type) {
        case HistoryType::OpenInterest: {
            auto p = rest::parseBybitOpenInterestPage(body);
            if (!p) return p.error();
            page.openInterest = std::move(p->rows);
            page.nextCursor = p->nextCursor;
            break;
        }
        case HistoryType::Klines: {
            auto p = rest::parseBybitKlines(body);
            if (!p) return p.error();
            page.candles = std::move(*p);
            // Bybit's kline close time is start + interval - 1 ms (the parser assumes 1m).
            for (Candle &c : page.candles) c.closeTime = c.openTime + s.stepMs - 1;
            break;
        }
        case HistoryType::Funding: {
            auto p = rest::parseBybitFunding(body, s.fundingIntervalHours);
            if (!p) return p.error();
            page.funding = std::move(*p);
            break;
        }
        }
        return page;
    }
    std::optional<HistoryRequest> next(const HistorySeries &s, const HistoryRequest &prev, const HistoryPage &page) const override {
        if (page.size() == 0 || page.oldest() <= s.from) return std::nullopt;
        if (s.type == HistoryType::OpenInterest) {
            if (page.nextCursor.isEmpty()) return std::nullopt;
            return request(s, s.to - 1, page.nextCursor, prev.page + 1);
        }
        const int limit = s.type == HistoryType::Klines ? kKlineLimit : kFundingLimit;
        if (page.size() < limit) return std::nullopt;
        return request(s, page.oldest() - 1, {}, prev.page + 1);
    }

private:
    HistoryRequest request(const HistorySeries &s, qint64 end, const QString &cursor, int pageNo) const {
        const QString from = QString::number(s.from), to = QString::number(end);
        QList<QPair<QString, QString>> q = {{QStringLiteral("category"), QStringLiteral("linear")}, {QStringLiteral("symbol"), s.native}};
        switch (s.type) {
        case HistoryType::OpenInterest:
            q += {{QStringLiteral("intervalTime"), QStringLiteral("5min")}, {QStringLiteral("startTime"), from},
                  {QStringLiteral("endTime"), to}, {QStringLiteral("limit"), QString::number(kOiLimit)}};
            if (!cursor.isEmpty()) q += {QStringLiteral("cursor"), cursor};
            break;
        case HistoryType::Klines:
            q += {{QStringLiteral("interval"), klineInterval(s.interval)}, {QStringLiteral("start"), from},
                  {QStringLiteral("end"), to}, {QStringLiteral("limit"), QString::number(kKlineLimit)}};
            break;
        case HistoryType::Funding:
            q += {{QStringLiteral("startTime"), from}, {QStringLiteral("endTime"), to}, {QStringLiteral("limit"), QString::number(kFundingLimit)}};
            break;
        }
        HistoryRequest r;
        r.url = rest::restUrl(base_, endpoint(s.type), q);
        r.page = pageNo;
        r.cursor = cursor;
        return r;
    }
};

}  // namespace

std::unique_ptr<HistorySource> makeBybitHistory(const QString &restBase) { return std::make_unique<BybitHistory>(restBase); }

}  // namespace lhm

namespace lhm::rest {

namespace {

// {"retCode":0,"retMsg":"OK","result":{...}} -> result
Result<QJsonObject> bybitResult(const QByteArray &json, const QString &what) {
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    if (!doc->isObject()) return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not an object"));
    const QJsonObject o = doc->object();
    const QJsonValue code = o.value(QStringLiteral("retCode"));
    if (!code.isDouble()) return pageError(what, QStringLiteral("retCode"), QStringLiteral("is missing"));
    if (code.toInt() != 0)
        return pageError(what, QStringLiteral("retCode"),
                         QStringLiteral("is %1 (%2)").arg(code.toInt()).arg(o.value(QStringLiteral("retMsg")).toString().left(200)));
    const QJsonValue result = o.value(QStringLiteral("result"));
    if (!result.isObject()) return pageError(what, QStringLiteral("result"), QStringLiteral("is not an object"));
    if (!result.toObject().value(QStringLiteral("list")).isArray())
        return pageError(what, QStringLiteral("result.list"), QStringLiteral("is not an array"));
    return result.toObject();
}

}  // namespace

Result<BybitOpenInterestPage> parseBybitOpenInterestPage(const QByteArray &json) {
    const QString what = QStringLiteral("bybit open-interest");
    auto result = bybitResult(json, what);
    if (!result) return result.error();
    auto rows = parseBybitOpenInterest(json);
    if (!rows) return rows.error();
    BybitOpenInterestPage page;
    page.rows = std::move(*rows);
    const QJsonValue cursor = result->value(QStringLiteral("nextPageCursor"));
    if (!cursor.isUndefined() && !cursor.isNull() && !cursor.isString())
        return pageError(what, QStringLiteral("result.nextPageCursor"), QStringLiteral("is not a string"));
    page.nextCursor = cursor.toString();
    if (page.nextCursor.size() > 1024) return pageError(what, QStringLiteral("result.nextPageCursor"), QStringLiteral("is longer than 1024"));
    return page;
}

Result<std::vector<FundingPoint>> parseBybitFunding(const QByteArray &json, int intervalHours) {
    const QString what = QStringLiteral("bybit funding/history");
    auto result = bybitResult(json, what);
    if (!result) return result.error();
    const QJsonArray list = result->value(QStringLiteral("list")).toArray();
    std::vector<FundingPoint> out;
    out.reserve(size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        FundingPoint f;
        f.intervalHours = intervalHours;
        if (!jsonTime(o.value(QStringLiteral("fundingRateTimestamp")), &f.time))
            return pageError(what, QStringLiteral("result.list[%1].fundingRateTimestamp").arg(i), QStringLiteral("is not a time"));
        if (!fundingRateValue(o.value(QStringLiteral("fundingRate")), &f.rate))
            return pageError(what, QStringLiteral("result.list[%1].fundingRate").arg(i), QStringLiteral("is not a rate"));
        out.push_back(f);
    }
    sortByTime(out);
    return out;
}

}  // namespace lhm::rest
