#pragma once
// The Research tab's backtest results: the equity chart (rules against buy-and-hold and shifted
// clusters), the statistics of the three runs and the rules' trades, with CSV export. A QObject
// rather than one widget: the chart sits beside the validation chart and the tables below them, in
// the panel's splitters, so the panel places the three widgets. run() is the job itself, for a
// worker thread (no widgets).
#include "analysis/Backtester.h"
#include "models/LiquidationModel.h"

#include <QObject>
#include <atomic>
#include <functional>
#include <vector>

class QChartView;
class QTableWidget;
class QWidget;

namespace lhm::ui {

class BacktestPage : public QObject {
    Q_OBJECT
public:
    // The widgets are children of `parent` (the panel lays them out).
    explicit BacktestPage(QWidget *parent);

    struct Job {
        FeatureRequest features;  // its shiftBars is set for the baseline's run
        BacktestParams params;
        QString entry, exit;      // rule texts, compiled on the worker
    };
    struct Outcome {
        BacktestRun run, hold, shifted;
        QString error;  // empty on success
    };
    // On a worker: two model runs, the rules' bars (progress `first`), then the shifted-clusters
    // baseline's (`second`).
    static Outcome run(const QString &dbPath, Job job, const std::atomic_bool &cancel, std::function<void(double)> first,
                       std::function<void(double)> second);

    void showResults(const QString &model, const BacktestRun &run, const BacktestRun &hold, const BacktestRun &shifted);
    bool hasTrades() const { return !shownTrades_.empty(); }
    int tradeRows() const;
    bool exportTrades(const QString &path) const;
    void applyTheme();

    QChartView *equityChart() const { return equityChart_; }
    QTableWidget *statsTable() const { return stats_; }
    QTableWidget *tradesTable() const { return trades_; }

private:
    QChartView *equityChart_ = nullptr;
    QTableWidget *stats_ = nullptr, *trades_ = nullptr;
    std::vector<BacktestTrade> shownTrades_;
};

}  // namespace lhm::ui
