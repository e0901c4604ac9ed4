#include "analysis/VenueSum.h"

#include "models/GridSum.h"

#include <map>

namespace lhm {

ZoneColumn summedLastColumn(const std::vector<const HeatmapGrid *> &grids) {
    ZoneColumn c;
    if (grids.empty() || grids.front()->cols() == 0) return c;
    const HeatmapGrid &ref = *grids.front();
    c.price = ref.candles.back().close;
    if (grids.size() == 1) {  // one venue: its own rows, exactly as a single-exchange validation has them
        c.priceMin = ref.priceMin;
        c.bucket = ref.bucketSize;
        c.density.resize(size_t(ref.rows));
        for (int r = 0; r < ref.rows; ++r)
            c.density[size_t(r)] = double(ref.longAt(ref.cols() - 1, r)) + double(ref.shortAt(ref.cols() - 1, r));
        return c;
    }
    std::vector<PriceAxis> axes;
    for (const HeatmapGrid *g : grids) axes.push_back({g->priceMin, g->bucketSize, g->rows});
    const PriceAxis axis = commonPriceAxis(axes);
    c.priceMin = axis.priceMin;
    c.bucket = axis.bucket;
    c.density.assign(size_t(std::max(axis.rows, 0)), 0.0);
    for (const HeatmapGrid *g : grids) {
        if (g->cols() == 0) continue;
        const size_t off = size_t(g->cols() - 1) * size_t(g->rows);
        rebinAdd(g->longDensity.data() + off, g->rows, g->priceMin, g->bucketSize, c.density.data(), axis);
        rebinAdd(g->shortDensity.data() + off, g->rows, g->priceMin, g->bucketSize, c.density.data(), axis);
    }
    return c;
}

std::vector<HourSide> mergeHourSides(const std::vector<std::vector<HourSide>> &perVenue) {
    if (perVenue.empty()) return {};
    if (perVenue.size() == 1) return perVenue.front();
    struct Sum {
        double predicted = 0, baseline = 0;
        size_t venues = 0;
    };
    std::map<std::pair<qint64, int>, Sum> sums;
    for (const auto &records : perVenue)
        for (const HourSide &h : records) {
            Sum &s = sums[{h.hour, int(h.side)}];
            s.predicted += h.predicted;
            s.baseline += h.baseline;
            ++s.venues;
        }
    std::vector<HourSide> out;
    for (const HourSide &h : perVenue.front()) {
        const Sum &s = sums[{h.hour, int(h.side)}];
        if (s.venues != perVenue.size()) continue;  // a venue without that hour would under-count it
        out.push_back({h.hour, h.side, s.predicted, s.baseline, h.realised});
    }
    return out;
}

}  // namespace lhm
