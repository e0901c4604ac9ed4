// Hyperliquid's tiers: POST /info {"type":"meta"}, one page: {"universe":[{"name":"BTC","maxLeverage":40,...}...]}:
// the asset's max leverage gives one derived tier (mmr = 1/(2·max)).
#include "ingest/rest/RestJson.h"
#include "ingest/rest/TierFetch.h"
#include "ingest/rest/TierResponses.h"

#include <QJsonArray>

namespace lhm::rest {

namespace {

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

class HyperliquidTiers final : public TierFetch {
public:
    TierRequest request(const QString &base, const ExchangeSymbolConfig &, const QString &) const override {
        return {restUrl(base, QStringLiteral("/info"), {}), QByteArrayLiteral("{\"type\":\"meta\"}")};
    }
    Status page(const QByteArray &body, const ExchangeSymbolConfig &, QString *next) override {
        body_ = body;
        if (next) next->clear();
        return {};
    }
    Result<LeverageTiers> tiers(const ExchangeSymbolConfig &sym) override { return parseHyperliquidMeta(body_, sym.unified, sym.native); }

private:
    QByteArray body_;
};

}  // namespace

std::unique_ptr<TierFetch> makeHyperliquidTiers(QString *) { return std::make_unique<HyperliquidTiers>(); }

}  // namespace lhm::rest
