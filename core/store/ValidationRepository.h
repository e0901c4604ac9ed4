#pragma once
// The latest `lhm validate` figures per model (issue 12), so the comparison view can show a
// measured figure beside its baseline once validation has run for a symbol, and "—" before. One
// row per exchange, symbol, model and method: a new run replaces it. A figure is kept with its
// baseline or not at all (the writer refuses a figure without one). Shares the Store's connection.
#include "common/Error.h"
#include "store/Database.h"

#include <QString>
#include <optional>
#include <vector>

namespace lhm {

struct ValidationRow {
    QString exchange, symbol, model;
    QString method;                      // "events" | "hourly"
    qint64 from = 0, to = 0;             // the period scored, [from, to) ms
    qint64 measuredAt = 0;               // when the run finished, ms
    qint64 n = 0;                        // events, or hour-sides
    QString window;                      // the model window the run used
    // events: share of realised notional inside the zones; random zones' mean and 95 % interval
    std::optional<double> hitRate, baselineMean, baselineLow, baselineHigh, beatenShare, mirroredHitRate;
    // hourly: Spearman against the |move| x OI baseline, 95 % interval of the difference
    std::optional<double> spearman, baselineSpearman, diffLow, diffHigh;
    QString note;                        // why figures are missing

    // The measured figure, when it has its baseline beside it.
    bool hasFigure() const {
        return method == QLatin1String("events") ? hitRate && baselineMean && baselineLow && baselineHigh
                                                 : spearman && baselineSpearman;
    }
};

class ValidationRepository {
public:
    explicit ValidationRepository(Database &db) : db_(db) {}

    Status save(const ValidationRow &row);
    // The newest row per model for a series (whatever the method), ordered by model.
    std::vector<ValidationRow> latest(const QString &exchange, const QString &symbol);

private:
    Database &db_;
};

}  // namespace lhm
