#pragma once
// The candles drawn over a density layer: one merged candle per displayed column, as wide as that
// column (so a 15-minute grid gets 15-minute candles and a reduced year gets day candles), kept in
// step with the layer's level of detail. The heatmap and every comparison panel use one.
#include <QObject>

class QCPFinancial;

namespace lhm::ui {

class DensityLayer;

class CandleLayer : public QObject {
    Q_OBJECT
public:
    explicit CandleLayer(DensityLayer *layer);

    QCPFinancial *plottable() const { return candles_; }
    int count() const;
    double width() const;  // seconds on the time axis
    void setVisible(bool on);
    void applyTheme();

private:
    void update();

    DensityLayer *layer_;
    QCPFinancial *candles_;
};

}  // namespace lhm::ui
