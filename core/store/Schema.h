#pragma once
#include <QStringList>

namespace lhm {
// Migration N (1-based) brings a store from user_version N-1 to N. Append, never edit a shipped one.
const QStringList &schemaMigrations();
}
