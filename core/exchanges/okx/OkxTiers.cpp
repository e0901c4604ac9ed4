// OKX's tiers: GET /api/v5/public/position-tiers?instType=SWAP&tdMode=isolated&instFamily=BTC-USDT, one
// page: {"code":"0","data":[{"tier","minSz","maxSz","mmr","imr","maxLever",...}]}; sizes in contracts,
// converted to base units with the symbol's contract value. No deduction; the fee term OKX adds stays
// what the shipped file says (0.05 %, OKX's regular swap taker rate).
#include "ingest/rest/RestJson.h"
#include "ingest/rest/TierFetch.h"
#include "ingest/rest/TierResponses.h"

#include <QJsonArray>
#include <algorithm>

namespace lhm::rest {

namespace {

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
    if (rows.isEmpty() || rows.size() > kMaxTierRows)
        return Error(QStringLiteral("%1: %2 tiers (expected 1 to %3)").arg(what).arg(rows.size()).arg(kMaxTierRows), {}, 0, QStringLiteral("data"));
    std::vector<std::pair<double, LeverageTier>> byTier;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows[i].toObject();
        auto tier = tierField(o, "tier", what, i);
        auto maxSz = tierField(o, "maxSz", what, i);
        auto mmr = tierField(o, "mmr", what, i);
        auto lev = tierField(o, "maxLever", what, i);
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

class OkxTiers final : public TierFetch {
public:
    TierRequest request(const QString &base, const ExchangeSymbolConfig &sym, const QString &) const override {
        // BTC-USDT-SWAP -> instFamily BTC-USDT.
        const QString family = sym.native.endsWith(QLatin1String("-SWAP")) ? sym.native.chopped(5) : sym.native;
        return {restUrl(base, QStringLiteral("/api/v5/public/position-tiers"),
                        {{QStringLiteral("instType"), QStringLiteral("SWAP")},
                         {QStringLiteral("tdMode"), QStringLiteral("isolated")},
                         {QStringLiteral("instFamily"), family}}),
                {}};
    }
    Status page(const QByteArray &body, const ExchangeSymbolConfig &, QString *next) override {
        body_ = body;
        if (next) next->clear();
        return {};
    }
    Result<LeverageTiers> tiers(const ExchangeSymbolConfig &sym) override {
        double fee = 0.0005;
        if (auto old = LeverageTiers::load(QStringLiteral("okx"), sym.unified)) fee = old->liquidationFeeRate();
        return parseOkxPositionTiers(body_, sym.unified, sym.contractValue, fee);
    }

private:
    QByteArray body_;
};

}  // namespace

std::unique_ptr<TierFetch> makeOkxTiers(QString *) { return std::make_unique<OkxTiers>(); }

}  // namespace lhm::rest
