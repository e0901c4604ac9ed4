#pragma once
// Helpers every exchange's REST parser shares: exchanges send numbers as strings or as JSON
// numbers (sometimes both in one payload), and every parser starts by turning bytes into a
// document with an error that says which response was malformed.
#include "common/Error.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QUrl>

namespace lhm::rest {

// A number given as a JSON number or a numeric string.
bool jsonNumber(const QJsonValue &v, double *out);
// A millisecond timestamp given as a JSON number or an integer string, within [0, kMaxJsonTimeMs]
// (false otherwise: NaN, INT64_MIN, 1e300 never reach an integer cast).
constexpr qint64 kMaxJsonTimeMs = 9'000'000'000'000'000LL;
bool jsonTime(const QJsonValue &v, qint64 *out);
// A non-negative integer count (trades) given as a number or a string, range-checked.
bool jsonCount(const QJsonValue &v, qint64 *out);
// Parses `json`; `what` names the response in the error ("klines: malformed JSON: ...").
Result<QJsonDocument> parseJson(const QByteArray &json, const QString &what);
// base + path with the query items, keeping any path prefix the base URL already has.
QUrl restUrl(const QString &base, const QString &path, const QList<QPair<QString, QString>> &items);

}  // namespace lhm::rest
