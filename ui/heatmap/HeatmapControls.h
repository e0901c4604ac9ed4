#pragma once
// The heatmap's own control row: title, long/short/both toggle, colour cut-off percentiles, Fit.
#include "engine/HeatmapLod.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace lhm::ui {

class ElidedLabel;

class HeatmapControls : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapControls(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setSide(DensitySide side);               // silent
    void setCutoff(double lowPct, double highPct);  // silent
    double lowCutoff() const;
    double highCutoff() const;

signals:
    void sideRequested(lhm::DensitySide side);
    void cutoffRequested(double lowPct, double highPct);
    void fitRequested();

private:
    ElidedLabel *title_ = nullptr;
    QToolButton *longBtn_ = nullptr, *shortBtn_ = nullptr, *bothBtn_ = nullptr;
    QDoubleSpinBox *lowSpin_ = nullptr, *highSpin_ = nullptr;
};

}  // namespace lhm::ui
