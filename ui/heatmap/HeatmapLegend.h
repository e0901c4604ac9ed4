#pragma once
// The heatmap's key, inside the plot (top right): what the dashed line, the small dots and the
// circles are. Only what is drawn is listed: the price always, the model's predicted
// liquidations when there are any, the realised (live) liquidations once one arrived.
#include <QObject>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;

namespace lhm::ui {

class HeatmapLegend : public QObject {
    Q_OBJECT
public:
    HeatmapLegend(QCustomPlot *plot, QCPItemStraightLine *priceLine, QCPGraph *predictedLong, QCPGraph *predictedShort);

    void setPredictedShown(bool longs, bool shorts);
    void setRealisedShown(bool on);
    void setLiveOnly(bool on);  // live events on their own: no model output is drawn
    void setLiveTrace(QCPGraph *trace) { liveTrace_ = trace; }  // named in live-only mode
    QStringList entries() const;  // the names listed now, top to bottom
    void applyTheme();

private:
    void sync();

    QCustomPlot *plot_;
    QCPItemStraightLine *priceLine_;
    QCPGraph *predictedLong_, *predictedShort_;
    QCPGraph *priceKey_, *realisedLongKey_, *realisedShortKey_;  // legend samples only, no data
    QCPGraph *liveTrace_ = nullptr;
    bool longs_ = false, shorts_ = false, realised_ = false, liveOnly_ = false;
};

}  // namespace lhm::ui
