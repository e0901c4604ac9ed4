#include "common/UsdTicker.h"

#include "common/Format.h"

namespace lhm::ui {

QString UsdTicker::getTickLabel(double tick, const QLocale &, QChar, int) { return Format::usd(tick); }

}  // namespace lhm::ui
