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

QRectF textItemRect(const QCPItemText *badge) {
    return QRectF(badge->topLeft->pixelPosition(), badge->bottomRight->pixelPosition()).normalized();
}

void keepEstimateBadgeClear(QCustomPlot *plot, QCPItemText *badge, std::function<QList<QRectF>()> obstacles) {
    const QPointF home = badge->position->coords();  // axis-rect ratios given at creation
    QObject::connect(plot, &QCustomPlot::afterLayout, badge, [plot, badge, home, obstacles = std::move(obstacles)] {
        const QRect ar = plot->axisRect()->rect();
        if (ar.height() <= 0) return;
        badge->position->setCoords(home);
        const QList<QRectF> rects = obstacles();
        // Each move goes below one obstacle; a few rounds settle any order of them.
        for (int round = 0; round < 4; ++round) {
            const QRectF b = textItemRect(badge);
            bool moved = false;
            for (const QRectF &o : rects) {
                if (o.isEmpty() || !o.intersects(b)) continue;
                badge->position->setCoords(home.x(), (o.bottom() + 4 - ar.top()) / ar.height());
                moved = true;
                break;
            }
            if (!moved) break;
        }
    });
}

}  // namespace lhm::ui
