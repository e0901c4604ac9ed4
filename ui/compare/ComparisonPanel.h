#pragma once
// One model of the comparison: its heatmap (on the comparison's common grid and colour range)
// with its colour scale, candles and the price tag, the zones where the models disagree shaded,
// and a summary table.
#include "engine/CoreEngine.h"

#include <QWidget>

class QCustomPlot;
class QCPColorScale;
class QLabel;
class QTableWidget;

namespace lhm::ui {

class CandleLayer;
class DensityLayer;
class EmptyStateStack;
class PriceMarker;

class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget *parent = nullptr);

    // `grid` points into the comparison, which the caller keeps alive with `owner`.
    void setModel(const ModelComparison &cmp, int index, ComparisonPtr owner, std::pair<float, float> colourRange);
    QCustomPlot *plot() const { return plot_; }
    DensityLayer *layer() const { return layer_; }
    CandleLayer *candles() const { return candles_; }
    QCPColorScale *colorScale() const { return scale_; }
    QString priceTagText() const;
    bool isShowingEmpty() const;  // the model placed nothing in this window: words, no plot
    QTableWidget *table() const { return table_; }
    QString modelName() const;
    void applyTheme();

private:
    QLabel *name_ = nullptr;
    QString model_;  // identifier; name_ shows its readable name
    QCustomPlot *plot_ = nullptr;
    EmptyStateStack *stack_ = nullptr;
    DensityLayer *layer_ = nullptr;
    QCPColorScale *scale_ = nullptr;
    CandleLayer *candles_ = nullptr;
    PriceMarker *price_ = nullptr;
    QTableWidget *table_ = nullptr;
};

}  // namespace lhm::ui
