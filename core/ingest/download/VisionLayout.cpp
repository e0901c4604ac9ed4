#include "ingest/download/VisionLayout.h"

#include "common/Timeframe.h"
#include "common/UrlRedaction.h"

#include <QDateTime>
#include <QRegularExpression>

namespace lhm {

QString VisionLayout::defaultBaseUrl() {
    const QString env = qEnvironmentVariable("LHM_BINANCE_VISION_URL");
    return env.isEmpty() ? QString::fromLatin1(kPublicHost) : env;
}

QStringList VisionLayout::knownTypes() {
    return {QStringLiteral("metrics"), QStringLiteral("klines"), QStringLiteral("fundingRate"),
            QStringLiteral("aggTrades")};
}

DownloadItem VisionLayout::item(const QString &baseUrl, const QString &symbol, const QString &type,
                                const QString &interval, const QDate &period) {
    DownloadItem it;
    it.symbol = symbol;
    it.type = type;
    const bool klines = type == QLatin1String("klines");
    if (klines) it.interval = interval;
    const bool monthly = isMonthly(type);
    it.period = period.toString(monthly ? QStringLiteral("yyyy-MM") : QStringLiteral("yyyy-MM-dd"));
    const QString middle = klines ? interval : type;
    it.fileName = QStringLiteral("%1-%2-%3.zip").arg(symbol, middle, it.period);
    QString folder = QStringLiteral("data/futures/um/%1/%2/%3/")
                         .arg(monthly ? QStringLiteral("monthly") : QStringLiteral("daily"), type, symbol);
    if (klines) folder += interval + QLatin1Char('/');
    it.relativePath = folder + it.fileName;
    // Appended to the base's path, so a base URL with a query string (a signed mirror) keeps it.
    QUrl url(baseUrl);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) path.chop(1);
    url.setPath(path + QLatin1Char('/') + it.relativePath);
    it.url = url;
    url.setPath(path + QLatin1Char('/') + it.relativePath + QStringLiteral(".CHECKSUM"));
    it.checksumUrl = url;
    return it;
}

Result<std::vector<DownloadItem>> VisionLayout::plan(const DownloadRequest &r) {
    static const QRegularExpression symbolRe(QStringLiteral("^[A-Z0-9]{2,30}$"));
    if (r.symbols.isEmpty()) return Error(QStringLiteral("no symbol given (e.g. --symbol BTCUSDT)"));
    for (const QString &s : r.symbols)
        if (!symbolRe.match(s).hasMatch())
            return Error(QStringLiteral("'%1' is not a symbol like BTCUSDT").arg(s), {}, 0, QStringLiteral("symbol"));
    if (!r.from.isValid() || !r.to.isValid()) return Error(QStringLiteral("dates must be YYYY-MM-DD"));
    if (r.from > r.to)
        return Error(QStringLiteral("--from %1 is after --to %2")
                         .arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate)));
    // Refused before any list is built: a mistyped year (0024) or 1000..9999 would otherwise
    // plan millions of files.
    if (r.from < kEarliestDay)
        return Error(QStringLiteral("%1 is before %2: the archive has no USD-M futures data that old")
                         .arg(r.from.toString(Qt::ISODate), kEarliestDay.toString(Qt::ISODate)),
                     {}, 0, QStringLiteral("from"));
    const QDate latest = QDateTime::currentDateTimeUtc().date().addDays(1);
    if (r.to > latest)
        return Error(QStringLiteral("%1 is in the future").arg(r.to.toString(Qt::ISODate)), {}, 0, QStringLiteral("to"));
    if (r.from.daysTo(r.to) + 1 > kMaxDays)
        return Error(QStringLiteral("%1 days from %2 to %3: at most %4 days per download (split the range)")
                         .arg(r.from.daysTo(r.to) + 1)
                         .arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate))
                         .arg(kMaxDays),
                     {}, 0, QStringLiteral("to"));
    if (r.types.isEmpty()) return Error(QStringLiteral("no type given"));
    for (const QString &t : r.types)
        if (!knownTypes().contains(t))
            return Error(QStringLiteral("unknown type '%1' (known: %2)").arg(t, knownTypes().join(QLatin1Char(','))),
                         {}, 0, QStringLiteral("types"));
    if (r.types.contains(QLatin1String("klines")) && !intervalMs(r.interval))
        return Error(QStringLiteral("unknown interval '%1' (e.g. 1m, 5m, 1h)").arg(r.interval), {}, 0,
                     QStringLiteral("interval"));
    const QString base = r.baseUrl.isEmpty() ? defaultBaseUrl() : r.baseUrl;
    const QUrl baseUrl(base);
    if (!baseUrl.isValid() || baseUrl.scheme().isEmpty() || baseUrl.host().isEmpty())
        return Error(QStringLiteral("'%1' is not a base URL like https://data.binance.vision").arg(redactUrl(base)), {}, 0,
                     QStringLiteral("base-url"));
    if (baseUrl.scheme() != QLatin1String("https") && baseUrl.scheme() != QLatin1String("http"))
        return Error(QStringLiteral("'%1': only http and https URLs are supported").arg(redactUrl(base)), {}, 0,
                     QStringLiteral("base-url"));
    // Upper bound on the whole run (one day per type per symbol, monthly types fewer).
    const qint64 files = qint64(r.symbols.size()) * r.types.size() * (r.from.daysTo(r.to) + 1);
    if (files > kMaxFiles)
        return Error(QStringLiteral("%1 files requested (symbols x types x days): at most %2 per download").arg(files).arg(kMaxFiles),
                     {}, 0, QStringLiteral("symbol"));

    std::vector<DownloadItem> out;
    for (const QString &symbol : r.symbols) {
        for (const QString &type : knownTypes()) {  // fixed order, whatever order the user typed
            if (!r.types.contains(type)) continue;
            if (isMonthly(type)) {
                for (QDate m(r.from.year(), r.from.month(), 1); m <= r.to; m = m.addMonths(1))
                    out.push_back(item(base, symbol, type, r.interval, m));
            } else {
                for (QDate d = r.from; d <= r.to; d = d.addDays(1))
                    out.push_back(item(base, symbol, type, r.interval, d));
            }
        }
    }
    return out;
}

}  // namespace lhm
