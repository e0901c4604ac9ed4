#include "compare/MeasuredFigure.h"

#include "common/Format.h"

#include <QDateTime>
#include <QTimeZone>

namespace lhm::ui {

namespace {

QString n3(double v) { return QString::number(v, 'f', 3); }
QString signed3(double v) { return (v >= 0 ? QStringLiteral("+") : QString()) + n3(v); }
QString day(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd")); }
// [from, to) as inclusive days: a period ending at midnight ends the day before.
QString period(const ValidationRow &r) { return QStringLiteral("%1 – %2").arg(day(r.from), day(std::max(r.from, r.to - 1))); }

}  // namespace

QString MeasuredFigure::text(const std::optional<ValidationRow> &row) {
    if (!row || !row->hasFigure()) return QStringLiteral("—");
    const ValidationRow &r = *row;
    QString figure;
    if (r.method == QLatin1String("events"))
        figure = tr("hit %1 · random %2 [%3, %4]").arg(n3(*r.hitRate), n3(*r.baselineMean), n3(*r.baselineLow),
                                                       n3(*r.baselineHigh));
    else
        figure = tr("ρ %1 · baseline %2").arg(n3(*r.spearman), n3(*r.baselineSpearman));
    return figure + QLatin1Char('\n') + period(r);
}

QString MeasuredFigure::toolTip(const std::optional<ValidationRow> &row) {
    if (!row)
        return tr("Not measured yet for this symbol: run Validate in the Research tab or lhm validate. "
                  "No figure is shown without its baseline.");
    const ValidationRow &r = *row;
    if (!r.hasFigure())
        return tr("Validation of %1 – %2 gave no figure: %3").arg(Format::utcTime(r.from), Format::utcTime(r.to),
                                                                 r.note.isEmpty() ? tr("no baseline") : r.note);
    QStringList lines;
    if (r.method == QLatin1String("events")) {
        lines << tr("Share of realised liquidation notional inside the model's densest zones: %1").arg(n3(*r.hitRate));
        lines << tr("Same total width placed at random: mean %1, 95 % interval [%2, %3]")
                     .arg(n3(*r.baselineMean), n3(*r.baselineLow), n3(*r.baselineHigh));
        if (r.beatenShare) lines << tr("Beats %1 % of random draws").arg(*r.beatenShare * 100.0, 0, 'f', 1);
        if (r.mirroredHitRate) lines << tr("Mirrored zones (same distances, other side): %1").arg(n3(*r.mirroredHitRate));
        lines << tr("%n liquidation event(s)", nullptr, int(r.n));
    } else {
        lines << tr("Spearman of predicted against realised notional per hour and side: %1").arg(n3(*r.spearman));
        lines << tr("Baseline |price move| × open interest: %1").arg(n3(*r.baselineSpearman));
        if (r.diffLow && r.diffHigh)
            lines << tr("Difference, 95 % day-block bootstrap interval: [%1, %2]").arg(signed3(*r.diffLow), signed3(*r.diffHigh));
        lines << tr("%n hour-side(s)", nullptr, int(r.n));
    }
    lines << tr("Period %1 – %2, window %3, measured %4")
                 .arg(Format::utcTime(r.from), Format::utcTime(r.to), r.window, Format::utcTime(r.measuredAt));
    lines << tr("Measured on this period only: an estimate of skill, not a promise.");
    return lines.join(QLatin1Char('\n'));
}

}  // namespace lhm::ui
