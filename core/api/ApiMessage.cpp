#include "api/ApiMessage.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lhm::api {

ApiResponse ApiResponse::error(int status, const QString &field, const QString &message) {
    const QJsonObject e{{"field", field.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(field)}, {"message", message}};
    return json(QJsonDocument(QJsonObject{{"error", e}}).toJson(QJsonDocument::Compact), status);
}

ApiResponse ApiResponse::json(QByteArray body, int status) {
    ApiResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

const char *statusText(int status) {
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

}  // namespace lhm::api
