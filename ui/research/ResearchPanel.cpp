#include "research/ResearchPanel.h"

#include "analysis/ValidationRecord.h"
#include "analysis/Validator.h"
#include "common/Theme.h"
#include "common/Timeframe.h"
#include "models/LiquidationModel.h"
#include "store/Store.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace lhm::ui {

namespace {

QString pct(double v) { return QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', 2); }
QString num(double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("—"); }
QString opt(const std::optional<double> &v) { return v ? num(*v) : QStringLiteral("—"); }

// QDateTimeAxis (Qt 6.4) labels in local time; shifting by the local offset makes it show UTC,
// like every other time in the app.
qint64 utcWall(qint64 ms) { return ms + qint64(QDateTime::fromMSecsSinceEpoch(ms).offsetFromUtc()) * 1000; }

QChart *newChart() {
    auto *c = new QChart();
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    return c;
}

}  // namespace

ResearchPanel::ResearchPanel(const QString &dbPath, QWidget *parent) : QWidget(parent), dbPath_(dbPath) {
    setObjectName(QStringLiteral("researchPanel"));
    pool_.setMaxThreadCount(1);
    pool_.setObjectName(QStringLiteral("lhm-research"));
    exchange_ = new QLineEdit(QStringLiteral("binance"), this);
    symbol_ = new QLineEdit(QStringLiteral("BTCUSDT"), this);
    from_ = new QDateTimeEdit(this);
    to_ = new QDateTimeEdit(this);
    for (QDateTimeEdit *e : {from_, to_}) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        e->setCalendarPopup(true);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    from_->setDateTime(now.addDays(-30));
    to_->setDateTime(now);
    model_ = new QComboBox(this);
    model_->addItems(liquidationModelNames());
    entry_ = new QLineEdit(QStringLiteral("dist_long_cluster_pct < 2"), this);
    exit_ = new QLineEdit(QStringLiteral("dist_short_cluster_pct < 1"), this);
    side_ = new QComboBox(this);
    side_->addItem(tr("Long"));
    side_->addItem(tr("Short"));
    side_->addItem(tr("Both"));
    auto spin = [this](double value, double max, const QString &suffix) {
        auto *s = new QDoubleSpinBox(this);
        s->setRange(0, max);
        s->setDecimals(2);
        s->setValue(value);
        s->setSuffix(suffix);
        return s;
    };
    fee_ = spin(4, 1000, tr(" bps"));
    slippage_ = spin(2, 1000, tr(" bps"));
    stop_ = spin(0, 100, tr(" %"));
    take_ = spin(0, 10000, tr(" %"));
    ruleError_ = new QLabel(this);
    ruleError_->setObjectName(QStringLiteral("ruleError"));
    ruleError_->setWordWrap(true);
    validate_ = new QPushButton(tr("Validate"), this);
    backtest_ = new QPushButton(tr("Run backtest"), this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    export_ = new QPushButton(tr("Export trades…"), this);
    backtest_->setObjectName(QStringLiteral("runBacktest"));
    cancel_->setEnabled(false);
    export_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("researchProgress"));
    progress_->setRange(0, kProgressSteps);
    progress_->hide();
    status_ = new QLabel(tr("Estimates: every figure is measured on the period shown, beside its baseline. Not financial advice."),
                         this);
    status_->setObjectName(QStringLiteral("researchStatus"));
    status_->setWordWrap(true);
    summary_ = new QLabel(tr("No validation has run: —"), this);
    summary_->setObjectName(QStringLiteral("validationSummary"));
    summary_->setWordWrap(true);

    auto *form = new QFormLayout();
    form->addRow(tr("Exchange"), exchange_);
    form->addRow(tr("Symbol"), symbol_);
    form->addRow(tr("From"), from_);
    form->addRow(tr("To"), to_);
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Entry rule"), entry_);
    form->addRow(tr("Exit rule"), exit_);
    form->addRow(QString(), ruleError_);
    form->addRow(tr("Side"), side_);
    form->addRow(tr("Fee per fill"), fee_);
    form->addRow(tr("Slippage per fill"), slippage_);
    form->addRow(tr("Stop loss"), stop_);
    form->addRow(tr("Take profit"), take_);
    auto *buttons = new QHBoxLayout();
    for (QPushButton *b : {validate_, backtest_, cancel_, export_}) buttons->addWidget(b);
    auto *left = new QWidget(this);
    auto *lv = new QVBoxLayout(left);
    lv->addLayout(form);
    lv->addLayout(buttons);
    lv->addWidget(progress_);
    lv->addWidget(status_);
    lv->addStretch(1);

    validationChart_ = new QChartView(newChart(), this);
    validationChart_->setObjectName(QStringLiteral("validationChart"));
    equityChart_ = new QChartView(newChart(), this);
    equityChart_->setObjectName(QStringLiteral("equityChart"));
    for (QChartView *v : {validationChart_, equityChart_}) v->setRenderHint(QPainter::Antialiasing);
    stats_ = new QTableWidget(0, 8, this);
    stats_->setHorizontalHeaderLabels({tr("Run"), tr("Return"), tr("Sharpe"), tr("Sortino"), tr("Max drawdown"), tr("Win rate"),
                                       tr("Profit factor"), tr("Trades")});
    trades_ = new QTableWidget(0, 7, this);
    trades_->setHorizontalHeaderLabels(
        {tr("Side"), tr("Entry time"), tr("Entry"), tr("Exit time"), tr("Exit"), tr("P&L (USD)"), tr("Exit reason")});
    for (QTableWidget *t : {stats_, trades_}) {
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    // Charts side by side on top (validation | equity), tables below (statistics | trades).
    auto *top = new QWidget(this);
    auto *tv = new QVBoxLayout(top);
    tv->setContentsMargins(0, 0, 0, 0);
    tv->addWidget(summary_);
    tv->addWidget(validationChart_, 1);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(top);
    charts->addWidget(equityChart_);
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(stats_);
    tables->addWidget(trades_);
    // Small minimums: the main window must still fit 1280 px wide with this tab in it.
    for (QChartView *v : {validationChart_, equityChart_}) v->setMinimumSize(160, 160);
    for (QTableWidget *t : {stats_, trades_}) t->setMinimumSize(120, 80);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(charts);
    right->addWidget(tables);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *root = new QVBoxLayout(this);
    root->addWidget(split);

    connect(entry_, &QLineEdit::textChanged, this, &ResearchPanel::checkRules);
    connect(exit_, &QLineEdit::textChanged, this, &ResearchPanel::checkRules);
    connect(validate_, &QPushButton::clicked, this, &ResearchPanel::runValidation);
    connect(backtest_, &QPushButton::clicked, this, &ResearchPanel::runBacktest);
    connect(cancel_, &QPushButton::clicked, this, &ResearchPanel::cancel);
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export trades"), QStringLiteral("trades.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportTrades(path)) fail(tr("Could not write %1").arg(path));
    });
    checkRules();
    applyTheme();
}

