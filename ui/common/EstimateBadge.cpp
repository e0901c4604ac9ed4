#include "common/EstimateBadge.h"

#include <qcustomplot.h>

namespace lhm::ui {

QCPItemText *addEstimateBadge(QCustomPlot *plot, const QString &text) {
    auto *badge = new QCPItemText(plot);
    badge->position->setType(QCPItemPosition::ptAxisRectRatio);
    badge->position->setCoords(0.01, 0.015);
    badge->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    badge->setText(text);
    badge->setPadding(QMargins(6, 3, 6, 3));
    styleEstimateBadge(badge);
    return badge;
}

void styleEstimateBadge(QCPItemText *badge) {
    // Amber on a translucent black plate reads over both the dark heatmap and the light theme.
    badge->setColor(QColor(0xff, 0xd5, 0x8a));
    badge->setBrush(QColor(0, 0, 0, 140));
    QFont f = badge->font();
    f.setBold(true);
    badge->setFont(f);
}

}  // namespace lhm::ui
