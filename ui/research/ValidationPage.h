#pragma once
// The Research tab's validation results: a line per model naming each measured figure beside its
// baseline, and the bar chart of both. run() is the job itself, for a worker thread (no widgets).
#include "analysis/ValidationTypes.h"
#include "models/LiquidationModel.h"

#include <QWidget>
#include <vector>

class QChartView;
class QLabel;

namespace lhm::ui {

class ValidationPage : public QWidget {
    Q_OBJECT
public:
    explicit ValidationPage(QWidget *parent = nullptr);

    struct Outcome {
        std::vector<ValidationResult> results;
        QString error;        // empty on success
        bool stored = false;  // the figures reached the store (the comparison view can show them)
    };
    // On a worker: validates on a read-only connection, then keeps the figures in the store.
    static Outcome run(const QString &dbPath, const ValidationRequest &req, const RunControl &control);

    void showResults(const std::vector<ValidationResult> &results);
    QString summary() const;
    void applyTheme();

private:
    QLabel *summary_ = nullptr;
    QChartView *chart_ = nullptr;
};

}  // namespace lhm::ui
