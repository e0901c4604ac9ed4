// lhm liqprice: the tier-exact liquidation price of one isolated, one-way position.
// Binance uses its leverage brackets (config/tiers/binance/<SYMBOL>.yaml); Bybit uses its simpler
// formula with the MMR from --mmr, or from config/tiers/bybit/<SYMBOL>.yaml when that file exists.
#include "Cli.h"

#include "config/LeverageTiers.h"
#include "models/LiquidationPrice.h"

#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::cli;

namespace {

struct Input {
    QString exchange, symbol;
    Side side = Side::Long;
    double entry = 0, leverage = 0, qty = 0;
    double mmr = 0;  // Bybit only; 0 = take it from the tier file
};

// Parses one required positive number; on failure returns false with `error` set.
bool positive(const QCommandLineParser &p, const QString &name, double &out, QString &error) {
    if (!p.isSet(name)) {
        error = QStringLiteral("--%1 is required").arg(name);
        return false;
    }
    bool ok = false;
    out = p.value(name).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(out) || out <= 0) {
        error = QStringLiteral("--%1 must be a positive number, got '%2'").arg(name, p.value(name));
        return false;
    }
    return true;
}

bool readInput(const QCommandLineParser &p, Input &in, QString &error) {
    in.exchange = p.value(QStringLiteral("exchange")).trimmed().toLower();
    if (in.exchange != QLatin1String("binance") && in.exchange != QLatin1String("bybit")) {
        error = QStringLiteral("unknown exchange '%1' (expected binance or bybit)").arg(in.exchange);
        return false;
    }
    in.symbol = p.value(QStringLiteral("symbol")).trimmed().toUpper();
    if (in.symbol.isEmpty()) {
        error = QStringLiteral("--symbol is required");
        return false;
    }
    const QString side = p.value(QStringLiteral("side")).trimmed().toLower();
    if (side == QLatin1String("long")) in.side = Side::Long;
    else if (side == QLatin1String("short")) in.side = Side::Short;
    else {
        error = side.isEmpty() ? QStringLiteral("--side is required (long or short)")
                               : QStringLiteral("--side must be long or short, got '%1'").arg(side);
        return false;
    }
    if (!positive(p, QStringLiteral("entry"), in.entry, error) || !positive(p, QStringLiteral("leverage"), in.leverage, error) ||
        !positive(p, QStringLiteral("qty"), in.qty, error))
        return false;
    if (p.isSet(QStringLiteral("mmr"))) {
        if (in.exchange != QLatin1String("bybit")) {
            error = QStringLiteral("--mmr is only for --exchange bybit; binance takes MMR and cum from its brackets");
            return false;
        }
        if (!positive(p, QStringLiteral("mmr"), in.mmr, error)) return false;
        if (in.mmr >= 1) {
            error = QStringLiteral("--mmr is a fraction (0.005 = 0.5 %), got %1").arg(in.mmr);
            return false;
        }
    }
    return true;
}

// Bybit: MMR from --mmr, else from the symbol's tier file (tier picked by the position notional).
Result<LiqPriceResult> bybit(const Input &in) {
    LiqPriceResult r;
    r.mmr = in.mmr;
    if (in.mmr <= 0) {
        auto tiers = LeverageTiers::load(in.exchange, in.symbol);
        if (!tiers)
            return Error(QStringLiteral("%1; pass the maintenance margin rate with --mmr").arg(tiers.error().toString()));
        const LeverageTier *t = tiers->tierFor(in.qty * in.entry);
        if (!t) return Error(QStringLiteral("position notional %1 USD is beyond the last risk limit").arg(in.qty * in.entry, 0, 'f', 2));
        if (in.leverage > t->maxLeverage)
            return Error(QStringLiteral("leverage %1x is above the %2x maximum of risk limit %3").arg(in.leverage).arg(t->maxLeverage).arg(t->bracket));
        r.mmr = t->mmr;
        r.tier = t->bracket;
        r.maxLeverage = t->maxLeverage;
    } else if (in.mmr >= 1 / in.leverage) {
        // With MMR >= IMR the position would be liquidated the moment it opens.
        return Error(QStringLiteral("--mmr %1 is not below the initial margin rate 1/%2").arg(in.mmr).arg(in.leverage));
    }
    r.liqPrice = bybitLiquidationPrice(in.side, in.entry, in.leverage, r.mmr);
    return r;
}

