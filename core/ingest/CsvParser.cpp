#include "ingest/CsvParser.h"

#include "ingest/FieldCursor.h"

#include <QDateTime>
#include <QList>
#include <cstring>

namespace lhm {

using csv::Fail;
using csv::FieldCursor;

namespace {

// Per row type: the archive type, its columns, how one line becomes a row, its ordering key.
template <class Row>
struct Format;

template <>
struct Format<OpenInterestPoint> {
    static constexpr DataType type = DataType::Metrics;
    static constexpr int fields = 8;
    static constexpr int keyField = 0;
    static bool parse(FieldCursor &c, OpenInterestPoint &r, ParseStats &st) {
        const char *sb = nullptr, *se = nullptr;
        if (!(c.dateTime(r.time) && c.text(sb, se))) return false;
        if (st.symbol.empty()) st.symbol.assign(sb, se);
        else if (st.symbol.size() != size_t(se - sb) || std::memcmp(st.symbol.data(), sb, st.symbol.size()) != 0) {
            c.p = sb;
            c.field = 1;
            return c.failHere(Fail::OtherSymbol);
        }
        return c.nonNegative(r.openInterest) && c.nonNegative(r.openInterestValue) &&
               c.optionalNonNegative(r.topTraderLongShortRatio) && c.optionalNonNegative(r.topTraderPositionRatio) &&
               c.optionalNonNegative(r.longShortRatio) && c.optionalNonNegative(r.takerLongShortVolRatio);
    }
    static qint64 key(const OpenInterestPoint &r) { return r.time; }
    static qint64 time(const OpenInterestPoint &r) { return r.time; }
    static bool same(const OpenInterestPoint &a, const OpenInterestPoint &b) {
        return a.time == b.time && a.openInterest == b.openInterest && a.openInterestValue == b.openInterestValue &&
               a.topTraderLongShortRatio == b.topTraderLongShortRatio &&
               a.topTraderPositionRatio == b.topTraderPositionRatio && a.longShortRatio == b.longShortRatio &&
               a.takerLongShortVolRatio == b.takerLongShortVolRatio;
    }
};

template <>
struct Format<Candle> {
    static constexpr DataType type = DataType::Klines;
    static constexpr int fields = 12;
    static constexpr int keyField = 0;
    static bool parse(FieldCursor &c, Candle &r, ParseStats &) {
        double ignore = 0;
        return c.timeMs(r.openTime) && c.positive(r.open) && c.positive(r.high) && c.positive(r.low) &&
               c.positive(r.close) && c.nonNegative(r.volume) && c.timeMs(r.closeTime) && c.nonNegative(r.quoteVolume) &&
               c.nonNegative(r.trades) && c.nonNegative(r.takerBuyVolume) && c.nonNegative(r.takerBuyQuoteVolume) &&
               c.f64(ignore);
    }
    static qint64 key(const Candle &r) { return r.openTime; }
    static qint64 time(const Candle &r) { return r.openTime; }
    static bool same(const Candle &a, const Candle &b) {
        return a.openTime == b.openTime && a.open == b.open && a.high == b.high && a.low == b.low && a.close == b.close &&
               a.volume == b.volume && a.closeTime == b.closeTime && a.quoteVolume == b.quoteVolume &&
               a.trades == b.trades && a.takerBuyVolume == b.takerBuyVolume &&
               a.takerBuyQuoteVolume == b.takerBuyQuoteVolume;
    }
};

template <>
struct Format<FundingPoint> {
    static constexpr DataType type = DataType::FundingRate;
    static constexpr int fields = 3;
    static constexpr int keyField = 0;
    static bool parse(FieldCursor &c, FundingPoint &r, ParseStats &) {
        qint64 hours = 0;
        if (!(c.timeMs(r.time) && c.i64(hours))) return false;
        if (hours <= 0 || hours > 24) return c.back(Fail::NotPositive);
        r.intervalHours = int(hours);
        return c.f64(r.rate);
    }
    static qint64 key(const FundingPoint &r) { return r.time; }
    static qint64 time(const FundingPoint &r) { return r.time; }
    static bool same(const FundingPoint &a, const FundingPoint &b) {
        return a.time == b.time && a.intervalHours == b.intervalHours && a.rate == b.rate;
    }
};

template <>
struct Format<AggTrade> {
    static constexpr DataType type = DataType::AggTrades;
    static constexpr int fields = 7;
    static constexpr int keyField = 0;
    static bool parse(FieldCursor &c, AggTrade &r, ParseStats &) {
        return c.nonNegative(r.id) && c.positive(r.price) && c.nonNegative(r.qty) && c.nonNegative(r.firstTradeId) &&
               c.nonNegative(r.lastTradeId) && c.timeMs(r.time) && c.boolean(r.buyerMaker);
    }
    static qint64 key(const AggTrade &r) { return r.id; }
    static qint64 time(const AggTrade &r) { return r.time; }
    static bool same(const AggTrade &a, const AggTrade &b) {
        return a.id == b.id && a.price == b.price && a.qty == b.qty && a.firstTradeId == b.firstTradeId &&
               a.lastTradeId == b.lastTradeId && a.time == b.time && a.buyerMaker == b.buyerMaker;
    }
};

// The column names of the type's header, for error messages.
QString columnName(DataType t, int index) {
    const QList<QByteArray> cols = QByteArray(expectedHeader(t)).split(',');
    return index >= 0 && index < cols.size() ? QString::fromLatin1(cols[index]) : QString::number(index + 1);
}

QString failMessage(const FieldCursor &c, const char *lineBegin) {
    const QString text = QString::fromUtf8(c.failBegin, int(c.failEnd - c.failBegin)).left(40);
    int found = 1;
    for (const char *q = lineBegin; q < c.end; ++q) found += *q == ',';
    switch (c.fail) {
    case Fail::Missing: return QStringLiteral("too few fields: expected %1, found %2").arg(c.count).arg(found);
    case Fail::TooMany: return QStringLiteral("too many fields: expected %1, found %2").arg(c.count).arg(found);
    case Fail::NotNumber:
        return text.isEmpty() ? QStringLiteral("empty, expected a number") : QStringLiteral("not a number: '%1'").arg(text);
    case Fail::NotFinite: return QStringLiteral("not a finite number: '%1'").arg(text);
    case Fail::Negative: return QStringLiteral("negative value: '%1'").arg(text);
    case Fail::NotPositive: return QStringLiteral("must be positive: '%1'").arg(text);
    case Fail::Seconds:
        return QStringLiteral("timestamp '%1' is in seconds or too small; expected milliseconds since 1970").arg(text);
    case Fail::BadBool: return QStringLiteral("expected true or false: '%1'").arg(text);
    case Fail::OtherSymbol: return QStringLiteral("symbol changes within the file: '%1'").arg(text);
    case Fail::BadTime: return QStringLiteral("expected a UTC time 'YYYY-MM-DD HH:MM:SS': '%1'").arg(text);
    case Fail::None: break;
    }
    return QStringLiteral("bad value");
}

}  // namespace

template <class Row>
CsvParser<Row>::CsvParser(QString fileName, qint64 nowMs)
    : file_(std::move(fileName)), nowMs_(nowMs > 0 ? nowMs : QDateTime::currentMSecsSinceEpoch()) {}

namespace {
Error lineTooLong(const QString &file, qint64 lineNo) {
    return Error(QStringLiteral("line longer than %1 bytes (not a CSV line; a file without line ends?)")
                     .arg(kMaxCsvLineBytes),
                 file, lineNo);
}
}  // namespace

template <class Row>
DataType CsvParser<Row>::type() {
    return Format<Row>::type;
}

template <class Row>
Status CsvParser<Row>::fail(Error e) {
    error_ = e;
    return e;
}

template <class Row>
Status CsvParser<Row>::feed(const char *data, size_t size, std::vector<Row> &out) {
    if (error_) return *error_;
    const char *p = data;
    const char *const end = data + size;
    if (!carry_.empty()) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) {
            if (carry_.size() + size_t(end - p) > kMaxCsvLineBytes) return fail(lineTooLong(file_, stats_.lines + 1));
            carry_.append(p, end);
            return {};
        }
        if (carry_.size() + size_t(nl - p) > kMaxCsvLineBytes) return fail(lineTooLong(file_, stats_.lines + 1));
        carry_.append(p, nl);
        p = nl + 1;
        std::string line;
        line.swap(carry_);
        if (Status s = parseLine(line.data(), line.data() + line.size(), out); !s) return s;
    }
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) {
            if (size_t(end - p) > kMaxCsvLineBytes) return fail(lineTooLong(file_, stats_.lines + 1));
            carry_.assign(p, end);
            break;
        }
        if (Status s = parseLine(p, nl, out); !s) return s;
        p = nl + 1;
    }
    return {};
}

