#include "common/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace lhm {

QString defaultDatabasePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("liquidationheatmap.sqlite"));
}

QString configDir() {
    const QString env = qEnvironmentVariable("LHM_CONFIG_DIR");
    if (!env.isEmpty()) return env;
    // The executable's folder; without a QCoreApplication (the window commands of `lhm`, see
    // app/cli/main.cpp) the one /proc/self/exe names, which is where Qt looks on Linux too.
    QString exeDir;
    if (QCoreApplication::instance()) {
        exeDir = QCoreApplication::applicationDirPath();
    } else {
        const QString exe = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
        if (!exe.isEmpty()) exeDir = QFileInfo(exe).absolutePath();
    }
    if (!exeDir.isEmpty()) {
        const QString installed = QDir(exeDir).absoluteFilePath(QStringLiteral("../share/liquidationheatmap/config"));
        if (QFileInfo::exists(installed + QStringLiteral("/exchanges.yaml"))) return QDir::cleanPath(installed);
    }
    return buildConfigDir();
}

QString buildConfigDir() { return QStringLiteral(LHM_BUILD_CONFIG_DIR); }

}  // namespace lhm
