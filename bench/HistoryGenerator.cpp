#include "HistoryGenerator.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace lhm::bench {

Result<HistoryStats> generateHistory(Store &store, const HistorySpec &spec, const std::function<void(int)> &progress) {
    std::mt19937_64 rng(spec.seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    const SeriesKey key5m{QStringLiteral("binance"), spec.symbol, QStringLiteral("5m")};
    const SeriesKey key{QStringLiteral("binance"), spec.symbol, {}};
    HistoryStats stats;
    double price = spec.startPrice, oiv = 5e9, rate = 0.0001;
    std::vector<Candle> candles;
    std::vector<OpenInterestPoint> metrics;
    std::vector<FundingPoint> funding;
    std::vector<TradeProfileCell> cells;
    candles.reserve(288);
    metrics.reserve(288);
    cells.reserve(1440 * 20);
    for (int day = 0; day < spec.days; ++day) {
        candles.clear();
        metrics.clear();
        funding.clear();
        cells.clear();
        const qint64 dayStart = spec.fromMs + qint64(day) * 86'400'000;
        for (int m5 = 0; m5 < 288; ++m5) {
            const qint64 t5 = dayStart + qint64(m5) * 300'000;
            Candle c;
            c.openTime = t5;
            c.closeTime = t5 + 299'999;
            c.open = c.high = c.low = price;
            for (int m = 0; m < 5; ++m) {
                const qint64 minute = t5 + qint64(m) * 60'000;
                const double open = price;
                price *= std::exp(0.0007 * gauss(rng));  // about 2.7 % a day
                price = std::clamp(price, 5000.0, 500000.0);
                // The minute's range: body plus wicks, about 0.3 % of price on average.
                const double hi = std::max(open, price) * (1 + 0.0013 * std::abs(gauss(rng)));
                const double lo = std::min(open, price) * (1 - 0.0013 * std::abs(gauss(rng)));
                c.high = std::max(c.high, hi);
                c.low = std::min(c.low, lo);
                const double width = std::pow(10.0, std::floor(std::log10(lo)) - 3);  // TradeProfileBuilder's bucket
                for (double b = std::floor(lo / width) * width; b <= hi; b += width) {
                    TradeProfileCell cell;
                    cell.minute = minute;
                    cell.bucketPrice = b;
                    cell.tradeCount = 20 + qint64(uni(rng) * 120);
                    const double notional = cell.tradeCount * (2000 + 6000 * uni(rng));
                    const double buyShare = 0.3 + 0.4 * uni(rng);
                    cell.buyNotional = notional * buyShare;
                    cell.sellNotional = notional - cell.buyNotional;
                    cell.buyQty = cell.buyNotional / (b + width / 2);
                    cell.sellQty = cell.sellNotional / (b + width / 2);
                    cell.maxTradeNotional = 20000 + 70000 * uni(rng);
                    if (uni(rng) < 0.2) {
                        const double large = 100000 * (1 + 9 * std::pow(uni(rng), 3));
                        (uni(rng) < 0.5 ? cell.largeBuyNotional : cell.largeSellNotional) = large;
                        cell.maxTradeNotional = large;
                        ++stats.largeCells;
                    }
                    stats.trades += cell.tradeCount;
                    c.volume += (cell.buyQty + cell.sellQty);
                    c.quoteVolume += notional;
                    c.takerBuyVolume += cell.buyQty;
                    c.takerBuyQuoteVolume += cell.buyNotional;
                    c.trades += cell.tradeCount;
                    cells.push_back(cell);
                }
            }
            c.close = price;
            candles.push_back(c);
            oiv = std::clamp(oiv * std::exp(0.002 * gauss(rng)), 1e9, 4e10);
            OpenInterestPoint p;
            p.time = t5;
            p.openInterestValue = oiv;
            p.openInterest = oiv / price;
            p.topTraderLongShortRatio = 1 + 0.3 * gauss(rng) * 0.3;
            p.topTraderPositionRatio = 1 + 0.2 * gauss(rng) * 0.3;
            p.longShortRatio = 1 + 0.3 * gauss(rng) * 0.3;
            p.takerLongShortVolRatio = std::max(0.2, 1 + 0.25 * gauss(rng));
            metrics.push_back(p);
        }
        for (int f = 0; f < 3; ++f) {
            rate = std::clamp(rate + 0.00003 * gauss(rng), -0.001, 0.002);
            funding.push_back({dayStart + qint64(f) * 8 * 3'600'000 + qint64(uni(rng) * 20), 8, rate});
        }
        Transaction tx = store.transaction();
        qint64 n = 0;
        if (Status s = store.insertCandles(key5m, candles, &n); !s) return s.error();
        stats.candles += n;
        if (Status s = store.insertOpenInterest(key, metrics, &n); !s) return s.error();
        stats.metrics += n;
        if (Status s = store.insertFunding(key, funding, &n); !s) return s.error();
        stats.funding += n;
        if (Status s = store.addTradeProfile(key, cells); !s) return s.error();
        stats.cells += qint64(cells.size());
        if (Status s = tx.commit(); !s) return s.error();
        if (progress) progress(day + 1);
    }
    return stats;
}

}  // namespace lhm::bench
