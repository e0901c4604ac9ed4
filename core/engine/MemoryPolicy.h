#pragma once
// How the process's allocator treats memory freed between two computations.

namespace lhm {

// Keeps freed heap memory (up to 64 MB at the top, blocks under 32 MB served from the heap) for the
// next computation instead of handing it back to the kernel at once. With glibc's defaults the
// memory of one heatmap run (inputs, the fine grid, the reduced grid) went back to the kernel when
// freed and the next run faulted it in again; "All exchanges" frees four runs' worth at once and
// took about 600 page faults per 30d call (bench_aggregate), one exchange about 70; with this
// policy both take none once warm. Larger blocks (a year's grid is two 67 MB arrays) are still
// mapped and unmapped per run. Idempotent and thread-safe; a no-op off glibc. Called by CoreEngine
// and by the "All exchanges" computation, so the GUI, `lhm serve` and the CLI all run with it.
void retainFreedMemory();

}  // namespace lhm
