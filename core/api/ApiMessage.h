#pragma once
// One HTTP exchange of the local API as plain values: the server copies what it needs out of the
// socket's request, a worker turns it into a response, and the server writes that back. Nothing
// here touches a socket, so handlers run on any thread.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace lhm::api {

struct ApiRequest {
    QByteArray method;                        // GET, POST, PUT, DELETE, OPTIONS
    QString path;                             // decoded, without the query
    QList<QPair<QString, QString>> query;     // decoded, in order
    QByteArray body;
    QString client;                           // remote address
};

struct ApiResponse {
    int status = 200;
    QByteArray body;                          // JSON
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    // {"error":{"field":…,"message":…}} with `status` (field null when no parameter is at fault).
    static ApiResponse error(int status, const QString &field, const QString &message);
    static ApiResponse json(QByteArray body, int status = 200);
};

const char *statusText(int status);

}  // namespace lhm::api
