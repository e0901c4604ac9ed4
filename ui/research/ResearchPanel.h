#pragma once
// The Research tab: `lhm validate` and `lhm backtest` with forms, run on a worker thread (progress
// and cancel), results drawn with Qt Charts: each measured figure beside its baseline, equity
// curves beside buy-and-hold and shifted clusters, statistics and trades, CSV export. The panel
// holds the form, the buttons and the job; ValidationPage and BacktestPage draw the results.
#include "analysis/Backtester.h"
#include "analysis/ValidationTypes.h"

#include <QThreadPool>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lhm::ui {

class BacktestPage;
class ValidationPage;

class ResearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResearchPanel(const QString &dbPath, QWidget *parent = nullptr);
    ~ResearchPanel() override;

    void setSeries(const QString &exchange, const QString &symbol);
    void setPeriod(qint64 from, qint64 to);
    void setRules(const QString &entry, const QString &exit);
    QString ruleError() const;  // what the entry/exit fields currently say is wrong, empty when both compile

    // Shown results (also for tests and screenshots).
    void showValidation(const std::vector<ValidationResult> &results);
    void showBacktest(const QString &model, const BacktestRun &run, const BacktestRun &hold, const BacktestRun &shifted);
    int tradeRows() const;
    QString validationSummary() const;
    bool isBusy() const { return busy_; }
    // Progress of the running job in permille (0..1000), -1 when idle.
    int progressPermille() const;
    static constexpr int kProgressSteps = 1000;
    void applyTheme();

public slots:
    void runValidation();
    void runBacktest();
    void cancel();
    bool exportTrades(const QString &path);

signals:
    void finished();
    // A validation's figures reached the store (the comparison view can show them).
    void validationStored();
    // The running job's progress rose (permille of kProgressSteps).
    void progressChanged(int permille);

protected:
    void changeEvent(QEvent *event) override;  // follows the app's theme switches

private:
    void checkRules();
    void setBusy(bool busy);
    void fail(const QString &message);
    std::function<void(double)> progressReporter(double offset, double scale);

    QString dbPath_;
    QLineEdit *exchange_ = nullptr, *symbol_ = nullptr, *entry_ = nullptr, *exit_ = nullptr;
    QDateTimeEdit *from_ = nullptr, *to_ = nullptr;
    QComboBox *model_ = nullptr, *side_ = nullptr;
    QDoubleSpinBox *fee_ = nullptr, *slippage_ = nullptr, *stop_ = nullptr, *take_ = nullptr;
    QLabel *ruleError_ = nullptr, *status_ = nullptr;
    QPushButton *validate_ = nullptr, *backtest_ = nullptr, *cancel_ = nullptr, *export_ = nullptr;
    QProgressBar *progress_ = nullptr;
    ValidationPage *validation_ = nullptr;
    BacktestPage *backtests_ = nullptr;
    std::shared_ptr<std::atomic_bool> cancelFlag_;
    // Validation and backtests run as pool tasks (one at a time, busy_ guards), like CoreEngine's.
    QThreadPool pool_;
    bool busy_ = false;
};

}  // namespace lhm::ui
