#pragma once
// Dark (default, background #0d1117 like the reference heatmaps) and light themes: the widget style
// sheet plus the colours the plots draw with, so every view restyles from one place.
#include <QColor>
#include <QString>

class QCustomPlot;
class QCPAxis;
class QCPColorGradient;

namespace lhm::ui {

struct PlotPalette {
    QColor background, panel, axis, text, grid, subGrid;
    QColor candleUp, candleDown, priceLine;
    QColor longSide, shortSide;  // liquidated longs (below price) and shorts (above)
    QColor zone;                 // disagreement shading
};

class Theme {
public:
    enum Kind { Dark, Light };
    static Kind current();
    static QString name(Kind k);
    static Kind fromName(const QString &name);  // unknown names give Dark
    // Applies the style sheet and palette to the application and remembers the kind.
    static void apply(Kind k);
    static const PlotPalette &palette();

    // Purple -> blue -> teal -> yellow, low to high density.
    static QCPColorGradient heatGradient();
    static void stylePlot(QCustomPlot *plot);
    static void styleAxis(QCPAxis *axis);
};

}  // namespace lhm::ui
