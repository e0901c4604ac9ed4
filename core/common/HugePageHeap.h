#pragma once
#include <cstddef>

namespace lhm {

// Puts the next `bytes` of the malloc heap on transparent huge pages, so a short command touches
// its working memory in one or two faults instead of one per 4 KB page (issue 10: on this VM a
// page fault costs 12-30 us, and a 12h `lhm compare` took about 300 of them for heap memory, as
// long as the whole `sqlite3` baseline). Allocations up to 32 MB stay on the heap for the same
// reason. Returns whether the range was marked; does nothing (false) outside glibc/Linux, under a
// sanitizer, or when the kernel declines. The kernel may still back it with small pages.
// `bytes` is rounded up to 2 MB and capped at 30 MB (blocks from the heap stay below glibc's
// 32 MB mmap threshold cap).
bool heapOnHugePages(std::size_t bytes);

// Every thread allocates from the main heap (and so from its huge pages) instead of an arena of
// its own: the GUI's workers load a window's candles and grids, most of its page faults. Call
// before any thread starts. glibc only; elsewhere nothing.
void shareMainHeapAcrossThreads();

}  // namespace lhm
