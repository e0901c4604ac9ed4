#pragma once
// Compact binary form of a HeatmapGrid for the store's heatmap cache: QDataStream (versioned, with
// a magic) over raw float arrays, then zlib via qCompress.
#include "common/Error.h"
#include "models/HeatmapGrid.h"

#include <QByteArray>

namespace lhm {

QByteArray encodeHeatmap(const HeatmapGrid &grid);
Result<HeatmapGrid> decodeHeatmap(const QByteArray &payload);

}  // namespace lhm
