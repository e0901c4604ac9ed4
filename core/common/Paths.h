#pragma once
#include <QString>

namespace lhm {

// Default database file: <AppDataLocation>/liquidationheatmap.sqlite (created on demand).
QString defaultDatabasePath();

// Directory holding exchanges.yaml and tiers/: $LHM_CONFIG_DIR, else the installed share dir,
// else buildConfigDir().
QString configDir();
// The config folder of the build tree this binary was built in: config/'s files and each exchange
// folder's tiers/ as tiers/<id>/, linked (core/CMakeLists.txt).
QString buildConfigDir();

}  // namespace lhm