ResearchPanel::~ResearchPanel() {
    if (cancelFlag_) cancelFlag_->store(true);
    pool_.waitForDone();
}

void ResearchPanel::setSeries(const QString &exchange, const QString &symbol) {
    exchange_->setText(exchange);
    symbol_->setText(symbol);
}

void ResearchPanel::setPeriod(qint64 from, qint64 to) {
    from_->setDateTime(QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc()));
    to_->setDateTime(QDateTime::fromMSecsSinceEpoch(to, QTimeZone::utc()));
}

void ResearchPanel::setRules(const QString &entry, const QString &exit) {
    entry_->setText(entry);
    exit_->setText(exit);
}

QString ResearchPanel::ruleError() const { return ruleError_->text(); }

void ResearchPanel::checkRules() {
    QStringList errors;
    for (const auto &[edit, name] : {std::pair{entry_, QStringLiteral("entry")}, std::pair{exit_, QStringLiteral("exit")}}) {
        auto r = RuleExpression::compile(edit->text(), name);
        if (!r) errors << (name == QLatin1String("entry") ? tr("Entry: %1") : tr("Exit: %1")).arg(r.error().message);
    }
    ruleError_->setText(errors.join(QLatin1Char('\n')));
    backtest_->setEnabled(errors.isEmpty() && !busy_);
}

void ResearchPanel::setBusy(bool busy) {
    busy_ = busy;
    progress_->setValue(0);
    progress_->setVisible(busy);
    cancel_->setEnabled(busy);
    validate_->setEnabled(!busy);
    checkRules();
}

void ResearchPanel::fail(const QString &message) {
    status_->setText(message);
}

int ResearchPanel::progressPermille() const { return busy_ ? progress_->value() : -1; }

std::function<void(double)> ResearchPanel::progressReporter(double offset, double scale) {
    // Called on the worker: hop to the UI thread only when the shown permille changes.
    QPointer<ResearchPanel> self(this);
    auto last = std::make_shared<std::atomic_int>(-1);
    return [self, last, offset, scale](double f) {
        const int permille = int(std::clamp(offset + f * scale, 0.0, 1.0) * kProgressSteps);
        if (last->exchange(permille) == permille) return;
        QMetaObject::invokeMethod(self, [self, permille] {
            if (!self || !self->busy_ || permille <= self->progress_->value()) return;
            self->progress_->setValue(permille);
            emit self->progressChanged(permille);
        }, Qt::QueuedConnection);
    };
}

