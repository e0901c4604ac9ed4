// lhm alerts: rules on price, predicted clusters and live liquidations (see docs/alerts.md).
// This file dispatches the subcommands and holds add/edit/list/rm/history.
#include "AlertsCli.h"

#include "alerts/RuleBook.h"
#include "alerts/SecretVault.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace lhm;
using namespace lhm::alerts;

namespace lhm::cli::alertscli {

namespace {

struct Sub {
    const char *name;
    int (*run)(Context &);
    const char *summary;
};

const Sub kSubs[] = {
    {"add", add, "create a rule"},
    {"edit", edit, "change a rule's flags (ID first)"},
    {"list", list, "list the rules"},
    {"rm", remove, "delete a rule (ID)"},
    {"history", history, "firings and their deliveries"},
    {"channel", channel, "set up a channel: channel set telegram|email|webhook ..."},
    {"test", test, "send a test notification through a channel"},
    {"watch", watch, "follow the live feeds headless and deliver alerts"},
};

int usage(Context &ctx) {
    QString text = QStringLiteral("usage: lhm alerts <add|edit|list|rm|history|channel|test|watch> [options]\n");
    for (const Sub &s : kSubs) text += QStringLiteral("  %1 %2\n").arg(QLatin1String(s.name), -8).arg(QLatin1String(s.summary));
    ctx.progress(text.trimmed());
    return kBadInput;
}

int runAlerts(Context &ctx) {
    QStringList rest = ctx.args;
    const QString program = rest.takeFirst();
    // Global flags may come before the subcommand name: lhm alerts --json list
    QStringList leading;
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--"))) {
        const QString a = rest.takeFirst();
        if (a == QLatin1String("--help")) return usage(ctx), kOk;
        leading << a;
        if (a == QLatin1String("--db") && !rest.isEmpty()) leading << rest.takeFirst();
    }
    if (rest.isEmpty()) return usage(ctx);
    const QString sub = rest.takeFirst();
    for (const Sub &s : kSubs)
        if (sub == QLatin1String(s.name)) {
            ctx.args = QStringList{program + u' ' + sub} + leading + rest;
            return s.run(ctx);
        }
    ctx.fail(QStringLiteral("unknown subcommand '%1'").arg(sub));
    return usage(ctx);
}

QString textLine(const AlertRule &r, qint64 now) {
    return QStringLiteral("%1  %2  %3 %4 %5  [%6]  channels %7%8")
        .arg(r.id, 4)
        .arg(r.name, -20)
        .arg(r.symbol, -9)
        .arg(QLatin1String(ruleTypeName(r.type)), -16)
        .arg(QString::fromUtf8(QJsonDocument(r.paramsJson()).toJson(QJsonDocument::Compact)))
        .arg(QLatin1String(ruleStatusName(r.effectiveStatus(now))) + (r.enabled ? QString() : QStringLiteral(", disabled")))
        .arg(channelNames(r.channels).join(u','))
        .arg(r.lastFiredAt ? QStringLiteral("  last fired %1").arg(QDateTime::fromMSecsSinceEpoch(r.lastFiredAt, Qt::UTC).toString(Qt::ISODate))
                           : QString());
}

Result<qint64> idArgument(const QCommandLineParser &p) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) return Error(QStringLiteral("expects one alert ID"), QString(), 0, QStringLiteral("id"));
    bool ok = false;
    const qint64 id = pos.first().toLongLong(&ok);
    if (!ok || id <= 0) return Error(QStringLiteral("not an alert ID: '%1'").arg(pos.first()), QString(), 0, QStringLiteral("id"));
    return id;
}

// Shows the stored rule: JSON with --json, else one line.
int printRule(Context &ctx, const AlertRule &r, const char *verb) {
    if (ctx.json) ctx.printJson(QJsonDocument(r.toJson()));
    else ctx.print(QStringLiteral("%1 alert %2:\n%3").arg(QLatin1String(verb)).arg(r.id).arg(textLine(r, r.updatedAt)));
    return kOk;
}

int saveAndPrint(Context &ctx, RuleBook &book, AlertRule &rule, const QStringList &warnings, const char *verb) {
    if (Status s = book.save(rule); !s) return ctx.fail(s.error(), s.error().field.isEmpty() ? kFailure : kBadInput);
    for (const QString &w : warnings) ctx.progress(QStringLiteral("warning: ") + w);
    return printRule(ctx, rule, verb);
}

}  // namespace

int add(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Create an alert rule."));
    addRuleOptions(p);
    if (!ctx.parse(p)) return ctx.exitCode;
    if (!p.isSet(QStringLiteral("type")))
        return ctx.fail(Error(QStringLiteral("--type is required (price_cross, cluster_near, liquidation, cascade, cluster_consumed)"),
                              QString(), 0, QStringLiteral("type")));
    AlertRule rule;
    QStringList warnings;
    if (Status s = applyRuleOptions(p, rule, true, &warnings); !s) return ctx.fail(s.error());
    auto store = ctx.openStore();
    if (!store) return kFailure;
    RuleBook book(*store);
    return saveAndPrint(ctx, book, rule, warnings, "added");
}

