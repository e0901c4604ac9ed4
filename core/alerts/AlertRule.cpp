#include "alerts/AlertRule.h"

#include "config/ExchangeRegistry.h"

#include "common/UrlRedaction.h"
#include "store/AlertRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <cmath>

namespace lhm::alerts {

namespace {

const char *const kTypeNames[] = {"price_cross", "cluster_near", "liquidation", "cascade", "cluster_consumed"};
const char *const kStatusNames[] = {"active", "triggered", "snoozed", "expired"};
const char *const kSideNames[] = {"any", "long", "short"};

template <class E, size_t N>
bool fromNames(const char *const (&names)[N], const QString &name, E *out) {
    for (size_t i = 0; i < N; ++i)
        if (name == QLatin1String(names[i])) {
            *out = E(i);
            return true;
        }
    return false;
}

Error fieldError(const char *field, const QString &message) {
    return Error(message, QString(), 0, QString::fromLatin1(field));
}

bool positive(double v) { return std::isfinite(v) && v > 0; }

QJsonValue optionalNumber(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); }

}  // namespace

const char *ruleTypeName(RuleType t) { return kTypeNames[int(t)]; }
bool ruleTypeFromName(const QString &name, RuleType *out) { return fromNames(kTypeNames, name, out); }
const char *ruleStatusName(RuleStatus s) { return kStatusNames[int(s)]; }
bool ruleStatusFromName(const QString &name, RuleStatus *out) { return fromNames(kStatusNames, name, out); }
const char *sideFilterName(SideFilter s) { return kSideNames[int(s)]; }
bool sideFilterFromName(const QString &name, SideFilter *out) { return fromNames(kSideNames, name, out); }

const char *channelName(Channel c) {
    switch (c) {
    case Desktop: return "desktop";
    case Popup: return "popup";
    case Webhook: return "webhook";
    case Telegram: return "telegram";
    case Email: return "email";
    }
    return "?";
}

bool channelFromName(const QString &name, Channel *out) {
    for (Channel c : {Desktop, Popup, Webhook, Telegram, Email})
        if (name == QLatin1String(channelName(c))) {
            *out = c;
            return true;
        }
    return false;
}

QStringList channelNames(unsigned mask) {
    QStringList out;
    for (Channel c : {Desktop, Popup, Webhook, Telegram, Email})
        if (mask & c) out << QLatin1String(channelName(c));
    return out;
}

const QStringList &knownExchanges() {
    static const QStringList names = ExchangeRegistry::knownNames();
    return names;
}

bool AlertRule::armed(qint64 nowMs) const { return enabled && effectiveStatus(nowMs) == RuleStatus::Active; }

RuleStatus AlertRule::effectiveStatus(qint64 nowMs) const {
    if (status == RuleStatus::Triggered) return RuleStatus::Triggered;
    if (expiresAt > 0 && nowMs >= expiresAt) return RuleStatus::Expired;
    if (snoozedUntil > 0 && nowMs < snoozedUntil) return RuleStatus::Snoozed;
    return RuleStatus::Active;
}

