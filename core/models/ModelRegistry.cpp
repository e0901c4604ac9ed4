// The model registry: one line per model. Adding a model = its own files under core/models/
// (a class implementing LiquidationModel, declaring inputs() and required()) plus one line in
// kModels below; its readable, translated name goes in ui/common/ModelNames.cpp.
#include "models/BinanceStandardModel.h"
#include "models/EnsembleModel.h"
#include "models/FundingAdjustedModel.h"
#include "models/PyLiquidationMapModel.h"

#include <algorithm>
#include <cmath>

namespace lhm {

namespace {

using Factory = std::unique_ptr<LiquidationModel> (*)();
template <class M>
std::unique_ptr<LiquidationModel> make() {
    return std::make_unique<M>();
}

// Registration: the order is the order menus and `lhm compare` list them in.
constexpr Factory kModels[] = {
    make<BinanceStandardModel>,
    make<FundingAdjustedModel>,
    make<PyLiquidationMapModel>,
    make<EnsembleModel>,
};

}  // namespace

std::unique_ptr<LiquidationModel> makeModel(const QString &name) {
    for (Factory f : kModels)
        if (auto m = f(); m->name() == name) return m;  // models are stateless: making one is cheap
    return nullptr;
}

QStringList liquidationModelNames() {
    QStringList names;
    for (Factory f : kModels) names << f()->name();
    return names;
}

std::optional<MissingInput> missingInput(const LiquidationModel &model, const ModelInputs &in) {
    const auto any = [](const std::vector<double> &v) {
        return std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
    };
    const ModelInputSet need = model.required();
    // Open interest first: without it a funding-driven model lacks more than its funding.
    if (need.testFlag(ModelInput::OpenInterest) && !any(in.openInterestValue)) return MissingInput::OpenInterest;
    if (need.testFlag(ModelInput::TradeProfile) && !in.hasTradeProfile()) return MissingInput::TradeProfile;
    if (need.testFlag(ModelInput::Funding) && !any(in.fundingRate)) return MissingInput::FundingRates;
    return std::nullopt;
}

}  // namespace lhm
