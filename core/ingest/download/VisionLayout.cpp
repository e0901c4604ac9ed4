#include "ingest/download/VisionLayout.h"

#include "common/Timeframe.h"

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
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/'))) base.chop(1);
    QString folder = QStringLiteral("data/futures/um/%1/%2/%3/")
                         .arg(monthly ? QStringLiteral("monthly") : QStringLiteral("daily"), type, symbol);
    if (klines) folder += interval + QLatin1Char('/');
    it.relativePath = folder + it.fileName;
    it.url = QUrl(base + QLatin1Char('/') + it.relativePath);
    it.checksumUrl = QUrl(base + QLatin1Char('/') + it.relativePath + QStringLiteral(".CHECKSUM"));
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
        return Error(QStringLiteral("'%1' is not a base URL like https://data.binance.vision").arg(base), {}, 0,
                     QStringLiteral("base-url"));

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
