#include "analysis/ValidationRecord.h"

#include <cmath>

namespace lhm {

namespace {

std::optional<double> finite(double v) { return std::isfinite(v) ? std::optional<double>(v) : std::nullopt; }
std::optional<double> finite(const std::optional<double> &v) { return v ? finite(*v) : std::nullopt; }

}  // namespace

ValidationRow toValidationRow(const ValidationResult &r, const QString &window, qint64 measuredAt) {
    ValidationRow row;
    row.exchange = r.exchange;
    row.symbol = r.symbol;
    row.model = r.model;
    row.method = r.method;
    row.from = r.from;
    row.to = r.to;
    row.measuredAt = measuredAt;
    row.n = r.n;
    row.window = window;
    row.note = r.note;
    if (r.method == QLatin1String("events")) {
        row.hitRate = finite(r.hitRate);
        row.mirroredHitRate = finite(r.mirroredHitRate);
        if (r.baseline) {
            row.baselineMean = finite(r.baseline->mean);
            row.baselineLow = finite(r.baseline->p2_5);
            row.baselineHigh = finite(r.baseline->p97_5);
            row.beatenShare = finite(r.baseline->beatenShare);
        }
    } else {
        row.spearman = finite(r.spearman);
        row.baselineSpearman = finite(r.baselineSpearman);
        if (r.diffCi95) {
            row.diffLow = finite(r.diffCi95->first);
            row.diffHigh = finite(r.diffCi95->second);
        }
    }
    // No figure without its baseline (a constant baseline side can leave it undefined).
    if (!row.hasFigure()) row.hitRate = row.spearman = std::nullopt;
    return row;
}

Status saveValidation(Store &store, const std::vector<ValidationResult> &results, const QString &window,
                      qint64 measuredAt) {
    Transaction tx = store.transaction();
    ValidationRepository repo = store.validationRepository();
    for (const ValidationResult &r : results)
        if (Status s = repo.save(toValidationRow(r, window, measuredAt)); !s) return s;
    return tx.commit();
}

}  // namespace lhm
