#include "ingest/thirdparty/ThirdPartyFormat.h"

#include <QFileInfo>
#include <array>

namespace lhm {

namespace {
struct FormatInfo {
    ThirdPartyFormat format;
    const char *name;
    const char *header;  // normalised first line; nullptr for header-less layouts
    const char *fileSuffix;
};
constexpr std::array<FormatInfo, 9> kFormats{{
    {ThirdPartyFormat::BinanceForceOrder, "binance-forceorder", "timestamp,symbol,side,avg_price,filled_qty,usd_value", nullptr},
    {ThirdPartyFormat::GenericLiquidations, "liquidations", "time,exchange,symbol,side,price,qty", nullptr},
    {ThirdPartyFormat::VenueLiquidations, "venue-liquidations", "timestamp,venue,coin,side,size_usd,price", nullptr},
    {ThirdPartyFormat::VenueOpenInterest, "venue-open-interest", "timestamp,venue,coin,oi_usd", nullptr},
    {ThirdPartyFormat::VenueCandles, "venue-candles", "timestamp,venue,coin,o,h,l,c,v", nullptr},
    {ThirdPartyFormat::VenueFunding, "venue-funding", "timestamp,venue,coin,funding_rate", nullptr},
    {ThirdPartyFormat::CoinalyzeLiquidations, "coinalyze-liquidations", nullptr, "_liquidation-history.csv"},
    {ThirdPartyFormat::CoinalyzeOpenInterest, "coinalyze-open-interest", nullptr, "_open-interest-history.csv"},
    {ThirdPartyFormat::CoinalyzeOhlcv, "coinalyze-ohlcv", nullptr, "_ohlcv-history.csv"},
}};
}  // namespace

QString thirdPartyFormatName(ThirdPartyFormat f) {
    for (const FormatInfo &i : kFormats)
        if (i.format == f) return QString::fromLatin1(i.name);
    return {};
}

std::optional<ThirdPartyFormat> thirdPartyFormatByName(const QString &name) {
    for (const FormatInfo &i : kFormats)
        if (name == QLatin1String(i.name)) return i.format;
    return std::nullopt;
}

QStringList thirdPartyFormatNames() {
    QStringList out;
    for (const FormatInfo &i : kFormats) out << QString::fromLatin1(i.name);
    return out;
}

bool thirdPartyHasHeader(ThirdPartyFormat f) {
    for (const FormatInfo &i : kFormats)
        if (i.format == f) return i.header != nullptr;
    return false;
}

std::optional<ThirdPartyFormat> detectThirdPartyFormat(const QString &fileName, const QByteArray &firstLine) {
    QByteArray h = firstLine.trimmed().toLower();
    if (h.startsWith("\xef\xbb\xbf")) h.remove(0, 3);  // UTF-8 byte-order mark
    h.replace(' ', "");
    for (const FormatInfo &i : kFormats) {
        if (!i.header) continue;
        const QByteArray want(i.header);
        // The generic layout's notional column is optional.
        if (h == want || (i.format == ThirdPartyFormat::GenericLiquidations && h == want + ",notional")) return i.format;
    }
    const QString base = QFileInfo(fileName).fileName();
    for (const FormatInfo &i : kFormats)
        if (i.fileSuffix && base.endsWith(QLatin1String(i.fileSuffix), Qt::CaseInsensitive)) return i.format;
    return std::nullopt;
}

}  // namespace lhm