void ResearchPanel::cancel() {
    if (cancelFlag_) cancelFlag_->store(true);
}

void ResearchPanel::runValidation() {
    if (busy_) return;
    ValidationRequest req;
    req.exchange = exchange_->text().trimmed().toLower();
    req.symbol = symbol_->text().trimmed().toUpper();
    req.from = from_->dateTime().toMSecsSinceEpoch();
    req.to = to_->dateTime().toMSecsSinceEpoch();
    req.models = {model_->currentText()};
    req.params.interval = QStringLiteral("1h");
    setBusy(true);
    cancelFlag_ = std::make_shared<std::atomic_bool>(false);
    QPointer<ResearchPanel> self(this);
    const QString db = dbPath_;
    auto flag = cancelFlag_;
    auto progress = progressReporter(0, 1);
    pool_.start([self, db, req, flag, progress] {
        QString error;
        std::vector<ValidationResult> results;
        bool stored = false;
        auto store = Store::openReadOnly(db);
        if (!store) {
            error = store.error().toString();
        } else {
            RunControl control;
            control.cancel = flag.get();
            control.progress = progress;
            auto r = lhm::runValidation(**store, req, control);
            if (r) results = std::move(*r);
            else error = r.error().toString();
        }
        if (error.isEmpty()) {
            // Kept so the comparison view can show each figure beside its baseline.
            auto writer = Store::open(db, OpenCheck::Never);
            Status s = writer ? saveValidation(**writer, results, req.window, QDateTime::currentMSecsSinceEpoch())
                              : Status(writer.error());
            if (!s) error = s.error().toString();
            stored = bool(s);
        }
        QMetaObject::invokeMethod(self, [self, results, error, stored] {
            if (!self) return;
            self->setBusy(false);
            if (!error.isEmpty()) self->fail(error);
            else self->showValidation(results);
            if (stored) emit self->validationStored();
            emit self->finished();
        }, Qt::QueuedConnection);
    });
}

void ResearchPanel::runBacktest() {
    if (busy_ || !ruleError_->text().isEmpty()) return;
    FeatureRequest fr;
    fr.series.exchange = exchange_->text().trimmed().toLower();
    fr.series.symbol = symbol_->text().trimmed().toUpper();
    fr.series.window = QStringLiteral("7d");
    fr.series.params.interval = QStringLiteral("1h");
    fr.model = model_->currentText();
    fr.from = from_->dateTime().toMSecsSinceEpoch();
    fr.to = to_->dateTime().toMSecsSinceEpoch();
    BacktestParams prm;
    prm.side = side_->currentIndex() == 0 ? TradeSide::Long : side_->currentIndex() == 1 ? TradeSide::Short : TradeSide::Both;
    prm.feeBps = fee_->value();
    prm.slippageBps = slippage_->value();
    prm.stopPct = stop_->value();
    prm.takeProfitPct = take_->value();
    const QString entry = entry_->text(), exit = exit_->text();
    setBusy(true);
    cancelFlag_ = std::make_shared<std::atomic_bool>(false);
    QPointer<ResearchPanel> self(this);
    const QString db = dbPath_;
    auto flag = cancelFlag_;
    // Two model runs: the rules' bars, then the shifted-clusters baseline's.
    auto firstHalf = progressReporter(0, 0.5), secondHalf = progressReporter(0.5, 0.5);
    pool_.start([self, db, fr, prm, entry, exit, flag, firstHalf, secondHalf]() mutable {
        QString error;
        BacktestRun run, hold, shifted;
        auto store = Store::openReadOnly(db);
        auto e = RuleExpression::compile(entry, QStringLiteral("entry"));
        auto x = RuleExpression::compile(exit, QStringLiteral("exit"));
        if (!store) error = store.error().toString();
        else if (!e) error = e.error().toString();
        else if (!x) error = x.error().toString();
        if (error.isEmpty()) {
            RunControl control;
            control.cancel = flag.get();
            control.progress = firstHalf;
            auto bars = computeBarFeatures(**store, fr, control);
            fr.shiftBars = 168;  // the shifted-clusters baseline: 7 days of 1h bars
            control.progress = secondHalf;
            auto old = bars ? computeBarFeatures(**store, fr, control) : bars;
            if (!bars) error = bars.error().toString();
            else if (!old) error = old.error().toString();
            else if (flag->load()) error = QStringLiteral("cancelled");
            else {
                run = lhm::runBacktest(*bars, **e, **x, prm);
                hold = buyAndHold(*bars, prm);
                shifted = lhm::runBacktest(*old, **e, **x, prm);
            }
        }
        const QString model = fr.model;
        QMetaObject::invokeMethod(self, [self, model, run, hold, shifted, error] {
            if (!self) return;
            self->setBusy(false);
            if (!error.isEmpty()) self->fail(error);
            else self->showBacktest(model, run, hold, shifted);
            emit self->finished();
        }, Qt::QueuedConnection);
    });
}