Status AlertRule::validate() const {
    if (name.trimmed().isEmpty()) return fieldError("name", QStringLiteral("must not be empty"));
    if (name.size() > 200) return fieldError("name", QStringLiteral("longer than 200 characters"));
    if (symbol.isEmpty()) return fieldError("symbol", QStringLiteral("must not be empty"));
    for (const QString &e : exchanges)
        if (!knownExchanges().contains(e))
            return fieldError("exchange", QStringLiteral("unknown exchange '%1' (%2 or all)").arg(e, knownExchanges().join(QStringLiteral(", "))));
    if (channels == 0) return fieldError("channels", QStringLiteral("at least one channel is needed"));
    if (cooldownMs < 0) return fieldError("cooldown_s", QStringLiteral("must be 0 (off) or positive"));
    if (cooldownMs > 7 * 86400 * 1000LL) return fieldError("cooldown_s", QStringLiteral("longer than a week"));
    if (!webhookUrl.isEmpty()) {
        const QUrl u(webhookUrl, QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty())
            return fieldError("webhook_url", QStringLiteral("not an http(s) URL: %1").arg(redactUrl(webhookUrl)));
    }
    const RuleParams &p = params;
    switch (type) {
    case RuleType::PriceCross:
        if (!positive(p.level)) return fieldError("level", QStringLiteral("must be a positive price"));
        break;
    case RuleType::ClusterNear:
        if (!positive(p.distancePct) || p.distancePct > 100)
            return fieldError("distance_pct", QStringLiteral("must be a percentage above 0 and at most 100"));
        [[fallthrough]];
    case RuleType::ClusterConsumed:
        if (!positive(p.minClusterUsd)) return fieldError("min_cluster_usd", QStringLiteral("must be a positive USD amount"));
        if (p.model.isEmpty()) return fieldError("model", QStringLiteral("must not be empty"));
        break;
    case RuleType::Liquidation:
        if (!positive(p.minNotional)) return fieldError("min_notional", QStringLiteral("must be a positive USD amount"));
        if (p.priceFrom && !positive(*p.priceFrom)) return fieldError("price_from", QStringLiteral("must be a positive price"));
        if (p.priceTo && !positive(*p.priceTo)) return fieldError("price_to", QStringLiteral("must be a positive price"));
        if (p.priceFrom && p.priceTo && *p.priceFrom > *p.priceTo)
            return fieldError("price_from", QStringLiteral("is above price_to"));
        break;
    case RuleType::Cascade:
        if (p.count < 0) return fieldError("count", QStringLiteral("must be positive"));
        if (p.notional < 0 || !std::isfinite(p.notional)) return fieldError("notional", QStringLiteral("must be positive"));
        if (p.count == 0 && p.notional == 0)
            return fieldError("count", QStringLiteral("set --count or --notional (or both) for a cascade"));
        if (p.windowS <= 0 || p.windowS > 86400)
            return fieldError("window_s", QStringLiteral("must be between 1 and 86400 seconds"));
        break;
    }
    return {};
}

QJsonObject AlertRule::paramsJson() const {
    const RuleParams &p = params;
    QJsonObject o;
    switch (type) {
    case RuleType::PriceCross:
        o[QStringLiteral("level")] = p.level;
        o[QStringLiteral("direction")] = p.direction == Direction::Above ? QStringLiteral("above") : QStringLiteral("below");
        break;
    case RuleType::ClusterNear:
        o[QStringLiteral("distance_pct")] = p.distancePct;
        [[fallthrough]];
    case RuleType::ClusterConsumed:
        o[QStringLiteral("min_cluster_usd")] = p.minClusterUsd;
        o[QStringLiteral("model")] = p.model;
        o[QStringLiteral("side")] = QLatin1String(sideFilterName(p.side));
        break;
    case RuleType::Liquidation:
        o[QStringLiteral("min_notional")] = p.minNotional;
        o[QStringLiteral("price_from")] = optionalNumber(p.priceFrom);
        o[QStringLiteral("price_to")] = optionalNumber(p.priceTo);
        o[QStringLiteral("side")] = QLatin1String(sideFilterName(p.side));
        break;
    case RuleType::Cascade:
        o[QStringLiteral("count")] = p.count;
        o[QStringLiteral("notional")] = p.notional;
        o[QStringLiteral("window_s")] = p.windowS;
        o[QStringLiteral("side")] = QLatin1String(sideFilterName(p.side));
        break;
    }
    return o;
}

Status AlertRule::setParamsJson(const QJsonObject &o) {
    RuleParams &p = params;
    auto num = [&](const char *key, double *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isDouble()) *out = v.toDouble();
    };
    num("level", &p.level);
    num("distance_pct", &p.distancePct);
    num("min_cluster_usd", &p.minClusterUsd);
    num("min_notional", &p.minNotional);
    num("notional", &p.notional);
    if (o.value(QLatin1String("count")).isDouble()) p.count = qint64(o.value(QLatin1String("count")).toDouble());
    if (o.value(QLatin1String("window_s")).isDouble()) p.windowS = qint64(o.value(QLatin1String("window_s")).toDouble());
    if (o.value(QLatin1String("price_from")).isDouble()) p.priceFrom = o.value(QLatin1String("price_from")).toDouble();
    if (o.value(QLatin1String("price_to")).isDouble()) p.priceTo = o.value(QLatin1String("price_to")).toDouble();
    if (o.contains(QLatin1String("model"))) p.model = o.value(QLatin1String("model")).toString();
    if (o.contains(QLatin1String("direction"))) {
        const QString d = o.value(QLatin1String("direction")).toString();
        if (d != QLatin1String("above") && d != QLatin1String("below"))
            return fieldError("direction", QStringLiteral("must be above or below, got '%1'").arg(d));
        p.direction = d == QLatin1String("above") ? Direction::Above : Direction::Below;
    }
    if (o.contains(QLatin1String("side")) && !sideFilterFromName(o.value(QLatin1String("side")).toString(), &p.side))
        return fieldError("side", QStringLiteral("must be long, short or any"));
    return {};
}

