#include "common/TimePricePlot.h"

#include <QTimeZone>
#include <qcustomplot.h>

namespace lhm::ui {

void setUpTimePricePlot(QCustomPlot *plot, int xTickCount) {
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    plot->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("MMM dd\nHH:mm"));
    // Exchange data is UTC; local-time axes would shift candles against the exchange's own charts.
    ticker->setTimeZone(QTimeZone::utc());
    if (xTickCount > 0) ticker->setTickCount(xTickCount);
    plot->xAxis->setTicker(ticker);
}

}  // namespace lhm::ui
