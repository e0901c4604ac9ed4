#pragma once
// One colour per exchange, the same in the stacked liquidation map and the Exchanges view, so a
// venue is recognised at a glance across views: the one its descriptor file names. Unknown names get a hash's.
#include <QColor>
#include <QString>

namespace lhm::ui {

QColor exchangeColor(const QString &exchange);

}  // namespace lhm::ui
