#pragma once
// ensemble: a weighted average of the member models' DENSITIES on one common grid (never of their
// prices), weights normalised over the members that had input data, with a confidence from how
// closely the members place their main clusters (see ClusterAgreement.h).
#include "models/LiquidationModel.h"

namespace lhm {

class EnsembleModel : public LiquidationModel {
public:
    struct Member {
        QString model;
        const ModelOutput *output = nullptr;
        double weight = 0;  // raw; normalised by combine()
    };

    QString name() const override { return QStringLiteral("ensemble"); }
    ModelInputSet inputs() const override { return ModelInput::Candles | ModelInput::OpenInterest | ModelInput::Funding | ModelInput::TradeProfile; }
    ModelInputSet required() const override { return {}; }  // each member is checked on its own
    // Runs each model of params.ensembleWeights. A member whose input is absent from the window
    // (no open interest; no funding for funding_adjusted; no trade profile for py_liquidation_map)
    // is left out and the others' weights renormalised.
    Result<ModelOutput> run(const ModelInputs &inputs, const ModelParams &params,
                            const RunControl &control = {}) const override;

    // Combines finished member runs that share one grid shape. Predicted liquidations, open levels
    // and notional flows are the members' scaled by their normalised weights.
    static Result<ModelOutput> combine(const std::vector<Member> &members);
    // Whether `model`'s input is present in the window.
    static bool hasInput(const QString &model, const ModelInputs &inputs);
};

}  // namespace lhm
