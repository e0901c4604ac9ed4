#include "engine/MemoryPolicy.h"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace lhm {

void retainFreedMemory() {
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        // Setting either disables glibc's dynamic threshold, so both are set: 32 MB is glibc's own
        // upper bound for the dynamic mmap threshold on 64-bit systems.
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
    });
#endif
}

}  // namespace lhm
