#include "ingest/history/HistoryParsers.h"

#include "ingest/rest/RestJson.h"

namespace lhm::rest {

Error pageError(const QString &what, const QString &field, const QString &why) {
    return Error(QStringLiteral("%1: %2 %3").arg(what, field, why), {}, 0, field);
}

Result<QJsonArray> topArray(const QByteArray &json, const QString &what) {
    auto doc = parseJson(json, what);
    if (!doc) return doc.error();
    if (!doc->isArray()) return pageError(what, QStringLiteral("(root)"), QStringLiteral("is not an array"));
    return doc->array();
}

bool fundingRateValue(const QJsonValue &v, double *out) { return jsonNumber(v, out) && *out >= -1 && *out <= 1; }

}  // namespace lhm::rest
