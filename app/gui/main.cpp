// liquidationheatmap: the desktop app. Parses arguments and wires the main window, nothing else.
#include "main/MainWindow.h"

#include "common/Paths.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LiquidationHeatmap"));
    QApplication::setApplicationName(QStringLiteral("liquidationheatmap"));
    QApplication::setApplicationVersion(QStringLiteral(LHM_VERSION));

    QCommandLineParser p;
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("path")});
    p.process(app);
    const QString db = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : lhm::defaultDatabasePath();

    lhm::ui::MainWindow w(db);
    w.show();
    return app.exec();
}
