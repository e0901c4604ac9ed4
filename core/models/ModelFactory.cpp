// The one place that maps model names to implementations.
#include "models/BinanceStandardModel.h"
#include "models/EnsembleModel.h"
#include "models/FundingAdjustedModel.h"
#include "models/PyLiquidationMapModel.h"

namespace lhm {

std::unique_ptr<LiquidationModel> makeModel(const QString &name) {
    if (name == QLatin1String("binance_standard")) return std::make_unique<BinanceStandardModel>();
    if (name == QLatin1String("funding_adjusted")) return std::make_unique<FundingAdjustedModel>();
    if (name == QLatin1String("py_liquidation_map")) return std::make_unique<PyLiquidationMapModel>();
    if (name == QLatin1String("ensemble")) return std::make_unique<EnsembleModel>();
    return nullptr;
}

QStringList liquidationModelNames() {
    return {QStringLiteral("binance_standard"), QStringLiteral("funding_adjusted"), QStringLiteral("py_liquidation_map"),
            QStringLiteral("ensemble")};
}

}  // namespace lhm
