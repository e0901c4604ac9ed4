#pragma once
// A symbol's fitted model parameters (`lhm calibrate`): the fields calibration fits, the training
// period and the training score. Stored as one row per exchange and symbol (store/ProfileRepository.h);
// heatmap, levels and compare apply it over the defaults unless the caller set those parameters.
#include "common/Error.h"
#include "models/ModelParams.h"
#include "store/ProfileRepository.h"
#include "store/Store.h"

#include <QJsonObject>
#include <optional>

namespace lhm {

struct ModelProfile {
    QString exchange, symbol, model;
    qint64 fittedFrom = 0, fittedTo = 0, fittedAt = 0;  // training hours [from, to), ms
    // The fitted fields of ModelParams.
    QString book, sideRule;
    int entrySpread = 0;
    double turnover = 0;
    std::vector<std::pair<double, double>> leverageWeights;
    // Training figures of the hourly yardstick.
    int n = 0;
    double spearman = 0, baselineSpearman = 0, diffLo = 0, diffHi = 0;

    static ModelProfile fromParams(const ModelParams &p);
    void applyTo(ModelParams &p) const;
    // {"fitted_from","fitted_to","fitted_at","model","params":{...},"train":{"n","spearman","baseline_spearman","diff_ci95"}}
    QJsonObject toJson() const;
    ProfileRow toRow() const;
    static Result<ModelProfile> fromRow(const ProfileRow &row);
};

// The stored profile of exchange/symbol; nullopt when none (or when its row cannot be read).
std::optional<ModelProfile> storedProfile(Store &store, const QString &exchange, const QString &symbol);

// "3:1,5:1" (the --leverage-weights syntax).
QString leverageWeightsText(const std::vector<std::pair<double, double>> &weights);

}  // namespace lhm
