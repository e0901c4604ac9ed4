#pragma once
// The third-party file layouts `lhm import` reads besides data.binance.vision (docs/validation.md
// "Importing" lists their columns and units). Recognised by header or file name, or named with
// `--format`.
#include <QString>
#include <QStringList>
#include <optional>

namespace lhm {

enum class ThirdPartyFormat {
    BinanceForceOrder,      // timestamp,symbol,side,avg_price,filled_qty,usd_value (side = order side)
    GenericLiquidations,    // time,exchange,symbol,side,price,qty[,notional]
    VenueLiquidations,      // timestamp,venue,coin,side,size_usd,price
    VenueOpenInterest,      // timestamp,venue,coin,oi_usd
    VenueCandles,           // timestamp,venue,coin,o,h,l,c,v (hourly)
    VenueFunding,           // timestamp,venue,coin,funding_rate
    CoinalyzeLiquidations,  // no header: time,long,short (base units per hour)
    CoinalyzeOpenInterest,  // no header: time,open,high,low,close (base units)
    CoinalyzeOhlcv,         // no header: time,open,high,low,close,volume,buy_volume,trades,buy_trades
};

QString thirdPartyFormatName(ThirdPartyFormat f);
std::optional<ThirdPartyFormat> thirdPartyFormatByName(const QString &name);
QStringList thirdPartyFormatNames();

// From the first line (a header) or, for header-less Coinalyze exports, the file name
// (SYMBOL_PERP.X_liquidation-history.csv, ..._open-interest-history.csv, ..._ohlcv-history.csv).
std::optional<ThirdPartyFormat> detectThirdPartyFormat(const QString &fileName, const QByteArray &firstLine);

// True when the format's rows carry a header line to skip.
bool thirdPartyHasHeader(ThirdPartyFormat f);

}  // namespace lhm
