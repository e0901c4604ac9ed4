#include "common/ModelNames.h"

#include <QCoreApplication>

namespace lhm::ui {

QString modelDisplayName(const QString &id) {
    if (id == QLatin1String("binance_standard")) return QCoreApplication::translate("ModelNames", "Open-interest model");
    if (id == QLatin1String("funding_adjusted")) return QCoreApplication::translate("ModelNames", "Funding-adjusted");
    if (id == QLatin1String("py_liquidation_map")) return QCoreApplication::translate("ModelNames", "Large trades");
    if (id == QLatin1String("ensemble")) return QCoreApplication::translate("ModelNames", "Ensemble");
    return id;
}

}  // namespace lhm::ui
