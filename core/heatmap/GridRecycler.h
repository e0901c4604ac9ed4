#pragma once
// Storage recycling for immutable heatmap snapshots (used by LiveHeatmap).
//
// Why: HeatmapGrid keeps its densities in two flat vectors, so a snapshot cannot share unchanged
// columns with the previous one; a fresh snapshot of a 1-year hourly grid (8,760 x 2,000 cells)
// is a ~140 MB allocation plus copy, too much 25 times a second. Between two live snapshots only
// the last column changes, though. So each published snapshot carries a deleter that, when its
// last reader lets go, hands the storage back here instead of freeing it; the next snapshot
// reuses it and patches only what changed since it was published (tracked by an "epoch" the
// owner bumps whenever more than the last column changes).
//
// Thread safety: publish/acquire are called on the owner's thread; the deleter may run on any
// thread (the GUI releasing its snapshot). The mutex orders the reader's last access before the
// owner's next write, so reusing the storage is race-free. A snapshot is never modified while any
// reader holds it: it only comes back once its reference count reached zero.
#include "models/HeatmapGrid.h"

#include <QtGlobal>
#include <memory>
#include <mutex>
#include <vector>

namespace lhm {

class GridRecycler {
public:
    // A grid's storage and the epoch of the state it holds (0: unknown, copy everything).
    struct Slot {
        std::unique_ptr<HeatmapGrid> grid;
        quint64 epoch = 0;
    };

    explicit GridRecycler(int keep = 2);
    ~GridRecycler();  // later returns are freed instead of kept
    GridRecycler(const GridRecycler &) = delete;
    GridRecycler &operator=(const GridRecycler &) = delete;

    // A returned slot, preferring one of `epoch` (cheapest to patch); a new empty one if none.
    Slot acquire(quint64 epoch);
    // Wraps the slot as an immutable snapshot whose storage comes back here when released.
    std::shared_ptr<const HeatmapGrid> publish(Slot slot);

    int pooled() const;  // slots waiting for reuse (tests)

private:
    struct Pool {
        mutable std::mutex mutex;
        std::vector<Slot> free;
        int keep = 2;
        bool closed = false;
    };
    std::shared_ptr<Pool> pool_;
};

}  // namespace lhm
