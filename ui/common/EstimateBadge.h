#pragma once
class QCustomPlot;
class QCPItemText;
class QString;

namespace lhm::ui {

// The "ESTIMATE" label pinned to a plot's top-left corner: every view of modelled positions
// carries one, in the same place and colours whatever the theme.
QCPItemText *addEstimateBadge(QCustomPlot *plot, const QString &text);
// Re-applies the badge's colours and bold font (theme changes reset item styles).
void styleEstimateBadge(QCPItemText *badge);

}  // namespace lhm::ui
