// lhm tiers generate|refresh|fetch: leverage tiers.
//   fetch --exchange E [--symbol S] [--base-url URL] refreshes config/tiers/<E>/<S>.yaml (BTCUSDT and
//   ETHUSDT by default) from the exchange's public endpoint (its TierFetch, core/exchanges/<id>/<Enum>Tiers.cpp:
//   Bybit /v5/market/risk-limit, OKX /api/v5/public/position-tiers, Hyperliquid POST /info {"type":"meta"});
//   Binance is `refresh`. Every table passes the tier checks before its file is replaced.
//   generate --snapshot FILE   reads a saved leverageBracket response or a ccxt leverage-tiers dump
//                              (shared/data section 1) and writes one YAML per symbol;
//   refresh [--base-url URL]   fetches GET /fapi/v1/leverageBracket (Binance signs this USER_DATA
//                              endpoint: with LHM_BINANCE_API_KEY and LHM_BINANCE_API_SECRET set the
//                              request is signed, otherwise sent unsigned) and writes the same files.
// Both write into --out DIR (default: <config>/tiers/binance), only for symbols that pass every
// tier check; the others are listed and the exit code is 2 when none was written.
#include "Cli.h"

#include "common/Paths.h"
#include "common/UrlRedaction.h"
#include "config/LeverageBrackets.h"
#include "config/ExchangesConfig.h"
#include "ingest/rest/RestJson.h"
#include "ingest/rest/TierFetch.h"
#include "ingest/rest/TierResponses.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimeZone>
#include <QUrlQuery>

using namespace lhm;
using namespace lhm::cli;

namespace {

constexpr qint64 kMaxResponseBytes = 64LL << 20;  // the full response is ~1 MB

int writeAll(Context &ctx, const BracketParse &parsed, const QString &outDir, const QString &source) {
    if (!QDir().mkpath(outDir)) return ctx.fail(QStringLiteral("cannot create %1").arg(outDir), kFailure);
    QStringList written;
    for (const LeverageTiers &t : parsed.symbols) {
        QSaveFile f(QDir(outDir).filePath(t.symbol() + QStringLiteral(".yaml")));
        if (!f.open(QIODevice::WriteOnly) || f.write(leverageTiersYaml(t, source)) < 0 || !f.commit())
            return ctx.fail(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()), kFailure);
        written << t.symbol();
    }
    if (ctx.json) {
        QJsonArray skipped;
        for (const auto &[symbol, why] : parsed.skipped)
            skipped.append(QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("reason"), why}});
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("out"), outDir},
                                                {QStringLiteral("written"), QJsonArray::fromStringList(written)},
                                                {QStringLiteral("skipped"), skipped}}));
    } else {
        ctx.print(QStringLiteral("%1 symbols written to %2, %3 skipped").arg(written.size()).arg(outDir).arg(parsed.skipped.size()));
        for (const auto &[symbol, why] : parsed.skipped) ctx.print(QStringLiteral("  skipped %1: %2").arg(symbol, why));
    }
    return written.isEmpty() ? kBadInput : kOk;
}

