#include "exchanges/ExchangeColors.h"

#include <QHash>

namespace lhm::ui {

QColor exchangeColor(const QString &exchange) {
    // Close to each venue's brand hue, and far enough apart on a dark or light background.
    if (exchange == QLatin1String("binance")) return QColor(0xF0, 0xB9, 0x0B);
    if (exchange == QLatin1String("bybit")) return QColor(0xF7, 0x6B, 0x1C);
    if (exchange == QLatin1String("okx")) return QColor(0x5B, 0x9B, 0xF8);
    if (exchange == QLatin1String("hyperliquid")) return QColor(0x50, 0xD2, 0xC1);
    return QColor::fromHsv(int(qHash(exchange) % 360), 160, 230);
}

}  // namespace lhm::ui
