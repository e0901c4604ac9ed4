#pragma once
// The liquidation map at one instant: estimated notional per price bucket as bars stacked by
// leverage, long liquidations (below the price) and short ones (above) in two colour families,
// cumulative long and short curves on the right axis, and the current price.
#include "common/PlotView.h"
#include "engine/CoreEngine.h"

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;

namespace lhm::ui {

class EmptyStateStack;

class LiquidationMapView : public PlotView {
    Q_OBJECT
public:
    explicit LiquidationMapView(QWidget *parent = nullptr);

    // PlotView: a dock beside the tabs, drawing the session's map.
    static constexpr char kId[] = "map";
    QString id() const override { return QLatin1String(kId); }
    QString title() const override { return tr("Liquidation map"); }
    Placement placement() const override { return Placement::Dock; }
    RequestKind input() const override { return RequestKind::LiquidationMap; }
    void attach(Session *session) override;
    QWidget *chart() override;
    QString exportFileName() const override { return QStringLiteral("liquidation-map.png"); }
    void renderNow() override;

    void setMap(MapPtr map);
    const MapPtr &map() const { return map_; }
    void showEmpty(const QString &title, const QString &hint = {}) override;
    bool isShowingEmpty() const override;
    QString emptyText() const;
    // Live with history too old to roll forward (LiveState::HistoryTooOld): the map of that
    // history would read as today's positions, so the view says why there is none instead.
    // `historyEndMs` is where the history ends. Off again: the map (or empty state) comes back.
    void setLiveOnly(bool on, qint64 historyEndMs = 0);
    bool isLiveOnly() const { return liveOnly_; }

    // Bars of one side and leverage column (index into LiquidationMap::leverages); null if absent.
    QCPBars *bars(Side side, int leverageIndex) const;
    // "All exchanges": one bar series per included exchange (its colour), longs and shorts together
    // (they sit on opposite sides of the price); null otherwise or out of range.
    QCPBars *exchangeBars(int i) const { return i >= 0 && i < int(exchangeBars_.size()) ? exchangeBars_[size_t(i)] : nullptr; }
    QCPGraph *cumulative(Side side) const { return side == Side::Long ? cumLong_ : cumShort_; }
    QCustomPlot *plot() const { return plot_; }
    QString readout() const;
    // The names the legend lists now, in order (the leverage rows by their side label).
    QStringList legendEntries() const;
    // False when no bucket holds any notional: the view then shows an empty state.
    static bool hasNotional(const LiquidationMap &m);
    void resetView();
    void applyTheme() override;

private:
    void rebuild();
    void showLiveOnlyState();
    void updateReadout(const QPoint &pos);
    bool eventFilter(QObject *watched, QEvent *event) override;

    MapPtr map_;
    QCustomPlot *plot_ = nullptr;
    std::vector<QCPBars *> longBars_, shortBars_, exchangeBars_;
    QCPGraph *cumLong_ = nullptr, *cumShort_ = nullptr;
    QCPItemStraightLine *priceLine_ = nullptr;
    QCPItemText *priceTag_ = nullptr, *estimate_ = nullptr;
    EmptyStateStack *stack_ = nullptr;
    QLabel *readout_ = nullptr, *title_ = nullptr;
    bool liveOnly_ = false;
    qint64 liveOnlyEnd_ = 0;
    QString emptyTitle_, emptyHint_;  // the last empty state asked for, shown again after live-only
};

}  // namespace lhm::ui
