#include "ingest/rest/RestJson.h"

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
    if (v.isDouble()) {
        *out = qint64(v.toDouble());
        return true;
    }
    bool ok = false;
    if (v.isString()) *out = v.toString().toLongLong(&ok);
    return ok;
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
