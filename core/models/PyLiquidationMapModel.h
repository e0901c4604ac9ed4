#pragma once
// py_liquidation_map: positions inferred from large trades in the aggregated trade profile. Each
// large taker buy opens a long, each large taker sell (buyer-maker) a short, at the cell's price,
// split across leverages by the weights; candles then consume the levels as in binance_standard.
// Nothing is ever closed: the trade profile says nothing about exits.
#include "models/LiquidationModel.h"

namespace lhm {

class PyLiquidationMapModel : public LiquidationModel {
public:
    QString name() const override { return QStringLiteral("py_liquidation_map"); }
    ModelInputSet inputs() const override { return ModelInput::Candles | ModelInput::TradeProfile; }
    Result<ModelOutput> run(const ModelInputs &inputs, const ModelParams &params,
                            const RunControl &control = {}) const override;
};

}  // namespace lhm
