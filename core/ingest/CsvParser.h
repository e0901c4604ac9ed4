#pragma once
// Streaming parsers for data.binance.vision USDⓈ-M CSVs: bytes in, rows out, no I/O. Feed the
// input in chunks of any size (a line split across chunks is carried over), then call finish().
//
// Policy (documented in Importer.h too): the first structurally bad line refuses the whole input
// with an Error naming the file, the 1-based line and the field; rows must be in key order; a row
// repeating the previous row's key with identical values is a duplicate (skipped, counted); with
// different values it is an error. Timestamps must be ms; µs (> 1e14) are converted to ms. Every
// row then passes the shared validateRow() (times within 2009 .. now + 1 day, real calendar dates,
// finite values), and no line may exceed kMaxLineBytes: a file that is one endless line (a
// compressed bomb, /dev/zero) is refused after that many bytes instead of growing a buffer.
#include "common/Error.h"
#include "common/RowValidation.h"
#include "common/Types.h"
#include "ingest/VisionFile.h"

#include <string>
#include <vector>

namespace lhm {

struct ParseStats {
    qint64 lines = 0;       // lines seen, header included
    qint64 rows = 0;        // rows emitted
    qint64 duplicates = 0;  // exact duplicate rows skipped
    bool header = false;    // the input began with a header line
    std::string symbol;     // metrics only: the symbol column of the rows
};

// The longest line any archive CSV has is about 200 bytes; 64 KiB leaves room for anything sane.
constexpr size_t kMaxCsvLineBytes = 64 * 1024;

template <class Row>
class CsvParser {
public:
    // `fileName` only labels errors; `nowMs` (0: the system clock) bounds the rows' times.
    explicit CsvParser(QString fileName = {}, qint64 nowMs = 0);

    // Parses every complete line (plus the carried-over partial line) and appends the rows to out.
    // After an error every later call returns the same error.
    Status feed(const char *data, size_t size, std::vector<Row> &out);
    // Parses a last line without a line end; refuses an input without any data row.
    Status finish(std::vector<Row> &out);

    const ParseStats &stats() const { return stats_; }
    static DataType type();

private:
    Status parseLine(const char *b, const char *e, std::vector<Row> &out);
    Status fail(Error e);

    QString file_;
    qint64 nowMs_ = 0;
    std::string carry_;
    ParseStats stats_;
    bool haveLast_ = false;
    Row last_{};
    std::optional<Error> error_;
};

using MetricsParser = CsvParser<OpenInterestPoint>;
using KlinesParser = CsvParser<Candle>;
using FundingParser = CsvParser<FundingPoint>;
using AggTradesParser = CsvParser<AggTrade>;

extern template class CsvParser<OpenInterestPoint>;
extern template class CsvParser<Candle>;
extern template class CsvParser<FundingPoint>;
extern template class CsvParser<AggTrade>;

}  // namespace lhm
