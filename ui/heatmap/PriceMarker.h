#pragma once
// The current price on a time × price plot: a dashed horizontal line with the price in a tag on
// the right axis. White over the colour map, which is dark in both themes; the tag is outlined so
// it also reads on the light theme's white margin.
#include <QObject>

class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;

namespace lhm::ui {

class PriceMarker : public QObject {
    Q_OBJECT
public:
    explicit PriceMarker(QCustomPlot *plot);

    // price <= 0 hides the marker; bucket sets how many decimals the tag shows.
    void setPrice(double price, double bucket);
    double price() const { return price_; }
    QString tagText() const;
    bool isShown() const;
    QCPItemStraightLine *line() const { return line_; }
    void applyTheme();

private:
    QCustomPlot *plot_;
    QCPItemStraightLine *line_;
    QCPItemText *tag_;
    double price_ = 0;
};

}  // namespace lhm::ui
