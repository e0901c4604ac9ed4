#include "heatmap/PriceMarker.h"

#include "common/Format.h"
#include "common/Theme.h"

#include <qcustomplot.h>

namespace lhm::ui {

PriceMarker::PriceMarker(QCustomPlot *plot) : QObject(plot), plot_(plot) {
    line_ = new QCPItemStraightLine(plot);
    line_->setSelectable(false);
    tag_ = new QCPItemText(plot);
    tag_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    tag_->position->setTypeY(QCPItemPosition::ptPlotCoords);
    tag_->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    tag_->setClipToAxisRect(false);
    tag_->setPadding(QMargins(4, 1, 4, 1));
    tag_->setSelectable(false);
    applyTheme();
    setPrice(0, 0);
}

void PriceMarker::applyTheme() {
    line_->setPen(QPen(Qt::white, 1, Qt::DashLine));
    tag_->setBrush(Qt::white);
    tag_->setColor(QColor(0x0d, 0x11, 0x17));
    tag_->setPen(QPen(Theme::palette().axis));
}

void PriceMarker::setPrice(double price, double bucket) {
    price_ = price;
    const bool shown = price > 0;
    line_->setVisible(shown);
    tag_->setVisible(shown);
    line_->point1->setCoords(0, price);
    line_->point2->setCoords(1, price);
    tag_->position->setCoords(1.0, price);
    tag_->setText(Format::price(price, bucket));
}

QString PriceMarker::tagText() const { return tag_->visible() ? tag_->text() : QString(); }
bool PriceMarker::isShown() const { return line_->visible(); }

}  // namespace lhm::ui
