#pragma once
// One row per file of the running job: name, a progress bar, and what happened to it.
#include <QTableWidget>

class QProgressBar;

namespace lhm::ui {

class FileProgressTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { File, Progress, Status, ColumnCount };
    enum Outcome { Success, Skipped, Failure };  // Skipped: nothing to fetch (404, already stored)
    explicit FileProgressTable(QWidget *parent = nullptr);

    void setFiles(const QStringList &names);
    void setStage(int row, const QString &text);
    void setProgress(int row, qint64 done, qint64 total);        // download bytes
    void setImportProgress(int row, qint64 done, qint64 total);  // CSV bytes parsed
    void setPageProgress(int row, int page, int percent);        // REST history: pages, share of the range
    void setDone(int row, int outcome, const QString &text);
    // Rows still waiting when a job stops early say so instead of "waiting".
    void markNotStarted();
    QString statusText(int row) const;
    int percent(int row) const;  // -1 when busy/unknown

private:
    QProgressBar *bar(int row) const;
};

}  // namespace lhm::ui
