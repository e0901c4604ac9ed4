// Alert channels against real servers on loopback: a webhook receiver (body, signature, retries,
// timeout, unreachable host), a Telegram Bot API stand-in, a real SMTP server (aiosmtpd, with AUTH
// and STARTTLS), org.freedesktop.Notifications on a private D-Bus session bus and the tray
// fallback without it; and `lhm alerts channel set` / `lhm alerts test` end to end.
#include "PostReceiver.h"
#include "TestSupport.h"

#include "alerts/AlertDispatcher.h"
#include "alerts/EmailChannel.h"
#include "alerts/FiringJson.h"
#include "alerts/TelegramChannel.h"
#include "alerts/WebhookChannel.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>

using namespace lhm;
using namespace lhm::alerts;
using namespace lhm::test;

namespace {

Firing sampleFiring() {
    Firing f;
    f.ruleId = 7;
    f.name = QStringLiteral("btc \"95k\" longs");
    f.symbol = QStringLiteral("BTCUSDT");
    f.exchange = QStringLiteral("binance");
    f.type = RuleType::Liquidation;
    f.channels = Webhook;
    f.value = 45082.0;
    f.price = 107851.2;
    f.time = 1761126271261;
    f.firedAt = 1761126271300;
    f.message = QStringLiteral("big one");
    f.event[QStringLiteral("side")] = QStringLiteral("short");
    return f;
}

// A port nothing listens on: bound, then released.
quint16 closedPort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 p = s.serverPort();
    s.close();
    return p;
}

// The test's own org.freedesktop.Notifications, exported on a private session bus.
class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries, bodies;
public slots:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body, const QStringList &,
                const QVariantMap &, int) {
        summaries << summary;
        bodies << body;
        return uint(summaries.size());
    }
};

struct SmtpServer {
    QProcess proc;
    quint16 port = 0;
    QList<QJsonObject> messages;
    bool start(const QStringList &args) {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python)) return false;
        proc.start(python, QStringList{sourcePath(QStringLiteral("tests/support/smtp_server.py"))} + args);
        if (!proc.waitForStarted(5000)) return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            proc.waitForReadyRead(200);
            const QByteArray line = proc.readLine();
            if (line.startsWith("PORT ")) {
                port = quint16(line.mid(5).trimmed().toUInt());
                return true;
            }
            if (proc.state() == QProcess::NotRunning) return false;
        }
        return false;
    }
    bool waitMessage(int n, int ms = 10000) {
        QElapsedTimer t;
        t.start();
        while (messages.size() < n && t.elapsed() < ms) {
            proc.waitForReadyRead(100);
            while (proc.canReadLine()) {
                const QByteArray line = proc.readLine();  // aiosmtpd's own log lines are not JSON
                if (line.startsWith('{')) messages << QJsonDocument::fromJson(line).object();
            }
        }
        return messages.size() >= n;
    }
    ~SmtpServer() {
        if (proc.state() != QProcess::NotRunning) {
            proc.closeWriteChannel();
            if (!proc.waitForFinished(3000)) proc.kill(), proc.waitForFinished();
        }
    }
};

bool hasAiosmtpd() {
    return QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}) == 0;
}

}  // namespace