void ResearchPanel::showValidation(const std::vector<ValidationResult> &results) {
    QChart *chart = newChart();
    QStringList lines;
    auto *model = new QBarSet(tr("Model"));
    auto *base = new QBarSet(tr("Baseline"));
    QStringList categories;
    for (const ValidationResult &r : results) {
        if (r.n == 0) {
            lines << tr("%1: no figures (%2)").arg(r.model, r.note);
            continue;
        }
        if (r.method == QLatin1String("hourly")) {
            chart->setTitle(tr("Spearman ρ of predicted vs realised liquidations per hour and side"));
            auto add = [&](const QString &label, double m, double b) {
                categories << label;
                *model << (std::isfinite(m) ? m : 0.0);
                *base << (std::isfinite(b) ? b : 0.0);
            };
            add(tr("%1 both sides").arg(r.model), r.spearman.value_or(NAN), r.baselineSpearman.value_or(NAN));
            if (r.longSide) add(tr("longs"), r.longSide->spearman, r.longSide->baselineSpearman);
            if (r.shortSide) add(tr("shorts"), r.shortSide->spearman, r.shortSide->baselineSpearman);
            lines << tr("%1: ρ %2 against the baseline (|price move| × open interest) %3; difference 95 % [%4, %5]; %6 hour-sides")
                         .arg(r.model, opt(r.spearman), opt(r.baselineSpearman))
                         .arg(r.diffCi95 ? num(r.diffCi95->first) : QStringLiteral("—"))
                         .arg(r.diffCi95 ? num(r.diffCi95->second) : QStringLiteral("—"))
                         .arg(r.n);
        } else {
            chart->setTitle(tr("Share of realised liquidation notional inside the model's densest zones"));
            categories << r.model;
            *model << r.hitRate.value_or(0);
            *base << (r.baseline ? r.baseline->mean : 0.0);
            lines << tr("%1: hit rate %2 against random zones %3 [%4, %5] (beaten in %6 of draws), mirrored %7; %8 events")
                         .arg(r.model, pct(r.hitRate.value_or(0)))
                         .arg(r.baseline ? pct(r.baseline->mean) : QStringLiteral("—"))
                         .arg(r.baseline ? pct(r.baseline->p2_5) : QStringLiteral("—"))
                         .arg(r.baseline ? pct(r.baseline->p97_5) : QStringLiteral("—"))
                         .arg(r.baseline ? pct(r.baseline->beatenShare) : QStringLiteral("—"))
                         .arg(pct(r.mirroredHitRate.value_or(0)))
                         .arg(r.n);
        }
    }
    auto *series = new QBarSeries();
    series->append(model);
    series->append(base);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis();
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis();
    y->setRange(std::min(0.0, y->min()), 1.0);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QChart *old = validationChart_->chart();
    validationChart_->setChart(chart);
    delete old;
    summary_->setText(lines.isEmpty() ? tr("No validation has run: —") : lines.join(QLatin1Char('\n')));
    applyTheme();
}

void ResearchPanel::showBacktest(const QString &model, const BacktestRun &run, const BacktestRun &hold,
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
    export_->setEnabled(!shownTrades_.empty());
    status_->setText(tr("Estimates on modelled clusters with simplified fills; not financial advice."));
    applyTheme();
}

int ResearchPanel::tradeRows() const { return trades_->rowCount(); }
QString ResearchPanel::validationSummary() const { return summary_->text(); }

bool ResearchPanel::exportTrades(const QString &path) {
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

void ResearchPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange) applyTheme();
}

void ResearchPanel::applyTheme() {
    const bool dark = Theme::current() == Theme::Dark;
    const PlotPalette &p = Theme::palette();
    for (QChartView *v : {validationChart_, equityChart_}) {
        QChart *c = v->chart();
        c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        c->setBackgroundBrush(p.background);
        c->setTitleBrush(p.text);
        c->legend()->setLabelColor(p.text);
        for (QAbstractAxis *a : c->axes()) {
            a->setLabelsColor(p.text);
            a->setGridLineColor(p.grid);
        }
        v->setBackgroundBrush(p.background);
    }
}

}  // namespace lhm::ui
