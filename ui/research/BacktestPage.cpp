#include "research/BacktestPage.h"

#include "research/ResearchCharts.h"
#include "store/Store.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QSaveFile>
#include <QTableWidget>
#include <QTimeZone>
#include <QValueAxis>
#include <algorithm>

namespace lhm::ui {

using research::newChart;
using research::opt;
using research::pct;
using research::utcWall;

BacktestPage::BacktestPage(QWidget *parent) : QObject(parent) {
    equityChart_ = new QChartView(newChart(), parent);
    equityChart_->setObjectName(QStringLiteral("equityChart"));
    equityChart_->setRenderHint(QPainter::Antialiasing);
    stats_ = new QTableWidget(0, 8, parent);
    stats_->setHorizontalHeaderLabels({tr("Run"), tr("Return"), tr("Sharpe"), tr("Sortino"), tr("Max drawdown"), tr("Win rate"),
                                       tr("Profit factor"), tr("Trades")});
    trades_ = new QTableWidget(0, 7, parent);
    trades_->setHorizontalHeaderLabels(
        {tr("Side"), tr("Entry time"), tr("Entry"), tr("Exit time"), tr("Exit"), tr("P&L (USD)"), tr("Exit reason")});
    for (QTableWidget *t : {stats_, trades_}) {
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    // Small minimums: the main window must still fit 1280 px wide with this tab in it.
    equityChart_->setMinimumSize(160, 160);
    for (QTableWidget *t : {stats_, trades_}) t->setMinimumSize(120, 80);
}

BacktestPage::Outcome BacktestPage::run(const QString &dbPath, Job job, const std::atomic_bool &cancel,
                                        std::function<void(double)> first, std::function<void(double)> second) {
    Outcome out;
    auto store = Store::openReadOnly(dbPath);
    auto e = RuleExpression::compile(job.entry, QStringLiteral("entry"));
    auto x = RuleExpression::compile(job.exit, QStringLiteral("exit"));
    if (!store) out.error = store.error().toString();
    else if (!e) out.error = e.error().toString();
    else if (!x) out.error = x.error().toString();
    if (!out.error.isEmpty()) return out;
    RunControl control;
    control.cancel = &cancel;
    control.progress = std::move(first);
    auto bars = computeBarFeatures(**store, job.features, control);
    job.features.shiftBars = 168;  // the shifted-clusters baseline: 7 days of 1h bars
    control.progress = std::move(second);
    auto old = bars ? computeBarFeatures(**store, job.features, control) : bars;
    if (!bars) out.error = bars.error().toString();
    else if (!old) out.error = old.error().toString();
    else if (cancel.load()) out.error = QStringLiteral("cancelled");
    else {
        out.run = lhm::runBacktest(*bars, **e, **x, job.params);
        out.hold = buyAndHold(*bars, job.params);
        out.shifted = lhm::runBacktest(*old, **e, **x, job.params);
    }
    return out;
}

void BacktestPage::showResults(const QString &model, const BacktestRun &run, const BacktestRun &hold,
                               const BacktestRun &shifted) {
    QChart *chart = newChart();
    chart->setTitle(tr("Equity (USD), %1: rules against buy-and-hold and shifted clusters").arg(model));
    auto *t = new QDateTimeAxis();
    t->setFormat(QStringLiteral("MM-dd"));
    t->setTitleText(tr("UTC"));
    auto *y = new QValueAxis();
    chart->addAxis(t, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 1e300, hi = -1e300;
    const std::pair<QString, const BacktestRun *> runs[] = {
        {tr("Rules"), &run}, {tr("Buy and hold"), &hold}, {tr("Shifted clusters"), &shifted}};
    for (const auto &[name, r] : runs) {
        auto *s = new QLineSeries();
        s->setName(name);
        for (const auto &[time, value] : r->equity) {
            s->append(double(utcWall(time)), value);
            lo = std::min(lo, value);
            hi = std::max(hi, value);
        }
        chart->addSeries(s);
        s->attachAxis(t);
        s->attachAxis(y);
    }
    if (!run.equity.empty()) {
        t->setRange(QDateTime::fromMSecsSinceEpoch(utcWall(run.equity.front().first)),
                    QDateTime::fromMSecsSinceEpoch(utcWall(run.equity.back().first)));
        y->setRange(lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05 + 1e-9);
    }
    QChart *old = equityChart_->chart();
    equityChart_->setChart(chart);
    delete old;

    stats_->setRowCount(0);
    for (const auto &[name, r] : runs) {
        const BacktestStats &s = r->stats;
        const int row = stats_->rowCount();
        stats_->insertRow(row);
        const QStringList cells{name, pct(s.totalReturn), opt(s.sharpe), opt(s.sortino), pct(s.maxDrawdown),
                                s.winRate ? pct(*s.winRate) : QStringLiteral("—"), opt(s.profitFactor), QString::number(s.trades)};
        for (int c = 0; c < cells.size(); ++c) stats_->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    shownTrades_ = run.trades;
    trades_->setRowCount(0);
    auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm")); };
    for (const BacktestTrade &tr_ : run.trades) {
        const int row = trades_->rowCount();
        trades_->insertRow(row);
        const QStringList cells{tr_.side == Side::Long ? tr("long") : tr("short"), iso(tr_.entryTime),
                                QString::number(tr_.entryPrice, 'f', 2), iso(tr_.exitTime), QString::number(tr_.exitPrice, 'f', 2),
                                QString::number(tr_.pnl, 'f', 2), tr_.exitReason};
        for (int c = 0; c < cells.size(); ++c) trades_->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    applyTheme();
}

int BacktestPage::tradeRows() const { return trades_->rowCount(); }

bool BacktestPage::exportTrades(const QString &path) const {
    QByteArray csv = "side,entry_time,entry_price,exit_time,exit_price,qty,pnl,fees,exit_reason\n";
    for (const BacktestTrade &t : shownTrades_)
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                   .arg(QLatin1String(sideName(t.side)))
                   .arg(t.entryTime).arg(t.entryPrice, 0, 'f', 2).arg(t.exitTime).arg(t.exitPrice, 0, 'f', 2)
                   .arg(t.qty, 0, 'g', 10).arg(t.pnl, 0, 'f', 2).arg(t.fees, 0, 'f', 2).arg(t.exitReason)
                   .toUtf8();
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(csv) == csv.size() && f.commit();
}

void BacktestPage::applyTheme() { research::applyChartTheme(equityChart_); }

}  // namespace lhm::ui
