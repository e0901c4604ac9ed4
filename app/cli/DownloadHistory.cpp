// Exit codes as for the Binance archive: 0 when every series landed or was already complete, 1
// when a series failed (network after retries, a malformed page) or the host cannot be reached,
// 2 on bad arguments (unknown type for the exchange, interval, dates, base URL).
#include "DownloadHistory.h"

#include "common/UrlRedaction.h"
#include "config/ExchangeDescriptor.h"
#include "ingest/history/HistoryDownloader.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace lhm::cli {

QStringList splitCommaList(const QString &s) {
    QStringList out;
    for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) out << part.trimmed();
    return out;
}

std::optional<QDate> parseDay(const QString &s) {
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!re.match(s).hasMatch()) return std::nullopt;
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid()) return std::nullopt;
    return d;
}

std::optional<int> readSymbolsAndDays(Context &ctx, const QCommandLineParser &p, QStringList *symbols, QDate *from, QDate *to) {
    if (!p.isSet(QStringLiteral("symbol"))) return ctx.fail(QStringLiteral("--symbol is required (e.g. --symbol BTCUSDT)"));
    *symbols = splitCommaList(p.value(QStringLiteral("symbol")).toUpper());
    for (const char *name : {"from", "to"}) {
        const QString opt = QString::fromLatin1(name);
        if (!p.isSet(opt)) return ctx.fail(QStringLiteral("--%1 YYYY-MM-DD is required").arg(opt));
        const auto d = parseDay(p.value(opt));
        if (!d) return ctx.fail(QStringLiteral("--%1 '%2' is not a date YYYY-MM-DD").arg(opt, p.value(opt)));
        *(opt == QLatin1String("from") ? from : to) = *d;
    }
    return std::nullopt;
}

namespace {

QJsonObject toJson(const QString &exchange, const HistorySeriesResult &r) {
    QJsonObject o{{"exchange", exchange},
                  {"symbol", r.series.symbol},
                  {"type", QLatin1String(historyTypeName(r.series.type))},
                  {"status", QLatin1String(historyStatusName(r.status))},
                  {"pages", r.pages},
                  {"rows", double(r.rows)},
                  {"inserted", double(r.inserted)}};
    if (!r.series.interval.isEmpty()) o.insert(QStringLiteral("interval"), r.series.interval);
    if (!r.message.isEmpty()) o.insert(QStringLiteral("message"), r.message);
    return o;
}

}  // namespace

int runExchangeHistory(Context &ctx, const QCommandLineParser &p, const ExchangeDescriptor &ex) {
    HistoryPlanRequest req;
    if (auto code = readSymbolsAndDays(ctx, p, &req.symbols, &req.from, &req.to)) return *code;
    const QStringList types = p.isSet(QStringLiteral("types")) ? splitCommaList(p.value(QStringLiteral("types")))
                                                               : QStringList{QStringLiteral("open_interest"), QStringLiteral("klines"),
                                                                             QStringLiteral("funding")};
    for (const QString &t : types) {
        HistoryType type;
        if (!historyTypeFromName(t, &type))
            return ctx.fail(QStringLiteral("--types: unknown type '%1' for %2 (known: open_interest,klines,funding)").arg(t, ex.name));
        if (std::find(req.types.begin(), req.types.end(), type) == req.types.end()) req.types.push_back(type);
    }
    req.interval = p.value(QStringLiteral("interval"));
    const QString base = p.isSet(QStringLiteral("base-url")) ? p.value(QStringLiteral("base-url")) : ex.restUrl;
    const QUrl baseUrl(base);
    if (!baseUrl.isValid() || (baseUrl.scheme() != QLatin1String("http") && baseUrl.scheme() != QLatin1String("https")) || baseUrl.host().isEmpty())
        return ctx.fail(QStringLiteral("--base-url %1: expected http(s)://host[:port]").arg(redactUrl(base)));
    bool delayOk = false;
    HistoryOptions opts;
    opts.retryBaseDelayMs = p.value(QStringLiteral("retry-delay")).toInt(&delayOk);
    if (!delayOk || opts.retryBaseDelayMs < 0 || opts.retryBaseDelayMs > 60000)
        return ctx.fail(QStringLiteral("--retry-delay '%1' is not a number of ms in 0..60000").arg(p.value(QStringLiteral("retry-delay"))));
    // Tests and mirrors on loopback need no spacing between requests; the exchanges do.
    if (baseUrl.host() == QLatin1String("127.0.0.1") || baseUrl.host() == QLatin1String("localhost")) opts.minRequestIntervalMs = 0;

    const auto source = createHistorySource(ex.name, base);
    if (!source) return ctx.fail(QStringLiteral("%1 has no REST history download").arg(ex.name));
    auto plan = HistoryDownloader::plan(ex, *source, req, QDateTime::currentMSecsSinceEpoch());
    if (!plan) {
        const Error &e = plan.error();
        return ctx.fail(e.field.isEmpty() ? e.message : QStringLiteral("--%1: %2").arg(e.field, e.message));
    }
    auto store = ctx.openStore();
    if (!store) return kBadInput;

    HistoryDownloader dl(*store, ex, *source, opts);
    int total = 0;
    QObject::connect(&dl, &HistoryDownloader::started, [&](int n) { total = n; });
    QObject::connect(&dl, &HistoryDownloader::seriesStarted, [&](int i, const QString &name) {
        ctx.progress(QStringLiteral("[%1/%2] %3 %4").arg(i + 1).arg(total).arg(ex.name, name));
    });
    QObject::connect(&dl, &HistoryDownloader::retrying, [&](int, int attempt, int delay, const QString &why) {
        ctx.progress(QStringLiteral("  attempt %1 failed (%2); retrying in %3 ms").arg(attempt).arg(why).arg(delay));
    });
    QObject::connect(&dl, &HistoryDownloader::seriesFinished, [&](int, const HistorySeriesResult &r) {
        if (ctx.json) {
            ctx.printJson(QJsonDocument(toJson(ex.name, r)));
            return;
        }
        QString line = QStringLiteral("%1 %2 %3").arg(QLatin1String(historyStatusName(r.status)), -17).arg(ex.name, r.series.name());
        if (r.status == HistorySeriesResult::Status::Imported)
            line += QStringLiteral("  pages=%1 rows=%2 new=%3").arg(r.pages).arg(r.rows).arg(r.inserted);
        if (!r.message.isEmpty()) line += QStringLiteral("  (%1)").arg(r.message);
        ctx.print(line);
    });
    const HistorySummary s = dl.run(*plan);
    if (s.fatal) return ctx.fail(*s.fatal, kFailure);
    return s.ok() ? kOk : kFailure;
}

}  // namespace lhm::cli