int edit(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Change an alert rule: only the flags given change. An edit re-arms a triggered rule."));
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The alert's id (lhm alerts list)."));
    addRuleOptions(p);
    if (!ctx.parse(p)) return ctx.exitCode;
    const auto id = idArgument(p);
    if (!id) return ctx.fail(id.error());
    auto store = ctx.openStore();
    if (!store) return kFailure;
    RuleBook book(*store);
    auto rule = book.get(*id);
    if (!rule) return ctx.fail(rule.error());
    const QString oldSecret = rule->webhookSecretRef;
    QStringList warnings;
    if (Status s = applyRuleOptions(p, *rule, false, &warnings); !s) return ctx.fail(s.error());
    rule->status = RuleStatus::Active;
    const int rc = saveAndPrint(ctx, book, *rule, warnings, "changed");
    if (rc == kOk && oldSecret != rule->webhookSecretRef) SecretVault::remove(oldSecret);
    return rc;
}

int list(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List the alert rules."));
    if (!ctx.parse(p)) return ctx.exitCode;
    auto store = ctx.openStore();
    if (!store) return kFailure;
    RuleBook book(*store);
    QStringList problems;
    const std::vector<AlertRule> rules = book.all(&problems);
    for (const QString &m : problems) ctx.progress(QStringLiteral("warning: ") + m);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (ctx.json) {
        QJsonArray a;
        for (const AlertRule &r : rules) {
            QJsonObject o = r.toJson();
            o[QStringLiteral("status")] = QLatin1String(ruleStatusName(r.effectiveStatus(now)));
            a.append(o);
        }
        ctx.printJson(QJsonDocument(a));
        return kOk;
    }
    if (rules.empty()) ctx.print(QStringLiteral("no alerts (create one with 'lhm alerts add')"));
    for (const AlertRule &r : rules) ctx.print(textLine(r, now));
    return kOk;
}

int remove(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Delete an alert rule (its history stays)."));
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The alert's id."));
    if (!ctx.parse(p)) return ctx.exitCode;
    const auto id = idArgument(p);
    if (!id) return ctx.fail(id.error());
    auto store = ctx.openStore();
    if (!store) return kFailure;
    RuleBook book(*store);
    const auto rule = book.get(*id);
    if (!rule) return ctx.fail(rule.error());
    const auto removed = book.remove(*id);
    if (!removed) return ctx.fail(removed.error(), kFailure);
    SecretVault::remove(rule->webhookSecretRef);
    if (ctx.json) ctx.print(QStringLiteral(R"({"removed":%1})").arg(*id));
    else ctx.print(QStringLiteral("removed alert %1 (%2)").arg(*id).arg(rule->name));
    return kOk;
}

int history(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Firings, newest first, with each channel's delivery result."));
    p.addOption({QStringLiteral("id"), QStringLiteral("Only this alert's firings."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N firings (default 1000)."), QStringLiteral("N"), QStringLiteral("1000")});
    if (!ctx.parse(p)) return ctx.exitCode;
    qint64 id = 0;
    if (p.isSet(QStringLiteral("id"))) {
        bool ok = false;
        id = p.value(QStringLiteral("id")).toLongLong(&ok);
        if (!ok || id <= 0) return ctx.fail(Error(QStringLiteral("not an alert ID: '%1'").arg(p.value(QStringLiteral("id"))), QString(), 0, QStringLiteral("id")));
    }
    bool ok = false;
    const int limit = p.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0 || limit > 1000000) return ctx.fail(Error(QStringLiteral("expects 1..1000000"), QString(), 0, QStringLiteral("limit")));
    auto store = ctx.openStore();
    if (!store) return kFailure;
    RuleBook book(*store);
    const auto rows = book.history(id, limit);
    if (ctx.json) {
        QJsonArray a;
        for (const AlertFiringRow &r : rows) a.append(RuleBook::firingJson(r));
        ctx.printJson(QJsonDocument(a));
        return kOk;
    }
    if (rows.empty()) ctx.print(QStringLiteral("no firings"));
    for (const AlertFiringRow &r : rows)
        ctx.print(QStringLiteral("%1  alert %2 %3  %4  %5")
                      .arg(QDateTime::fromMSecsSinceEpoch(r.time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
                      .arg(r.ruleId)
                      .arg(r.ruleName, -16)
                      .arg(r.message, r.deliveries));
    return kOk;
}

}  // namespace lhm::cli::alertscli

LHM_COMMAND("alerts", "alert rules on price, clusters and live liquidations; channels; headless watch",
            lhm::cli::alertscli::runAlerts);
