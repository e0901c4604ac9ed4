#pragma once
// What the trader picked in the toolbar; maps onto a HeatmapRequest.
#include "heatmap/HeatmapRequest.h"

#include <QString>

namespace lhm::ui {

struct ViewSelection {
    QString exchange = QStringLiteral("binance");
    QString symbol = QStringLiteral("BTCUSDT");
    QString window = QStringLiteral("7d");
    QString model = QStringLiteral("binance_standard");
    double bucket = 0;  // USD per price bucket; 0 = automatic

    HeatmapRequest request() const {
        HeatmapRequest r;
        r.exchange = exchange;
        r.symbol = symbol;
        r.window = window;
        r.model = model;
        r.params.bucket = bucket;
        return r;
    }
    bool operator==(const ViewSelection &o) const {
        return exchange == o.exchange && symbol == o.symbol && window == o.window && model == o.model &&
               bucket == o.bucket;
    }
    bool operator!=(const ViewSelection &o) const { return !(*this == o); }
};

}  // namespace lhm::ui
