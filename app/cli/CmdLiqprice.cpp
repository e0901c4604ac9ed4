// lhm liqprice: the tier-exact liquidation price of one isolated, one-way position.
// Every exchange uses its own isolated formula (its folder's <Enum>Formula.cpp) and its tiers from
// config/tiers/<exchange>/<SYMBOL>.yaml (docs/liquidation-price.md). An exchange whose descriptor
// declares a manual tier also takes it on the command line instead of the file: --mmr
// [--mm-deduction] (ManualTier::MaintenanceRate, Bybit) or --max-leverage (ManualTier::MaxLeverage,
// Hyperliquid).
#include "Cli.h"

#include "config/ExchangeRegistry.h"
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
    double mmr = 0;  // ManualTier::MaintenanceRate only; 0 = take it from the tier file
    double mmd = 0;  // with --mmr
    double maxLeverage = 0;  // ManualTier::MaxLeverage only; 0 = take it from the tier file
};

const QStringList kExchanges = ExchangeRegistry::knownNames();  // config/ExchangeList.h

ManualTier manualTierOf(const QString &exchange) {
    const ExchangeDescriptor *d = ExchangeRegistry::builtin(exchange);
    return d ? d->manualTier : ManualTier::None;
}

// "bybit", or "a or b": the exchanges that take this manual tier.
QString takers(ManualTier t) {
    QStringList out;
    for (const ExchangeDescriptor &d : ExchangeRegistry::builtins())
        if (d.manualTier == t) out << d.name;
    return out.join(QStringLiteral(" or "));
}

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
    if (!kExchanges.contains(in.exchange)) {
        error = QStringLiteral("unknown exchange '%1' (expected %2)").arg(in.exchange, kExchanges.join(QStringLiteral(", ")));
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
        if (manualTierOf(in.exchange) != ManualTier::MaintenanceRate) {
            error = QStringLiteral("--mmr is only for --exchange %1; %2 takes MMR and cum from its brackets")
                        .arg(takers(ManualTier::MaintenanceRate), in.exchange);
            return false;
        }
        if (!positive(p, QStringLiteral("mmr"), in.mmr, error)) return false;
        if (in.mmr >= 1) {
            error = QStringLiteral("--mmr is a fraction (0.005 = 0.5 %), got %1").arg(in.mmr);
            return false;
        }
    }
    if (p.isSet(QStringLiteral("mm-deduction"))) {
        if (!p.isSet(QStringLiteral("mmr"))) {
            error = QStringLiteral("--mm-deduction goes with --mmr (the tier file carries its own deduction)");
            return false;
        }
        bool ok = false;
        in.mmd = p.value(QStringLiteral("mm-deduction")).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(in.mmd) || in.mmd < 0) {
            error = QStringLiteral("--mm-deduction must be a number >= 0 (USDT), got '%1'").arg(p.value(QStringLiteral("mm-deduction")));
            return false;
        }
    }
    if (p.isSet(QStringLiteral("max-leverage"))) {
        if (manualTierOf(in.exchange) != ManualTier::MaxLeverage) {
            error = QStringLiteral("--max-leverage is only for --exchange %1").arg(takers(ManualTier::MaxLeverage));
            return false;
        }
        if (!positive(p, QStringLiteral("max-leverage"), in.maxLeverage, error)) return false;
    }
    return true;
}

// --mmr [--mm-deduction]: the exchange's formula on one tier of the given rate and deduction, no tier file.
Result<LiqPriceResult> withMmr(const Input &in) {
    // With MMR >= IMR the position would be liquidated the moment it opens.
    if (in.mmr >= 1 / in.leverage)
        return Error(QStringLiteral("--mmr %1 is not below the initial margin rate 1/%2").arg(in.mmr).arg(in.leverage));
    LeverageTier tier;
    tier.mmr = in.mmr;
    tier.cum = in.mmd;
    tier.maxLeverage = in.leverage;
    LiqPriceResult r;
    r.mmr = in.mmr;
    r.cum = in.mmd;
    r.liqPrice = std::max(0.0, liquidationPrice(liqFormulaFor(in.exchange), tier, 0, in.side, in.entry, in.leverage, in.qty));
    return r;
}

