#include "analysis/AnalysisInputs.h"

#include "heatmap/InputLoader.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lhm {

Result<ModelInputs> loadAnalysisInputs(Store &store, const AnalysisSeries &s, qint64 end) {
    HeatmapRequest req;
    req.exchange = s.candlesFrom.isEmpty() ? s.exchange : s.candlesFrom;
    req.symbol = s.symbol;
    req.window = s.window;
    req.params = s.params;
    req.end = end;
    auto in = loadModelInputs(store, req, end);
    if (!in) {
        Error e = in.error();
        if (s.candlesFrom.isEmpty() && e.field == QLatin1String("symbol"))
            e.message += QStringLiteral(" (a venue without candles can borrow another's with --candles-from)");
        return e;
    }
    if (s.candlesFrom.isEmpty() || s.candlesFrom == s.exchange) return in;

    // Open interest and funding are the venue's own: positions live where they were opened.
    ModelInputs &m = *in;
    m.exchange = s.exchange;
    const size_t n = m.candles.size();
    const qint64 step = m.intervalMs;
    const qint64 from = m.candles.front().openTime, to = m.candles.back().openTime + step;
    const SeriesKey key{s.exchange, s.symbol, {}};
    std::vector<double> sum(n, 0);
    std::vector<int> count(n, 0);
    for (const OpenInterestSample &p : store.openInterestSamples(key, {from, to})) {
        auto it = std::upper_bound(m.candles.begin(), m.candles.end(), p.time,
                                   [](qint64 t, const Candle &c) { return t < c.openTime; });
        if (it == m.candles.begin()) continue;
        --it;
        if (p.time >= it->openTime + step || !(p.openInterestValue > 0)) continue;
        const size_t i = size_t(it - m.candles.begin());
        sum[i] += p.openInterestValue;
        ++count[i];
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m.openInterestValue.assign(n, nan);
    for (size_t i = 0; i < n; ++i)
        if (count[i]) m.openInterestValue[i] = sum[i] / count[i];
    m.metricsTakerShare.assign(n, nan);
    const auto funding = store.funding(key, {from - 3 * 86'400'000LL, to});
    size_t f = 0;
    double rate = nan;
    for (size_t i = 0; i < n; ++i) {
        while (f < funding.size() && funding[f].time < m.candles[i].openTime + step) rate = funding[f++].rate;
        m.fundingRate[i] = rate;
    }
    m.profile.clear();  // trades of another venue say nothing about this one's positions
    m.profileInWindow = false;
    return in;
}

}  // namespace lhm
