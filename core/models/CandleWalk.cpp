#include "models/CandleWalk.h"

#include <QDateTime>
#include <algorithm>
#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace lhm {

namespace {
// A year of hourly columns at 2,000 rows is two 67 MB arrays; with 4 KiB pages, faulting them in
// costs more than the model itself. Transparent huge pages (when the kernel offers them on
// request) cut that roughly in half. Advice only: nothing changes if it is refused.
void adviseHugePages(const void *data, size_t bytes) {
#ifdef __linux__
    constexpr uintptr_t kHuge = 2u << 20;
    if (bytes < 8 * kHuge) return;
    const uintptr_t p = reinterpret_cast<uintptr_t>(data);
    const uintptr_t start = (p + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t end = (p + bytes) & ~(kHuge - 1);
    if (end > start) madvise(reinterpret_cast<void *>(start), end - start, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}
}  // namespace

void openAcrossLeverages(LevelBook &book, const LeverageLadder &ladder, Side side, double entry, double notional,
                         NotionalFlow &flow) {
    if (!(notional > 0) || !(entry > 0)) return;
    for (int l = 0; l < ladder.size(); ++l) {
        const double n = notional * ladder.weights()[size_t(l)];
        book.open(side, ladder.liquidationPrice(side, entry, l), l, n);
    }
    flow.opened += notional;
}

void openOverCandle(LevelBook &book, const LeverageLadder &ladder, Side side, const Candle &c, int points,
                    double notional, NotionalFlow &flow) {
    if (points <= 0) {
        openAcrossLeverages(book, ladder, side, c.close, notional, flow);
        return;
    }
    if (!(notional > 0)) return;
    const double lo = std::min(c.low, c.high), span = std::max(c.low, c.high) - lo;
    const PriceAxis &axis = book.axis();
    // The entry points are the same for every leverage: computed once (this loop runs for every
    // candle, side and leverage of a run).
    double fixed[32];
    std::vector<double> many;
    double *entries = fixed;
    if (points > 32) {
        many.resize(size_t(points));
        entries = many.data();
    }
    for (int k = 0; k < points; ++k) entries[k] = lo + span * (k + 0.5) / points;
    for (int l = 0; l < ladder.size(); ++l) {
        const double n = notional / points * ladder.weights()[size_t(l)];
        // Neighbouring entries whose levels fall in one price row become one level at their mean
        // price: the grid cannot tell them apart, and it keeps the book's size independent of the
        // number of entry points. Levels are monotone in the entry, so equal rows are adjacent.
        int row = -1;
        double sum = 0, weighted = 0;
        auto flush = [&] {
            if (sum > 0) book.open(side, weighted / sum, l, sum);
            flow.opened += sum;
            sum = weighted = 0;
        };
        for (int k = 0; k < points; ++k) {
            const double entry = entries[k];
            if (!(entry > 0)) continue;
            // A level already beyond the close was crossed after its entry inside this candle: that
            // position was liquidated in the candle itself and never rests in the book.
            const double price = ladder.liquidationPrice(side, entry, l);
            if (side == Side::Long ? price >= c.close : price <= c.close) continue;
            const int r = axis.rowOf(price);
            if (r != row) {
                flush();
                row = r;
            }
            sum += n;
            weighted += n * price;
        }
        flush();
    }
}

Result<ModelOutput> walkCandles(const ModelInputs &in, const LeverageLadder &ladder, const QString &model,
                                const RunControl &control, const CandleStep &step) {
    if (in.axis.rows <= 0 || !(in.axis.bucket > 0)) return Error(QStringLiteral("empty price axis"));
    ModelOutput out;
    HeatmapGrid &g = out.grid;
    g.exchange = in.exchange;
    g.symbol = in.symbol;
    g.model = model;
    g.window = in.window;
    g.interval = in.interval;
    g.intervalMs = in.intervalMs;
    g.bucketSize = in.axis.bucket;
    g.priceMin = in.axis.priceMin;
    g.rows = in.axis.rows;
    g.candles = in.candles;
    g.times.reserve(in.candles.size());
    for (const Candle &c : in.candles) g.times.push_back(c.openTime);
    // Reserved, then grown one zeroed column at a time right before that column is written: each
    // page of the (large) grid is touched while hot in cache instead of memset up front and
    // written again later, which halves the grid's memory traffic.
    const size_t cells = in.candles.size() * size_t(in.axis.rows);
    g.longDensity.reserve(cells);
    g.shortDensity.reserve(cells);
    adviseHugePages(g.longDensity.data(), cells * sizeof(float));
    adviseHugePages(g.shortDensity.data(), cells * sizeof(float));
    g.currentPrice = in.candles.empty() ? 0.0 : in.candles.back().close;
    g.dataTo = in.dataTo;
    g.computedAt = QDateTime::currentMSecsSinceEpoch();

    LevelBook book(in.axis, ladder.leverages());
    NotionalFlow &flow = out.flow;
    const int n = int(in.candles.size());
    const int progressEvery = std::max(1, n / 100);
    for (int i = 0; i < n; ++i) {
        if ((i & 63) == 0 && control.cancelled()) return Error(QStringLiteral("cancelled"));
        const Candle &c = in.candles[size_t(i)];
        flow.consumed += book.consume(c.low, c.high, c.openTime, &g.predicted);
        step(i, book, flow);
        const size_t base = size_t(i) * size_t(g.rows);
        g.longDensity.resize(base + size_t(g.rows));
        g.shortDensity.resize(base + size_t(g.rows));
        book.writeColumn(g.longDensity.data() + base, g.shortDensity.data() + base);
        if (control.progress && i % progressEvery == 0) control.progress(double(i) / n);
    }
    if (control.progress) control.progress(1.0);
    out.leverages = ladder.leverages();
    if (!control.gridOnly) {
        out.levels = book.levels();
        flow.open = book.exactOpenNotional();
    }
    return out;
}

}  // namespace lhm
