#pragma once
#include <QString>

namespace lhm {

// Default database file: <AppDataLocation>/liquidationheatmap.sqlite (created on demand).
QString defaultDatabasePath();

// Directory holding exchanges.yaml and tiers/: $LHM_CONFIG_DIR, else the installed share dir,
// else config/ of the source tree this binary was built from.
QString configDir();

}  // namespace lhm
