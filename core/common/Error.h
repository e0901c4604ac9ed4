#pragma once
// Errors travel as values. An Error names where the bad input is (file, line, field) so the
// message a user sees can point at it; any of those may be empty when not applicable.
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace lhm {

struct Error {
    QString message;
    QString file;
    qint64 line = 0;  // 1-based; 0 = not applicable
    QString field;

    Error() = default;
    explicit Error(QString msg) : message(std::move(msg)) {}
    Error(QString msg, QString f, qint64 ln = 0, QString fld = {})
        : message(std::move(msg)), file(std::move(f)), line(ln), field(std::move(fld)) {}

    // "file:line: field 'x': message" — the single line the CLI prints on stderr.
    QString toString() const {
        QString out;
        if (!file.isEmpty()) {
            out += file;
            if (line > 0) out += QStringLiteral(":%1").arg(line);
            out += QStringLiteral(": ");
        }
        if (!field.isEmpty()) out += QStringLiteral("field '%1': ").arg(field);
        out += message;
        return out;
    }
};

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error e) : v_(std::move(e)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(v_); }
    const T &value() const { return std::get<0>(v_); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result for operations that return nothing on success.
class Status {
public:
    Status() = default;
    Status(Error e) : err_(std::move(e)) {}
    static Status success() { return {}; }
    bool ok() const { return !err_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *err_; }

private:
    std::optional<Error> err_;
};

}  // namespace lhm