class TestAlertChannels : public QObject {
    Q_OBJECT
    QProcess dbus_;
    QString busAddress_;

private slots:
    // A private session bus for the desktop-notification tests; never the user's.
    void initTestCase() {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty()) {
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/lhm-test-bus");
            return;
        }
        dbus_.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY(dbus_.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(dbus_.canReadLine() || (dbus_.waitForReadyRead(100) && dbus_.canReadLine()), 5000);
        busAddress_ = QString::fromUtf8(dbus_.readLine().trimmed());
        QVERIFY(!busAddress_.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", busAddress_.toUtf8());
    }
    void cleanupTestCase() {
        if (dbus_.state() != QProcess::NotRunning) {
            dbus_.terminate();
            dbus_.waitForFinished(3000);
        }
    }

    // RFC 4231 test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?").
    void signatureMatchesRfc4231() {
        QCOMPARE(WebhookChannel::signature("what do ya want for nothing?", "Jefe"),
                 QByteArray("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void webhookBodyIsTheVersionedContract() {
        QCOMPARE(webhookBody(sampleFiring()),
                 QByteArray("{\"version\":1,\"alert_id\":7,\"name\":\"btc \\\"95k\\\" longs\",\"symbol\":\"BTCUSDT\","
                            "\"exchange\":\"binance\",\"rule\":\"liquidation\",\"message\":\"big one\",\"value\":45082,"
                            "\"price\":107851.2,\"time\":1761126271261,\"event\":{\"side\":\"short\"}}"));
    }

    void webhookSignedDeliveryAndRetries() {
        PostReceiver hook;
        QVERIFY(hook.start());
        WebhookRequest r;
        r.url = hook.baseUrl() + QStringLiteral("/hook?token=abc");
        r.secret = "s3cret";
        r.body = webhookBody(sampleFiring());
        r.backoffMs = 10;
        Delivery d = WebhookChannel::send(r);
        QVERIFY2(d.isOk(), qPrintable(d.text()));
        QCOMPARE(d.attempts, 1);
        QCOMPARE(hook.count(), 1);
        const ReceivedRequest got = hook.requests().at(0);
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.path, QStringLiteral("/hook?token=abc"));
        QCOMPARE(got.body, r.body);
        QCOMPARE(got.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(got.headers.value("x-lhm-signature"), WebhookChannel::signature(got.body, "s3cret"));
        // Unsigned without a secret.
        r.secret.clear();
        QVERIFY(WebhookChannel::send(r).isOk());
        QVERIFY(!hook.requests().at(1).headers.contains("x-lhm-signature"));

        // Two 500s, then 200: three attempts.
        hook.setReply(QStringLiteral("/flaky"), PostReply{200, "{}", 2, 0});
        r.url = hook.baseUrl() + QStringLiteral("/flaky");
        d = WebhookChannel::send(r);
        QVERIFY(d.isOk());
        QCOMPARE(d.attempts, 3);
        // Always 500: gives up after 1 + 2 retries; the reason shows the status and a redacted URL.
        hook.setReply(QStringLiteral("/down"), PostReply{200, "{}", 100, 0});
        r.url = hook.baseUrl() + QStringLiteral("/down?token=abc");
        d = WebhookChannel::send(r);
        QVERIFY(d.isFailure());
        QCOMPARE(d.attempts, 3);
        QVERIFY2(d.detail.contains(QStringLiteral("HTTP 500")) && d.detail.contains(QStringLiteral("token=***")) &&
                     !d.detail.contains(QStringLiteral("abc")),
                 qPrintable(d.detail));
        // 404 is not retried.
        hook.setReply(QStringLiteral("/gone"), PostReply{404, "{}", 0, 0});
        r.url = hook.baseUrl() + QStringLiteral("/gone");
        QCOMPARE(WebhookChannel::send(r).attempts, 1);
    }

    void webhookTimeoutAndUnreachable() {
        PostReceiver hook;
        QVERIFY(hook.start());
        hook.setReply(QStringLiteral("/slow"), PostReply{200, "{}", 0, 3000});
        WebhookRequest r;
        r.url = hook.baseUrl() + QStringLiteral("/slow");
        r.body = "{}";
        r.timeoutMs = 300;
        r.retries = 0;
        QElapsedTimer t;
        t.start();
        Delivery d = WebhookChannel::send(r);
        QVERIFY(d.isFailure());
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        r.url = QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort());
        r.retries = 1;
        r.backoffMs = 10;
        d = WebhookChannel::send(r);
        QVERIFY(d.isFailure());
        QCOMPARE(d.attempts, 2);
        QVERIFY2(d.detail.contains(QStringLiteral("onnect")), qPrintable(d.detail));
    }

    void telegramBotApi() {
        PostReceiver api;
        QVERIFY(api.start());
        const QString token = QStringLiteral("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11");
        TelegramRequest r;
        r.apiUrl = api.baseUrl() + u'/';
        r.token = token;
        r.chatId = QStringLiteral("-1001234567890");
        r.text = QStringLiteral("BTCUSDT crossed 95000");
        Delivery d = TelegramChannel::send(r);
        QVERIFY2(d.isOk(), qPrintable(d.text()));
        const ReceivedRequest got = api.requests().at(0);
        QCOMPARE(got.path, QStringLiteral("/bot") + token + QStringLiteral("/sendMessage"));
        const QJsonObject body = QJsonDocument::fromJson(got.body).object();
        QCOMPARE(body.value(QStringLiteral("chat_id")).toString(), r.chatId);
        QCOMPARE(body.value(QStringLiteral("text")).toString(), r.text);
        // A refused token: failed, not retried, and the token is not in the reason.
        api.setReply(QStringLiteral("/bot"), PostReply{401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", 0, 0});
        d = TelegramChannel::send(r);
        QVERIFY(d.isFailure());
        QCOMPARE(d.attempts, 1);
        QVERIFY2(d.detail.contains(QStringLiteral("401")) && d.detail.contains(QStringLiteral("Unauthorized")), qPrintable(d.detail));
        QVERIFY(!d.detail.contains(token));
        // 200 without "ok": true is a failure too.
        api.setReply(QStringLiteral("/bot"), PostReply{200, "{\"ok\":false}", 0, 0});
        QVERIFY(TelegramChannel::send(r).isFailure());
    }

    void emailThroughRealSmtpServer() {
        if (!hasAiosmtpd()) QSKIP("python3-aiosmtpd is not installed (packaging/install-deps.sh installs it)");
        SmtpServer smtp;
        QVERIFY(smtp.start({QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password"), QStringLiteral("pw1")}));
        EmailSettings s;
        s.smtpUrl = QStringLiteral("smtp://127.0.0.1:%1").arg(smtp.port);
        s.from = QStringLiteral("alerts@example.org");
        s.to = {QStringLiteral("a@example.org"), QStringLiteral("b@example.org")};
        s.user = QStringLiteral("alice");
        Delivery d = EmailChannel::send(s, QStringLiteral("pw1"), QStringLiteral("BTCUSDT — cascade"), QStringLiteral("line 1\n.\nline 3"),
                                        1761126271261);
        QVERIFY2(d.isOk(), qPrintable(d.text()));
        QVERIFY(smtp.waitMessage(1));
        const QJsonObject m = smtp.messages.at(0);
        QCOMPARE(m.value(QStringLiteral("from")).toString(), s.from);
        QCOMPARE(m.value(QStringLiteral("to")).toArray(), (QJsonArray{QStringLiteral("a@example.org"), QStringLiteral("b@example.org")}));
        QCOMPARE(m.value(QStringLiteral("auth")).toString(), QStringLiteral("alice"));
        QCOMPARE(m.value(QStringLiteral("tls")).toBool(), false);
        const QString data = m.value(QStringLiteral("data")).toString();
        QVERIFY2(data.contains(QStringLiteral("Subject: =?UTF-8?B?") + QString::fromLatin1(QStringLiteral("BTCUSDT — cascade").toUtf8().toBase64())),
                 qPrintable(data));
        QVERIFY2(data.contains(QStringLiteral("line 1\r\n.\r\nline 3")), qPrintable(data));  // dot-stuffing undone by the server
        QVERIFY(data.contains(QStringLiteral("Date: Wed, 22 Oct 2025 09:44:31 +0000")));
        // Wrong password: failed, password not in the reason.
        d = EmailChannel::send(s, QStringLiteral("wrong"), QStringLiteral("x"), QStringLiteral("y"), 0);
        QVERIFY(d.isFailure());
        QVERIFY(!d.detail.contains(QStringLiteral("wrong")));
        // STARTTLS required, but this server does not offer it: refused, nothing sent in clear.
        s.startTls = true;
        d = EmailChannel::send(s, QStringLiteral("pw1"), QStringLiteral("x"), QStringLiteral("y"), 0);
        QVERIFY(d.isFailure());
        QVERIFY(!smtp.waitMessage(2, 300));
        // Unreachable server.
        s.startTls = false;
        s.smtpUrl = QStringLiteral("smtp://127.0.0.1:%1").arg(closedPort());
        QVERIFY(EmailChannel::send(s, QString(), QStringLiteral("x"), QStringLiteral("y"), 0, 2000).isFailure());
    }

    void emailStartTls() {
        if (!hasAiosmtpd()) QSKIP("python3-aiosmtpd is not installed");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) QSKIP("openssl is not installed: cannot make the test certificate");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("c.pem")), key = dir.filePath(QStringLiteral("k.pem"));
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                             QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                             QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                             QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        QVERIFY(gen.waitForFinished(30000));
        QCOMPARE(gen.exitCode(), 0);
        SmtpServer smtp;
        QVERIFY(smtp.start({QStringLiteral("--cert"), cert, QStringLiteral("--key"), key, QStringLiteral("--user"), QStringLiteral("bob"),
                            QStringLiteral("--password"), QStringLiteral("pw2")}));
        EmailSettings s;
        s.smtpUrl = QStringLiteral("smtp://127.0.0.1:%1").arg(smtp.port);
        s.startTls = true;
        s.caFile = cert;
        s.from = QStringLiteral("alerts@example.org");
        s.to = {QStringLiteral("c@example.org")};
        s.user = QStringLiteral("bob");
        const Delivery d = EmailChannel::send(s, QStringLiteral("pw2"), QStringLiteral("tls"), QStringLiteral("over TLS"), 0);
        QVERIFY2(d.isOk(), qPrintable(d.text()));
        QVERIFY(smtp.waitMessage(1));
        QCOMPARE(smtp.messages.at(0).value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(smtp.messages.at(0).value(QStringLiteral("auth")).toString(), QStringLiteral("bob"));
        // Without the CA the self-signed certificate is refused.
        s.caFile.clear();
        QVERIFY(EmailChannel::send(s, QStringLiteral("pw2"), QStringLiteral("tls"), QStringLiteral("x"), 0).isFailure());
    }

    // org.freedesktop.Notifications on the private bus; after the service leaves, the desktop
    // channel falls back to the GUI's tray icon (trayMessage), or is skipped headless.
    void desktopNotificationAndFallback() {
        Firing f = sampleFiring();
        f.channels = Desktop | Popup;
        AlertDispatcher dispatcher;
        QSignalSpy delivered(&dispatcher, &AlertDispatcher::delivered);
        QSignalSpy tray(&dispatcher, &AlertDispatcher::trayMessage);
        QSignalSpy popup(&dispatcher, &AlertDispatcher::popupRequested);
        FakeNotifications service;
        if (!busAddress_.isEmpty()) {
            QDBusConnection bus = QDBusConnection::connectToBus(busAddress_, QStringLiteral("lhm-test-service"));
            QVERIFY(bus.isConnected());
            QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &service, QDBusConnection::ExportAllSlots));
            QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
            dispatcher.dispatch(f);  // runs on a pool thread while this thread serves the bus
            QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
            const QJsonObject d = delivered.at(0).at(1).toJsonObject();
            QCOMPARE(d.value(QStringLiteral("desktop")).toString(), QStringLiteral("ok"));
            QCOMPARE(d.value(QStringLiteral("popup")).toString(), QStringLiteral("skipped: no window"));
            QCOMPARE(service.summaries, QStringList{firingTitle(f)});
            QCOMPARE(service.bodies, QStringList{firingText(f)});
            QVERIFY(bus.unregisterService(QStringLiteral("org.freedesktop.Notifications")));
            QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")).value());
        }
        // Fallback: the GUI attached a tray icon and a popup.
        dispatcher.trayAttached = true;
        dispatcher.popupAttached = true;
        delivered.clear();
        dispatcher.dispatch(f);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        QCOMPARE(delivered.at(0).at(1).toJsonObject().value(QStringLiteral("desktop")).toString(), QStringLiteral("ok (tray)"));
        QCOMPARE(delivered.at(0).at(1).toJsonObject().value(QStringLiteral("popup")).toString(), QStringLiteral("ok"));
        QCOMPARE(tray.size(), 1);
        QCOMPARE(tray.at(0).at(0).toString(), firingTitle(f));
        QCOMPARE(popup.size(), 1);
        // Headless: recorded as skipped, never a failure.
        dispatcher.trayAttached = false;
        delivered.clear();
        dispatcher.dispatch(f);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        QVERIFY(delivered.at(0).at(1).toJsonObject().value(QStringLiteral("desktop")).toString().startsWith(QStringLiteral("skipped: ")));
        QCOMPARE(delivered.at(0).at(3).toInt(), 0);
    }

    // A failing channel does not hold back another: the webhook is delivered while SMTP times out.
    void channelsRunIndependently() {
        PostReceiver hook;
        QVERIFY(hook.start());
        QTcpServer blackhole;  // accepts and never speaks: the SMTP client waits for a greeting
        QVERIFY(blackhole.listen(QHostAddress::LocalHost, 0));
        ChannelSettings s;
        s.webhook.url = hook.baseUrl() + QStringLiteral("/h");
        s.email.smtpUrl = QStringLiteral("smtp://127.0.0.1:%1").arg(blackhole.serverPort());
        s.email.from = QStringLiteral("a@example.org");
        s.email.to = {QStringLiteral("b@example.org")};
        s.email.timeoutMs = 1500;
        AlertDispatcher dispatcher;
        QVERIFY(dispatcher.setSettings(s).isEmpty());
        QSignalSpy delivered(&dispatcher, &AlertDispatcher::delivered);
        Firing f = sampleFiring();
        f.channels = Webhook | Email;
        QElapsedTimer t;
        t.start();
        dispatcher.dispatch(f);
        QTRY_COMPARE_WITH_TIMEOUT(hook.count(), 1, 3000);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(delivered.size(), 0);  // e-mail still waiting
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        const QJsonObject d = delivered.at(0).at(1).toJsonObject();
        QCOMPARE(d.value(QStringLiteral("webhook")).toString(), QStringLiteral("ok"));
        QVERIFY(d.value(QStringLiteral("email")).toString().startsWith(QStringLiteral("failed: ")));
        QCOMPARE(delivered.at(0).at(3).toInt(), 1);
    }

    void cliChannelSetAndTest() {
        PostReceiver api;
        QVERIFY(api.start());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("ch.sqlite"));
        const QStringList base{QStringLiteral("--db"), db, QStringLiteral("alerts")};
        const QByteArray token = "987654:SECRETtokenVALUE";
        qputenv("LHM_TEST_TG_TOKEN", token);
        CliRun r = runCli(base + QStringList{"channel", "set", "telegram", "--token-env", "LHM_TEST_TG_TOKEN", "--chat-id", "42",
                                             "--api-url", api.baseUrl()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("no keychain available"), r.err.constData());  // LHM_KEYCHAIN=off in tests
        r = runCli(base + QStringList{"test", "--channel", "telegram", "--json"});
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        QCOMPARE(QJsonDocument::fromJson(r.out.trimmed()).object().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(api.count(), 1);
        QCOMPARE(api.requests().at(0).path, QStringLiteral("/bot") + QString::fromLatin1(token) + QStringLiteral("/sendMessage"));
        QCOMPARE(QJsonDocument::fromJson(api.requests().at(0).body).object().value(QStringLiteral("chat_id")).toString(), QStringLiteral("42"));

        // Webhook test to an unreachable host: exit 1, a clear reason; the channel settings stay.
        r = runCli(base + QStringList{"test", "--channel", "webhook", "--webhook-url",
                                      QStringLiteral("http://127.0.0.1:%1/h?key=zzz").arg(closedPort())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("webhook: failed: ") && r.out.contains("key=***") && !r.out.contains("zzz"), r.out.constData());
        // Bad input: exit 2 naming the field.
        r = runCli(base + QStringList{"channel", "set", "email", "--smtp-url", "http://mail", "--from", "a@b.c", "--to", "d@e.f"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("field 'smtp_url'"), r.err.constData());
        r = runCli(base + QStringList{"channel", "set", "email", "--smtp-url", "smtp://127.0.0.1:25", "--from", "a@b.c", "--to", "not-an-address"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("field 'to'"), r.err.constData());
        r = runCli(base + QStringList{"channel", "set", "webhook", "--url", "nope"});
        QCOMPARE(r.exitCode, 2);
        r = runCli(base + QStringList{"test", "--channel", "pigeon"});
        QCOMPARE(r.exitCode, 2);
        r = runCli(base + QStringList{"channel", "show", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(r.out.trimmed()).object();
        QCOMPARE(shown.value(QStringLiteral("telegram")).toObject().value(QStringLiteral("chat_id")).toString(), QStringLiteral("42"));
        QCOMPARE(shown.value(QStringLiteral("email")).toObject().value(QStringLiteral("configured")).toBool(), false);
        QVERIFY(!r.out.contains(token));
        // The secret is in neither the database file nor its WAL.
        for (const QString &f : {db, db + QStringLiteral("-wal")}) QVERIFY(!readFile(f).contains(token));
    }
};

LHM_TEST_MAIN(TestAlertChannels)
#include "tst_alertchannels.moc"
