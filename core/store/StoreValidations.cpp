// SQL of the validation_results table (migration in Schema.cpp).
#include "store/ValidationRepository.h"

#include <cmath>

namespace lhm {

namespace {

constexpr int kFirstFigure = 9;  // column of hit_rate in both statements below
using Figure = std::optional<double> ValidationRow::*;
constexpr Figure kFigures[] = {&ValidationRow::hitRate,     &ValidationRow::baselineMean,   &ValidationRow::baselineLow,
                               &ValidationRow::baselineHigh, &ValidationRow::beatenShare,   &ValidationRow::mirroredHitRate,
                               &ValidationRow::spearman,    &ValidationRow::baselineSpearman, &ValidationRow::diffLow,
                               &ValidationRow::diffHigh};

}  // namespace

Status ValidationRepository::save(const ValidationRow &r) {
    if (r.method != QLatin1String("events") && r.method != QLatin1String("hourly"))
        return Error(QStringLiteral("unknown validation method '%1'").arg(r.method), {}, 0, QStringLiteral("method"));
    // A figure never travels without its baseline: refuse rather than store half a result.
    if ((r.hitRate || r.spearman) && !r.hasFigure())
        return Error(QStringLiteral("validation figure of %1 without its baseline").arg(r.model), {}, 0,
                     QStringLiteral("baseline"));
    Statement st = db_.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO validation_results(exchange, symbol, model, method, period_from, period_to, measured_at, n, "
        "window, hit_rate, baseline_mean, baseline_low, baseline_high, beaten_share, mirrored_hit_rate, spearman, "
        "baseline_spearman, diff_low, diff_high, note) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    if (!st.valid()) return Error(QStringLiteral("cannot prepare validation write: %1").arg(db_.lastError()), db_.path());
    st.bind(1, r.exchange).bind(2, r.symbol).bind(3, r.model).bind(4, r.method).bind(5, r.from).bind(6, r.to);
    st.bind(7, r.measuredAt).bind(8, r.n).bind(9, r.window);
    int col = kFirstFigure + 1;
    for (Figure f : kFigures) {
        const std::optional<double> &v = r.*f;
        if (v && std::isfinite(*v)) st.bind(col, *v);
        else st.bindNull(col);
        ++col;
    }
    st.bind(col, r.note);
    if (!st.run()) return Error(QStringLiteral("cannot store validation: %1").arg(st.lastError()), db_.path());
    return {};
}

std::vector<ValidationRow> ValidationRepository::latest(const QString &exchange, const QString &symbol) {
    std::vector<ValidationRow> out;
    Statement st = db_.prepare(QStringLiteral(
        "SELECT exchange, symbol, model, method, period_from, period_to, measured_at, n, window, hit_rate, baseline_mean, "
        "baseline_low, baseline_high, beaten_share, mirrored_hit_rate, spearman, baseline_spearman, diff_low, diff_high, note "
        "FROM validation_results v WHERE exchange=? AND symbol=? AND measured_at = (SELECT MAX(measured_at) FROM "
        "validation_results w WHERE w.exchange=v.exchange AND w.symbol=v.symbol AND w.model=v.model) ORDER BY model, method"));
    if (!st.valid()) return out;
    st.bind(1, exchange).bind(2, symbol);
    while (st.step()) {
        ValidationRow r;
        r.exchange = st.text(0);
        r.symbol = st.text(1);
        r.model = st.text(2);
        r.method = st.text(3);
        r.from = st.i64(4);
        r.to = st.i64(5);
        r.measuredAt = st.i64(6);
        r.n = st.i64(7);
        r.window = st.text(8);
        int col = kFirstFigure;
        for (Figure f : kFigures) {
            if (!st.isNull(col)) r.*f = st.f64(col);
            ++col;
        }
        r.note = st.text(col);
        // Two methods measured in the same millisecond: keep one row per model.
        if (!out.empty() && out.back().model == r.model) continue;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace lhm