int runLiqprice(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Liquidation price of an isolated, one-way position, with the tier chosen by the position's notional "
        "(qty x entry). Binance: exact bracket formula from config/tiers/binance/<SYMBOL>.yaml. Bybit: "
        "EP*(1 -/+ 1/L +/- MMR) with --mmr, or the MMR from config/tiers/bybit/<SYMBOL>.yaml."));
    p.addOption({QStringLiteral("exchange"), QStringLiteral("binance (default) or bybit."), QStringLiteral("name"), QStringLiteral("binance")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("symbol")});
    p.addOption({QStringLiteral("side"), QStringLiteral("long or short."), QStringLiteral("side")});
    p.addOption({QStringLiteral("entry"), QStringLiteral("Entry price (USDT)."), QStringLiteral("price")});
    p.addOption({QStringLiteral("leverage"), QStringLiteral("Leverage, e.g. 10."), QStringLiteral("x")});
    p.addOption({QStringLiteral("qty"), QStringLiteral("Position size in base units, positive."), QStringLiteral("qty")});
    p.addOption({QStringLiteral("mmr"), QStringLiteral("Bybit only: maintenance margin rate as a fraction (0.005)."), QStringLiteral("rate")});
    if (!ctx.parse(p)) return ctx.exitCode;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));

    Input in;
    QString error;
    if (!readInput(p, in, error)) return ctx.fail(error);

    Result<LiqPriceResult> r = LiqPriceResult{};
    if (in.exchange == QLatin1String("binance")) {
        auto tiers = LeverageTiers::load(in.exchange, in.symbol);
        if (!tiers) return ctx.fail(tiers.error());
        r = binanceLiquidationPrice(*tiers, in.side, in.entry, in.leverage, in.qty);
    } else {
        r = bybit(in);
    }
    // Input errors carry the field in their own wording; a file problem keeps file:line: field.
    if (!r) return ctx.fail(r.error().file.isEmpty() ? r.error().message : r.error().toString());

    const double notional = in.qty * in.entry;
    if (ctx.json) {
        ctx.printJson(QJsonDocument(QJsonObject{
            {"liq_price", r->liqPrice}, {"tier", r->tier}, {"mmr", r->mmr}, {"cum", r->cum},
            {"max_leverage", r->maxLeverage}, {"exchange", in.exchange}, {"symbol", in.symbol},
            {"side", QString::fromLatin1(sideName(in.side))}, {"entry", in.entry}, {"leverage", in.leverage},
            {"qty", in.qty}, {"notional", notional}}));
        return kOk;
    }
    ctx.print(QStringLiteral("%1 %2 %3 %4 @ %5, %6x, isolated: liquidation price %7")
                  .arg(in.exchange, in.symbol, QString::fromLatin1(sideName(in.side)))
                  .arg(in.qty).arg(in.entry, 0, 'f', 2).arg(in.leverage).arg(r->liqPrice, 0, 'f', 2));
    QString tier = r->tier > 0 ? QStringLiteral("tier %1 (max %2x), ").arg(r->tier).arg(r->maxLeverage) : QStringLiteral("--mmr, ");
    ctx.print(QStringLiteral("  notional %1 USDT, %2MMR %3 %, cum %4")
                  .arg(notional, 0, 'f', 2).arg(tier).arg(r->mmr * 100, 0, 'g', 6).arg(r->cum, 0, 'f', 2));
    return kOk;
}

}  // namespace

LHM_COMMAND("liqprice", "liquidation price of an isolated one-way position, tier-exact", runLiqprice);
