#pragma once
// Field readers for the frame parsers, over FastJson views. Exchanges send numbers as strings
// ("61800.30") and sometimes as JSON numbers; both are accepted. Every failure is recorded as a
// ParseError value naming the field, so a parser can bail out of a record with one `if`.
#include "feeds/FastJson.h"
#include "feeds/FeedTypes.h"

#include <cmath>
#include <string_view>

namespace lhm::feeds::json {

using View = FastJson::View;

inline void fail(FrameResult &out, ParseErrorKind k, std::string_view detail) {
    out.errors.push_back({k, QString::fromUtf8(detail.data(), qsizetype(detail.size()))});
}

// Parses a frame into `doc` and checks the top level is an object (MalformedJson / NotAnObject).
inline bool parseObject(FastJson &doc, const QByteArray &frame, View *root, FrameResult &out) {
    if (!doc.parse(std::string_view(frame.constData(), size_t(frame.size())))) {
        fail(out, ParseErrorKind::MalformedJson, doc.error());
        return false;
    }
    if (!doc.root().isObject()) {
        fail(out, ParseErrorKind::NotAnObject, "top level");
        return false;
    }
    *root = doc.root();
    return true;
}

// A finite number from a JSON number or a numeric string.
inline bool number(View o, std::string_view key, double *v, FrameResult &out) {
    const View j = o[key];
    if (!j.isValid()) {
        fail(out, ParseErrorKind::MissingField, key);
        return false;
    }
    if (!j.isNumber() && !j.isString()) {
        fail(out, ParseErrorKind::WrongType, key);
        return false;
    }
    if (!j.toDouble(v) || !std::isfinite(*v)) {
        fail(out, ParseErrorKind::BadValue, key);
        return false;
    }
    return true;
}

// Like number() but absent is fine (returns false without an error).
inline bool optionalNumber(View o, std::string_view key, double *v, FrameResult &out) {
    if (!o.contains(key)) return false;
    return number(o, key, v, out);
}

// A millisecond timestamp from a JSON number or a numeric string ("1680173247614").
inline bool millis(View o, std::string_view key, qint64 *v, FrameResult &out) {
    double d = 0;
    if (!number(o, key, &d, out)) return false;
    if (d < 0 || d > 9.0e15) {
        fail(out, ParseErrorKind::BadValue, key);
        return false;
    }
    *v = qint64(d);
    return true;
}

// A string member; *v is its raw text (exchanges' enum values and symbols carry no escapes).
inline bool string(View o, std::string_view key, View *v, FrameResult &out) {
    const View j = o[key];
    if (!j.isValid()) {
        fail(out, ParseErrorKind::MissingField, key);
        return false;
    }
    if (!j.isString()) {
        fail(out, ParseErrorKind::WrongType, key);
        return false;
    }
    *v = j;
    return true;
}

inline bool member(View o, std::string_view key, FastJson::Type type, View *v, FrameResult &out) {
    const View j = o[key];
    if (!j.isValid()) {
        fail(out, ParseErrorKind::MissingField, key);
        return false;
    }
    if (j.type() != type) {
        fail(out, ParseErrorKind::WrongType, key);
        return false;
    }
    *v = j;
    return true;
}
inline bool object(View o, std::string_view key, View *v, FrameResult &out) { return member(o, key, FastJson::Type::Object, v, out); }
inline bool array(View o, std::string_view key, View *v, FrameResult &out) { return member(o, key, FastJson::Type::Array, v, out); }

// Price and quantity must be strictly positive to make an event.
inline bool positive(double v, std::string_view key, FrameResult &out) {
    if (v > 0) return true;
    fail(out, ParseErrorKind::BadValue, key);
    return false;
}

}  // namespace lhm::feeds::json
