#pragma once
// binance_standard: positions inferred from open-interest changes over the window's candles.
// Per candle: consume crossed levels, open a rise in open-interest value at the close (split
// long/short by the side rule, across leverages by the weights), close a fall proportionally
// (by default the market's relative fall |ΔOI| / OI_prev, see models/CloseRule.h).
#include "models/LiquidationModel.h"
#include "models/SideRule.h"

#include <optional>

namespace lhm {

class BinanceStandardModel : public LiquidationModel {
public:
    QString name() const override { return QStringLiteral("binance_standard"); }
    ModelInputSet inputs() const override { return ModelInput::Candles | ModelInput::OpenInterest | ModelInput::Funding; }
    // Funding only tilts the side split when present; open interest is what it places.
    ModelInputSet required() const override { return ModelInput::OpenInterest; }
    Result<ModelOutput> run(const ModelInputs &inputs, const ModelParams &params,
                            const RunControl &control = {}) const override;

protected:
    // funding_adjusted forces the funding rule; binance_standard uses the parameter's.
    virtual std::optional<SideRule> forcedRule() const { return std::nullopt; }
    Result<ModelOutput> runWith(const QString &modelName, SideRule rule, const ModelInputs &inputs,
                                const ModelParams &params, const RunControl &control) const;
};

}  // namespace lhm
