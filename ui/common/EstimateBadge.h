#pragma once
#include <QList>
#include <QRectF>
#include <functional>

class QCustomPlot;
class QCPItemText;
class QString;

namespace lhm::ui {

// The "ESTIMATE" label pinned to a plot's top-left corner: every view of modelled positions
// carries one, in the same place and colours whatever the theme.
QCPItemText *addEstimateBadge(QCustomPlot *plot, const QString &text);
// Re-applies the badge's colours and bold font (theme changes reset item styles).
void styleEstimateBadge(QCPItemText *badge);
// After every layout of `plot`, puts the badge back at its place and, when one of `obstacles()`
// (pixel rects: a top-right legend, a price tag) covers it there, moves it down just below that
// one: in a narrow or short plot they used to overlap (issue 8, 1280x720).
void keepEstimateBadgeClear(QCustomPlot *plot, QCPItemText *badge, std::function<QList<QRectF>()> obstacles);
// A text item's rect (badge, price tag) in pixels as it will be drawn.
QRectF textItemRect(const QCPItemText *badge);

}  // namespace lhm::ui