template <class Row>
Status CsvParser<Row>::finish(std::vector<Row> &out) {
    if (error_) return *error_;
    if (!carry_.empty()) {
        std::string line;
        line.swap(carry_);
        if (Status s = parseLine(line.data(), line.data() + line.size(), out); !s) return s;
    }
    if (stats_.rows + stats_.duplicates == 0)
        return fail(Error(QStringLiteral("empty file: no %1 rows").arg(dataTypeName(type())), file_,
                          stats_.lines > 0 ? stats_.lines : 0));
    return {};
}

template <class Row>
Status CsvParser<Row>::parseLine(const char *b, const char *e, std::vector<Row> &out) {
    using F = Format<Row>;
    const qint64 lineNo = ++stats_.lines;
    if (size_t(e - b) > kMaxCsvLineBytes) return fail(lineTooLong(file_, lineNo));
    if (e > b && e[-1] == '\r') --e;
    if (b == e) return {};  // blank lines (a trailing one is common) carry nothing
    if (lineNo == 1 && e - b >= 3 && std::memcmp(b, "\xEF\xBB\xBF", 3) == 0) b += 3;
    if (stats_.rows + stats_.duplicates == 0 && !stats_.header && !(*b >= '0' && *b <= '9')) {
        const DataType h = headerType(b, e);
        if (h == F::type) {
            stats_.header = true;
            return {};
        }
        if (h != DataType::Unknown)
            return fail(Error(QStringLiteral("header of a %1 file, expected %2").arg(dataTypeName(h), dataTypeName(F::type)),
                              file_, lineNo));
        return fail(Error(QStringLiteral("unexpected header '%1', expected %2")
                              .arg(QString::fromUtf8(b, int(std::min<qint64>(e - b, 60))), dataTypeName(F::type)),
                          file_, lineNo));
    }
    FieldCursor c(b, e, F::fields);
    Row r{};
    if (!F::parse(c, r, stats_))
        return fail(Error(failMessage(c, b), file_, lineNo, columnName(F::type, c.field)));
    if (RowCheck bad = validateRow(r, nowMs_)) return fail(rowError(*bad, file_, lineNo));
    if (haveLast_) {
        const qint64 k = F::key(r), lastKey = F::key(last_);
        if (k == lastKey) {
            if (F::same(r, last_)) {
                ++stats_.duplicates;
                return {};
            }
            return fail(Error(QStringLiteral("duplicate key %1 with different values than the row before").arg(k), file_,
                              lineNo, columnName(F::type, F::keyField)));
        }
        if (k < lastKey)
            return fail(Error(QStringLiteral("out of order: %1 comes after %2").arg(k).arg(lastKey), file_, lineNo,
                              columnName(F::type, F::keyField)));
        if (F::time(r) < F::time(last_))
            return fail(Error(QStringLiteral("out of order: time %1 goes back from %2").arg(F::time(r)).arg(F::time(last_)),
                              file_, lineNo, QStringLiteral("transact_time")));
    }
    last_ = r;
    haveLast_ = true;
    ++stats_.rows;
    out.push_back(r);
    return {};
}

template class CsvParser<OpenInterestPoint>;
template class CsvParser<Candle>;
template class CsvParser<FundingPoint>;
template class CsvParser<AggTrade>;

}  // namespace lhm
