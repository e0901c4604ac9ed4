#include "api/AlertBody.h"

#include <QDateTime>
#include <QJsonArray>
#include <cmath>

namespace lhm::api {

using namespace lhm::alerts;

namespace {

Error bad(const QString &field, const QString &message) { return Error(message, {}, 0, field); }

}  // namespace

Status applyRuleBody(const QJsonObject &body, AlertRule &rule, bool isNew) {
    static const QStringList known{"name", "enabled", "symbol", "exchange", "type", "params", "channels", "cooldown_s",
                                   "once", "expires_at", "webhook_url", "status"};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!known.contains(it.key())) return bad(it.key(), QStringLiteral("unknown key"));
    if (isNew)
        for (const char *k : {"symbol", "type"})
            if (!body.contains(QLatin1String(k))) return bad(QLatin1String(k), QStringLiteral("is required"));
    auto str = [&](const char *k, QString *out) -> Status {
        const QJsonValue v = body.value(QLatin1String(k));
        if (v.isUndefined()) return {};
        if (!v.isString()) return bad(QLatin1String(k), QStringLiteral("expects a string"));
        *out = v.toString().trimmed();
        return {};
    };
    auto flag = [&](const char *k, bool *out) -> Status {
        const QJsonValue v = body.value(QLatin1String(k));
        if (v.isUndefined()) return {};
        if (!v.isBool()) return bad(QLatin1String(k), QStringLiteral("expects true or false"));
        *out = v.toBool();
        return {};
    };
    if (Status s = str("name", &rule.name); !s) return s;
    if (Status s = str("symbol", &rule.symbol); !s) return s;
    rule.symbol = rule.symbol.toUpper();
    if (Status s = flag("enabled", &rule.enabled); !s) return s;
    if (Status s = flag("once", &rule.once); !s) return s;
    if (body.contains(QLatin1String("type"))) {
        QString t;
        if (Status s = str("type", &t); !s) return s;
        if (!ruleTypeFromName(t, &rule.type))
            return bad(QStringLiteral("type"), QStringLiteral("unknown type '%1' (price_cross, cluster_near, liquidation, cascade, cluster_consumed)").arg(t));
    }
    if (body.contains(QLatin1String("exchange"))) {
        QString e;
        if (Status s = str("exchange", &e); !s) return s;
        rule.exchanges.clear();
        if (e.toLower() != QLatin1String("all"))
            for (const QString &x : e.split(u',', Qt::SkipEmptyParts)) rule.exchanges << x.trimmed().toLower();
    }
    if (body.contains(QLatin1String("params"))) {
        if (!body.value(QLatin1String("params")).isObject()) return bad(QStringLiteral("params"), QStringLiteral("expects an object"));
        if (Status s = rule.setParamsJson(body.value(QLatin1String("params")).toObject()); !s) return s;
    }
    if (body.contains(QLatin1String("channels"))) {
        const QJsonValue v = body.value(QLatin1String("channels"));
        if (!v.isArray()) return bad(QStringLiteral("channels"), QStringLiteral("expects an array of names"));
        unsigned mask = 0;
        for (const QJsonValue &c : v.toArray()) {
            Channel ch;
            if (!c.isString() || !channelFromName(c.toString(), &ch))
                return bad(QStringLiteral("channels"), QStringLiteral("unknown channel (desktop, popup, webhook, telegram, email)"));
            mask |= ch;
        }
        rule.channels = mask;
    }
    if (body.contains(QLatin1String("cooldown_s"))) {
        const double s = body.value(QLatin1String("cooldown_s")).toDouble(-1);
        if (!(s >= 0) || s > 86400 * 365) return bad(QStringLiteral("cooldown_s"), QStringLiteral("expects seconds 0..31536000"));
        rule.cooldownMs = qint64(std::llround(s * 1000));
    }
    if (body.contains(QLatin1String("expires_at"))) {
        const QJsonValue v = body.value(QLatin1String("expires_at"));
        if (v.isNull()) rule.expiresAt = 0;
        else if (v.isDouble() && v.toDouble() > 0 && v.toDouble() < 9e15) rule.expiresAt = qint64(v.toDouble());
        else return bad(QStringLiteral("expires_at"), QStringLiteral("expects epoch milliseconds or null"));
    }
    if (body.contains(QLatin1String("webhook_url"))) {
        const QJsonValue v = body.value(QLatin1String("webhook_url"));
        if (v.isNull()) rule.webhookUrl.clear();
        else if (Status s = str("webhook_url", &rule.webhookUrl); !s) return s;
    }
    if (body.contains(QLatin1String("status"))) {
        QString st;
        if (Status s = str("status", &st); !s) return s;
        if (!ruleStatusFromName(st, &rule.status)) return bad(QStringLiteral("status"), QStringLiteral("unknown status '%1'").arg(st));
    }
    if (rule.name.isEmpty()) rule.name = QStringLiteral("%1 %2").arg(rule.symbol, QLatin1String(ruleTypeName(rule.type)));
    return rule.validate();
}

}  // namespace lhm::api
