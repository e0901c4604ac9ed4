#include "research/ResearchPanel.h"

#include "exchanges/ExchangeText.h"
#include "research/BacktestPage.h"
#include "research/ValidationPage.h"
#include "models/LiquidationModel.h"

#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>

namespace lhm::ui {

ResearchPanel::ResearchPanel(const QString &dbPath, QWidget *parent) : QWidget(parent), dbPath_(dbPath) {
    setObjectName(QStringLiteral("researchPanel"));
    pool_.setMaxThreadCount(1);
    pool_.setObjectName(QStringLiteral("lhm-research"));
    exchange_ = new QLineEdit(ExchangeText::displayName(QStringLiteral("binance")), this);
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

    validation_ = new ValidationPage(this);
    backtests_ = new BacktestPage(this);
    // Charts side by side on top (validation | equity), tables below (statistics | trades).
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(validation_);
    charts->addWidget(backtests_->equityChart());
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(backtests_->statsTable());
    tables->addWidget(backtests_->tradesTable());
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
    exchange_->setText(ExchangeText::displayName(exchange));
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
        RunControl control;
        control.cancel = flag.get();
        control.progress = progress;
        const ValidationPage::Outcome out = ValidationPage::run(db, req, control);
        QMetaObject::invokeMethod(self, [self, out] {
            if (!self) return;
            self->setBusy(false);
            if (!out.error.isEmpty()) self->fail(out.error);
            else self->showValidation(out.results);
            if (out.stored) emit self->validationStored();
            emit self->finished();
        }, Qt::QueuedConnection);
    });
}

void ResearchPanel::runBacktest() {
    if (busy_ || !ruleError_->text().isEmpty()) return;
    BacktestPage::Job job;
    FeatureRequest &fr = job.features;
    fr.series.exchange = exchange_->text().trimmed().toLower();
    fr.series.symbol = symbol_->text().trimmed().toUpper();
    fr.series.window = QStringLiteral("7d");
    fr.series.params.interval = QStringLiteral("1h");
    fr.model = model_->currentText();
    fr.from = from_->dateTime().toMSecsSinceEpoch();
    fr.to = to_->dateTime().toMSecsSinceEpoch();
    BacktestParams &prm = job.params;
    prm.side = side_->currentIndex() == 0 ? TradeSide::Long : side_->currentIndex() == 1 ? TradeSide::Short : TradeSide::Both;
    prm.feeBps = fee_->value();
    prm.slippageBps = slippage_->value();
    prm.stopPct = stop_->value();
    prm.takeProfitPct = take_->value();
    job.entry = entry_->text();
    job.exit = exit_->text();
    setBusy(true);
    cancelFlag_ = std::make_shared<std::atomic_bool>(false);
    QPointer<ResearchPanel> self(this);
    const QString db = dbPath_;
    auto flag = cancelFlag_;
    // Two model runs: the rules' bars, then the shifted-clusters baseline's.
    auto firstHalf = progressReporter(0, 0.5), secondHalf = progressReporter(0.5, 0.5);
    pool_.start([self, db, job, flag, firstHalf, secondHalf] {
        const BacktestPage::Outcome out = BacktestPage::run(db, job, *flag, firstHalf, secondHalf);
        const QString model = job.features.model;
        QMetaObject::invokeMethod(self, [self, model, out] {
            if (!self) return;
            self->setBusy(false);
            if (!out.error.isEmpty()) {
                self->fail(out.error);
            } else {
                self->showBacktest(model, out.run, out.hold, out.shifted);
            }
            emit self->finished();
        }, Qt::QueuedConnection);
    });
}

void ResearchPanel::showValidation(const std::vector<ValidationResult> &results) { validation_->showResults(results); }

void ResearchPanel::showBacktest(const QString &model, const BacktestRun &run, const BacktestRun &hold,
                                 const BacktestRun &shifted) {
    backtests_->showResults(model, run, hold, shifted);
    export_->setEnabled(backtests_->hasTrades());
    status_->setText(tr("Estimates on modelled clusters with simplified fills; not financial advice."));
}

int ResearchPanel::tradeRows() const { return backtests_->tradeRows(); }
QString ResearchPanel::validationSummary() const { return validation_->summary(); }

bool ResearchPanel::exportTrades(const QString &path) { return backtests_->exportTrades(path); }

void ResearchPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange) applyTheme();
}

void ResearchPanel::applyTheme() {
    validation_->applyTheme();
    backtests_->applyTheme();
}

}  // namespace lhm::ui
