// Bybit's tiers: GET /v5/market/risk-limit?category=linear&symbol=S, paged by cursor. Answer:
// {"retCode":0,"result":{"list":[{"id","symbol","riskLimitValue","maintenanceMargin","initialMargin",
// "maxLeverage","mmDeduction"}...],"nextPageCursor"}}. Tiers sorted by riskLimitValue; floor = the previous
// tier's riskLimitValue; an empty mmDeduction (Bybit sends "" on the lowest tier) is 0.
#include "ingest/rest/RestJson.h"
#include "ingest/rest/TierFetch.h"
#include "ingest/rest/TierResponses.h"

#include <QJsonArray>
#include <algorithm>

namespace lhm::rest {

namespace {

// One page's rows of `symbol`; `nextCursor` receives the page cursor ("" on the last page).
Result<std::vector<LeverageTier>> parseBybitRiskLimitPage(const QByteArray &json, const QString &symbol, QString *nextCursor) {
    const QString what = QStringLiteral("risk-limit response");
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    const QJsonObject root = doc->object();
    if (root.value(QLatin1String("retCode")).toInt(-1) != 0)
        return Error(QStringLiteral("%1: retCode %2 (%3)").arg(what).arg(root.value(QLatin1String("retCode")).toVariant().toString(),
                                                                         root.value(QLatin1String("retMsg")).toString().left(200)));
    const QJsonObject result = root.value(QLatin1String("result")).toObject();
    const QJsonValue list = result.value(QLatin1String("list"));
    if (!list.isArray()) return Error(QStringLiteral("%1: result.list is missing").arg(what), {}, 0, QStringLiteral("list"));
    if (nextCursor) *nextCursor = result.value(QLatin1String("nextPageCursor")).toString();
    std::vector<LeverageTier> out;
    const QJsonArray rows = list.toArray();
    if (rows.size() > kMaxTierRows) return Error(QStringLiteral("%1: %2 tiers, more than %3").arg(what).arg(rows.size()).arg(kMaxTierRows));
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows[i].toObject();
        // Without a symbol filter the endpoint returns every symbol; keep only the one asked for.
        if (o.value(QLatin1String("symbol")).toString() != symbol) continue;
        LeverageTier t;
        auto cap = tierField(o, "riskLimitValue", what, i);
        auto mmr = tierField(o, "maintenanceMargin", what, i);
        auto lev = tierField(o, "maxLeverage", what, i);
        if (!cap) return cap.error();
        if (!mmr) return mmr.error();
        if (!lev) return lev.error();
        t.cap = *cap;
        t.mmr = *mmr;
        t.maxLeverage = *lev;
        const QJsonValue mmd = o.value(QLatin1String("mmDeduction"));
        if (!(mmd.isString() && mmd.toString().isEmpty()) && !mmd.isUndefined() && !mmd.isNull()) {
            auto d = tierField(o, "mmDeduction", what, i);
            if (!d) return d.error();
            t.cum = *d;
        }
        out.push_back(t);
    }
    return out;
}

// All rows, sorted and tiled into a checked table.
Result<LeverageTiers> bybitTiers(const QString &symbol, std::vector<LeverageTier> tiers) {
    if (tiers.empty()) return Error(QStringLiteral("risk-limit response: no tiers for %1").arg(symbol), {}, 0, QStringLiteral("symbol"));
    std::sort(tiers.begin(), tiers.end(), [](const LeverageTier &a, const LeverageTier &b) { return a.cap < b.cap; });
    double floor = 0;
    for (size_t i = 0; i < tiers.size(); ++i) {
        tiers[i].bracket = int(i) + 1;
        tiers[i].floor = floor;
        floor = tiers[i].cap;
    }
    auto out = LeverageTiers::fromTiers(QStringLiteral("bybit"), symbol, std::move(tiers));
    if (!out) return Error(QStringLiteral("risk-limit response for %1 fails the tier checks: %2").arg(symbol, out.error().message),
                           {}, 0, out.error().field);
    return out;
}

class BybitTiers final : public TierFetch {
public:
    TierRequest request(const QString &base, const ExchangeSymbolConfig &sym, const QString &cursor) const override {
        QList<QPair<QString, QString>> q{{QStringLiteral("category"), QStringLiteral("linear")}, {QStringLiteral("symbol"), sym.native}};
        if (!cursor.isEmpty()) q.append({QStringLiteral("cursor"), cursor});
        return {restUrl(base, QStringLiteral("/v5/market/risk-limit"), q), {}};
    }
    Status page(const QByteArray &body, const ExchangeSymbolConfig &sym, QString *next) override {
        auto rows = parseBybitRiskLimitPage(body, sym.native, next);
        if (!rows) return rows.error();
        rows_.insert(rows_.end(), rows->begin(), rows->end());
        return {};
    }
    Result<LeverageTiers> tiers(const ExchangeSymbolConfig &sym) override {
        auto tiers = bybitTiers(sym.native, std::move(rows_));
        if (!tiers) return tiers.error();
        return LeverageTiers::fromTiers(QStringLiteral("bybit"), sym.unified, tiers->tiers());
    }

private:
    std::vector<LeverageTier> rows_;
};

}  // namespace

std::unique_ptr<TierFetch> makeBybitTiers(QString *) { return std::make_unique<BybitTiers>(); }

}  // namespace lhm::rest
