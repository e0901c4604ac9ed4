#include "heatmap/CandleLayer.h"

#include "common/Theme.h"
#include "heatmap/DensityLayer.h"

#include <cmath>
#include <qcustomplot.h>

namespace lhm::ui {

CandleLayer::CandleLayer(DensityLayer *layer) : QObject(layer), layer_(layer) {
    QCPColorMap *map = layer->colorMap();
    candles_ = new QCPFinancial(map->keyAxis(), map->valueAxis());
    candles_->setChartStyle(QCPFinancial::csCandlestick);
    candles_->setTwoColored(true);
    candles_->setName(tr("Candles"));
    candles_->removeFromLegend();
    connect(layer_, &DensityLayer::displayChanged, this, &CandleLayer::update);
    applyTheme();
}

void CandleLayer::applyTheme() {
    const PlotPalette &p = Theme::palette();
    candles_->setBrushPositive(p.candleUp);
    candles_->setBrushNegative(p.candleDown);
    candles_->setPenPositive(QPen(p.candleUp));
    candles_->setPenNegative(QPen(p.candleDown));
}

int CandleLayer::count() const { return candles_->data()->size(); }
double CandleLayer::width() const { return candles_->width(); }
void CandleLayer::setVisible(bool on) { candles_->setVisible(on); }

void CandleLayer::update() {
    const DisplayGrid &d = layer_->display();
    const GridPtr &g = layer_->grid();
    QVector<QCPFinancialData> data;
    if (g && g->intervalMs > 0 && !g->times.empty()) {
        data.reserve(int(d.candles.size()));
        const double I = double(g->intervalMs);
        for (int c = 0; c < int(d.candles.size()); ++c) {
            const Candle &k = d.candles[size_t(c)];
            if (!std::isfinite(k.high) || !std::isfinite(k.low)) continue;  // a gap in the data
            const double key = (g->times.front() + (d.colFrom + (c + 0.5) * d.colStep) * I) / 1000.0;
            data.push_back(QCPFinancialData(key, k.open, k.high, k.low, k.close));
        }
        // 70 % of a displayed column: candles follow the grid's interval and its reduction.
        candles_->setWidth(d.colStep * I / 1000.0 * 0.7);
    }
    candles_->data()->set(data, true);
}

}  // namespace lhm::ui
