#include "analysis/calibration/Calibrator.h"

#include "models/LiquidationModel.h"

namespace lhm {

namespace {
std::vector<std::pair<double, double>> even(std::initializer_list<double> leverages) {
    std::vector<std::pair<double, double>> out;
    for (double l : leverages) out.emplace_back(l, 1.0);
    return out;
}

// Candles with open time before `to`, and the per-candle series cut to match.
ModelInputs before(const ModelInputs &in, qint64 to) {
    ModelInputs out = in;
    size_t n = 0;
    while (n < in.candles.size() && in.candles[n].openTime < to) ++n;
    out.candles.resize(n);
    for (auto *v : {&out.openInterestValue, &out.metricsTakerShare, &out.fundingRate})
        if (v->size() > n) v->resize(n);
    std::vector<TradeProfileCell> profile;
    for (const TradeProfileCell &c : in.profile)
        if (c.minute < to) profile.push_back(c);
    out.profile = std::move(profile);
    out.dataTo = std::min(in.dataTo, to - 1);
    return out;
}
}  // namespace

std::vector<std::pair<QString, std::vector<std::pair<double, double>>>> leverageMixes() {
    return {
        {QStringLiteral("legacy"), {{5, 15}, {10, 30}, {25, 25}, {50, 20}, {100, 10}}},
        {QStringLiteral("wide"), even({3, 5, 10, 15, 20, 25, 35, 50, 75, 100, 125})},
        {QStringLiteral("top"), even({10, 20, 25, 50, 75, 100, 125})},
        {QStringLiteral("dense"), even({3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 100, 125})},
    };
}

std::vector<CalibrationCandidate> calibrationGrid(const ModelParams &base) {
    std::vector<CalibrationCandidate> out;
    for (const double turnover : {0.25, 0.5, 1.0, 2.0, 4.0, 8.0}) {
        for (const auto &[mix, weights] : leverageMixes()) {
            CalibrationCandidate c;
            c.params = base;
            c.params.book = QStringLiteral("market");
            c.params.turnover = turnover;
            c.params.leverageWeights = weights;
            c.label = QStringLiteral("turnover=%1 leverage=%2").arg(turnover).arg(mix);
            out.push_back(std::move(c));
        }
    }
    return out;
}

Result<Calibration> calibrate(const ModelInputs &inputs, const std::vector<RealisedTotals> &realised, qint64 from,
                              qint64 to, const QString &model, const ModelParams &base) {
    if (model != QLatin1String("binance_standard") && model != QLatin1String("funding_adjusted"))
        return Error(QStringLiteral("calibration fits binance_standard or funding_adjusted, not '%1'").arg(model), {}, 0,
                     QStringLiteral("model"));
    if (!(from < to)) return Error(QStringLiteral("--from must be before --to"), {}, 0, QStringLiteral("from"));
    const ModelInputs in = before(inputs, to);
    if (in.candles.size() < 2) return Error(QStringLiteral("no candles before the end of the training period"));
    std::vector<RealisedTotals> train;
    for (const RealisedTotals &r : realised)
        if (r.time >= from && r.time < to) train.push_back(r);
    auto runner = makeModel(model);
    Calibration best;
    best.model = model;
    best.fittedFrom = from;
    best.fittedTo = to;
    bool have = false;
    for (CalibrationCandidate &c : calibrationGrid(base)) {
        auto out = runner->run(in, c.params);
        if (!out) return out.error();
        const auto sides = hourSides(*out, in, train, from, to);
        if (sides.size() < 48)
            return Error(QStringLiteral("only %1 hour-sides with realised liquidations in the training period (need 48)")
                             .arg(sides.size()));
        c.score = scoreHourly(sides, 0);
        if (!have || c.score.spearman > best.train.spearman) {
            best.params = c.params;
            best.label = c.label;
            best.train = c.score;
            have = true;
        }
        best.tried.push_back(c);
    }
    // The winner's interval against the baseline on the training hours, for the record.
    auto out = runner->run(in, best.params);
    if (!out) return out.error();
    best.train = scoreHourly(hourSides(*out, in, train, from, to), 1000);
    return best;
}

}  // namespace lhm
