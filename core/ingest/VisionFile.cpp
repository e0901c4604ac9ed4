#include "ingest/VisionFile.h"

#include "common/Timeframe.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <cstring>

namespace lhm {

QString dataTypeName(DataType t) {
    switch (t) {
    case DataType::Metrics: return QStringLiteral("metrics");
    case DataType::Klines: return QStringLiteral("klines");
    case DataType::FundingRate: return QStringLiteral("fundingRate");
    case DataType::AggTrades: return QStringLiteral("aggTrades");
    case DataType::Unknown: break;
    }
    return {};
}

std::optional<VisionFileName> parseVisionFileName(const QString &pathOrName) {
    static const QRegularExpression re(QStringLiteral(
        R"(^([A-Z0-9]+)-([A-Za-z0-9]+)-(\d{4}-\d{2}(?:-\d{2})?)\.(csv|zip)$)"));
    const QRegularExpressionMatch m = re.match(QFileInfo(pathOrName).fileName());
    if (!m.hasMatch()) return std::nullopt;
    VisionFileName out;
    out.symbol = m.captured(1);
    const QString kind = m.captured(2);
    out.kind = kind;
    out.period = m.captured(3);
    out.zip = m.captured(4) == QLatin1String("zip");
    const bool daily = out.period.size() == 10;
    if (kind == QLatin1String("metrics") && daily) out.type = DataType::Metrics;
    else if (kind == QLatin1String("fundingRate")) out.type = DataType::FundingRate;
    else if (kind == QLatin1String("aggTrades")) out.type = DataType::AggTrades;
    else if (intervalMs(kind).has_value()) {
        out.type = DataType::Klines;
        out.interval = kind;
    }
    return out;
}

const char *expectedHeader(DataType t) {
    switch (t) {
    case DataType::Metrics:
        return "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
               "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio";
    case DataType::Klines:
        return "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
               "taker_buy_quote_volume,ignore";
    case DataType::FundingRate: return "calc_time,funding_interval_hours,last_funding_rate";
    case DataType::AggTrades:
        return "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker";
    case DataType::Unknown: break;
    }
    return "";
}

DataType headerType(const char *b, const char *e) {
    if (e - b >= 3 && std::memcmp(b, "\xEF\xBB\xBF", 3) == 0) b += 3;
    while (e > b && (e[-1] == '\r' || e[-1] == ' ')) --e;
    for (DataType t : {DataType::Metrics, DataType::Klines, DataType::FundingRate, DataType::AggTrades}) {
        const char *h = expectedHeader(t);
        const size_t n = std::strlen(h);
        if (size_t(e - b) == n && std::memcmp(b, h, n) == 0) return t;
    }
    return DataType::Unknown;
}

}  // namespace lhm
