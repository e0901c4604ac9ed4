#pragma once
// Writes a synthetic but realistically dense history into a store through the store's own write
// path (so the series metadata and indexes are what an import would leave): per day 288 five-minute
// klines and metrics rows, three funding payments and a per-minute x $10 trade profile.
//
// Density (real Binance BTCUSDT perpetual, 2024): about 1,000 aggTrades a minute spread over a
// $60-$200 range, i.e. 8-20 ten-dollar cells a minute, a few of them holding trades of >= $100k.
// The generator draws each minute's range so that the mean is about 12 cells and one cell in four
// holds a large trade.
#include "store/Store.h"

#include <functional>

namespace lhm::bench {

struct HistorySpec {
    QString symbol = QStringLiteral("BTCUSDT");
    qint64 fromMs = 1672531200000;  // 2023-01-01 00:00 UTC
    int days = 730;
    double startPrice = 30000;
    quint64 seed = 7;
};

struct HistoryStats {
    qint64 candles = 0, metrics = 0, funding = 0, cells = 0, largeCells = 0, trades = 0;
};

// `progress(daysDone)` after each day (one transaction per day).
Result<HistoryStats> generateHistory(Store &store, const HistorySpec &spec, const std::function<void(int)> &progress = {});

}  // namespace lhm::bench
