#pragma once
#include <QMainWindow>

namespace lhm::ui {

// Wires the panels together; owns no logic of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);

private:
    QString dbPath_;
};

}  // namespace lhm::ui
