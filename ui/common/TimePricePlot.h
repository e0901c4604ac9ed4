#pragma once
class QCustomPlot;

namespace lhm::ui {

// Time on x (UTC dates), price on y, drag and wheel zoom on both axes: the set-up every
// time × price view shares, so panels side by side pan and read the same way.
void setUpTimePricePlot(QCustomPlot *plot, int xTickCount = 0);

}  // namespace lhm::ui
