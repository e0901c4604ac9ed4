#pragma once
// The Exchanges view: one panel per exchange, side by side on a shared price axis. Each panel shows
// that venue's estimated long (below) and short (above) liquidation notional at the last candle, its
// own current price as a line and tag, and the gap to the reference venue's price ("Δ vs binance
// +$12.00 (+0.012 %)"), highlighted when it is wide. Fed by an "All exchanges" grid (its parts);
// a single-venue grid shows one panel and a hint to pick All exchanges.
#include "common/PlotView.h"
#include "engine/CoreEngine.h"

class QCustomPlot;
class QLabel;

namespace lhm::ui {

class EmptyStateStack;

class ExchangesView : public PlotView {
    Q_OBJECT
public:
    explicit ExchangesView(QWidget *parent = nullptr);

    // PlotView: draws the session's engine grid (its per-exchange parts; never the live roll-forward).
    static constexpr char kId[] = "exchanges";
    QString id() const override { return QLatin1String(kId); }
    QString title() const override { return tr("Exchanges"); }
    RequestKind input() const override { return RequestKind::Heatmap; }
    void attach(Session *session) override;
    QWidget *chart() override;
    void renderNow() override;

    void setGrid(GridPtr grid);
    const GridPtr &grid() const { return grid_; }
    void showEmpty(const QString &title, const QString &hint = {}) override;
    bool isShowingEmpty() const override;
    QCustomPlot *plot() const { return plot_; }
    int panelCount() const { return int(panels_.size()); }
    // The header text of panel i ("bybit · 97,262.50 · Δ vs binance +$12.00 (+0.012 %)").
    QString panelTitle(int i) const;
    bool panelHighlighted(int i) const;  // its discrepancy is wide (>= kWideGapPercent)
    void applyTheme() override;

    static constexpr double kWideGapPercent = 0.05;

private:
    struct Panel {
        QString exchange, title;
        bool wide = false;
    };
    void rebuild();

    GridPtr grid_;
    QCustomPlot *plot_ = nullptr;
    EmptyStateStack *stack_ = nullptr;
    QLabel *title_ = nullptr, *leftOut_ = nullptr;
    std::vector<Panel> panels_;
};

}  // namespace lhm::ui
