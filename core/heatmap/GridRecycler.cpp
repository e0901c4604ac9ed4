#include "heatmap/GridRecycler.h"

#include <algorithm>

namespace lhm {

GridRecycler::GridRecycler(int keep) : pool_(std::make_shared<Pool>()) { pool_->keep = std::max(0, keep); }

GridRecycler::~GridRecycler() {
    // Snapshots may outlive us (held by a view); their storage must then be freed, not parked.
    std::vector<Slot> drop;
    std::lock_guard<std::mutex> lock(pool_->mutex);
    pool_->closed = true;
    drop.swap(pool_->free);
}

GridRecycler::Slot GridRecycler::acquire(quint64 epoch) {
    Slot out;
    {
        std::lock_guard<std::mutex> lock(pool_->mutex);
        auto &free = pool_->free;
        if (!free.empty()) {
            size_t pick = free.size() - 1;  // the most recently returned is the likeliest match
            for (size_t i = 0; i < free.size(); ++i)
                if (free[i].epoch == epoch) pick = i;
            out = std::move(free[pick]);
            free.erase(free.begin() + std::ptrdiff_t(pick));
        }
    }
    if (!out.grid) out = Slot{std::make_unique<HeatmapGrid>(), 0};
    return out;
}

std::shared_ptr<const HeatmapGrid> GridRecycler::publish(Slot slot) {
    const quint64 epoch = slot.epoch;
    HeatmapGrid *raw = slot.grid.release();
    std::shared_ptr<Pool> pool = pool_;
    return std::shared_ptr<const HeatmapGrid>(raw, [pool, epoch](const HeatmapGrid *g) {
        // The object was created non-const; no reader holds it any more, so taking it back is legal.
        std::unique_ptr<HeatmapGrid> owned(const_cast<HeatmapGrid *>(g));
        std::lock_guard<std::mutex> lock(pool->mutex);
        if (!pool->closed && int(pool->free.size()) < pool->keep) pool->free.push_back(Slot{std::move(owned), epoch});
        // otherwise `owned`, declared before the lock, frees the grid after the unlock
    });
}

int GridRecycler::pooled() const {
    std::lock_guard<std::mutex> lock(pool_->mutex);
    return int(pool_->free.size());
}

}  // namespace lhm
