#pragma once
// Shared by tst_heatmap (service, cache, map, comparison, CLI) and tst_heatmapreduce (resampling
// and the long windows' reduction): the candle builder, the hand-worked 3-hour 5-minute store and
// the request every hand-worked scenario uses.
#include "ModelFixtures.h"
#include "TestSupport.h"

#include "heatmap/HeatmapRequest.h"

#include <vector>

namespace lhm::test::heatmapcase {

inline constexpr qint64 kMin = 60'000;
inline constexpr qint64 kHour = 3'600'000;
inline constexpr qint64 T0 = 1'704'067'200'000;  // 2024-01-01T00:00Z
inline const SeriesKey kSeries{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};

inline Candle candle(qint64 t, qint64 step, double o, double h, double l, double c, double vol = 0, double buy = 0) {
    Candle k;
    k.openTime = t;
    k.closeTime = t + step - 1;
    k.open = o, k.high = h, k.low = l, k.close = c, k.volume = vol, k.takerBuyVolume = buy;
    return k;
}

// Only 5-minute data, as the real recordings: 3 hours, 36 candles. Hour h (0..2) has every 5m candle
// at O=C=100+h, H=101+h, L=99+h, except the first of hour 1 opens at 99 and the last of hour 2
// closes at 103 with a low of 95. Resampled to 1h:
//   h0: O100 H101 L99 C100;  h1: O99 H102 L100 C101;  h2: O102 H103 L95 C103.
// OI value rows every 5m: 1000 in hour 0, 2000 in hour 1, 2000 in hour 2 → ΔOI +1000 at h1 (body
// rule: close 101 > open 99 → long 1000 at LP(101, 10x) = 91.2651); h2's low 95 does not reach it.
inline void insertFiveMinute(Store &s) {
    std::vector<Candle> k;
    std::vector<OpenInterestPoint> oi;
    for (int i = 0; i < 36; ++i) {
        const int h = i / 12;
        const qint64 t = T0 + i * 5 * kMin;
        Candle c = candle(t, 5 * kMin, 100 + h, 101 + h, 99 + h, 100 + h, 1, 0.5);
        if (i == 12) c.open = 99;
        if (i == 35) c.close = 103, c.low = 95;
        k.push_back(c);
        OpenInterestPoint p;
        p.time = t;
        p.openInterestValue = h == 0 ? 1000 : 2000;
        oi.push_back(p);
    }
    QVERIFY(s.insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("5m")}, k).ok());
    QVERIFY(s.insertOpenInterest(kSeries, oi).ok());
}

// Funding 0 in effect from before the window: funding_adjusted splits 50/50 (tanh 0 = 0).
inline void insertZeroFunding(Store &s) { QVERIFY(s.insertFunding(kSeries, {{T0 - kHour, 8, 0.0}}).ok()); }

// The window-book request of the hand-worked model scenarios (ModelFixtures.h), ending where the
// store's data ends.
inline HeatmapRequest request() { return models::windowBookRequest(); }

}  // namespace lhm::test::heatmapcase
