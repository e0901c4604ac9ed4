#pragma once
// Fits a symbol's model parameters on a training period with the yardstick of `lhm validate`'s hourly
// method (analysis/Validator.h): every candidate of a small grid (turnover × leverage mix; book
// `market`, entries spread over the candle) is validated on the training hours [from, to) and the one
// with the highest Spearman ρ wins (ties: the earlier candidate). Validation is walk-forward and
// reads nothing at or after `to`, so no parameter is tuned on a period it is later evaluated on
// (tests/core/analysis/tst_calibration.cpp checks that data after `to` changes nothing).
#include "analysis/ValidationTypes.h"
#include "common/Error.h"
#include "models/LiquidationModel.h"
#include "models/ModelParams.h"
#include "store/Store.h"

#include <QString>
#include <vector>

namespace lhm {

struct CalibrationRequest {
    QString exchange = QStringLiteral("binance");
    QString symbol;
    qint64 from = 0, to = 0;  // training hours [from, to), UTC ms
    QString model = QStringLiteral("binance_standard");
    QString candlesFrom;      // another venue's candles (as lhm validate); empty = exchange
    QString window = QStringLiteral("90d");
    ModelParams base;         // fields calibration does not fit are kept (interval defaults to 1h)
};

struct CalibrationCandidate {
    QString label;  // e.g. "turnover=2 leverage=wide"
    ModelParams params;
    double spearman = 0, baselineSpearman = 0;
    qint64 n = 0;
};

struct Calibration {
    CalibrationRequest request;
    ModelParams params;       // the winner
    QString label;
    ValidationResult train;   // the winner on the training hours, with its bootstrap interval
    std::vector<CalibrationCandidate> tried;
};

// The leverage mixes calibration chooses from, by name (legacy, wide, top, dense).
std::vector<std::pair<QString, std::vector<std::pair<double, double>>>> leverageMixes();

// The candidates derived from `base` (its other fields are kept).
std::vector<CalibrationCandidate> calibrationGrid(const ModelParams &base);

// Errors: a model without these parameters (py_liquidation_map, ensemble), an empty period, no
// realised hours in it, or a validation error.
Result<Calibration> calibrate(Store &store, const CalibrationRequest &req, const RunControl &control = {});

}  // namespace lhm
