// lhm download: fetch data.binance.vision zips (resuming, retrying, verifying) and import them;
// --exchange bybit|okx|hyperliquid takes the REST history path (DownloadHistory.cpp).
//
// Exit codes: 0 when every file was imported, was already imported, or does not exist on the
// host (a 404 is listed as "not-found" but a range with a missing day still delivers the rest);
// 1 when a file failed (network after retries, checksum mismatch, import error) or the host
// cannot be reached; 2 on bad arguments.
#include "Cli.h"
#include "DownloadHistory.h"

#include "config/ExchangeRegistry.h"

#include "common/UrlRedaction.h"
#include "ingest/download/Downloader.h"
#include "ingest/download/VisionLayout.h"

#include <QJsonObject>
#include <cstdio>
#include <unistd.h>

using namespace lhm;
using namespace lhm::cli;

namespace {

QJsonObject toJson(const DownloadFileResult &r) {
    QJsonObject o{{"file", r.item.fileName},       {"url", redactUrl(r.item.url)},
                  {"status", downloadStatusName(r.status)}, {"symbol", r.item.symbol},
                  {"type", r.item.type},           {"period", r.item.period},
                  {"rows", double(r.rows)},        {"skipped", double(r.skipped)},
                  {"bytes", double(r.bytes)},      {"verified", r.verified},
                  {"attempts", r.attempts}};
    if (!r.item.interval.isEmpty()) o.insert(QStringLiteral("interval"), r.item.interval);
    if (!r.localPath.isEmpty()) o.insert(QStringLiteral("path"), r.localPath);
    if (!r.message.isEmpty()) o.insert(QStringLiteral("message"), r.message);
    return o;
}

QString toText(const DownloadFileResult &r) {
    QString line = QStringLiteral("%1 %2").arg(downloadStatusName(r.status), -17).arg(r.item.fileName);
    if (r.status == DownloadStatus::Imported) line += QStringLiteral("  rows=%1 skipped=%2").arg(r.rows).arg(r.skipped);
    if (!r.message.isEmpty()) line += QStringLiteral("  (%1)").arg(r.message);
    return line;
}

int runDownload(Context &ctx) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Download futures history. --exchange binance (default): data.binance.vision daily zips (monthly for fundingRate),\n"
        "each .CHECKSUM verified, partial files resumed, then imported; files already imported are skipped.\n"
        "--exchange bybit|okx|hyperliquid: the exchange's REST history API, page by page into the store; only what the\n"
        "store lacks is fetched (re-running a range is a no-op). Hyperliquid has no open-interest history.\n"
        "Exit 0 when all files landed or were skipped (404s are listed, not fatal), 1 on failures, 2 on bad arguments."));
    p.addOption({QStringLiteral("exchange"),
                 QStringLiteral("binance (data.binance.vision, default), bybit, okx or hyperliquid (their REST history APIs)."),
                 QStringLiteral("name"), QStringLiteral("binance")});
    p.addOption({QStringLiteral("symbol"), QStringLiteral("Symbols, comma-separated (BTCUSDT,ETHUSDT)."), QStringLiteral("list")});
    p.addOption({QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (UTC)."), QStringLiteral("date")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD (UTC), inclusive."), QStringLiteral("date")});
    p.addOption({QStringLiteral("types"),
                 QStringLiteral("Comma-separated. binance: metrics,klines,fundingRate,aggTrades (default metrics,klines,fundingRate;\n"
                                "open_interest and funding are accepted as metrics and fundingRate). Others: open_interest,klines,funding\n"
                                "(default all three; hyperliquid has no open-interest history)."),
                 QStringLiteral("list")});
    p.addOption({QStringLiteral("interval"), QStringLiteral("Kline interval (default 1m)."), QStringLiteral("interval"),
                 QStringLiteral("1m")});
    p.addOption({QStringLiteral("base-url"),
                 QStringLiteral("Host or mirror (default $LHM_BINANCE_VISION_URL, else https://data.binance.vision)."),
                 QStringLiteral("url")});
    p.addOption({QStringLiteral("dest"), QStringLiteral("Download folder (default: the app's cache folder)."),
                 QStringLiteral("dir")});
    p.addOption({QStringLiteral("retry-delay"), QStringLiteral("First retry backoff in ms (default 1000)."),
                 QStringLiteral("ms"), QStringLiteral("1000")});
    if (!ctx.parse(p)) return ctx.exitCode;
    const QString exchange = p.value(QStringLiteral("exchange")).trimmed().toLower();
    const ExchangeDescriptor *ex = nullptr;
    auto registry = ExchangeRegistry::load();
    if (registry) ex = registry->find(exchange);
    if (!ex) ex = ExchangeRegistry::builtin(exchange);
    if (!ex)
        return ctx.fail(QStringLiteral("--exchange: unknown exchange '%1' (known: %2)")
                            .arg(exchange, ExchangeRegistry::knownNames().join(QLatin1Char(','))));
    if (!ex->dailyArchive) return runExchangeHistory(ctx, p, *ex);

    DownloadRequest req;
    if (auto code = readSymbolsAndDays(ctx, p, &req.symbols, &req.from, &req.to)) return *code;
    req.types = p.isSet(QStringLiteral("types")) ? splitCommaList(p.value(QStringLiteral("types")))
                                                 : QStringList{QStringLiteral("metrics"), QStringLiteral("klines"), QStringLiteral("fundingRate")};
    // The names every exchange shares map onto the archive's own.
    for (QString &t : req.types) {
        if (t == QLatin1String("open_interest")) t = QStringLiteral("metrics");
        else if (t == QLatin1String("funding")) t = QStringLiteral("fundingRate");
    }
    req.interval = p.value(QStringLiteral("interval"));
    if (p.isSet(QStringLiteral("base-url"))) req.baseUrl = p.value(QStringLiteral("base-url"));
    bool delayOk = false;
    DownloadOptions opts;
    opts.retryBaseDelayMs = p.value(QStringLiteral("retry-delay")).toInt(&delayOk);
    // Capped: the backoff adds up to this much jitter, and a day-long first retry helps nobody.
    if (!delayOk || opts.retryBaseDelayMs < 0 || opts.retryBaseDelayMs > 60000)
        return ctx.fail(QStringLiteral("--retry-delay '%1' is not a number of ms in 0..60000").arg(p.value(QStringLiteral("retry-delay"))));
    if (p.isSet(QStringLiteral("dest"))) opts.destDir = p.value(QStringLiteral("dest"));

    auto plan = VisionLayout::plan(req);
    if (!plan) {
        const Error &e = plan.error();
        return ctx.fail(e.field.isEmpty() ? e.message : QStringLiteral("--%1: %2").arg(e.field, e.message));
    }
    auto store = ctx.openStore();
    if (!store) return kBadInput;

    Downloader dl(*store, opts);
    const bool tty = isatty(STDERR_FILENO);
    int total = 0;
    QObject::connect(&dl, &Downloader::started, [&](int n) { total = n; });
    QObject::connect(&dl, &Downloader::fileStarted, [&](int i, const QString &name) {
        ctx.progress(QStringLiteral("[%1/%2] %3").arg(i + 1).arg(total).arg(name));
    });
    QObject::connect(&dl, &Downloader::retrying, [&](int, int attempt, int delay, const QString &why) {
        ctx.progress(QStringLiteral("  attempt %1 failed (%2); retrying in %3 ms").arg(attempt).arg(why).arg(delay));
    });
    if (tty) {
        QObject::connect(&dl, &Downloader::fileProgress, [&](int, qint64 done, qint64 size) {
            if (size > 0) std::fprintf(stderr, "\r  %5.1f%% of %lld bytes", 100.0 * double(done) / double(size), size);
            else std::fprintf(stderr, "\r  %lld bytes", done);
        });
        QObject::connect(&dl, &Downloader::fileStage, [&](int, DownloadStage stage) {
            std::fprintf(stderr, "\r  %-40s\r", downloadStageName(stage));
        });
    }
    QObject::connect(&dl, &Downloader::fileFinished, [&](int, const DownloadFileResult &r) {
        if (tty) std::fprintf(stderr, "\r%-60s\r", "");
        if (ctx.json) ctx.printJson(QJsonDocument(toJson(r)));
        else ctx.print(toText(r));
    });
    const DownloadSummary s = dl.run(*plan);
    ctx.progress(QStringLiteral("done: %1 imported, %2 already imported, %3 not found, %4 failed, %5 checksum mismatch")
                     .arg(s.count(DownloadStatus::Imported)).arg(s.count(DownloadStatus::AlreadyImported))
                     .arg(s.count(DownloadStatus::NotFound)).arg(s.count(DownloadStatus::Failed))
                     .arg(s.count(DownloadStatus::ChecksumMismatch)));
    if (s.fatal) return ctx.fail(*s.fatal, kFailure);
    return s.ok() ? kOk : kFailure;
}

}  // namespace

LHM_COMMAND("download", "fetch history (Binance archive, Bybit/OKX/Hyperliquid REST; resumable) and import it", runDownload);
