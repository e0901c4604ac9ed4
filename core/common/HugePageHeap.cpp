#include "HugePageHeap.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define LHM_SANITIZED_HEAP 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define LHM_SANITIZED_HEAP 1
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(LHM_SANITIZED_HEAP)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace lhm {

bool heapOnHugePages(std::size_t bytes) {
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    const std::uintptr_t page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    bytes = std::min<std::size_t>((bytes + kHuge - 1) & ~(kHuge - 1), 30 << 20);
    // Blocks up to 32 MB (glibc's cap) come from the heap too, and a freed top is not trimmed:
    // the heap is where the huge pages are.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    // A range takes a huge page on a fault only if it is an aligned 2 MB inside a mapping marked
    // MADV_HUGEPAGE and no 4 KB page of it is mapped yet. So: move the break to one page below a
    // 2 MB boundary (address space only, nothing is touched; malloc takes it as a foreign sbrk and
    // starts a new top chunk there), then have malloc grow the heap by one block a little larger
    // than `bytes`. Its headers land in that page below the boundary and just above
    // boundary + bytes, so the `bytes` between them are untouched when they are marked.
    const auto cur = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (cur == std::uintptr_t(-1)) return false;
    const std::uintptr_t boundary = (cur + page + kHuge - 1) & ~(kHuge - 1);
    if (sbrk(static_cast<intptr_t>(boundary - page - cur)) == reinterpret_cast<void *>(-1)) return false;
    // volatile: a malloc whose block is only freed may be left out by the compiler.
    void *volatile block = std::malloc(bytes + page);
    if (!block) return false;
    const bool marked = reinterpret_cast<std::uintptr_t>(block) < boundary &&
                        reinterpret_cast<std::uintptr_t>(sbrk(0)) >= boundary + bytes &&
                        madvise(reinterpret_cast<void *>(boundary), bytes, MADV_HUGEPAGE) == 0;
    std::free(block);  // merges into the top chunk, whose header is below the boundary again
    return marked;
}

void shareMainHeapAcrossThreads() { mallopt(M_ARENA_MAX, 1); }

}  // namespace lhm
#else
namespace lhm {
bool heapOnHugePages(std::size_t) { return false; }
void shareMainHeapAcrossThreads() {}
}  // namespace lhm
#endif
