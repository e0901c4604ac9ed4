#pragma once
// One colour per exchange, the same in the stacked liquidation map and the Exchanges view, so a
// venue is recognised at a glance across views. Unknown names get a stable colour from a hash.
#include <QColor>
#include <QString>

namespace lhm::ui {

QColor exchangeColor(const QString &exchange);

}  // namespace lhm::ui
