#include "models/ClusterAgreement.h"

#include "models/ClusterFinder.h"

#include <algorithm>

namespace lhm {

double confidenceFromSpread(double spread) { return std::clamp(1.0 - 6.0 * spread, 0.0, 1.0); }

const char *confidenceReasonName(ConfidenceReason r) {
    switch (r) {
    case ConfidenceReason::Agree: return "agree";
    case ConfidenceReason::Disagree: return "disagree";
    case ConfidenceReason::SingleModel: return "single_model";
    case ConfidenceReason::UnverifiedSide: return "unverified_side";
    case ConfidenceReason::NoDensity: return "no_density";
    }
    return "no_density";
}

const char *missingInputSentence(MissingInput m) {
    switch (m) {
    case MissingInput::OpenInterest: return "no open interest in the window";
    case MissingInput::TradeProfile: return "no trade profile in the window";
    case MissingInput::FundingRates: return "no funding rates in the window";
    }
    return "no open interest in the window";
}

const char *missingInputName(MissingInput m) {
    switch (m) {
    case MissingInput::OpenInterest: return "no_open_interest";
    case MissingInput::TradeProfile: return "no_trade_profile";
    case MissingInput::FundingRates: return "no_funding_rates";
    }
    return "no_open_interest";
}

static SideAgreement assessSide(const std::vector<const HeatmapGrid *> &grids, int col, Side side) {
    SideAgreement a;
    a.side = side;
    for (const HeatmapGrid *g : grids) {
        const auto clusters = findClusters(*g, col, side, 1);
        if (!clusters.empty()) a.centres.push_back(clusters.front().price);
    }
    a.present = !a.centres.empty();
    if (a.centres.size() < 2) {
        a.confidence = a.present ? 0.5 : 1.0;
        return a;
    }
    const auto [lo, hi] = std::minmax_element(a.centres.begin(), a.centres.end());
    a.spread = *lo > 0 ? (*hi - *lo) / *lo : 1.0;
    a.confidence = confidenceFromSpread(a.spread);
    return a;
}

Agreement assessAgreement(const std::vector<const HeatmapGrid *> &grids, int col) {
    Agreement out;
    out.longSide = assessSide(grids, col, Side::Long);
    out.shortSide = assessSide(grids, col, Side::Short);
    out.confidence = 1.0;
    const SideAgreement *binding = nullptr;  // the side that sets the confidence
    for (const SideAgreement *s : {&out.longSide, &out.shortSide}) {
        if (!s->present) continue;
        // On a tie a checked side wins: an actual disagreement is the more useful explanation.
        if (!binding || s->confidence < binding->confidence ||
            (s->confidence == binding->confidence && s->centres.size() > binding->centres.size()))
            binding = s;
        out.confidence = std::min(out.confidence, s->confidence);
        if (s->spread > 0.05) {
            const auto [lo, hi] = std::minmax_element(s->centres.begin(), s->centres.end());
            out.disagreementZones.emplace_back(*lo, *hi);
        }
    }
    if (!binding)
        out.reason = ConfidenceReason::NoDensity;
    else if (binding->centres.size() < 2)
        out.reason = grids.size() < 2 ? ConfidenceReason::SingleModel : ConfidenceReason::UnverifiedSide;
    else
        out.reason = binding->spread > 0.05 ? ConfidenceReason::Disagree : ConfidenceReason::Agree;
    return out;
}

double densityOverlap(const std::vector<const HeatmapGrid *> &grids, int col) {
    std::vector<std::vector<double>> dists;
    for (const HeatmapGrid *g : grids) {
        if (col < 0 || col >= g->cols()) continue;
        std::vector<double> p(size_t(g->rows) * 2, 0.0);
        double total = 0;
        for (int r = 0; r < g->rows; ++r) {
            p[size_t(r)] = g->longAt(col, r);
            p[size_t(g->rows + r)] = g->shortAt(col, r);
            total += p[size_t(r)] + p[size_t(g->rows + r)];
        }
        if (!(total > 0)) continue;
        for (double &v : p) v /= total;
        dists.push_back(std::move(p));
    }
    if (dists.size() < 2) return 1.0;
    double sum = 0;
    int pairs = 0;
    for (size_t i = 0; i < dists.size(); ++i)
        for (size_t j = i + 1; j < dists.size(); ++j) {
            if (dists[i].size() != dists[j].size()) continue;
            double o = 0;
            for (size_t k = 0; k < dists[i].size(); ++k) o += std::min(dists[i][k], dists[j][k]);
            sum += o;
            ++pairs;
        }
    return pairs ? sum / pairs : 1.0;
}

}  // namespace lhm
