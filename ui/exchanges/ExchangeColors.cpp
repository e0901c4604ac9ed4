#include "exchanges/ExchangeColors.h"

#include "config/ExchangeColor.h"

#include <QHash>

namespace lhm::ui {

QColor exchangeColor(const QString &exchange) {
    // Each exchange's folder names its colour (core/exchanges/<id>/<Enum>Descriptor.cpp).
    if (const unsigned rgb = exchangeColorRgb(exchange)) return QColor(QRgb(rgb));
    return QColor::fromHsv(int(qHash(exchange) % 360), 160, 230);
}

}  // namespace lhm::ui
