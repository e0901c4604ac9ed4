// The rule flags shared by `lhm alerts add` and `lhm alerts edit`.
#include "AlertsCli.h"

#include "alerts/SecretVault.h"
#include "config/ExchangesConfig.h"

#include <QDateTime>
#include <QUuid>
#include <cmath>

using namespace lhm;
using namespace lhm::alerts;

namespace lhm::cli::alertscli {

namespace {

Error fieldError(const QString &field, const QString &message) { return Error(message, QString(), 0, field); }
QString fieldOf(const QString &flag) { return QString(flag).replace(u'-', u'_'); }

// The symbol must be one the chosen exchanges stream (config/exchanges.yaml).
Status checkSymbol(const AlertRule &rule) {
    auto config = ExchangesConfig::load();
    if (!config) return config.error();
    const QStringList exchanges = rule.exchanges.isEmpty() ? config->names() : rule.exchanges;
    QStringList missingOn, known;
    for (const QString &e : exchanges) {
        const ExchangeConfig *ex = config->find(e);
        if (!ex) continue;
        if (ex->symbol(rule.symbol)) continue;
        missingOn << e;
        for (const ExchangeSymbolConfig &s : ex->symbols)
            if (!known.contains(s.unified)) known << s.unified;
    }
    const bool ok = rule.exchanges.isEmpty() ? missingOn.size() < exchanges.size() : missingOn.isEmpty();
    if (ok) return {};
    return fieldError(QStringLiteral("symbol"), QStringLiteral("unknown symbol '%1' on %2 (known: %3)")
                                                    .arg(rule.symbol, missingOn.join(u','), known.join(QStringLiteral(", "))));
}

}  // namespace

QStringList splitList(const QStringList &values) {
    QStringList out;
    for (const QString &v : values)
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) out << part.trimmed();
    return out;
}

Status numberOption(const QCommandLineParser &p, const QString &name, double *out, bool allowZero) {
    const QString text = p.value(name);
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v)) return fieldError(fieldOf(name), QStringLiteral("expects a number, got '%1'").arg(text));
    if (v < 0 || (v == 0 && !allowZero))
        return fieldError(fieldOf(name), QStringLiteral("must be %1, got %2").arg(QLatin1String(allowZero ? "0 or more" : "positive"), text));
    *out = v;
    return {};
}

void addOption(QCommandLineParser &p, const char *name, const char *help, const char *valueName) {
    if (valueName) p.addOption({QLatin1String(name), QString::fromUtf8(help), QLatin1String(valueName)});
    else p.addOption({QLatin1String(name), QString::fromUtf8(help)});
}

void addRuleOptions(QCommandLineParser &p) {
    auto opt = [&](const char *name, const char *help, const char *value = nullptr) { addOption(p, name, help, value); };
    opt("name", "Rule name.", "N");
    opt("symbol", "Unified symbol, e.g. BTCUSDT.", "S");
    const QByteArray exchangeHelp = knownExchanges().join(QLatin1Char('|')).toUtf8() + "|all (comma list allowed; default all).";
    opt("exchange", exchangeHelp.constData(), "E");
    opt("type", "price_cross|cluster_near|liquidation|cascade|cluster_consumed.", "T");
    opt("level", "price_cross: price level.", "P");
    opt("direction", "price_cross: above|below.", "D");
    opt("distance-pct", "cluster_near: distance to the cluster in percent of price.", "X");
    opt("min-cluster-usd", "cluster_near, cluster_consumed: smallest predicted cluster, USD.", "N");
    opt("model", "cluster_*: model whose clusters count (default ensemble).", "M");
    opt("side", "long|short|any: side of the liquidated positions or clusters (default any).", "S");
    opt("min-notional", "liquidation: smallest liquidation, USD.", "N");
    opt("price-from", "liquidation: lower edge of the price band.", "A");
    opt("price-to", "liquidation: upper edge of the price band.", "B");
    opt("count", "cascade: liquidations within the window.", "N");
    opt("notional", "cascade: USD liquidated within the window.", "N");
    opt("window-s", "cascade: window in seconds (default 60).", "S");
    opt("cooldown-s", "Seconds between two firings of this rule (default 5; 0 turns it off).", "S");
    opt("once", "Fire once, then the rule is triggered and stops.");
    opt("repeat", "Fire every time (undoes --once).");
    opt("enabled", "true|false.", "B");
    opt("expires-at", "Stop after this UTC time (ISO 8601, or ms since the epoch; 0 = never).", "T");
    opt("snooze-s", "Hold the rule for S seconds from now (0 ends a snooze).", "S");
    opt("channels", "desktop,popup,webhook,telegram,email (default desktop,popup).", "LIST");
    opt("webhook-url", "Webhook URL for this rule (http or https).", "URL");
    opt("webhook-secret-env", "Environment variable holding the webhook HMAC secret (kept in the keychain).", "VAR");
}