QJsonObject AlertRule::toJson() const {
    QJsonObject o;
    o[QStringLiteral("id")] = id;
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("enabled")] = enabled;
    o[QStringLiteral("symbol")] = symbol;
    o[QStringLiteral("exchange")] = exchangeText();
    o[QStringLiteral("type")] = QLatin1String(ruleTypeName(type));
    o[QStringLiteral("params")] = paramsJson();
    o[QStringLiteral("channels")] = QJsonArray::fromStringList(channelNames(channels));
    o[QStringLiteral("cooldown_s")] = double(cooldownMs) / 1000.0;
    o[QStringLiteral("once")] = once;
    o[QStringLiteral("expires_at")] = expiresAt > 0 ? QJsonValue(expiresAt) : QJsonValue();
    o[QStringLiteral("status")] = QLatin1String(ruleStatusName(status));
    o[QStringLiteral("webhook_url")] = webhookUrl.isEmpty() ? QJsonValue() : QJsonValue(redactUrl(webhookUrl));
    o[QStringLiteral("webhook_secret")] = !webhookSecretRef.isEmpty();
    o[QStringLiteral("created_at")] = createdAt;
    o[QStringLiteral("updated_at")] = updatedAt;
    o[QStringLiteral("last_fired_at")] = lastFiredAt > 0 ? QJsonValue(lastFiredAt) : QJsonValue();
    o[QStringLiteral("fire_count")] = fireCount;
    return o;
}

AlertRuleRow AlertRule::toRow() const {
    AlertRuleRow r;
    r.id = id;
    r.name = name;
    r.enabled = enabled;
    r.symbol = symbol;
    r.exchanges = exchanges.join(u',');
    r.type = QLatin1String(ruleTypeName(type));
    r.params = QString::fromUtf8(QJsonDocument(paramsJson()).toJson(QJsonDocument::Compact));
    r.channels = channelNames(channels).join(u',');
    r.cooldownMs = cooldownMs;
    r.once = once;
    r.expiresAt = expiresAt;
    r.snoozedUntil = snoozedUntil;
    r.status = QLatin1String(ruleStatusName(status));
    r.webhookUrl = webhookUrl;
    r.webhookSecretRef = webhookSecretRef;
    r.createdAt = createdAt;
    r.updatedAt = updatedAt;
    r.lastFiredAt = lastFiredAt;
    r.fireCount = fireCount;
    return r;
}

Result<AlertRule> AlertRule::fromRow(const AlertRuleRow &r) {
    AlertRule a;
    a.id = r.id;
    a.name = r.name;
    a.enabled = r.enabled;
    a.symbol = r.symbol;
    a.exchanges = r.exchanges.split(u',', Qt::SkipEmptyParts);
    if (!ruleTypeFromName(r.type, &a.type)) return fieldError("type", QStringLiteral("unknown rule type '%1'").arg(r.type));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.params.toUtf8(), &pe);
    if (!doc.isObject()) return fieldError("params", QStringLiteral("not a JSON object: %1").arg(pe.errorString()));
    if (Status s = a.setParamsJson(doc.object()); !s) return s.error();
    a.channels = 0;
    for (const QString &c : r.channels.split(u',', Qt::SkipEmptyParts)) {
        Channel ch;
        if (channelFromName(c, &ch)) a.channels |= ch;
    }
    a.cooldownMs = r.cooldownMs;
    a.once = r.once;
    a.expiresAt = r.expiresAt;
    a.snoozedUntil = r.snoozedUntil;
    if (!ruleStatusFromName(r.status, &a.status)) a.status = RuleStatus::Active;
    a.webhookUrl = r.webhookUrl;
    a.webhookSecretRef = r.webhookSecretRef;
    a.createdAt = r.createdAt;
    a.updatedAt = r.updatedAt;
    a.lastFiredAt = r.lastFiredAt;
    a.fireCount = r.fireCount;
    return a;
}

}  // namespace lhm::alerts
