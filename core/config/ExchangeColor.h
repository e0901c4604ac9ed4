#pragma once
// Each exchange's display colour as 0xRRGGBB: close to the venue's brand hue, and far enough from the
// others on a dark or light background. One hook per exchange of config/ExchangeList.h, <id>Color(),
// beside its descriptor (core/exchanges/<id>/<Enum>Descriptor.cpp). A number, so core stays
// widget-free; ui/exchanges/ExchangeColors turns it into a QColor.
#include "config/ExchangeList.h"

#include <QString>

namespace lhm {

#define LHM_EXCHANGE_COLOR(E, id) unsigned id##Color();
LHM_EXCHANGES(LHM_EXCHANGE_COLOR)
#undef LHM_EXCHANGE_COLOR

// The colour of an exchange on the list; 0 for any other name.
unsigned exchangeColorRgb(const QString &exchange);

}  // namespace lhm
