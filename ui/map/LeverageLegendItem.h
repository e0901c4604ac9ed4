#pragma once
// One legend row for all leverage shades of a side: "Longs 3x ▮▮▮…▮ 125x". Twelve leverages per
// side as separate entries took a third of the map dock at 1280×720; one row per side says the
// same (light = low leverage, deep = high) in two lines.
#include <QColor>
#include <QString>
#include <qcustomplot.h>
#include <vector>

namespace lhm::ui {

class LeverageLegendItem : public QCPAbstractLegendItem {
    Q_OBJECT
public:
    LeverageLegendItem(QCPLegend *legend, QString label, std::vector<QColor> shades, QString first, QString last);

    QString label() const { return label_; }
    int shadeCount() const { return int(shades_.size()); }

protected:
    void draw(QCPPainter *painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    QString label_, first_, last_;
    std::vector<QColor> shades_;
};

}  // namespace lhm::ui
