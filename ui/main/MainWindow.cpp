#include "main/MainWindow.h"

#include <QLabel>
#include <QStatusBar>

namespace lhm::ui {

MainWindow::MainWindow(const QString &dbPath, QWidget *parent) : QMainWindow(parent), dbPath_(dbPath) {
    setWindowTitle(tr("LiquidationHeatmap"));
    setCentralWidget(new QLabel(tr("Liquidation heatmap (estimate)"), this));
    statusBar()->showMessage(dbPath_);
    resize(1400, 860);
}

}  // namespace lhm::ui