int generate(Context &ctx, const QCommandLineParser &p, const QString &outDir) {
    const QString path = p.value(QStringLiteral("snapshot"));
    if (path.isEmpty()) return ctx.fail(QStringLiteral("--snapshot FILE is required"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return ctx.fail(QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxResponseBytes) return ctx.fail(QStringLiteral("%1: larger than %2 bytes").arg(path).arg(kMaxResponseBytes));
    auto parsed = parseBinanceBrackets(f.readAll(), QFileInfo(path).fileName());
    if (!parsed) return ctx.fail(parsed.error());
    QString source = QStringLiteral("Source: %1").arg(QFileInfo(path).fileName());
    if (p.isSet(QStringLiteral("note"))) source += QLatin1Char('\n') + p.value(QStringLiteral("note"));
    return writeAll(ctx, *parsed, outDir, source);
}

int refresh(Context &ctx, const QCommandLineParser &p, const QString &outDir) {
    const QString base = p.isSet(QStringLiteral("base-url")) ? p.value(QStringLiteral("base-url"))
                                                             : QStringLiteral("https://fapi.binance.com");
    QList<QPair<QString, QString>> query;
    const QString symbol = p.value(QStringLiteral("symbol")).trimmed().toUpper();
    if (!symbol.isEmpty()) query.append({QStringLiteral("symbol"), symbol});
    const QByteArray key = qgetenv("LHM_BINANCE_API_KEY"), secret = qgetenv("LHM_BINANCE_API_SECRET");
    const bool sign = !key.isEmpty() && !secret.isEmpty();
    if (sign) {
        query.append({QStringLiteral("timestamp"), QString::number(QDateTime::currentMSecsSinceEpoch())});
        QUrlQuery q;
        q.setQueryItems(query);
        const QByteArray signature = QMessageAuthenticationCode::hash(q.toString(QUrl::FullyEncoded).toUtf8(), secret,
                                                                      QCryptographicHash::Sha256)
                                         .toHex();
        query.append({QStringLiteral("signature"), QString::fromLatin1(signature)});
    }
    const QUrl url = rest::restUrl(base, QStringLiteral("/fapi/v1/leverageBracket"), query);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return ctx.fail(QStringLiteral("--base-url '%1' is not an http(s) URL").arg(base));
    // The query carries the signature: never print it.
    const QString shown = redactUrl(url);
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("liquidationheatmap"));
    req.setTransferTimeout(30000);
    if (sign) req.setRawHeader("X-MBX-APIKEY", key);
    QNetworkReply *reply = nam.get(req);
    QByteArray body;
    bool tooLarge = false;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        body += reply->readAll();
        if (body.size() > kMaxResponseBytes && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) loop.exec();
    body += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString error = redactUrlsIn(reply->errorString());
    const bool failed = reply->error() != QNetworkReply::NoError;
    reply->deleteLater();
    if (tooLarge)
        return ctx.fail(QStringLiteral("GET %1: response larger than %2 bytes").arg(shown).arg(kMaxResponseBytes), kFailure);
    if (failed || status != 200)
        return ctx.fail(QStringLiteral("GET %1: %2").arg(shown, status ? QStringLiteral("HTTP %1").arg(status) : error),
                        kFailure);
    auto parsed = parseBinanceBrackets(body, QStringLiteral("leverageBracket response"));
    if (!parsed) return ctx.fail(parsed.error());
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString endpoint = redactUrl(url.adjusted(QUrl::RemoveQuery));
    return writeAll(ctx, *parsed, outDir, QStringLiteral("Source: GET %1 at %2").arg(endpoint, at));
}

struct Reply {
    QByteArray body;
    QString error;  // empty on HTTP 200
};

// One bounded request (GET, or POST with a JSON body); the URL in errors is redacted.
Reply httpCall(const QUrl &url, const QByteArray &postJson = {}) {
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("liquidationheatmap"));
    req.setTransferTimeout(30000);
    QNetworkReply *reply = nullptr;
    if (postJson.isEmpty()) {
        reply = nam.get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = nam.post(req, postJson);
    }
    Reply out;
    bool tooLarge = false;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        out.body += reply->readAll();
        if (out.body.size() > kMaxResponseBytes && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) loop.exec();
    out.body += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString shown = redactUrl(url);
    if (tooLarge) out.error = QStringLiteral("%1: response larger than %2 bytes").arg(shown).arg(kMaxResponseBytes);
    else if (reply->error() != QNetworkReply::NoError || status != 200)
        out.error = QStringLiteral("%1: %2").arg(shown, status ? QStringLiteral("HTTP %1").arg(status) : redactUrlsIn(reply->errorString()));
    reply->deleteLater();
    return out;
}

// The tiers of one symbol from the exchange's public endpoint (its TierFetch builds the requests and
// reads the answers). `network` is set when the host did not answer properly (exit 1) rather than
// answering with a table that fails the checks (exit 2). `method` receives GET or POST (for the file's Source line).
Result<LeverageTiers> fetchTiers(const QString &exchange, const QString &base, const ExchangeSymbolConfig &sym, bool *network,
                                 QString *method) {
    *network = true;
    std::unique_ptr<rest::TierFetch> fetch = rest::createTierFetch(exchange);
    if (!fetch) return Error(QStringLiteral("%1 has no public tier endpoint").arg(exchange));
    QString cursor;
    for (int page = 0; page < 20; ++page) {  // BTCUSDT fits one page; the bound stops a cursor loop
        const rest::TierRequest req = fetch->request(base, sym, cursor);
        *method = req.postJson.isEmpty() ? QStringLiteral("GET") : QStringLiteral("POST");
        const Reply r = httpCall(req.url, req.postJson);
        if (!r.error.isEmpty()) return Error(r.error);
        *network = false;
        QString next;
        if (Status st = fetch->page(r.body, sym, &next); !st) return st.error();
        if (next.isEmpty() || next == cursor) break;
        cursor = next;
        *network = true;
    }
    *network = false;
    return fetch->tiers(sym);
}

// "a, b or c"
QString orList(const QStringList &names) {
    if (names.size() < 2) return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + names.last();
}

