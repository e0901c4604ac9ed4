// Hyperliquid POST /info, answers oldest first:
//   {"type":"candleSnapshot","req":{"coin","interval","startTime","endTime"}}  at most 5,000 candles
//   {"type":"fundingHistory","coin","startTime","endTime"}                      at most 500 rows
// The next page starts just after the newest row seen; a short page is the last. Hyperliquid
// publishes no open-interest history: {"type":"metaAndAssetCtxs"} is its snapshot, recorded live
// (openInterestSnapshot, feeds/AssetContextRecorder).
#include "exchanges/hyperliquid/HyperliquidHistory.h"
#include "ingest/history/HistoryParsers.h"
#include "ingest/history/HistorySource.h"
#include "ingest/rest/RestJson.h"

#include <QJsonArray>
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

    // POST /info {"type":"metaAndAssetCtxs"}: every asset's context, open interest in coins.
    std::optional<HistoryRequest> openInterestSnapshot() const override {
        HistoryRequest r;
        r.url = infoUrl();
        r.postBody = QByteArrayLiteral(R"({"type":"metaAndAssetCtxs"})");
        return r;
    }
    Result<std::vector<AssetOpenInterest>> parseOpenInterestSnapshot(const QByteArray &body) const override {
        auto ctxs = rest::parseHyperliquidAssetContexts(body);
        if (!ctxs) return ctxs.error();
        std::vector<AssetOpenInterest> out;
        out.reserve(ctxs->size());
        for (const rest::HyperliquidAssetContext &c : *ctxs) out.push_back({c.coin, c.openInterest, c.markPx});
        return out;
    }

private:
    QUrl infoUrl() const {
        QUrl url(base_);
        url.setPath(url.path() + QStringLiteral("/info"));
        return url;
    }
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
        r.url = infoUrl();
        r.postBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.page = pageNo;
        return r;
    }
};

}  // namespace

std::unique_ptr<HistorySource> makeHyperliquidHistory(const QString &restBase) { return std::make_unique<HyperliquidHistory>(restBase); }

}  // namespace lhm

namespace lhm::rest {

Result<std::vector<Candle>> parseHyperliquidCandles(const QByteArray &json) {
    const QString what = QStringLiteral("hyperliquid candleSnapshot");
    auto list = topArray(json, what);
    if (!list) return list.error();
    std::vector<Candle> out;
    out.reserve(size_t(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        if (!list->at(i).isObject()) return pageError(what, QStringLiteral("[%1]").arg(i), QStringLiteral("is not an object"));
        const QJsonObject o = list->at(i).toObject();
        Candle c;
        if (!jsonTime(o.value(QStringLiteral("t")), &c.openTime)) return pageError(what, QStringLiteral("[%1].t").arg(i), QStringLiteral("is not a time"));
        if (!jsonTime(o.value(QStringLiteral("T")), &c.closeTime)) return pageError(what, QStringLiteral("[%1].T").arg(i), QStringLiteral("is not a time"));
        const std::pair<const char *, double *> fields[] = {{"o", &c.open}, {"h", &c.high}, {"l", &c.low}, {"c", &c.close}, {"v", &c.volume}};
        for (const auto &[key, dst] : fields)
            if (!jsonNumber(o.value(QLatin1String(key)), dst))
                return pageError(what, QStringLiteral("[%1].%2").arg(i).arg(QLatin1String(key)), QStringLiteral("is not a number"));
        if (o.contains(QStringLiteral("n")) && !jsonCount(o.value(QStringLiteral("n")), &c.trades))
            return pageError(what, QStringLiteral("[%1].n").arg(i), QStringLiteral("is not a count"));
        // No quote volume on the wire: base volume × the candle's typical price, an estimate.
        c.quoteVolume = c.volume * (c.high + c.low + c.close) / 3;
        out.push_back(c);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<FundingPoint>> parseHyperliquidFunding(const QByteArray &json) {
    const QString what = QStringLiteral("hyperliquid fundingHistory");
    auto list = topArray(json, what);
    if (!list) return list.error();
    std::vector<FundingPoint> out;
    out.reserve(size_t(list->size()));
    for (qsizetype i = 0; i < list->size(); ++i) {
        if (!list->at(i).isObject()) return pageError(what, QStringLiteral("[%1]").arg(i), QStringLiteral("is not an object"));
        const QJsonObject o = list->at(i).toObject();
        FundingPoint f;
        f.intervalHours = 1;
        if (!jsonTime(o.value(QStringLiteral("time")), &f.time)) return pageError(what, QStringLiteral("[%1].time").arg(i), QStringLiteral("is not a time"));
        if (!fundingRateValue(o.value(QStringLiteral("fundingRate")), &f.rate))
            return pageError(what, QStringLiteral("[%1].fundingRate").arg(i), QStringLiteral("is not a rate"));
        out.push_back(f);
    }
    sortByTime(out);
    return out;
}

Result<std::vector<HyperliquidAssetContext>> parseHyperliquidAssetContexts(const QByteArray &json) {
    const QString what = QStringLiteral("hyperliquid metaAndAssetCtxs");
    auto list = topArray(json, what);
    if (!list) return list.error();
    if (list->size() != 2 || !list->at(0).isObject() || !list->at(1).isArray())
        return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not [meta, contexts]"));
    const QJsonValue universe = list->at(0).toObject().value(QStringLiteral("universe"));
    if (!universe.isArray()) return pageError(what, QStringLiteral("[0].universe"), QStringLiteral("is not an array"));
    const QJsonArray names = universe.toArray(), ctxs = list->at(1).toArray();
    if (names.size() != ctxs.size())
        return pageError(what, QStringLiteral("[1]"), QStringLiteral("has %1 contexts for %2 assets").arg(ctxs.size()).arg(names.size()));
    std::vector<HyperliquidAssetContext> out;
    out.reserve(size_t(ctxs.size()));
    for (qsizetype i = 0; i < ctxs.size(); ++i) {
        HyperliquidAssetContext a;
        a.coin = names.at(i).toObject().value(QStringLiteral("name")).toString();
        if (a.coin.isEmpty() || a.coin.size() > 40) return pageError(what, QStringLiteral("[0].universe[%1].name").arg(i), QStringLiteral("is not a coin name"));
        const QJsonObject c = ctxs.at(i).toObject();
        if (!jsonNumber(c.value(QStringLiteral("openInterest")), &a.openInterest))
            return pageError(what, QStringLiteral("[1][%1].openInterest").arg(i), QStringLiteral("is not a number"));
        if (!jsonNumber(c.value(QStringLiteral("markPx")), &a.markPx))
            return pageError(what, QStringLiteral("[1][%1].markPx").arg(i), QStringLiteral("is not a number"));
        if (c.contains(QStringLiteral("funding")) && !jsonNumber(c.value(QStringLiteral("funding")), &a.funding))
            return pageError(what, QStringLiteral("[1][%1].funding").arg(i), QStringLiteral("is not a number"));
        out.push_back(a);
    }
    return out;
}

}  // namespace lhm::rest
