#include "models/EnsembleModel.h"

#include "models/ClusterAgreement.h"

#include <algorithm>
#include <cmath>

namespace lhm {

bool EnsembleModel::hasInput(const QString &model, const ModelInputs &in) {
    const auto m = makeModel(model);
    return m && !missingInput(*m, in);
}

Result<ModelOutput> EnsembleModel::run(const ModelInputs &in, const ModelParams &params, const RunControl &control) const {
    std::vector<ModelOutput> outputs;
    std::vector<std::pair<QString, double>> used;
    outputs.reserve(params.ensembleWeights.size());
    for (const auto &[model, weight] : params.ensembleWeights) {
        if (model == name()) return Error(QStringLiteral("the ensemble cannot contain itself"), {}, 0, QStringLiteral("ensemble"));
        auto m = makeModel(model);
        if (!m) return Error(QStringLiteral("unknown model '%1' in the ensemble").arg(model), {}, 0, QStringLiteral("ensemble"));
        if (!(weight >= 0) || !std::isfinite(weight))
            return Error(QStringLiteral("weight of %1 must be >= 0").arg(model), {}, 0, QStringLiteral("ensemble"));
        if (weight == 0 || !hasInput(model, in)) continue;
        auto r = m->run(in, params, control);
        if (!r) return r.error();
        outputs.push_back(std::move(*r));
        used.emplace_back(model, weight);
    }
    if (outputs.empty())
        return Error(QStringLiteral("no ensemble member has data for %1 in this window").arg(in.symbol));
    std::vector<Member> members;
    for (size_t i = 0; i < outputs.size(); ++i) members.push_back({used[i].first, &outputs[i], used[i].second});
    auto out = combine(members);
    if (out) out->grid.model = name();
    return out;
}

Result<ModelOutput> EnsembleModel::combine(const std::vector<Member> &members) {
    if (members.empty()) return Error(QStringLiteral("ensemble of no models"));
    double total = 0;
    for (const Member &m : members) total += m.weight;
    if (!(total > 0)) return Error(QStringLiteral("ensemble weights sum to zero"));
    const HeatmapGrid &first = members.front().output->grid;
    for (const Member &m : members) {
        const HeatmapGrid &g = m.output->grid;
        if (g.rows != first.rows || g.times != first.times || g.priceMin != first.priceMin || g.bucketSize != first.bucketSize)
            return Error(QStringLiteral("ensemble members are not on one grid (%1)").arg(m.model));
    }
    ModelOutput out;
    HeatmapGrid &g = out.grid;
    g = first;  // metadata, candles, times
    g.model = QStringLiteral("ensemble");
    g.predicted.clear();
    std::fill(g.longDensity.begin(), g.longDensity.end(), 0.0f);
    std::fill(g.shortDensity.begin(), g.shortDensity.end(), 0.0f);
    out.leverages = members.front().output->leverages;
    std::vector<const HeatmapGrid *> grids;
    for (const Member &m : members) {
        const double w = m.weight / total;
        const HeatmapGrid &mg = m.output->grid;
        for (size_t k = 0; k < g.longDensity.size(); ++k) {
            g.longDensity[k] += float(w * mg.longDensity[k]);
            g.shortDensity[k] += float(w * mg.shortDensity[k]);
        }
        for (PredictedLiquidation p : mg.predicted) {
            p.notional *= w;
            g.predicted.push_back(p);
        }
        for (OpenLevel l : m.output->levels) {
            l.notional *= w;
            out.levels.push_back(l);
        }
        out.flow.opened += w * m.output->flow.opened;
        out.flow.consumed += w * m.output->flow.consumed;
        out.flow.closed += w * m.output->flow.closed;
        out.flow.open += w * m.output->flow.open;
        g.dataTo = std::max(g.dataTo, mg.dataTo);
        grids.push_back(&mg);
    }
    std::stable_sort(g.predicted.begin(), g.predicted.end(),
                     [](const PredictedLiquidation &a, const PredictedLiquidation &b) { return a.time < b.time; });
    g.confidence = assessAgreement(grids, g.cols() - 1).confidence;
    return out;
}

}  // namespace lhm