Status applyRuleOptions(const QCommandLineParser &p, AlertRule &r, bool isNew, QStringList *warnings) {
    auto isSet = [&](const char *n) { return p.isSet(QLatin1String(n)); };
    auto value = [&](const char *n) { return p.value(QLatin1String(n)); };
    auto number = [&](const char *n, double *out, bool allowZero = false) -> Status {
        if (!isSet(n)) return {};
        return numberOption(p, QLatin1String(n), out, allowZero);
    };
    if (isSet("name")) r.name = value("name").trimmed();
    if (isNew && r.name.isEmpty()) return fieldError(QStringLiteral("name"), QStringLiteral("--name is required"));
    if (isSet("symbol")) r.symbol = value("symbol").trimmed().toUpper();
    if (isNew && r.symbol.isEmpty()) return fieldError(QStringLiteral("symbol"), QStringLiteral("--symbol is required"));
    if (isSet("exchange")) {
        QStringList ex = splitList({value("exchange").toLower()});
        if (ex.contains(QLatin1String("all"))) ex.clear();
        for (const QString &e : ex)
            if (!knownExchanges().contains(e))
                return fieldError(QStringLiteral("exchange"),
                                  QStringLiteral("unknown exchange '%1' (%2 or all)").arg(e, knownExchanges().join(QStringLiteral(", "))));
        r.exchanges = ex;
    }
    if (isSet("type") && !ruleTypeFromName(value("type"), &r.type))
        return fieldError(QStringLiteral("type"), QStringLiteral("unknown type '%1' (price_cross, cluster_near, liquidation, "
                                                                 "cascade, cluster_consumed)").arg(value("type")));
    RuleParams &pr = r.params;
    if (Status s = number("level", &pr.level); !s) return s;
    if (isSet("direction")) {
        const QString d = value("direction").toLower();
        if (d != QLatin1String("above") && d != QLatin1String("below"))
            return fieldError(QStringLiteral("direction"), QStringLiteral("must be above or below, got '%1'").arg(d));
        pr.direction = d == QLatin1String("above") ? Direction::Above : Direction::Below;
    } else if (isNew && r.type == RuleType::PriceCross) {
        return fieldError(QStringLiteral("direction"), QStringLiteral("--direction above|below is required for price_cross"));
    }
    if (Status s = number("distance-pct", &pr.distancePct); !s) return s;
    if (Status s = number("min-cluster-usd", &pr.minClusterUsd); !s) return s;
    if (isSet("model")) pr.model = value("model").trimmed();
    if (isSet("side") && !sideFilterFromName(value("side").toLower(), &pr.side))
        return fieldError(QStringLiteral("side"), QStringLiteral("must be long, short or any, got '%1'").arg(value("side")));
    if (Status s = number("min-notional", &pr.minNotional); !s) return s;
    if (isSet("price-from")) {
        double v = 0;
        if (Status s = number("price-from", &v); !s) return s;
        pr.priceFrom = v;
    }
    if (isSet("price-to")) {
        double v = 0;
        if (Status s = number("price-to", &v); !s) return s;
        pr.priceTo = v;
    }
    double count = double(pr.count), windowS = double(pr.windowS), cooldownS = double(r.cooldownMs) / 1000.0;
    if (Status s = number("count", &count); !s) return s;
    if (count != std::floor(count)) return fieldError(QStringLiteral("count"), QStringLiteral("must be a whole number"));
    pr.count = qint64(count);
    if (Status s = number("notional", &pr.notional); !s) return s;
    if (Status s = number("window-s", &windowS); !s) return s;
    pr.windowS = qint64(std::llround(windowS));
    if (Status s = number("cooldown-s", &cooldownS, true); !s) return s;
    r.cooldownMs = qint64(std::llround(cooldownS * 1000.0));
    if (isSet("once")) r.once = true;
    if (isSet("repeat")) r.once = false;
    if (isSet("enabled")) {
        const QString b = value("enabled").toLower();
        if (b != QLatin1String("true") && b != QLatin1String("false"))
            return fieldError(QStringLiteral("enabled"), QStringLiteral("must be true or false, got '%1'").arg(b));
        r.enabled = b == QLatin1String("true");
    }
    if (isSet("expires-at")) {
        const QString t = value("expires-at");
        bool ok = false;
        qint64 ms = t.toLongLong(&ok);
        if (!ok) {
            const QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
            if (!dt.isValid()) return fieldError(QStringLiteral("expires_at"), QStringLiteral("not an ISO 8601 time: '%1'").arg(t));
            ms = QDateTime(dt.date(), dt.time(), dt.timeSpec() == Qt::LocalTime ? Qt::UTC : dt.timeSpec()).toMSecsSinceEpoch();
        }
        if (ms < 0) return fieldError(QStringLiteral("expires_at"), QStringLiteral("must not be negative"));
        r.expiresAt = ms;
    }
    if (isSet("snooze-s")) {
        double s = 0;
        if (Status st = number("snooze-s", &s, true); !st) return st;
        r.snoozedUntil = s > 0 ? QDateTime::currentMSecsSinceEpoch() + qint64(s * 1000) : 0;
    }
    if (isSet("channels")) {
        unsigned mask = 0;
        for (const QString &c : splitList({value("channels").toLower()})) {
            Channel ch;
            if (!channelFromName(c, &ch))
                return fieldError(QStringLiteral("channels"),
                                  QStringLiteral("unknown channel '%1' (desktop, popup, webhook, telegram, email)").arg(c));
            mask |= ch;
        }
        r.channels = mask;
    }
    if (isSet("webhook-url")) r.webhookUrl = value("webhook-url").trimmed();
    if (isSet("webhook-secret-env")) {
        const QString var = value("webhook-secret-env");
        QString warning;
        auto ref = SecretVault::put(QStringLiteral("webhook-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
                                    qEnvironmentVariable(var.toLocal8Bit().constData()), var, &warning);
        if (!ref) return fieldError(QStringLiteral("webhook_secret_env"), ref.error().message);
        r.webhookSecretRef = *ref;
        if (!warning.isEmpty() && warnings) *warnings << warning;
    }
    if (Status s = r.validate(); !s) return s;
    return checkSymbol(r);
}

}  // namespace lhm::cli::alertscli
