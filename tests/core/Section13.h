#pragma once
// shared/data section 13 (Coinalyze export of Binance BTCUSDT perpetual, hourly, 2024-06-20 …
// 08-20) read straight into model inputs and realised hours, for the calibration tests. Times are
// the file's strings read as UTC (they are shifted by about +6 h, the same in every file, see
// SOURCES.md); open interest is in BTC, valued at the hour's close; realised liquidations in BTC are
// valued at the hour's close. The liquidation file repeats some hours: the first row is kept.
#include "TestSupport.h"

#include "analysis/calibration/HourlyScore.h"
#include "models/ModelInputs.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <map>

namespace lhm::test::section13 {

inline QString file(const char *kind) {
    return sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_%1.csv").arg(QLatin1String(kind)));
}

inline std::map<qint64, QList<QByteArray>> rows(const char *kind) {
    std::map<qint64, QList<QByteArray>> out;
    QFile f(file(kind));
    if (!f.open(QIODevice::ReadOnly)) return out;
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() < 3) continue;
        QDateTime t = QDateTime::fromString(QString::fromLatin1(cells[0]), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        t.setTimeZone(QTimeZone::utc());
        out.emplace(t.toMSecsSinceEpoch(), cells);  // emplace keeps the first of a repeated hour
    }
    return out;
}

struct Set {
    ModelInputs inputs;
    std::vector<RealisedTotals> realised;
    qint64 first = 0;
};

inline Set load() {
    Set s;
    ModelInputs &in = s.inputs;
    in.exchange = QStringLiteral("binance");
    in.symbol = QStringLiteral("BTCUSDT");
    in.interval = QStringLiteral("1h");
    in.intervalMs = 3'600'000;
    in.tiers = *LeverageTiers::load(in.exchange, in.symbol);
    const auto candles = rows("ohlcv-history"), oi = rows("open-interest-history"), liq = rows("liquidation-history");
    double lo = 1e300, hi = 0;
    for (const auto &[t, c] : candles) {
        Candle k;
        k.openTime = t;
        k.closeTime = t + in.intervalMs - 1;
        k.open = c[1].toDouble();
        k.high = c[2].toDouble();
        k.low = c[3].toDouble();
        k.close = c[4].toDouble();
        k.volume = c[5].toDouble();
        k.takerBuyVolume = c[6].toDouble();
        k.trades = c[7].toLongLong();
        in.candles.push_back(k);
        auto o = oi.find(t);
        in.openInterestValue.push_back(o == oi.end() ? NAN : o->second[4].toDouble() * k.close);
        in.metricsTakerShare.push_back(NAN);
        in.fundingRate.push_back(NAN);
        if (auto l = liq.find(t); l != liq.end())
            s.realised.push_back({t, l->second[1].toDouble() * k.close, l->second[2].toDouble() * k.close});
        lo = std::min(lo, k.low);
        hi = std::max(hi, k.high);
    }
    s.first = in.candles.empty() ? 0 : in.candles.front().openTime;
    in.dataTo = in.candles.empty() ? 0 : in.candles.back().closeTime;
    // $20 rows from a third below the lowest low to a third above the highest high (3x levels).
    in.axis.bucket = 20;
    in.axis.priceMin = std::floor(lo * 0.6 / 20) * 20;
    in.axis.rows = int(std::ceil((hi * 1.4 - in.axis.priceMin) / 20));
    return s;
}

}  // namespace lhm::test::section13
