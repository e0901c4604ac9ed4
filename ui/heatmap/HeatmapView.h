#pragma once
// The liquidation heatmap: estimated liquidation density (time x price) as a colour map with its
// colour scale, candles over it, the current price with an axis tag, the model's predicted
// (consumed) liquidations as small markers, realised liquidations as bubbles sized by notional,
// and a read-out of the cell under the cursor. Wheel zooms and drag pans both axes.
#include "common/PlotView.h"
#include "engine/CoreEngine.h"
#include "engine/HeatmapLod.h"

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QCPColorScale;
class QLabel;

namespace lhm::ui {

class EmptyStateStack;

class CandleLayer;
class DensityLayer;
class HeatmapControls;
class HeatmapLegend;
class PriceMarker;

class HeatmapView : public PlotView {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr);

    // PlotView: draws the session's grid (live: its roll-forward), follows its side filter.
    static constexpr char kId[] = "heatmap";
    QString id() const override { return QLatin1String(kId); }
    QString title() const override { return tr("Heatmap"); }
    RequestKind input() const override { return RequestKind::Heatmap; }
    void attach(Session *session) override;
    QWidget *chart() override;
    void renderNow() override;
    void saveSettings(QSettings &s) const override;
    void restoreSettings(const QSettings &s) override;

    void setGrid(GridPtr grid, bool fromCache = false);
    // The live roll-forward of the shown grid (same view): redrawn without resetting the view.
    void setLiveGrid(GridPtr grid);
    const GridPtr &grid() const;
    // Replaces the plot by a message (no data, unreadable store, computing...).
    void showEmpty(const QString &title, const QString &hint = {}) override;
    bool isShowingEmpty() const override;
    QString emptyText() const;

    void setSide(DensitySide side);
    DensitySide side() const;
    void setCutoff(double lowPct, double highPct);
    double lowCutoff() const;
    double highCutoff() const;

    // Realised liquidations (live feed) drawn as bubbles; the oldest go beyond the limit.
    void addRealisedLiquidations(const std::vector<LiquidationEvent> &events);
    int bubbleCount() const { return int(bubbles_.size()); }
    // The latest traded or mark price from the live feed: moves the price line and its tag.
    void setLivePrice(double price, qint64 timeMs = 0);
    double shownPrice() const { return shownPrice_; }
    QString priceTagText() const;
    // Live with history too old to roll forward: the estimate is hidden and the view follows the
    // live price and bubbles on their own (the last half hour).
    void setLiveOnly(bool on);
    bool isLiveOnly() const { return liveOnly_; }
    // Live mode ended: the estimate's own view, price and legend again; the live price trace goes.
    void endLive();
    int liveTracePoints() const;  // ticks drawn as the live price trace (live-only mode)

    void resetView();
    // The default price range: common/ViewPriceRange.h's rule on the grid's last column (the
    // levels the liquidation map draws) and its candles, so both views show the same clusters.
    static std::pair<double, double> defaultPriceRange(const HeatmapGrid &g);
    // False when every cell is zero: the view then shows an empty state, never a $0…$1 scale.
    static bool hasDensity(const HeatmapGrid &g);
    // What the hover tooltip says for the cell under the cursor (the hint when outside the grid).
    QString readout() const;
    bool crosshairVisible() const;

    QCustomPlot *plot() const { return plot_; }
    DensityLayer *layer() const { return layer_; }
    CandleLayer *candles() const { return candles_; }
    HeatmapLegend *legend() const { return legend_; }
    bool isWaitingForLive() const;
    void applyTheme() override;

signals:
    void sideChanged(lhm::DensitySide side);
    void cutoffChanged(double lowPct, double highPct);

private:
    void updateOverlays();
    void fitView(const HeatmapGrid &g);
    void updateReadout(const QPoint &pos);
    void fitLive();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QCustomPlot *plot_ = nullptr;
    QCPColorScale *scale_ = nullptr;
    DensityLayer *layer_ = nullptr;
    CandleLayer *candles_ = nullptr;
    QCPGraph *predictedLong_ = nullptr, *predictedShort_ = nullptr;
    QCPGraph *liveTrace_ = nullptr;  // the focus symbol's ticks while live events show on their own
    PriceMarker *price_ = nullptr;
    HeatmapLegend *legend_ = nullptr;
    QCPItemText *estimate_ = nullptr, *waiting_ = nullptr;
    qint64 livePriceTime_ = 0;
    std::vector<QCPItemTracer *> bubbles_;
    double shownPrice_ = 0;
    bool liveOnly_ = false;
    EmptyStateStack *stack_ = nullptr;
    QString readout_;
    QCPItemStraightLine *crossH_ = nullptr, *crossV_ = nullptr;
    HeatmapControls *controls_ = nullptr;
};

}  // namespace lhm::ui
