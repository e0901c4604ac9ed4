// lhm tiers generate|refresh: leverage tiers for every Binance USDⓈ-M symbol.
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
#include "ingest/rest/RestJson.h"

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
    const QString base = p.value(QStringLiteral("base-url"));
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

int run(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Leverage tiers for every Binance USDⓈ-M symbol."));
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("generate | refresh"));
    p.addOption({QStringLiteral("snapshot"), QStringLiteral("generate: saved leverageBracket response or ccxt dump."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("note"), QStringLiteral("generate: a line for the files' source comment."),
                 QStringLiteral("text")});
    p.addOption({QStringLiteral("base-url"), QStringLiteral("refresh: REST base URL."), QStringLiteral("url"),
                 QStringLiteral("https://fapi.binance.com")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("refresh: one symbol only."), QStringLiteral("S")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Folder for the YAML files (default <config>/tiers/binance)."),
                 QStringLiteral("dir")});
    if (!ctx.parse(p)) return ctx.exitCode;
    const QStringList pos = p.positionalArguments();
    const QString outDir = p.isSet(QStringLiteral("out")) ? p.value(QStringLiteral("out"))
                                                          : configDir() + QStringLiteral("/tiers/binance");
    if (pos.size() == 1 && pos[0] == QLatin1String("generate")) return generate(ctx, p, outDir);
    if (pos.size() == 1 && pos[0] == QLatin1String("refresh")) return refresh(ctx, p, outDir);
    return ctx.fail(QStringLiteral("expected one action: generate or refresh"));
}

}  // namespace

LHM_COMMAND("tiers", "Write leverage tiers for every Binance USDⓈ-M symbol (generate from a snapshot, refresh from the API).", run);
