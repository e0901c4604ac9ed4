#include "common/Paths.h"

#include <QCoreApplication>
#include <QDir>
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
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/liquidationheatmap/config"));
        if (QFileInfo::exists(installed + QStringLiteral("/exchanges.yaml"))) return QDir::cleanPath(installed);
    }
    return buildConfigDir();
}

QString buildConfigDir() { return QStringLiteral(LHM_BUILD_CONFIG_DIR); }

}  // namespace lhm
