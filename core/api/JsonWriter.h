#pragma once
// Compact JSON appended straight to bytes, for the large documents of `lhm heatmap|levels|compare
// --json` and their API bodies. Building them as QJsonObject/QJsonArray and serialising through
// QJsonDocument cost about as much as the 12h model run itself (issue 10).
//
// The output is byte for byte what QJsonDocument::toJson(Compact) writes for the same values, which
// tests/core/api/tst_api.cpp holds it to (jsonWriterNumbers and the endpoint bodies):
// - numbers as QJsonValue(double) writes them: an integral value of magnitude up to 2^53 as an
//   integer, any other finite value in Qt's shortest round-trip 'g' form (e.g. 1e+21, 1.2e-05),
//   NaN and infinities as null;
// - strings with ", \, \b \f \n \r \t and other control bytes escaped (\u00xx), the rest as UTF-8;
// - object keys in QJsonObject's order, which is sorted: the caller writes them in that order
//   (checked in debug builds).
#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>

#include <vector>

namespace lhm::api {

class JsonWriter {
public:
    explicit JsonWriter(qsizetype reserveBytes = 0);
    JsonWriter(const JsonWriter &) = delete;  // buf_ points into out_
    JsonWriter &operator=(const JsonWriter &) = delete;

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // The next member's key; keys of one object must come in ascending order.
    JsonWriter &key(QLatin1String k);

    JsonWriter &value(double v);
    JsonWriter &value(int v) { return value(qint64(v)); }
    JsonWriter &value(qint64 v);
    JsonWriter &value(bool v);
    JsonWriter &value(const QString &s);
    JsonWriter &value(QLatin1String s);
    JsonWriter &value(const QJsonValue &v);  // small nested values (profiles, exchange lists)
    JsonWriter &null();

    QByteArray take() {
        out_.truncate(len_);
        buf_ = nullptr;
        len_ = 0;
        return std::move(out_);
    }

    // QJsonValue(v) as QJsonDocument writes it.
    static void appendNumber(QByteArray &out, double v);

private:
    void separate();
    // Bytes go straight into out_'s buffer, which is kept larger than what was written (len_):
    // QByteArray::append is an out-of-line insert() per call, which cost a 12h heatmap document
    // more than formatting its numbers did. room(n) makes n more bytes writable at the end.
    char *room(qsizetype n) {
        if (len_ + n > out_.size()) grow(n);
        return buf_ + len_;
    }
    void grow(qsizetype n);
    void put(char c) { *room(1) = c, ++len_; }
    void put(const char *s, qsizetype n);
    void wrote(const char *end) { len_ = end - buf_; }

    QByteArray out_;
    char *buf_ = nullptr;
    qsizetype len_ = 0;
    struct Level {
        bool first = true;
        QLatin1String lastKey;
    };
    std::vector<Level> levels_;
    bool afterKey_ = false;
};

}  // namespace lhm::api
