#pragma once
// Liquidation models on tiny hand-built series whose answers are worked out by hand below.
//
// Prices: BTCUSDT's real Oct 2024 tier 1 prices every inferred position of the default
// representative notional (10,000 USD < 50,000 cap): MMR 0.004, cum 0, max 125x. With Q = N/EP the
// exchange formula LP = (WB + cum − s·Q·EP) / (Q·(MMR − s)), WB = Q·EP/L, reduces to
//   long  (s=+1): LP = EP·(1 − 1/L) / (1 − 0.004) = EP·(1 − 1/L) / 0.996
//   short (s=−1): LP = EP·(1 + 1/L) / (1 + 0.004) = EP·(1 + 1/L) / 1.004
// so at 10x: long LP = EP·0.9/0.996, short LP = EP·1.1/1.004.
//
// Fixtures shared by tst_models and tst_ensemble: candle and open-interest builders, the request
// every hand-worked scenario uses, and scenario A (whose working is written beside it).
#include "TestSupport.h"

#include "heatmap/InputLoader.h"
#include "models/LiquidationModel.h"
#include "models/LiquidationPrice.h"

#include <cmath>

namespace lhm::test::models {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 T0 = 1'704'067'200'000;  // 2024-01-01T00:00Z
const SeriesKey kCandles{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
const SeriesKey kSeries{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};

// The hand formulas above; the tests compare levels with the model's own prices (computed by
// binanceLiquidationPrice, whose last bit may differ) only where one ulp matters.
inline double longLp10(double ep) { return ep * 0.9 / 0.996; }
inline double shortLp10(double ep) { return ep * 1.1 / 1.004; }
inline double exactLp(Side side, double ep, double lev = 10) {
    static const LeverageTiers tiers = *LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    return binanceLiquidationPrice(*tiers.tierFor(10000), side, ep, lev, 10000 / ep);
}

inline Candle candle(int hour, double o, double h, double l, double c, double vol = 0, double takerBuy = 0) {
    Candle k;
    k.openTime = T0 + hour * kHour;
    k.closeTime = k.openTime + kHour - 1;
    k.open = o;
    k.high = h;
    k.low = l;
    k.close = c;
    k.volume = vol;
    k.takerBuyVolume = takerBuy;
    return k;
}

// Two metrics rows per candle (at :00 and :30) so the per-candle mean is exercised.
inline std::vector<OpenInterestPoint> oiRows(const std::vector<std::pair<double, double>> &perCandle, double takerRatio = 0) {
    std::vector<OpenInterestPoint> out;
    for (size_t i = 0; i < perCandle.size(); ++i) {
        for (int k = 0; k < 2; ++k) {
            OpenInterestPoint p;
            p.time = T0 + qint64(i) * kHour + k * kHour / 2;
            p.openInterestValue = k == 0 ? perCandle[i].first : perCandle[i].second;
            p.openInterest = p.openInterestValue / 100;
            p.takerLongShortVolRatio = takerRatio;
            out.push_back(p);
        }
    }
    return out;
}

// BTCUSDT, 12h window of 1h columns, 1 USD rows, all at 10x, body rule, ending where the data ends.
// The hand-worked scenarios check the window book's rules (model version 1): positions opened
// inside the window only, at the close, no turnover. (tst_heatmap's scenarios use it too.)
inline HeatmapRequest windowBookRequest() {
    HeatmapRequest r;
    r.symbol = QStringLiteral("BTCUSDT");
    r.window = QStringLiteral("12h");
    r.params.interval = QStringLiteral("1h");
    r.params.bucket = 1;
    r.params.leverageWeights = {{10, 1}};
    r.params.sideRule = QStringLiteral("body");
    r.params.book = QStringLiteral("window");
    r.params.entrySpread = 0;
    r.params.turnover = 0;
    return r;
}

inline HeatmapRequest request(const QString &model = QStringLiteral("binance_standard"), int hours = 8) {
    HeatmapRequest r = windowBookRequest();
    r.end = T0 + hours * kHour;
    r.model = model;
    return r;
}

inline HeatmapRequest absoluteRequest() {
    HeatmapRequest r = request();
    r.params.closeRule = QStringLiteral("absolute");
    return r;
}

inline Result<ModelOutput> runFromStore(Store &store, const HeatmapRequest &req) {
    auto in = loadModelInputs(store, req);
    if (!in) return in.error();
    return makeModel(req.model)->run(*in, req.params);
}

// Scenario A (body rule, one leverage 10x, bucket 1 USD, close rule ABSOLUTE: |ΔOI| USD is removed
// from the tracked levels, the literal reading these numbers were worked for). LP_A = 100·0.9/0.996 = 90.36144578…,
// LP_B = 101·0.9/0.996 = 91.26506024…, LP_C = 97·1.1/1.004 = 106.27490039…
//  c0 O100 H101 L99   C100  OI (1000,1000) → 1000  first candle: ΔOI 0
//  c1 O99  H101 L98   C100  OI (1900,2100) → 2000  ΔOI +1000, close>open → long 1000 at LP_A
//  c2 O100 H101 L=LP_A+1ulp C100 OI 2000           low one ulp above LP_A: nothing consumed
//  c3 O92  H102 L=LP_A C101 OI 2400                 consume A (1000, inclusive), THEN open long 400
//                                                   at LP_B (91.27 >= low: consumed if opened first)
//  c4 O101 H103 L100  C99   OI 2200                 ΔOI −200 of 400 open: B 400 → 200, closed 200
//  c5 O99  H100 L96   C97   OI 2700                 ΔOI +500, close<open → short 500 at LP_C
//  c6 O97  H98  L96   C97   OI 2350                 ΔOI −350 of 700 open: keep 1/2 → B 100, C 250
//  c7 O97  H=LP_C L96 C100  OI 2350                 consume C (250, inclusive at the high)
// Totals: opened 1900 = consumed (1000 + 250) + closed (200 + 350) + open (B 100).
// Axis: lowest low LP_A → from = LP_A·(1 − 1/10) = 81.33 → priceMin 81; row = floor(price − 81):
// LP_A → row 9, LP_B → row 10, LP_C → row 25.
inline void insertScenarioA(Store &s) {
    const double a = exactLp(Side::Long, 100), c = exactLp(Side::Short, 97);
    std::vector<Candle> k{candle(0, 100, 101, 99, 100),          candle(1, 99, 101, 98, 100),
                          candle(2, 100, 101, std::nextafter(a, 1e9), 100), candle(3, 92, 102, a, 101),
                          candle(4, 101, 103, 100, 99),          candle(5, 99, 100, 96, 97),
                          candle(6, 97, 98, 96, 97),             candle(7, 97, c, 96, 100)};
    QVERIFY(s.insertCandles(kCandles, k).ok());
    QVERIFY(s.insertOpenInterest(kSeries, oiRows({{1000, 1000}, {1900, 2100}, {2000, 2000}, {2400, 2400},
                                                  {2200, 2200}, {2700, 2700}, {2350, 2350}, {2350, 2350}}))
                .ok());
}

}  // namespace lhm::test::models
