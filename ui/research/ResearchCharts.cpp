#include "research/ResearchCharts.h"

#include "common/Theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLegend>
#include <cmath>

namespace lhm::ui::research {

QString pct(double v) { return QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', 2); }
QString num(double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("—"); }
QString opt(const std::optional<double> &v) { return v ? num(*v) : QStringLiteral("—"); }

qint64 utcWall(qint64 ms) { return ms + qint64(QDateTime::fromMSecsSinceEpoch(ms).offsetFromUtc()) * 1000; }

QChart *newChart() {
    auto *c = new QChart();
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    return c;
}

void applyChartTheme(QChartView *view) {
    const bool dark = Theme::current() == Theme::Dark;
    const PlotPalette &p = Theme::palette();
    QChart *c = view->chart();
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setBackgroundBrush(p.background);
    c->setTitleBrush(p.text);
    c->legend()->setLabelColor(p.text);
    for (QAbstractAxis *a : c->axes()) {
        a->setLabelsColor(p.text);
        a->setGridLineColor(p.grid);
    }
    view->setBackgroundBrush(p.background);
}

}  // namespace lhm::ui::research
