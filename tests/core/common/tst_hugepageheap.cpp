// lhm's heap on transparent huge pages (app/cli/HugePageHeap): after the call, malloc's next
// blocks come from a range marked MADV_HUGEPAGE, 2 MB aligned, that the kernel backs with huge
// pages when they are touched. Read back from /proc/self/smaps, as the kernel sees it.
#include "TestSupport.h"

#include "common/HugePageHeap.h"

#include <QFile>
#include <cstdlib>
#include <cstring>

using namespace lhm;

namespace {
struct Vma {
    quintptr start = 0, end = 0;
    QByteArray flags;
    qint64 anonHugeKb = -1;
};

// The mapping of /proc/self/smaps that holds `addr`.
Vma vmaHolding(const void *addr) {
    QFile f(QStringLiteral("/proc/self/smaps"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const auto a = reinterpret_cast<quintptr>(addr);
    Vma cur;
    bool in = false;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const int dash = line.indexOf('-');
        const int space = line.indexOf(' ');
        if (dash > 0 && space > dash && !line.left(space).contains(':')) {  // "start-end perms offset dev:..."
            if (in) return cur;
            cur = Vma{};
            cur.start = line.left(dash).toULongLong(nullptr, 16);
            cur.end = line.mid(dash + 1, space - dash - 1).toULongLong(nullptr, 16);
            in = a >= cur.start && a < cur.end;
        } else if (in && line.startsWith("AnonHugePages:")) {
            cur.anonHugeKb = line.mid(14).trimmed().split(' ').value(0).toLongLong();
        } else if (in && line.startsWith("VmFlags:")) {
            cur.flags = line.mid(8).trimmed();
        }
    }
    return in ? cur : Vma{};
}

QByteArray thpMode() {
    QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray all = f.readAll();
    const int open = all.indexOf('['), close = all.indexOf(']');
    return open >= 0 && close > open ? all.mid(open + 1, close - open - 1) : QByteArray();
}
}  // namespace

class TstHugePageHeap : public QObject {
    Q_OBJECT
private slots:
    void nextBlocksComeFromAMarkedAlignedRange() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("a sanitizer's allocator owns the heap: the call does nothing by design");
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
        QSKIP("a sanitizer's allocator owns the heap: the call does nothing by design");
#endif
#endif
        const QByteArray mode = thpMode();
        if (mode.isEmpty() || mode == "never") QSKIP("transparent huge pages are off on this kernel");
        constexpr quintptr kMb = 1 << 20;
        QVERIFY(lhm::heapOnHugePages(3 * kMb));  // rounded up to 4 MB: two huge pages

        // 3 MB: more than any free block this young process has, so it comes from the new top,
        // which starts one 4 KB page below the marked range.
        auto *block = static_cast<char *>(std::malloc(3 * kMb));
        QVERIFY(block);
        const Vma below = vmaHolding(block);
        const Vma marked = vmaHolding(block + 2 * kMb);
        QVERIFY2(marked.flags.split(' ').contains("hg"), marked.flags.constData());
        QCOMPARE(marked.start % (2 * kMb), quintptr(0));
        QCOMPARE(marked.end - marked.start, 4 * kMb);
        QCOMPARE(below.end, marked.start);
        QVERIFY(!below.flags.split(' ').contains("hg"));
        QCOMPARE(marked.start - reinterpret_cast<quintptr>(block), quintptr(4096 - 16));  // page minus malloc's header

        // Touched, the first aligned 2 MB is one huge page (the kernel had nothing mapped there).
        std::memset(block, 0x5a, 3 * kMb);
        QCOMPARE(vmaHolding(block + 2 * kMb).anonHugeKb >= 2048, true);
        QCOMPARE(block[3 * kMb - 1], char(0x5a));
        std::free(block);
    }
};

LHM_TEST_MAIN(TstHugePageHeap)
#include "tst_hugepageheap.moc"
