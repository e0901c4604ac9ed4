// lhm serve: the local HTTP + WebSocket API over the store (docs/api.md), with live feeds relayed
// on /ws/liquidations and stored. Loopback only unless --bind names another address, which then
// needs --token-env. Stops on SIGINT/SIGTERM (or after --duration seconds).
#include "Cli.h"

#include "api/ApiServer.h"
#include "common/UrlRedaction.h"
#include "engine/CoreEngine.h"
#include "engine/LiveSession.h"

#include <QHostAddress>
#include <QProcessEnvironment>

using namespace lhm;
using namespace lhm::cli;

namespace {

QStringList splitList(const QStringList &values) {
    QStringList out;
    for (const QString &v : values)
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) out << part.trimmed();
    return out;
}

int runServe(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Serve the heatmap, levels, comparison, history, signals and alerts over a local "
                                               "HTTP API and live liquidations over a WebSocket (docs/api.md)."));
    p.addOption({QStringLiteral("port"), QStringLiteral("TCP port (8765; 0 = any free port)."), QStringLiteral("n"), QStringLiteral("8765")});
    p.addOption({QStringLiteral("bind"), QStringLiteral("Address to listen on (127.0.0.1). Any other needs --token-env."),
                 QStringLiteral("address"), QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("token-env"), QStringLiteral("Environment variable holding the bearer token clients must send."),
                 QStringLiteral("VAR")});
    p.addOption({QStringLiteral("cors-origin"), QStringLiteral("Send CORS headers allowing this origin (none by default)."),
                 QStringLiteral("origin")});
    p.addOption({QStringLiteral("rate-limit"), QStringLiteral("Requests per second per client address (50; 0 = unlimited)."),
                 QStringLiteral("n"), QStringLiteral("50")});
    p.addOption({QStringLiteral("exchange"), QStringLiteral("Live feeds to follow and relay (binance)."), QStringLiteral("list"),
                 QStringLiteral("binance")});
    p.addOption({QStringLiteral("symbols"), QStringLiteral("Live symbols (BTCUSDT,ETHUSDT)."), QStringLiteral("list"),
                 QStringLiteral("BTCUSDT,ETHUSDT")});
    p.addOption({QStringLiteral("url"), QStringLiteral("Override an exchange's WebSocket URL (repeatable)."),
                 QStringLiteral("EXCHANGE=ws://...")});
    p.addOption({QStringLiteral("no-live"), QStringLiteral("Serve the store only; no live feeds.")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("Stop after this many seconds (default: until Ctrl-C)."),
                 QStringLiteral("seconds")});
    if (!ctx.parse(p)) return ctx.exitCode;

    api::ApiOptions o;
    bool ok = false;
    const int port = p.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 0 || port > 65535) return ctx.fail(Error(QStringLiteral("expects 0..65535"), {}, 0, QStringLiteral("port")));
    o.port = quint16(port);
    if (!o.bind.setAddress(p.value(QStringLiteral("bind")).trimmed()))
        return ctx.fail(Error(QStringLiteral("'%1' is not an IP address").arg(p.value(QStringLiteral("bind"))), {}, 0, QStringLiteral("bind")));
    if (p.isSet(QStringLiteral("token-env"))) {
        const QString var = p.value(QStringLiteral("token-env"));
        o.token = QProcessEnvironment::systemEnvironment().value(var).trimmed();
        if (o.token.size() < 16)
            return ctx.fail(Error(QStringLiteral("environment variable %1 must hold a token of at least 16 characters").arg(var), {}, 0,
                                  QStringLiteral("token-env")));
    }
    o.corsOrigin = p.value(QStringLiteral("cors-origin")).trimmed();
    o.ratePerSecond = p.value(QStringLiteral("rate-limit")).toDouble(&ok);
    if (!ok || o.ratePerSecond < 0 || o.ratePerSecond > 1e6)
        return ctx.fail(Error(QStringLiteral("expects 0..1000000"), {}, 0, QStringLiteral("rate-limit")));
    o.rateBurst = std::max(10.0, o.ratePerSecond * 2);
    double duration = -1;
    if (p.isSet(QStringLiteral("duration"))) {
        duration = p.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || !(duration > 0 && duration <= 2e6)) return ctx.fail(QStringLiteral("--duration expects seconds in (0, 2000000]"));
    }
    LiveOptions live;
    for (const QString &e : splitList(p.values(QStringLiteral("exchange")))) live.exchanges << e.toLower();
    for (const QString &s : splitList(p.values(QStringLiteral("symbols")))) live.symbols << s.toUpper();
    for (const QString &u : p.values(QStringLiteral("url"))) {
        const qsizetype eq = u.indexOf(u'=');
        if (eq <= 0) return ctx.fail(QStringLiteral("--url expects EXCHANGE=ws://..., got '%1'").arg(redactUrlsIn(u)));
        live.urlOverrides.insert(u.left(eq).toLower(), u.mid(eq + 1));
    }

    auto store = ctx.openStore();  // creates and migrates before the workers open their connections
    if (!store) return kBadInput;
    store.reset();
    live.dbPath = ctx.dbPath;

    CoreEngine engine(ctx.dbPath);
    api::ApiServer server(&engine);
    if (Status s = server.start(o); !s) return ctx.fail(s.error(), s.error().field == QLatin1String("port") ? kFailure : kBadInput);
    LiveSession session;
    QObject::connect(&session, &LiveSession::storeFailed, [&](const QString &m) { ctx.progress(QStringLiteral("store: ") + m); });
    if (!p.isSet(QStringLiteral("no-live"))) {
        if (auto err = session.start(live)) return ctx.fail(err->detail);
        server.setLiveSession(&session);
    }
    if (o.bind.isLoopback()) ctx.progress(QStringLiteral("serving %1 (loopback only)").arg(server.address()));
    else ctx.progress(QStringLiteral("WARNING: serving %1 to the network; requests need the bearer token").arg(server.address()));
    if (ctx.json) ctx.print(QStringLiteral(R"({"type":"listening","address":"%1","port":%2})").arg(server.address()).arg(server.port()));
    runUntilStopped(duration);
    session.stop();
    server.stop();
    return kOk;
}

}  // namespace

LHM_COMMAND("serve", "local HTTP + WebSocket API: heatmap, levels, compare, history, signals, alerts, live stream", runServe);
