#include "heatmap/DensityLayer.h"

#include "common/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QThreadPool>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace lhm::ui {

namespace {
// Extra view extent reduced on each side so short pans need no rebuild.
constexpr double kMargin = 0.15;
}  // namespace

DensityLayer::DensityLayer(QCustomPlot *plot, QCPAxis *keyAxis, QCPAxis *valueAxis, QCPColorScale *scale)
    : QObject(plot), plot_(plot), keyAxis_(keyAxis), valueAxis_(valueAxis) {
    map_ = new QCPColorMap(keyAxis, valueAxis);
    map_->setInterpolate(false);
    map_->setTightBoundary(false);
    // The scale imposes its gradient on the map it is attached to: set the gradient afterwards.
    if (scale) map_->setColorScale(scale);
    map_->setGradient(Theme::heatGradient());
    timer_.setSingleShot(true);
    timer_.setInterval(40);
    connect(&timer_, &QTimer::timeout, this, &DensityLayer::refreshAsync);
    auto onRange = [this] { scheduleRefresh(); };
    connect(keyAxis_, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, onRange);
    connect(valueAxis_, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, onRange);
    // A resize changes how many cells fit on screen.
    connect(plot_, &QCustomPlot::afterLayout, this, onRange);
}

GridPtr DensityLayer::uniformColumns(GridPtr grid) {
    if (!grid || grid->cols() < 2 || grid->intervalMs <= 0 || grid->rows <= 0) return grid;
    const HeatmapGrid &g = *grid;
    const qint64 I = g.intervalMs, t0 = g.times.front();
    bool uniform = true;
    for (int c = 0; c < g.cols() && uniform; ++c) uniform = g.times[size_t(c)] == t0 + c * I;
    if (uniform) return grid;
    const qint64 n = (g.times.back() - t0) / I + 1;
    if (n <= g.cols() || n > 1'000'000) return grid;  // not a gap (irregular steps) or absurd: leave it
    auto out = std::make_shared<HeatmapGrid>(g);
    const size_t rows = size_t(g.rows);
    Candle none;  // a gap's candle: not drawn (CandleLayer skips non-finite prices)
    none.open = none.high = none.low = none.close = std::numeric_limits<double>::quiet_NaN();
    out->times.resize(size_t(n));
    out->candles.assign(size_t(n), none);
    out->longDensity.assign(size_t(n) * rows, 0.f);
    out->shortDensity.assign(size_t(n) * rows, 0.f);
    for (qint64 i = 0; i < n; ++i) out->times[size_t(i)] = t0 + i * I;
    const bool withCandles = g.candles.size() == size_t(g.cols());
    for (int c = 0; c < g.cols(); ++c) {
        const size_t at = size_t(std::clamp<qint64>((g.times[size_t(c)] - t0 + I / 2) / I, 0, n - 1));
        if (withCandles) out->candles[at] = g.candles[size_t(c)];
        std::copy_n(g.longDensity.begin() + ptrdiff_t(size_t(c) * rows), rows, out->longDensity.begin() + ptrdiff_t(at * rows));
        std::copy_n(g.shortDensity.begin() + ptrdiff_t(size_t(c) * rows), rows, out->shortDensity.begin() + ptrdiff_t(at * rows));
    }
    if (!withCandles) out->candles = g.candles;
    return out;
}

void DensityLayer::setGrid(GridPtr grid) {
    grid_ = uniformColumns(std::move(grid));
    display_ = {};
    updateColourRange();
    refreshNow();
}

void DensityLayer::replaceGrid(GridPtr grid) {
    grid_ = uniformColumns(std::move(grid));
    if (!hasData()) {
        refreshNow();
        return;
    }
    ++generation_;  // a reduction of the previous state still running is stale
    timer_.stop();
    refreshAsync();
}

void DensityLayer::setSide(DensitySide side) {
    if (side == side_) return;
    side_ = side;
    display_ = {};
    updateColourRange();
    refreshNow();
}