Result<LiqPriceResult> compute(const Input &in, bool *placeholder) {
    if (in.mmr > 0) return withMmr(in);
    Result<LeverageTiers> tiers = in.maxLeverage > 0 ? LeverageTiers::fromMaxLeverage(in.exchange, in.symbol, in.maxLeverage)
                                                     : LeverageTiers::load(in.exchange, in.symbol);
    if (!tiers) {
        if (manualTierOf(in.exchange) == ManualTier::MaintenanceRate)
            return Error(QStringLiteral("%1; pass the maintenance margin rate with --mmr").arg(tiers.error().toString()));
        return tiers.error();
    }
    *placeholder = tiers->isPlaceholder();
    return liquidationPrice(*tiers, in.side, in.entry, in.leverage, in.qty);
}

int runLiqprice(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Liquidation price of an isolated, one-way position, with the tier chosen by the position's notional "
        "(qty x entry; qty itself where the tiers count base units), by each exchange's own formula with its tiers from "
        "config/tiers/<exchange>/<SYMBOL>.yaml (docs/liquidation-price.md)."));
    p.addOption({QStringLiteral("exchange"), kExchanges.join(QStringLiteral(", ")) + QStringLiteral(" (default binance)."), QStringLiteral("name"), QStringLiteral("binance")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbol, e.g. BTCUSDT."), QStringLiteral("symbol")});
    p.addOption({QStringLiteral("side"), QStringLiteral("long or short."), QStringLiteral("side")});
    p.addOption({QStringLiteral("entry"), QStringLiteral("Entry price (USDT)."), QStringLiteral("price")});
    p.addOption({QStringLiteral("leverage"), QStringLiteral("Leverage, e.g. 10."), QStringLiteral("x")});
    p.addOption({QStringLiteral("qty"), QStringLiteral("Position size in base units, positive."), QStringLiteral("qty")});
    p.addOption({QStringLiteral("mmr"), takers(ManualTier::MaintenanceRate) + QStringLiteral(" only: maintenance margin rate as a fraction (0.005)."), QStringLiteral("rate")});
    p.addOption({QStringLiteral("mm-deduction"), QStringLiteral("With --mmr: maintenance margin deduction, USDT."), QStringLiteral("usdt")});
    p.addOption({QStringLiteral("max-leverage"), takers(ManualTier::MaxLeverage) + QStringLiteral(" only: the asset's max leverage (mmr = 1/(2*max))."), QStringLiteral("x")});
    if (!ctx.parse(p)) return ctx.exitCode;
    if (!p.positionalArguments().isEmpty())
        return ctx.fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));

    Input in;
    QString error;
    if (!readInput(p, in, error)) return ctx.fail(error);

    bool placeholder = false;
    Result<LiqPriceResult> r = compute(in, &placeholder);
    // Input errors carry the field in their own wording; a file problem keeps file:line: field.
    if (!r) return ctx.fail(r.error().file.isEmpty() ? r.error().message : r.error().toString());

    const double notional = in.qty * in.entry;
    if (ctx.json) {
        ctx.printJson(QJsonDocument(QJsonObject{
            {"liq_price", r->liqPrice}, {"tier", r->tier}, {"mmr", r->mmr}, {"cum", r->cum},
            {"max_leverage", r->maxLeverage}, {"exchange", in.exchange}, {"symbol", in.symbol},
            {"side", QString::fromLatin1(sideName(in.side))}, {"entry", in.entry}, {"leverage", in.leverage},
            {"qty", in.qty}, {"notional", notional}, {"placeholder_tiers", placeholder}}));
        return kOk;
    }
    ctx.print(QStringLiteral("%1 %2 %3 %4 @ %5, %6x, isolated: liquidation price %7")
                  .arg(in.exchange, in.symbol, QString::fromLatin1(sideName(in.side)))
                  .arg(in.qty).arg(in.entry, 0, 'f', 2).arg(in.leverage).arg(r->liqPrice, 0, 'f', 2));
    if (placeholder)
        ctx.print(QStringLiteral("  (placeholder tiers shipped with the app: refresh them with `lhm tiers fetch --exchange %1`)").arg(in.exchange));
    QString tier = r->tier > 0 ? QStringLiteral("tier %1 (max %2x), ").arg(r->tier).arg(r->maxLeverage) : QStringLiteral("--mmr, ");
    ctx.print(QStringLiteral("  notional %1 USDT, %2MMR %3 %, cum %4")
                  .arg(notional, 0, 'f', 2).arg(tier).arg(r->mmr * 100, 0, 'g', 6).arg(r->cum, 0, 'f', 2));
    return kOk;
}

}  // namespace

LHM_COMMAND("liqprice", "liquidation price of an isolated one-way position, tier-exact", runLiqprice);
