// lhm live: follows the exchanges' public streams, prints one line per realised liquidation (and
// per price tick with --prices), stores them with --db, and prints a summary on exit (after
// --duration seconds, or on SIGINT/SIGTERM). The JSON keys and their order are a contract.
#include "Cli.h"

#include "api/ResultJson.h"
#include "common/Log.h"
#include "common/UrlRedaction.h"
#include "config/ExchangeRegistry.h"
#include "engine/LiveSession.h"
#include "feeds/LiveController.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

using namespace lhm;
using namespace lhm::cli;
using namespace lhm::feeds;

namespace {

constexpr double kMaxDurationS = 2'000'000;  // 23 days
QString num(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QString jsonString(const QString &s) {
    QString out = s;
    out.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    // Control bytes become \u00XX in print(), which JSON reads back as the same characters.
    return u'"' + out + u'"';
}

QString liquidationLine(const LiquidationEvent &e, bool json) {
    if (json) return QString::fromUtf8(api::liquidationLine(e));
    return QStringLiteral("%1  %2 %3 %4 %5 @ %6  %7 USD")
        .arg(QDateTime::fromMSecsSinceEpoch(e.time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
        .arg(e.exchange, -11).arg(e.symbol, -9).arg(QLatin1String(sideName(e.side)), -5)
        .arg(num(e.qty)).arg(num(e.price)).arg(e.notional, 0, 'f', 2);
}

QString priceLine(const PriceTick &t, bool json) {
    if (json)
        return QStringLiteral(R"({"type":"price","exchange":%1,"symbol":%2,"kind":"%3","price":%4,"qty":%5,"time":%6})")
            .arg(jsonString(t.exchange), jsonString(t.symbol), QLatin1String(tickKindName(t.kind)), num(t.price), num(t.qty),
                 QString::number(t.time));
    return QStringLiteral("%1  %2 %3 %4 %5")
        .arg(QDateTime::fromMSecsSinceEpoch(t.time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
        .arg(t.exchange, -11).arg(t.symbol, -9).arg(QLatin1String(tickKindName(t.kind)), -5).arg(num(t.price));
}

QStringList splitList(const QStringList &values) {
    QStringList out;
    for (const QString &v : values)
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) out << part.trimmed();
    return out;
}

int runLive(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Follow live liquidations on the exchanges' public WebSocket streams."));
    p.addOption({QStringLiteral("exchange"), QStringLiteral("Exchanges: %1.").arg(ExchangeRegistry::knownNames().join(QLatin1Char(','))), QStringLiteral("list"),
                 QStringLiteral("binance")});
    p.addOption({QStringLiteral("symbols"), QStringLiteral("Unified symbols, e.g. BTCUSDT,ETHUSDT."), QStringLiteral("list"),
                 QStringLiteral("BTCUSDT")});
    p.addOption({QStringLiteral("url"), QStringLiteral("Override an exchange's WebSocket URL (repeatable)."),
                 QStringLiteral("EXCHANGE=ws://...")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("Stop after this many seconds (default: until Ctrl-C)."),
                 QStringLiteral("seconds")});
    p.addOption({QStringLiteral("prices"), QStringLiteral("Also print price ticks.")});
    if (!ctx.parse(p)) return ctx.exitCode;

    LiveRequest req;
    req.exchanges = splitList(p.values(QStringLiteral("exchange")));
    for (QString &e : req.exchanges) e = e.toLower();
    req.symbols = splitList(p.values(QStringLiteral("symbols")));
    for (QString &s : req.symbols) s = s.toUpper();
    for (const QString &u : p.values(QStringLiteral("url"))) {
        const qsizetype eq = u.indexOf(u'=');
        if (eq <= 0) return ctx.fail(QStringLiteral("--url expects EXCHANGE=ws://..., got '%1'").arg(redactUrlsIn(u)));
        req.urlOverrides.insert(u.left(eq).toLower(), u.mid(eq + 1));
    }
    double duration = -1;
    if (p.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        duration = p.value(QStringLiteral("duration")).toDouble(&ok);
        // The upper bound keeps duration * 1000 within a timer's int milliseconds.
        if (!ok || !(duration > 0 && duration <= kMaxDurationS))
            return ctx.fail(QStringLiteral("--duration expects seconds in (0, %1]").arg(qint64(kMaxDurationS)));
    }
    const bool prices = p.isSet(QStringLiteral("prices"));

    LiveOptions opt;
    opt.exchanges = req.exchanges;
    opt.symbols = req.symbols;
    opt.urlOverrides = req.urlOverrides;
    opt.dbPath = ctx.dbPath;
    LiveSession live;
    qint64 printed = 0;
    QObject::connect(&live, &LiveSession::ticks, [&](const QList<PriceTick> &ticks) {
        if (prices)
            for (const PriceTick &t : ticks) ctx.print(priceLine(t, ctx.json));
    });
    QObject::connect(&live, &LiveSession::liquidations, [&](const QList<LiquidationEvent> &liqs) {
        for (const LiquidationEvent &e : liqs) {
            ctx.print(liquidationLine(e, ctx.json));
            ++printed;
        }
    });
    QObject::connect(&live, &LiveSession::storeFailed, [&](const QString &m) { ctx.progress(QStringLiteral("store: ") + m); });
    if (auto err = live.start(opt)) {
        if (err->code == LiveError::Code::StoreUnavailable) return ctx.fail(err->detail, kFailure);
        return ctx.fail(err->detail);
    }
    for (const QString &name : req.exchanges)
        if (const ExchangeDescriptor *ex = ExchangeRegistry::builtin(name); ex && !ex->liquidationStream)
            ctx.progress(QStringLiteral("%1: no public liquidation stream exists; following trades for price only").arg(name));
    for (const QString &name : live.exchanges())
        if (const ExchangeDescriptor *ex = ExchangeRegistry::builtin(name); ex && ex->recordsOpenInterestLive && !opt.dbPath.isEmpty())
            ctx.progress(QStringLiteral("%1: publishes no open-interest history; recording it from the asset contexts every minute").arg(name));
    QObject::connect(&live, &LiveSession::recordingFailed, [&](const QString &m) { ctx.progress(QStringLiteral("warning: ") + m); });

    runUntilStopped(duration);
    live.stop();

    const FeedSupervisor &sup = live.controller()->supervisor();
    if (ctx.json)
        ctx.print(QStringLiteral(R"({"type":"summary","events":%1,"reconnects":%2,"parse_errors":%3})")
                      .arg(printed).arg(sup.totalReconnects()).arg(sup.totalParseErrors()));
    else
        ctx.print(QStringLiteral("summary: %1 liquidations, %2 reconnects, %3 parse errors%4")
                      .arg(printed).arg(sup.totalReconnects()).arg(sup.totalParseErrors())
                      .arg(ctx.dbPath.isEmpty() ? QString() : QStringLiteral(", %1 new rows stored").arg(live.controller()->storedEvents())));
    return kOk;
}

}  // namespace

LHM_COMMAND("live", "follow live liquidations (binance, bybit, okx, hyperliquid) and store them", runLive);
