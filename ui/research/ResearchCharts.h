#pragma once
// What the Research tab's pages share: how figures are written (percent, 3 decimals, "—" for none)
// and the chart frame and theme both report charts use.
#include <QString>
#include <optional>

class QChart;
class QChartView;

namespace lhm::ui::research {

QString pct(double v);
QString num(double v);  // "—" for NaN and infinities
QString opt(const std::optional<double> &v);

// QDateTimeAxis (Qt 6.4) labels in local time; shifting by the local offset makes it show UTC,
// like every other time in the app.
qint64 utcWall(qint64 ms);

QChart *newChart();
// The current app theme on the chart and its view (both themes switch at run time).
void applyChartTheme(QChartView *view);

}  // namespace lhm::ui::research
