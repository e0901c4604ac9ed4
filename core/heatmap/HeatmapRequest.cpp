#include "heatmap/HeatmapRequest.h"

#include <QStringList>

namespace lhm {

QString HeatmapRequest::cacheKey() const {
    return QStringList{exchange, symbol, window, QString::number(end), model, params.hash()}.join(QLatin1Char('|'));
}

}  // namespace lhm
