// compareModels: every model on one common grid, their summaries, agreement and the ensemble.
#include "heatmap/HeatmapService.h"
#include "heatmap/InputLoader.h"
#include "heatmap/RequestProfile.h"
#include "models/ClusterAgreement.h"
#include "models/ClusterFinder.h"
#include "models/EnsembleModel.h"

#include <algorithm>

namespace lhm {

namespace {

ModelSummary summarise(const HeatmapGrid &g) {
    ModelSummary s;
    s.model = g.model;
    s.confidence = g.confidence;
    const int col = g.cols() - 1;
    if (col < 0) return s;
    for (int r = 0; r < g.rows; ++r) {
        s.totalLong += g.longAt(col, r);
        s.totalShort += g.shortAt(col, r);
    }
    for (Side side : {Side::Long, Side::Short})
        for (const Cluster &c : findClusters(g, col, side)) s.clusters.push_back(c);
    std::stable_sort(s.clusters.begin(), s.clusters.end(),
                     [](const Cluster &a, const Cluster &b) { return a.notional > b.notional; });
    return s;
}

}  // namespace

Result<std::shared_ptr<const ModelComparison>> compareModels(Store &store, const HeatmapRequest &request,
                                                             const ComputeOptions &opt) {
    const HeatmapRequest req = resolveProfile(store, request);
    HeatmapRequest base = req;
    base.model = QStringLiteral("ensemble");
    auto inputs = loadModelInputs(store, base);
    if (!inputs) return inputs.error();
    auto cmp = std::make_shared<ModelComparison>();
    cmp->exchange = req.exchange;
    cmp->symbol = req.symbol;
    cmp->window = req.window;

    std::vector<ModelOutput> runs;
    std::vector<EnsembleModel::Member> members;
    runs.reserve(req.params.ensembleWeights.size());
    for (const auto &[model, weight] : req.params.ensembleWeights) {
        auto m = makeModel(model);
        if (!m || model == QLatin1String("ensemble"))
            return Error(QStringLiteral("unknown ensemble member '%1'").arg(model), {}, 0, QStringLiteral("ensemble"));
        if (const auto why = missingInput(*m, *inputs)) {
            cmp->skipped.emplace_back(model, *why);
            continue;
        }
        // Progress runs 0..1 over all members, not once per member.
        RunControl control{opt.cancel, {}, true};  // grids only: the comparison reads nothing else
        const size_t index = runs.size() + cmp->skipped.size(), count = req.params.ensembleWeights.size();
        if (opt.progress)
            control.progress = [&opt, index, count](double f) { opt.progress((double(index) + f) / double(count)); };
        auto r = m->run(*inputs, req.params, control);
        if (!r) return r.error();
        setCoverage(r->grid, *inputs, req.window);
        runs.push_back(std::move(*r));
        members.push_back({model, nullptr, weight});
    }
    if (runs.empty()) return Error(QStringLiteral("no model has data for %1 in this window").arg(req.symbol));
    for (size_t i = 0; i < runs.size(); ++i) members[i].output = &runs[i];
    auto ensemble = EnsembleModel::combine(members);
    if (!ensemble) return ensemble.error();

    for (ModelOutput &r : runs) cmp->grids.push_back(std::move(r.grid));
    cmp->grids.push_back(std::move(ensemble->grid));
    assessComparison(*cmp);
    // Measured figures travel with the comparison, read here on the worker, never by the view.
    const std::vector<ValidationRow> measured = store.validationRepository().latest(req.exchange, req.symbol);
    for (ModelSummary &s : cmp->summaries)
        for (const ValidationRow &v : measured)
            if (v.model == s.model) s.measured = v;
    return std::shared_ptr<const ModelComparison>(std::move(cmp));
}

void assessComparison(ModelComparison &cmp) {
    cmp.summaries.clear();
    if (cmp.grids.empty()) return;
    std::vector<const HeatmapGrid *> grids;
    for (size_t i = 0; i < cmp.grids.size(); ++i) {
        if (i + 1 < cmp.grids.size()) grids.push_back(&cmp.grids[i]);  // the members, not the ensemble
        cmp.summaries.push_back(summarise(cmp.grids[i]));
    }
    if (grids.empty()) return;
    const int col = grids.front()->cols() - 1;
    const Agreement a = assessAgreement(grids, col);
    cmp.agreement = densityOverlap(grids, col);
    cmp.confidence = a.confidence;
    cmp.confidenceReason = a.reason;
    cmp.disagreementZones = a.disagreementZones;
}

}  // namespace lhm
