#include "api/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <algorithm>

namespace lhm::api {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53: QJsonValue(double) keeps larger ones as doubles

char *writeUnsigned(char *p, unsigned long long n) { return std::to_chars(p, p + 20, n).ptr; }

// Qt's 'g' with FloatingPointShortest: the shortest digits that read back as v, written in
// exponent form only when that is strictly shorter than the plain form; the exponent has at least
// two digits ("1e+06", "1.2e-05").
char *writeShortest(char *out, double v) {
    char sci[32];
    const auto res = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    const char *p = sci;
    const char *end = res.ptr;
    if (*p == '-') *out++ = '-', ++p;
    char digits[24];
    int n = 0;
    for (; p < end && *p != 'e'; ++p)
        if (*p != '.') digits[n++] = *p;
    // v = d.ddd x 10^exp10 (to_chars writes no terminating zero)
    int exp10 = 0;
    const bool negativeExp = p + 1 < end && p[1] == '-';
    for (p += 2; p < end; ++p) exp10 = exp10 * 10 + (*p - '0');
    if (negativeExp) exp10 = -exp10;
    const int decpt = exp10 + 1;  // digits before the decimal point
    const int absExp = std::abs(exp10);
    const int sciLen = n + (n > 1 ? 1 : 0) + 2 + (absExp >= 100 ? 3 : 2);
    const int fixedLen = decpt >= n ? decpt : decpt > 0 ? n + 1 : 2 - decpt + n;
    if (sciLen < fixedLen) {
        *out++ = digits[0];
        if (n > 1) {
            *out++ = '.';
            out = std::copy(digits + 1, digits + n, out);
        }
        *out++ = 'e';
        *out++ = exp10 < 0 ? '-' : '+';
        if (absExp < 10) *out++ = '0';
        return writeUnsigned(out, unsigned(absExp));
    }
    if (decpt >= n) {
        out = std::copy(digits, digits + n, out);
        return std::fill_n(out, decpt - n, '0');
    }
    if (decpt > 0) {
        out = std::copy(digits, digits + decpt, out);
        *out++ = '.';
        return std::copy(digits + decpt, digits + n, out);
    }
    *out++ = '0';
    *out++ = '.';
    out = std::fill_n(out, -decpt, '0');
    return std::copy(digits, digits + n, out);
}

// QJsonValue(v) as QJsonDocument writes it; at most kMaxNumberChars.
constexpr int kMaxNumberChars = 32;
char *writeNumber(char *out, double v) {
    if (!std::isfinite(v)) return std::copy_n("null", 4, out);
    const double a = std::fabs(v);
    if (a <= kMaxExactInteger && v == std::trunc(v)) {
        if (v < 0) *out++ = '-';
        return writeUnsigned(out, (unsigned long long)a);
    }
    // Most values are cents (api::cents): below 1e13 a double is finer than 0.005, so a value equal
    // to k/100 has no shorter round-trip form than k/100's own decimals.
    if (a < 1e13) {
        const long long k = std::llround(a * 100.0);
        if (double(k) / 100.0 == a) {
            if (v < 0) *out++ = '-';
            out = writeUnsigned(out, (unsigned long long)(k / 100));
            const int cents = int(k % 100);
            *out++ = '.';
            *out++ = char('0' + cents / 10);
            if (cents % 10) *out++ = char('0' + cents % 10);
            return out;
        }
    }
    return writeShortest(out, v);
}

}  // namespace

void JsonWriter::appendNumber(QByteArray &out, double v) {
    char buf[kMaxNumberChars];
    out.append(buf, writeNumber(buf, v) - buf);
}

JsonWriter::JsonWriter(qsizetype reserveBytes) {
    out_.resize(std::max<qsizetype>(reserveBytes, 256));
    buf_ = out_.data();
    levels_.reserve(8);
}

void JsonWriter::grow(qsizetype n) {
    out_.resize(std::max(out_.size() * 2, len_ + n));
    buf_ = out_.data();
}

void JsonWriter::put(const char *s, qsizetype n) {
    std::memcpy(room(n), s, size_t(n));
    len_ += n;
}

void JsonWriter::separate() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (levels_.empty()) return;
    if (!levels_.back().first) put(',');
    levels_.back().first = false;
}

JsonWriter &JsonWriter::beginObject() {
    separate();
    put('{');
    levels_.push_back({});
    return *this;
}

JsonWriter &JsonWriter::endObject() {
    put('}');
    levels_.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray() {
    separate();
    put('[');
    levels_.push_back({});
    return *this;
}

JsonWriter &JsonWriter::endArray() {
    put(']');
    levels_.pop_back();
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1String k) {
    Q_ASSERT(!levels_.empty());
    Q_ASSERT(levels_.back().first || levels_.back().lastKey < k);
    separate();
    levels_.back().lastKey = k;
    char *p = room(k.size() + 3);
    *p++ = '"';
    p = std::copy_n(k.data(), k.size(), p);
    *p++ = '"';
    *p++ = ':';
    wrote(p);
    afterKey_ = true;
    return *this;
}

JsonWriter &JsonWriter::value(double v) {
    // The separator and the number in one append: grids are hundreds of thousands of numbers.
    char *p = room(kMaxNumberChars + 1);
    if (afterKey_) afterKey_ = false;
    else if (!levels_.empty() && !std::exchange(levels_.back().first, false)) *p++ = ',';
    wrote(writeNumber(p, v));
    return *this;
}

JsonWriter &JsonWriter::value(qint64 v) {
    separate();
    char *p = room(24);
    wrote(std::to_chars(p, p + 24, v).ptr);
    return *this;
}

JsonWriter &JsonWriter::value(bool v) {
    separate();
    if (v) put("true", 4);
    else put("false", 5);
    return *this;
}

JsonWriter &JsonWriter::null() {
    separate();
    put("null", 4);
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1String s) { return value(QString(s)); }

JsonWriter &JsonWriter::value(const QString &s) {
    separate();
    static const char hex[] = "0123456789abcdef";
    const QByteArray u = s.toUtf8();
    // At most 6 bytes per input byte (\u00xx) and the quotes.
    char *p = room(u.size() * 6 + 2);
    *p++ = '"';
    for (const char ch : u) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = ch;
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
            *p++ = 'u', *p++ = '0', *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
    }
    *p++ = '"';
    wrote(p);
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Object: {
        separate();
        const QByteArray json = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        put(json.constData(), json.size());
        return *this;
    }
    case QJsonValue::Array: {
        separate();
        const QByteArray json = QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        put(json.constData(), json.size());
        return *this;
    }
    case QJsonValue::String: return value(v.toString());
    case QJsonValue::Bool: return value(v.toBool());
    case QJsonValue::Double: return value(v.toDouble());
    case QJsonValue::Null:
    case QJsonValue::Undefined: return null();
    }
    return null();
}

}  // namespace lhm::api
