#include "config/LeverageBrackets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace lhm {

namespace {
bool number(const QJsonValue &v, double *out) {
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    bool ok = false;
    *out = v.isString() ? v.toString().toDouble(&ok) : 0.0;
    return ok;
}

// One symbol's bracket entries (raw exchange fields) into validated tiers.
Result<LeverageTiers> tiersFrom(const QString &symbol, const QJsonArray &brackets) {
    std::vector<LeverageTier> tiers;
    for (int i = 0; i < brackets.size(); ++i) {
        const QJsonObject b = brackets[i].toObject();
        LeverageTier t;
        double bracket = 0;
        const std::pair<const char *, double *> fields[] = {
            {"bracket", &bracket},          {"initialLeverage", &t.maxLeverage}, {"notionalFloor", &t.floor},
            {"notionalCap", &t.cap},        {"maintMarginRatio", &t.mmr},        {"cum", &t.cum}};
        for (const auto &[name, field] : fields)
            if (!number(b.value(QLatin1String(name)), field))
                return Error(QStringLiteral("bracket %1: '%2' is missing or not a number").arg(i + 1).arg(QLatin1String(name)),
                             {}, 0, QLatin1String(name));
        t.bracket = int(bracket);
        tiers.push_back(t);
    }
    std::sort(tiers.begin(), tiers.end(), [](const LeverageTier &a, const LeverageTier &b) { return a.bracket < b.bracket; });
    return LeverageTiers::fromTiers(QStringLiteral("binance"), symbol, std::move(tiers));
}

QString num(double v) { return QString::number(v, 'g', 15); }
}  // namespace

QString binanceSymbolFromCcxt(const QString &unified) {
    const int slash = unified.indexOf(QLatin1Char('/')), colon = unified.indexOf(QLatin1Char(':'));
    if (slash <= 0 || colon <= slash) return {};
    const QString base = unified.left(slash), quote = unified.mid(slash + 1, colon - slash - 1);
    QString settle = unified.mid(colon + 1), expiry;
    if (const int dash = settle.indexOf(QLatin1Char('-')); dash >= 0) {
        expiry = settle.mid(dash + 1);
        settle = settle.left(dash);
    }
    // USDⓈ-M: settled in the quote stablecoin. COIN-M settles in the base coin.
    if (settle != quote || (quote != QLatin1String("USDT") && quote != QLatin1String("USDC"))) return {};
    return expiry.isEmpty() ? base + quote : base + quote + QLatin1Char('_') + expiry;
}

Result<BracketParse> parseBinanceBrackets(const QByteArray &json, const QString &what) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error(QStringLiteral("%1: malformed JSON at byte %2: %3").arg(what).arg(pe.offset).arg(pe.errorString()));
    BracketParse out;
    auto add = [&](const QString &symbol, const QJsonArray &brackets) {
        auto t = tiersFrom(symbol, brackets);
        if (t) out.symbols.push_back(std::move(*t));
        else out.skipped.emplace_back(symbol, t.error().message);
    };
    if (doc.isArray()) {  // the REST response
        for (const QJsonValue &v : doc.array()) {
            const QJsonObject o = v.toObject();
            const QString symbol = o.value(QLatin1String("symbol")).toString();
            if (symbol.isEmpty() || !o.value(QLatin1String("brackets")).isArray())
                return Error(QStringLiteral("%1: an element without \"symbol\" and \"brackets\"").arg(what));
            add(symbol, o.value(QLatin1String("brackets")).toArray());
        }
    } else if (doc.isObject() && doc.object().contains(QLatin1String("symbol"))) {  // ?symbol=S answers one object
        const QJsonObject o = doc.object();
        add(o.value(QLatin1String("symbol")).toString(), o.value(QLatin1String("brackets")).toArray());
    } else if (doc.isObject()) {  // ccxt dump
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString symbol = binanceSymbolFromCcxt(it.key());
            if (symbol.isEmpty()) {
                out.skipped.emplace_back(it.key(), QStringLiteral("not a USDⓈ-M market"));
                continue;
            }
            QJsonArray brackets;
            for (const QJsonValue &tier : it.value().toArray()) brackets.append(tier.toObject().value(QLatin1String("info")));
            add(symbol, brackets);
        }
    } else {
        return Error(QStringLiteral("%1: neither a leverageBracket response nor a ccxt leverage-tiers dump").arg(what));
    }
    std::sort(out.symbols.begin(), out.symbols.end(),
              [](const LeverageTiers &a, const LeverageTiers &b) { return a.symbol() < b.symbol(); });
    return out;
}

QByteArray leverageTiersYaml(const LeverageTiers &t, const QString &source) {
    QString y;
    y += QStringLiteral("# Binance USDⓈ-M leverage brackets for %1, as GET /fapi/v1/leverageBracket returns them.\n").arg(t.symbol());
    for (const QString &line : source.split(QLatin1Char('\n'))) y += QStringLiteral("# %1\n").arg(line);
    y += QStringLiteral(
        "# Generated by `lhm tiers generate|refresh`; regenerate rather than edit. Binance changes brackets\n"
        "# without notice.\n"
        "#\n"
        "# Units: notionalFloor / notionalCap / cum in the quote currency; maintMarginRatio a fraction\n"
        "# (0.004 = 0.4 %); initialLeverage = the highest leverage allowed in the bracket. A position of\n"
        "# notional N (|qty| x entry) uses the bracket with notionalFloor <= N < notionalCap.\n"
        "# The loader checks: brackets 1..n, floors ascending from 0, each cap = next floor,\n"
        "# 0 < maintMarginRatio < 1 and non-decreasing, initialLeverage >= 1 and non-increasing,\n"
        "# cum[0] = 0 and cum[i] = cum[i-1] + notionalFloor[i] x (mmr[i] - mmr[i-1]).\n");
    y += QStringLiteral("exchange: binance\nsymbol: %1\nbrackets:\n").arg(t.symbol());
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

}  // namespace lhm
