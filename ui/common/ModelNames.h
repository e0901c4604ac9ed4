#pragma once
// Readable names for the models' identifiers (binance_standard ...): what the toolbar, titles and
// comparison panels show. Identifiers stay the data (settings, requests, the CLI).
#include <QString>

namespace lhm::ui {

QString modelDisplayName(const QString &id);

}  // namespace lhm::ui
