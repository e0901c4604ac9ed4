#pragma once
// Alert levels drawn as labelled dashed lines on the heatmap (horizontal, price on the y axis) and
// on the liquidation map (vertical, price on the x axis): price_cross levels and the edges of a
// liquidation rule's price band, for the shown symbol. Triggered rules are drawn grey with a check
// mark. Also adds "Create alert at <price>…" to both plots' context menus.
#include "alerts/AlertRule.h"

#include <QList>
#include <QObject>

class QCustomPlot;
class QCPAbstractItem;

namespace lhm::ui {

class AlertOverlay : public QObject {
    Q_OBJECT
public:
    // `vertical`: price on the x axis (the map); else on the y axis (the heatmap).
    AlertOverlay(QCustomPlot *plot, bool vertical, QObject *parent = nullptr);

    void setRules(const QList<alerts::AlertRule> &rules, qint64 nowMs);
    void setSymbol(const QString &symbol);
    int lineCount() const { return lines_; }
    // The price under a widget position (for the context menu and tests).
    double priceAt(const QPoint &pos) const;
    // The context menu the plot shows at `pos` (tests trigger its action without a mouse).
    void showMenu(const QPoint &pos);

signals:
    void createRequested(double price);

private:
    void redraw();

    QCustomPlot *plot_;
    bool vertical_;
    QString symbol_;
    QList<alerts::AlertRule> rules_;
    qint64 now_ = 0;
    QList<QCPAbstractItem *> items_;
    int lines_ = 0;
};

}  // namespace lhm::ui
