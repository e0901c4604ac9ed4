#pragma once
// Fits a symbol's model parameters on a training period: every candidate of a small grid (turnover ×
// leverage mix, book `market`, entries spread over the candle) is run over the inputs and scored by
// the hourly yardstick (HourlyScore.h) on the training hours only; the candidate with the highest
// Spearman ρ wins (ties: the earlier candidate). Nothing at or after `to` is seen: the candles are cut
// before any run and realised hours outside [from, to) are ignored, so no figure can be tuned on the
// period it is later evaluated on.
#include "analysis/calibration/HourlyScore.h"
#include "common/Error.h"
#include "models/ModelParams.h"

#include <QString>
#include <vector>

namespace lhm {

struct CalibrationCandidate {
    QString label;  // e.g. "turnover=0.5 leverage=wide"
    ModelParams params;
    HourlyScore score;
};

struct Calibration {
    QString model;
    qint64 fittedFrom = 0, fittedTo = 0;  // training hours: open time in [fittedFrom, fittedTo)
    ModelParams params;                   // the winner
    QString label;
    HourlyScore train;                    // the winner's score on the training hours (with its interval)
    std::vector<CalibrationCandidate> tried;
};

// The leverage mixes calibration chooses from, by name (legacy, wide, top, dense).
std::vector<std::pair<QString, std::vector<std::pair<double, double>>>> leverageMixes();

// The candidates derived from `base` (its other fields are kept).
std::vector<CalibrationCandidate> calibrationGrid(const ModelParams &base);

// `model` is binance_standard or funding_adjusted (the models with these parameters). Errors: no
// candle before `to`, fewer than 48 scored hour-sides in the period, or a model error.
Result<Calibration> calibrate(const ModelInputs &inputs, const std::vector<RealisedTotals> &realised, qint64 from,
                              qint64 to, const QString &model, const ModelParams &base);

}  // namespace lhm
