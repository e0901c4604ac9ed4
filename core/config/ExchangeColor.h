#pragma once
// Each exchange's display colour as 0xRRGGBB, its descriptor's `color` (core/exchanges/<id>/
// <Enum>Descriptor.cpp): close to the venue's brand hue, and far enough from the others on a dark or
// light background. A number, so core stays widget-free; ui/exchanges/ExchangeColors turns it into a QColor.
#include <QString>

namespace lhm {

// The colour of an exchange on the list; 0 for any other name.
unsigned exchangeColorRgb(const QString &exchange);

}  // namespace lhm