int fetch(Context &ctx, const QCommandLineParser &p) {
    const QString exchange = p.value(QStringLiteral("exchange")).trimmed().toLower();
    QString why;
    if (!rest::createTierFetch(exchange, &why)) {
        if (!why.isEmpty()) return ctx.fail(why);
        return ctx.fail(QStringLiteral("--exchange must be %1, got '%2'").arg(orList(rest::tierFetchExchanges()), exchange));
    }
    auto config = ExchangesConfig::load();
    if (!config) return ctx.fail(config.error());
    const ExchangeConfig *ex = config->find(exchange);
    if (!ex) return ctx.fail(QStringLiteral("%1 is not in exchanges.yaml").arg(exchange));
    const QString base = p.isSet(QStringLiteral("base-url")) ? p.value(QStringLiteral("base-url")) : ex->restUrl;
    const QUrl baseUrl(base);
    if (!baseUrl.isValid() || (baseUrl.scheme() != QLatin1String("http") && baseUrl.scheme() != QLatin1String("https")))
        return ctx.fail(QStringLiteral("--base-url '%1' is not an http(s) URL").arg(redactUrl(baseUrl)));
    QStringList symbols;
    if (p.isSet(QStringLiteral("symbol"))) symbols << p.value(QStringLiteral("symbol")).trimmed().toUpper();
    else for (const auto &s : ex->symbols) symbols << s.unified;
    const QString outDir = p.isSet(QStringLiteral("out")) ? p.value(QStringLiteral("out"))
                                                          : configDir() + QStringLiteral("/tiers/") + exchange;
    if (!QDir().mkpath(outDir)) return ctx.fail(QStringLiteral("cannot create %1").arg(outDir), kFailure);
    QJsonArray written;
    for (const QString &symbol : symbols) {
        const ExchangeSymbolConfig *sym = ex->symbol(symbol);
        if (!sym) return ctx.fail(QStringLiteral("%1 has no symbol %2 in exchanges.yaml").arg(exchange, symbol));
        bool network = false;
        QString method;
        auto tiers = fetchTiers(exchange, base, *sym, &network, &method);
        if (!tiers) return ctx.fail(tiers.error(), network ? kFailure : kBadInput);
        const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const QString source = QStringLiteral("Source: %1 %2 at %3").arg(method, redactUrl(QUrl(base)), at);
        QSaveFile f(QDir(outDir).filePath(symbol + QStringLiteral(".yaml")));
        if (!f.open(QIODevice::WriteOnly) || f.write(rest::tiersYaml(*tiers, source)) < 0 || !f.commit())
            return ctx.fail(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()), kFailure);
        written.append(QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("tiers"), int(tiers->tiers().size())},
                                   {QStringLiteral("file"), f.fileName()}});
        if (!ctx.json) ctx.print(QStringLiteral("%1 %2: %3 tiers written to %4").arg(exchange, symbol).arg(tiers->tiers().size()).arg(f.fileName()));
    }
    if (ctx.json) ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("exchange"), exchange}, {QStringLiteral("written"), written}}));
    return kOk;
}

int run(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Leverage tiers: every Binance USDⓈ-M symbol (generate, refresh), "
                                               "Bybit, OKX and Hyperliquid from their public endpoints (fetch)."));
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("generate | refresh | fetch"));
    p.addOption({QStringLiteral("exchange"), QStringLiteral("fetch: %1.").arg(orList(rest::tierFetchExchanges())), QStringLiteral("name")});
    p.addOption({QStringLiteral("snapshot"), QStringLiteral("generate: saved leverageBracket response or ccxt dump."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("note"), QStringLiteral("generate: a line for the files' source comment."),
                 QStringLiteral("text")});
    p.addOption({QStringLiteral("base-url"), QStringLiteral("refresh/fetch: REST base URL (default: the exchange's)."),
                 QStringLiteral("url")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("refresh: one symbol only."), QStringLiteral("S")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Folder for the YAML files (default <config>/tiers/binance)."),
                 QStringLiteral("dir")});
    if (!ctx.parse(p)) return ctx.exitCode;
    const QStringList pos = p.positionalArguments();
    const QString outDir = p.isSet(QStringLiteral("out")) ? p.value(QStringLiteral("out"))
                                                          : configDir() + QStringLiteral("/tiers/binance");
    if (pos.size() == 1 && pos[0] == QLatin1String("generate")) return generate(ctx, p, outDir);
    if (pos.size() == 1 && pos[0] == QLatin1String("refresh")) return refresh(ctx, p, outDir);
    if (pos.size() == 1 && pos[0] == QLatin1String("fetch")) return fetch(ctx, p);
    return ctx.fail(QStringLiteral("expected one action: generate, refresh or fetch"));
}

}  // namespace

LHM_COMMAND("tiers", "Write leverage tiers: Binance (generate from a snapshot, refresh from the API), Bybit/OKX/Hyperliquid (fetch).", run);
