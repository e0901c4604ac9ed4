#pragma once
// Export of what the views show: PNG of any widget, CSV of a heatmap grid or a liquidation map.
// The CSV writers are plain functions so they can run on a worker thread.
#include "common/Error.h"
#include "models/HeatmapGrid.h"

class QWidget;

namespace lhm::ui::Exporter {

Status savePng(QWidget *widget, const QString &path);
// time,price_low,price_high,long_usd,short_usd — one line per non-empty cell.
Status writeGridCsv(const HeatmapGrid &grid, const QString &path);
// price_low,price_high,side,leverage,notional_usd,cumulative_usd — one line per non-empty bar.
Status writeMapCsv(const LiquidationMap &map, const QString &path);

}  // namespace lhm::ui::Exporter