void DensityLayer::setCutoff(double lowPct, double highPct) {
    lowPct_ = lowPct;
    highPct_ = highPct;
    explicitRange_ = false;
    updateColourRange();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DensityLayer::setCutoffRange(float lo, float hi) {
    explicitRange_ = true;
    range_ = {lo, hi};
    map_->setDataRange(QCPRange(lo, hi > lo ? hi : lo + 1));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DensityLayer::setLodEnabled(bool on) {
    lod_ = on;
    display_ = {};
    refreshNow();
}

void DensityLayer::updateColourRange() {
    if (explicitRange_) return;
    range_ = grid_ ? HeatmapLod::percentileRange(*grid_, side_, lowPct_, highPct_) : std::pair<float, float>{0.f, 1.f};
    map_->setDataRange(QCPRange(range_.first, range_.second > range_.first ? range_.second : range_.first + 1));
}

bool DensityLayer::cellAt(double key, double value, int *col, int *row) const {
    if (!grid_ || grid_->cols() == 0 || grid_->intervalMs <= 0 || grid_->bucketSize <= 0) return false;
    const double c = std::floor((key * 1000.0 - double(grid_->times.front())) / double(grid_->intervalMs));
    const double r = std::floor((value - grid_->priceMin) / grid_->bucketSize);
    if (c < 0 || c >= grid_->cols() || r < 0 || r >= grid_->rows) return false;
    *col = int(c);
    *row = int(r);
    return true;
}

void DensityLayer::refreshIfNeeded() {
    if (hasData() && lod_ && !coversView()) refreshNow();
}

void DensityLayer::scheduleRefresh() {
    if (!hasData() || !lod_ || coversView()) return;
    if (!timer_.isActive()) timer_.start();  // not restarted: at most one rebuild per interval while dragging
}

// True when the current image still covers the view at (about) the right resolution.
bool DensityLayer::coversView() const {
    if (display_.cols == 0 || !hasData()) return false;
    const auto &g = *grid_;
    const double I = double(g.intervalMs);
    const QCPRange kr = keyAxis_->range(), vr = valueAxis_->range();
    const double c0 = (kr.lower * 1000 - g.times.front()) / I, c1 = (kr.upper * 1000 - g.times.front()) / I;
    const double r0 = (vr.lower - g.priceMin) / g.bucketSize, r1 = (vr.upper - g.priceMin) / g.bucketSize;
    const int dc0 = display_.colFrom, dc1 = display_.colFrom + display_.cols * display_.colStep;
    const int dr0 = display_.rowFrom, dr1 = display_.rowFrom + display_.rows * display_.rowStep;
    const bool inside = (c0 >= dc0 || dc0 == 0) && (c1 <= dc1 || dc1 >= g.cols()) && (r0 >= dr0 || dr0 == 0) &&
                        (r1 <= dr1 || dr1 >= g.rows);
    if (!inside) return false;
    // Same zoom within a factor of 1.5 either way: keep the image.
    const QRect ar = keyAxis_->axisRect()->rect();
    const double wantC = std::max(1.0, (c1 - c0) / std::max(1, ar.width()));
    const double wantR = std::max(1.0, (r1 - r0) / std::max(1, ar.height()));
    auto near = [](double want, int have) { return have <= std::max(1.0, want * 1.5) && have >= want / 1.5 - 1; };
    return near(wantC, display_.colStep) && near(wantR, display_.rowStep);
}

DensityLayer::Job DensityLayer::jobForView() const {
    Job j;
    j.grid = grid_;
    j.side = side_;
    const auto &g = *grid_;
    j.colTo = g.cols(), j.rowTo = g.rows, j.maxCols = g.cols(), j.maxRows = g.rows;
    if (!lod_) return j;
    const double I = double(g.intervalMs);
    const QCPRange kr = keyAxis_->range(), vr = valueAxis_->range();
    const double c0 = (kr.lower * 1000 - g.times.front()) / I, c1 = (kr.upper * 1000 - g.times.front()) / I;
    const double r0 = (vr.lower - g.priceMin) / g.bucketSize, r1 = (vr.upper - g.priceMin) / g.bucketSize;
    const double mc = (c1 - c0) * kMargin, mr = (r1 - r0) * kMargin;
    j.colFrom = int(std::floor(std::clamp(c0 - mc, 0.0, double(g.cols()))));
    j.colTo = int(std::ceil(std::clamp(c1 + mc, 0.0, double(g.cols()))));
    j.rowFrom = int(std::floor(std::clamp(r0 - mr, 0.0, double(g.rows))));
    j.rowTo = int(std::ceil(std::clamp(r1 + mr, 0.0, double(g.rows))));
    QRect ar = keyAxis_->axisRect()->rect();
    // Not laid out yet (a hidden panel): assume a large screen; the first layout refines it.
    if (!plot_->isVisible() || ar.width() < 50 || ar.height() < 50) ar = QRect(0, 0, 1600, 1000);
    const double visCols = std::max(1.0, c1 - c0), visRows = std::max(1.0, r1 - r0);
    // Display cells per source cell chosen so the visible part maps to about one cell per pixel.
    j.maxCols = std::max(2, int((j.colTo - j.colFrom) * ar.width() / visCols));
    j.maxRows = std::max(2, int((j.rowTo - j.rowFrom) * ar.height() / visRows));
    if (j.colTo <= j.colFrom || j.rowTo <= j.rowFrom) {
        j.colFrom = 0, j.colTo = g.cols(), j.rowFrom = 0, j.rowTo = g.rows;
    }
    return j;
}

// Reduction and the colour map's data are both built off the UI thread: QCPColorMapData is plain
// data, and the UI thread then only swaps the pointer in.
DensityLayer::Reduced DensityLayer::run(const Job &j) {
    Reduced out;
    out.display = HeatmapLod::reduce(*j.grid, j.side, j.colFrom, j.colTo, j.rowFrom, j.rowTo, j.maxCols, j.maxRows);
    const DisplayGrid &d = out.display;
    const HeatmapGrid &g = *j.grid;
    const double I = double(g.intervalMs);
    auto keyOf = [&](int dc) { return (double(g.times.front()) + (d.colFrom + (dc + 0.5) * d.colStep) * I) / 1000.0; };
    auto valueOf = [&](int dr) { return g.priceMin + (d.rowFrom + (dr + 0.5) * d.rowStep) * g.bucketSize; };
    out.data.reset(new QCPColorMapData(d.cols, d.rows, QCPRange(keyOf(0), keyOf(d.cols - 1)),
                                       QCPRange(valueOf(0), valueOf(d.rows - 1))));
    const float *v = d.values.data();
    for (int r = 0; r < d.rows; ++r)
        for (int c = 0; c < d.cols; ++c) out.data->setCell(c, r, *v++);
    return out;
}

bool DensityLayer::hasData() const {
    return grid_ && grid_->cols() > 0 && grid_->rows > 0 && grid_->intervalMs > 0 && grid_->bucketSize > 0;
}

void DensityLayer::refreshNow() {
    timer_.stop();
    ++generation_;  // results of reductions still running are now stale
    if (!hasData()) {
        map_->data()->clear();
        display_ = {};
        emit displayChanged();
        plot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    Reduced r = run(jobForView());
    reduceMs_ = timer.nsecsElapsed() / 1e6;
    apply(std::move(r));
}

// The reduction reads only the immutable grid, so it runs on the thread pool; the UI thread only
// copies the result into the colour map. One reduction at a time: a view change during one is
// served by the next, with the view as it is then.
void DensityLayer::refreshAsync() {
    if (!hasData()) return;
    if (running_) {
        pending_ = true;
        return;
    }
    running_ = true;
    pending_ = false;
    const Job job = jobForView();
    const quint64 gen = generation_;
    QPointer<DensityLayer> self(this);
    QThreadPool::globalInstance()->start([self, job, gen] {
        QElapsedTimer timer;
        timer.start();
        auto d = std::make_shared<Reduced>(run(job));
        const double ms = timer.nsecsElapsed() / 1e6;
        // QPointer is only read on the UI thread, where the layer lives.
        QMetaObject::invokeMethod(qApp, [self, d, gen, ms] {
            if (!self) return;
            self->running_ = false;
            if (gen == self->generation_) {
                self->reduceMs_ = ms;
                self->apply(std::move(*d));
            }
            if (self->pending_ || !self->coversView()) self->refreshAsync();
        });
    });
}

void DensityLayer::apply(Reduced r) {
    QElapsedTimer timer;
    timer.start();
    display_ = std::move(r.display);
    map_->setData(r.data.release(), false);  // takes ownership: a pointer swap, no copy
    fillMs_ = timer.nsecsElapsed() / 1e6;
    emit displayChanged();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lhm::ui
