#pragma once
// TstApi, declared here: its slots are defined in tst_api.cpp and tst_api_*.cpp (one executable).
#include "ApiTestKit.h"
#include "OpenApiCheck.h"
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "api/ApiServer.h"
#include "api/JsonWriter.h"
#include "api/RateLimiter.h"
#include "api/SignalQuery.h"
#include "engine/CoreEngine.h"
#include "engine/LiveSession.h"
#include "ingest/Importer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QWebSocket>

#include <cmath>
#include <cstring>

using namespace lhm;
using namespace lhm::api;
using namespace lhm::test;

constexpr qint64 kHour = 3600'000;

struct Reply {
    int status = 0;
    QByteArray body;
};

inline Reply http(const QString &method, const QUrl &url, const QByteArray &body = {}, const QByteArray &token = {}) {
    static QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty()) req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *r = nam.sendCustomRequest(req, method.toLatin1(), body);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), r->readAll()};
    r->deleteLater();
    return out;
}

inline QByteArray cliJson(const QStringList &args) {
    const CliRun r = runCli(args);
    if (r.exitCode != 0) qWarning() << "cli failed:" << args << r.err;
    return r.out.trimmed();
}

inline QString errorField(const QByteArray &body) {
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

class TstApi : public QObject {
    Q_OBJECT
    TempStore store_;
    std::unique_ptr<CoreEngine> engine_;
    std::unique_ptr<ApiServer> server_;
    std::unique_ptr<OpenApiCheck> spec_;
    QUrl url(const QString &pathAndQuery) const;
    Reply get(const QString &pathAndQuery, int wantStatus = 200);

private slots:
    void initTestCase();
    void cleanupTestCase();
    void validatorRejects();
    void healthAndExchanges();
    void latestSignalFollowsTheCandles();
    void modelEndpointsEqualTheCli();
    void jsonWriterNumbers();
    void badParameters();
    void alertsCrudEqualsTheCli();
    void streamRelaysTheRecordedReplay();
    void slowClientIsDroppedOthersKeepUp();
    void streamLimitPerAddress();
    void rateLimit();
    void tokenRequiredOffLoopback();
};
