#pragma once
// One interface for every liquidation model: inputs for one window in, a grid (plus the open levels
// behind its last column and the notional bookkeeping) out. Models are stateless and thread-safe;
// make one per name with makeModel(); the registry is core/models/ModelRegistry.cpp (one line per model).
#include "common/Error.h"
#include "models/ModelParams.h"
#include "models/ModelInputs.h"
#include "models/ModelOutput.h"
#include "models/ComparisonCodes.h"

#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>
#include <memory>

namespace lhm {

struct RunControl {
    const std::atomic_bool *cancel = nullptr;  // polled between candles
    std::function<void(double)> progress;      // 0..1, called at most ~100 times per run
    // The caller keeps only the grid (the heatmap, alone or per exchange in "All exchanges"): the
    // run skips the list of levels still open at its end and their exact sum (ModelOutput::levels
    // stays empty, flow.open 0), which only the liquidation map and the conservation checks read.
    // Copying tens of thousands of levels into a fresh vector cost about a tenth of a 30d run.
    bool gridOnly = false;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

class LiquidationModel {
public:
    virtual ~LiquidationModel() = default;
    virtual QString name() const = 0;
    // What run() reads; the loader reads nothing else from the store.
    virtual ModelInputSet inputs() const = 0;
    // What must be present in the window for the model to say anything (a subset of inputs()):
    // without it the comparison and the ensemble leave the model out, naming what was missing.
    virtual ModelInputSet required() const { return inputs() & ~ModelInputSet(ModelInput::Candles); }
    // The grid has one column per input candle and the rows of inputs.axis.
    virtual Result<ModelOutput> run(const ModelInputs &inputs, const ModelParams &params,
                                    const RunControl &control = {}) const = 0;
};

// binance_standard, funding_adjusted, py_liquidation_map, ensemble; nullptr for an unknown name.
std::unique_ptr<LiquidationModel> makeModel(const QString &name);
QStringList liquidationModelNames();
// The first required input the window lacks, or nothing when the model can run.
std::optional<MissingInput> missingInput(const LiquidationModel &model, const ModelInputs &inputs);

}  // namespace lhm
