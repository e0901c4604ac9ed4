#include "ingest/rest/TierResponses.h"

#include "ingest/rest/RestJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace lhm::rest {

namespace {

constexpr int kMaxTiers = 200;  // Bybit lists ~40 for BTCUSDT; anything far beyond is not a tier table

QString num(double v) { return QString::number(v, 'g', 15); }

// A required numeric field of tier `i`; a clear error otherwise.
Result<double> field(const QJsonObject &o, const char *key, const QString &what, int i) {
    double v = 0;
    if (!jsonNumber(o.value(QLatin1String(key)), &v) || !std::isfinite(v))
        return Error(QStringLiteral("%1: tier %2: '%3' is missing or not a number").arg(what).arg(i + 1).arg(QLatin1String(key)),
                     {}, 0, QString::fromLatin1(key));
    return v;
}

}  // namespace

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
    if (rows.size() > kMaxTiers) return Error(QStringLiteral("%1: %2 tiers, more than %3").arg(what).arg(rows.size()).arg(kMaxTiers));
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows[i].toObject();
        // Without a symbol filter the endpoint returns every symbol; keep only the one asked for.
        if (o.value(QLatin1String("symbol")).toString() != symbol) continue;
        LeverageTier t;
        auto cap = field(o, "riskLimitValue", what, i);
        auto mmr = field(o, "maintenanceMargin", what, i);
        auto lev = field(o, "maxLeverage", what, i);
        if (!cap) return cap.error();
        if (!mmr) return mmr.error();
        if (!lev) return lev.error();
        t.cap = *cap;
        t.mmr = *mmr;
        t.maxLeverage = *lev;
        const QJsonValue mmd = o.value(QLatin1String("mmDeduction"));
        if (!(mmd.isString() && mmd.toString().isEmpty()) && !mmd.isUndefined() && !mmd.isNull()) {
            auto d = field(o, "mmDeduction", what, i);
            if (!d) return d.error();
            t.cum = *d;
        }
        out.push_back(t);
    }
    return out;
}

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

Result<LeverageTiers> parseOkxPositionTiers(const QByteArray &json, const QString &symbol, double contractValue, double feeRate) {
    const QString what = QStringLiteral("position-tiers response");
    if (!(contractValue > 0)) return Error(QStringLiteral("%1: contract value must be positive").arg(what));
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    const QJsonObject root = doc->object();
    if (root.value(QLatin1String("code")).toString() != QLatin1String("0"))
        return Error(QStringLiteral("%1: code %2 (%3)").arg(what, root.value(QLatin1String("code")).toVariant().toString(),
                                                          root.value(QLatin1String("msg")).toString().left(200)));
    const QJsonValue data = root.value(QLatin1String("data"));
    if (!data.isArray()) return Error(QStringLiteral("%1: data is missing").arg(what), {}, 0, QStringLiteral("data"));
    const QJsonArray rows = data.toArray();
    if (rows.isEmpty() || rows.size() > kMaxTiers)
        return Error(QStringLiteral("%1: %2 tiers (expected 1 to %3)").arg(what).arg(rows.size()).arg(kMaxTiers), {}, 0, QStringLiteral("data"));
    std::vector<std::pair<double, LeverageTier>> byTier;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows[i].toObject();
        auto tier = field(o, "tier", what, i);
        auto maxSz = field(o, "maxSz", what, i);
        auto mmr = field(o, "mmr", what, i);
        auto lev = field(o, "maxLever", what, i);
        for (auto *r : {&tier, &maxSz, &mmr, &lev})
            if (!*r) return r->error();
        LeverageTier t;
        t.cap = *maxSz * contractValue;
        t.mmr = *mmr;
        t.maxLeverage = *lev;
        byTier.emplace_back(*tier, t);
    }
    std::sort(byTier.begin(), byTier.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<LeverageTier> tiers;
    double floor = 0;
    for (auto &[n, t] : byTier) {
        // OKX writes minSz as the previous maxSz + 1 contract; the tiers tile from the previous cap.
        t.bracket = int(tiers.size()) + 1;
        t.floor = floor;
        floor = t.cap;
        tiers.push_back(t);
    }
    auto out = LeverageTiers::fromTiers(QStringLiteral("okx"), symbol, std::move(tiers), TierSize::Base, false, feeRate);
    if (!out) return Error(QStringLiteral("%1 for %2 fails the tier checks: %3").arg(what, symbol, out.error().message), {}, 0,
                           out.error().field);
    return out;
}

Result<LeverageTiers> parseHyperliquidMeta(const QByteArray &json, const QString &symbol, const QString &coin) {
    const QString what = QStringLiteral("meta response");
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    const QJsonValue universe = doc->object().value(QLatin1String("universe"));
    if (!universe.isArray()) return Error(QStringLiteral("%1: universe is missing").arg(what), {}, 0, QStringLiteral("universe"));
    for (const QJsonValue &v : universe.toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("name")).toString() != coin) continue;
        double lev = 0;
        if (!jsonNumber(o.value(QLatin1String("maxLeverage")), &lev))
            return Error(QStringLiteral("%1: %2: maxLeverage is missing or not a number").arg(what, coin), {}, 0, QStringLiteral("maxLeverage"));
        auto out = LeverageTiers::fromMaxLeverage(QStringLiteral("hyperliquid"), symbol, lev);
        if (!out) return Error(QStringLiteral("%1: %2: %3").arg(what, coin, out.error().message), {}, 0, QStringLiteral("maxLeverage"));
        return out;
    }
    return Error(QStringLiteral("%1: no asset named %2 in the universe").arg(what, coin), {}, 0, QStringLiteral("name"));
}

QByteArray tiersYaml(const LeverageTiers &t, const QString &source) {
    QString y;
    y += QStringLiteral("# %1 tiers for %2 in the config/tiers schema (docs/liquidation-price.md).\n").arg(t.exchange(), t.symbol());
    for (const QString &line : source.split(QLatin1Char('\n'))) y += QStringLiteral("# %1\n").arg(line);
    y += QStringLiteral("# Written by `lhm tiers fetch`; fetch again rather than edit.\n");
    y += QStringLiteral("exchange: %1\nsymbol: %2\n").arg(t.exchange(), t.symbol());
    if (t.assetMaxLeverage() > 0) return (y + QStringLiteral("maxLeverage: %1\n").arg(num(t.assetMaxLeverage()))).toUtf8();
    if (t.sizeUnit() == TierSize::Base) y += QStringLiteral("sizeUnit: base\n");
    if (!t.hasDeduction()) y += QStringLiteral("maintenanceDeduction: false\n");
    if (t.liquidationFeeRate() > 0) y += QStringLiteral("liquidationFeeRate: %1\n").arg(num(t.liquidationFeeRate()));
    y += QStringLiteral("brackets:\n");
    for (const LeverageTier &b : t.tiers()) {
        y += QStringLiteral("  - bracket: %1\n").arg(b.bracket);
        y += QStringLiteral("    initialLeverage: %1\n").arg(num(b.maxLeverage));
        y += QStringLiteral("    notionalFloor: %1\n").arg(num(b.floor));
        y += QStringLiteral("    notionalCap: %1\n").arg(num(b.cap));
        y += QStringLiteral("    maintMarginRatio: %1\n").arg(num(b.mmr));
        y += QStringLiteral("    cum: %1\n").arg(num(b.cum));
    }
    return y.toUtf8();
}

}  // namespace lhm::rest
