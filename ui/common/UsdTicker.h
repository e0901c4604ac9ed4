#pragma once
// Axis ticks labelled as abbreviated USD ($1.2M) for density and notional axes.
#include <qcustomplot.h>

namespace lhm::ui {

class UsdTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;
};

}  // namespace lhm::ui
