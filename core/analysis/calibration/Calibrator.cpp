#include "analysis/calibration/Calibrator.h"

#include "analysis/Validator.h"

namespace lhm {

namespace {
std::vector<std::pair<double, double>> even(std::initializer_list<double> leverages) {
    std::vector<std::pair<double, double>> out;
    for (double l : leverages) out.emplace_back(l, 1.0);
    return out;
}

ValidationRequest validationOf(const CalibrationRequest &req, const ModelParams &params, int bootstrap) {
    ValidationRequest v;
    v.exchange = req.exchange;
    v.symbol = req.symbol;
    v.from = req.from;
    v.to = req.to;
    v.models = {req.model};
    v.method = ValidationMethod::Hourly;
    v.candlesFrom = req.candlesFrom;
    v.window = req.window;
    v.params = params;
    if (v.params.interval.isEmpty()) v.params.interval = QStringLiteral("1h");
    v.bootstrap = bootstrap;
    return v;
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

Result<Calibration> calibrate(Store &store, const CalibrationRequest &req, const RunControl &control) {
    if (req.model != QLatin1String("binance_standard") && req.model != QLatin1String("funding_adjusted"))
        return Error(QStringLiteral("calibration fits binance_standard or funding_adjusted, not '%1'").arg(req.model), {}, 0,
                     QStringLiteral("model"));
    if (!(req.from < req.to)) return Error(QStringLiteral("--from must be before --to"), {}, 0, QStringLiteral("from"));
    Calibration best;
    best.request = req;
    bool have = false;
    for (CalibrationCandidate &c : calibrationGrid(req.base)) {
        if (control.cancelled()) return Error(QStringLiteral("cancelled"));
        auto results = runValidation(store, validationOf(req, c.params, 0));
        if (!results) return results.error();
        const ValidationResult &r = results->front();
        if (!r.spearman || r.n < 48)
            return Error(QStringLiteral("too few realised hours to fit in %1 .. %2 (%3 hour-sides, need 48)%4")
                             .arg(req.from).arg(req.to).arg(r.n)
                             .arg(r.note.isEmpty() ? QString() : QStringLiteral(": ") + r.note));
        c.spearman = *r.spearman;
        c.baselineSpearman = r.baselineSpearman.value_or(0);
        c.n = r.n;
        if (!have || c.spearman > best.train.spearman.value_or(0)) {
            best.params = c.params;
            best.label = c.label;
            best.train = r;
            have = true;
        }
        best.tried.push_back(c);
    }
    // The winner again with the bootstrap interval against the baseline, for the record.
    auto winner = runValidation(store, validationOf(req, best.params, 1000));
    if (!winner) return winner.error();
    best.train = winner->front();
    return best;
}

}  // namespace lhm
