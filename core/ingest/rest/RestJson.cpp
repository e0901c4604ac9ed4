#include "ingest/rest/RestJson.h"

#include "common/RowValidation.h"

#include <QUrlQuery>

namespace lhm::rest {

bool jsonNumber(const QJsonValue &v, double *out) {
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    bool ok = false;
    if (v.isString()) *out = v.toString().toDouble(&ok);
    return ok;
}

bool jsonTime(const QJsonValue &v, qint64 *out) {
    qint64 t = 0;
    if (v.isDouble()) {
        const std::optional<qint64> c = toInt64Checked(v.toDouble());
        if (!c) return false;
        t = *c;
    } else if (v.isString()) {
        bool ok = false;
        t = v.toString().toLongLong(&ok);
        if (!ok) return false;
    } else {
        return false;
    }
    // Whatever the sane-range check later says, arithmetic on it (close = open + 59,999) must
    // not overflow: anything beyond year ~287,000 or negative is not a time.
    if (t < 0 || t > kMaxJsonTimeMs) return false;
    *out = t;
    return true;
}

bool jsonCount(const QJsonValue &v, qint64 *out) {
    double d = 0;
    if (!jsonNumber(v, &d)) return false;
    const std::optional<qint64> c = toInt64Checked(d);
    if (!c || *c < 0) return false;
    *out = *c;
    return true;
}

Result<QJsonDocument> parseJson(const QByteArray &json, const QString &what) {
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return Error(QStringLiteral("%1: malformed JSON: %2").arg(what, err.errorString()));
    return doc;
}

QUrl restUrl(const QString &base, const QString &path, const QList<QPair<QString, QString>> &items) {
    QUrl url(base);
    url.setPath(url.path() + path);
    QUrlQuery q;
    q.setQueryItems(items);
    url.setQuery(q);
    return url;
}

}  // namespace lhm::rest
