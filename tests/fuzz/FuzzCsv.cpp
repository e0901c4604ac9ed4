// libFuzzer target: the four data.binance.vision CSV parsers, fed in chunks whose sizes come from
// the input itself (a line split across chunks is the parser's hardest path). Property: no crash,
// no sanitizer report, and a refused input always says where.
#include "ingest/CsvParser.h"
#include "ingest/VisionFile.h"

#include <cstdint>
#include <cstdlib>

namespace {

template <class Parser, class Row>
void run(const uint8_t *data, size_t size, size_t chunk) {
    Parser p(QStringLiteral("fuzz.csv"), 1'780'000'000'000);
    std::vector<Row> rows;
    size_t off = 0;
    lhm::Status s;
    while (s && off < size) {
        const size_t n = std::min(chunk, size - off);
        s = p.feed(reinterpret_cast<const char *>(data) + off, n, rows);
        off += n;
    }
    if (s) s = p.finish(rows);
    if (!s && s.error().file.isEmpty()) std::abort();  // every refusal names its input
    for (const Row &r : rows)
        if (lhm::validateRow(r, 1'780'000'000'000)) std::abort();  // nothing invalid comes out
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    const int kind = data[0] & 3;
    const size_t chunk = 1 + data[1] % 64 * (data[1] & 0x80 ? 97 : 1);
    data += 2, size -= 2;
    switch (kind) {
    case 0: run<lhm::MetricsParser, lhm::OpenInterestPoint>(data, size, chunk); break;
    case 1: run<lhm::KlinesParser, lhm::Candle>(data, size, chunk); break;
    case 2: run<lhm::FundingParser, lhm::FundingPoint>(data, size, chunk); break;
    default: run<lhm::AggTradesParser, lhm::AggTrade>(data, size, chunk); break;
    }
    lhm::headerType(reinterpret_cast<const char *>(data), reinterpret_cast<const char *>(data) + size);
    lhm::parseVisionFileName(QString::fromUtf8(reinterpret_cast<const char *>(data), int(std::min<size_t>(size, 200))));
    return 0;
}
