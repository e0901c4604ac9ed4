// The local API's stream beyond liquidations, end to end: a real ApiServer over a store holding the
// real Coinalyze BTCUSDT export and alert rules, a LiveSession fed by a loopback WebSocket replay
// of the real Binance forceOrder capture, and real WebSocket clients with and without filters.
// The alert messages expected are worked by hand from the capture's CSV rows; the signal message
// must equal what `lhm signals --json` prints for the same bar, with that bar's close from the CSV.
#include "ApiTestKit.h"
#include "OpenApiCheck.h"
#include "WsReplayServer.h"

#include "alerts/RuleBook.h"
#include "api/ApiServer.h"
#include "api/WsFrame.h"
#include "engine/CoreEngine.h"
#include "engine/LiveSession.h"
#include "ingest/Importer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QThread>
#include <atomic>

using namespace lhm;
using namespace lhm::api;
using namespace lhm::test;

namespace {

QList<QJsonObject> ofType(const QList<QByteArray> &messages, const char *type) {
    QList<QJsonObject> out;
    for (const QByteArray &m : messagesOfType(messages, type)) out << QJsonDocument::fromJson(m).object();
    return out;
}

// Reads until `end` has come (or 5 s); the server runs on this thread: keep its loop going.
QByteArray readUntil(QTcpSocket &s, const QByteArray &end, QByteArray got = {}) {
    for (int i = 0; i < 500 && !got.contains(end); ++i) {
        QTest::qWait(10);
        got += s.readAll();
    }
    return got;
}

// Reads one whole HTTP answer (head and Content-Length body) off the front of `got`.
QByteArray readAnswer(QTcpSocket &s, QByteArray &got) {
    got = readUntil(s, "\r\n\r\n", got);
    const qsizetype end = got.indexOf("\r\n\r\n") + 4;
    const qsizetype at = got.indexOf("Content-Length: ") + 16;
    const qsizetype size = end + got.mid(at, got.indexOf("\r\n", at) - at).toLongLong();
    for (int i = 0; i < 500 && got.size() < size; ++i) {
        QTest::qWait(10);
        got += s.readAll();
    }
    const QByteArray answer = got.left(size);
    got.remove(0, answer.size());
    return answer;
}

qint64 utcMs(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch(); }

}  // namespace

class TstApiStream : public QObject {
    Q_OBJECT

    TempStore store_;
    std::unique_ptr<OpenApiCheck> spec_;

private slots:
    void initTestCase() {
        ImportOptions o;
        o.zoneOffsetMs = 6 * 3600'000LL;  // the export's wall clock is UTC+6 (SOURCES.md)
        Importer imp(*store_.store, o);
        for (const char *f : {"open-interest-history.csv", "ohlcv-history.csv"})
            QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") + QLatin1String(f))).error);
        alerts::RuleBook book(*store_.store);
        // 1. Every ETHUSDT liquidation of at least 10,000 USD on binance, no cooldown.
        alerts::AlertRule big;
        big.name = QStringLiteral("big eth");
        big.symbol = QStringLiteral("ETHUSDT");
        big.exchanges = {QStringLiteral("binance")};
        big.type = alerts::RuleType::Liquidation;
        big.params.minNotional = 10000;
        big.cooldownMs = 0;
        QVERIFY2(book.save(big), "big");
        // 2. A BTCUSDT cascade: 3 liquidations within 5 s, then quiet for 60 s of exchange time.
        alerts::AlertRule cascade;
        cascade.name = QStringLiteral("btc cascade");
        cascade.symbol = QStringLiteral("BTCUSDT");
        cascade.type = alerts::RuleType::Cascade;
        cascade.params.count = 3;
        cascade.params.windowS = 5;
        cascade.cooldownMs = 60000;
        QVERIFY(book.save(cascade));
        // 3. Would fire on every ETHUSDT event, but it is disabled; 4. only okx, which the replay is not.
        alerts::AlertRule off = big;
        off.id = 0;
        off.name = QStringLiteral("disabled");
        off.params.minNotional = 1;
        off.enabled = false;
        { const Status st = book.save(off); QVERIFY2(st, st ? "" : qPrintable(st.error().toString())); }
        alerts::AlertRule okx = off;
        okx.id = 0;
        okx.name = QStringLiteral("okx only");
        okx.enabled = true;
        okx.exchanges = {QStringLiteral("okx")};
        QVERIFY(book.save(okx));
        store_.store.reset();
        spec_ = std::make_unique<OpenApiCheck>(sourcePath(QStringLiteral("docs/openapi.yaml")));
    }

    void framingAsRfc6455Examples() {
        // RFC 6455 section 1.3: the handshake's worked example.
        QCOMPARE(ws::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        // Section 5.7: an unmasked "Hello", an unmasked ping, and 256 / 65536-byte length forms.
        QCOMPARE(ws::textFrame("Hello"), QByteArray::fromHex("810548656c6c6f"));
        QCOMPARE(ws::frame(ws::kPing, "Hello"), QByteArray::fromHex("890548656c6c6f"));
        QCOMPARE(ws::frame(ws::kBinary, QByteArray(256, 'x')).left(4), QByteArray::fromHex("827e0100"));
        QCOMPARE(ws::frame(ws::kBinary, QByteArray(65536, 'x')).left(10), QByteArray::fromHex("827f0000000000010000"));
        // Close: code 4008 big-endian (0x0fa8), then the reason.
        QCOMPARE(ws::closeFrame(4008, QStringLiteral("slow")), QByteArray::fromHex("88060fa8") + "slow");
        QCOMPARE(ws::closeFrame(1000, QString(200, u'\u00e9')).size(), 2 + 2 + 122);  // 61 two-byte characters fit in 123
        // Section 5.7's masked "Hello" and masked pong, split anywhere, read back.
        const QByteArray maskedHello = QByteArray::fromHex("818537fa213d7f9f4d5158");
        const QByteArray maskedPong = QByteArray::fromHex("8a8537fa213d7f9f4d5158");
        ws::FrameReader reader;
        QList<ws::Frame> frames;
        QVERIFY(reader.feed(maskedHello.left(3), &frames));
        QCOMPARE(frames.size(), 0);
        QVERIFY(reader.feed(maskedHello.mid(3) + maskedPong, &frames));
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames[0].opcode, ws::kText);
        QCOMPARE(frames[0].payload, QByteArray("Hello"));
        QCOMPARE(frames[1].opcode, ws::kPong);
        QCOMPARE(frames[1].payload, QByteArray("Hello"));
        // Violations: a client frame without a mask (1002), one over the payload limit (1009).
        ws::FrameReader unmasked;
        QVERIFY(!unmasked.feed(QByteArray::fromHex("810548656c6c6f"), &frames));
        QCOMPARE(unmasked.errorCode(), quint16(1002));
        ws::FrameReader small(100);
        QVERIFY(!small.feed(QByteArray::fromHex("81fe0065"), &frames));  // masked, 101 bytes announced
        QCOMPARE(small.errorCode(), quint16(1009));
    }

    void rawClientHandshakeAndControlFrames() {
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        QVERIFY(server.start(opt));
        auto upgrade = [&](QTcpSocket &s, const QByteArray &version) {
            s.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(s.waitForConnected(5000));
            s.write("GET /ws/liquidations HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: " + version + "\r\n\r\n");
        };
        // Version 8 is refused with 426 naming version 13.
        QTcpSocket old;
        upgrade(old, "8");
        QVERIFY(readUntil(old, "\r\n\r\n").startsWith("HTTP/1.1 426"));
        // Version 13: 101 with the RFC's accept key; a masked ping "Hello" gets an unmasked pong "Hello".
        QTcpSocket s;
        upgrade(s, "13");
        const QByteArray head = readUntil(s, "\r\n\r\n");
        QVERIFY(head.startsWith("HTTP/1.1 101"));
        QVERIFY(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QTRY_COMPARE(server.hub()->clientCount(), 1);
        s.write(QByteArray::fromHex("898537fa213d7f9f4d5158"));
        QCOMPARE(readUntil(s, "Hello"), QByteArray::fromHex("8a0548656c6c6f"));
        // An unmasked frame breaks the protocol: close 1002, then the server ends the connection.
        s.write(QByteArray::fromHex("810548656c6c6f"));
        const QByteArray close = readUntil(s, "masked");
        QCOMPARE(close.left(4), QByteArray::fromHex("881e03ea"));  // 2 + 28 bytes, code 1002
        QCOMPARE(close.mid(4), QByteArray("client frames must be masked"));
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 5000);
        QTRY_COMPARE(server.hub()->clientCount(), 0);
    }

    void upgradeOnKeepAliveConnection() {
        // HTTP requests first, then the upgrade on the same connection: the stream takes it. The
        // second request and the upgrade arrive in two pieces each, so QtHttpServer has begun
        // parsing them when the rest comes.
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        QVERIFY(server.start(opt));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(5000));
        QByteArray got;
        s.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray first = readAnswer(s, got);
        QVERIFY2(first.startsWith("HTTP/1.1 200"), first.constData());
        QVERIFY(!first.contains("Connection: close"));
        s.write("GET /exchanges HTTP/1.1\r\nHo");
        QTest::qWait(50);
        s.write("st: x\r\n\r\n");
        const QByteArray second = readAnswer(s, got);
        QVERIFY2(second.startsWith("HTTP/1.1 200"), second.constData());
        QVERIFY(second.contains("{\"exchanges\":["));
        s.write("GET /ws/liquidations HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n");
        QTest::qWait(50);
        s.write("Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        got = readUntil(s, "\r\n\r\n", got);
        QVERIFY2(got.startsWith("HTTP/1.1 101"), got.constData());
        QVERIFY(got.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QTRY_COMPARE(server.hub()->clientCount(), 1);
        got.remove(0, got.indexOf("\r\n\r\n") + 4);
        // A stream now: a masked ping "Hello" gets an unmasked pong "Hello" and nothing else.
        s.write(QByteArray::fromHex("898537fa213d7f9f4d5158"));
        QCOMPARE(readUntil(s, "Hello", got), QByteArray::fromHex("8a0548656c6c6f"));
        QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
        s.close();
        QTRY_COMPARE(server.hub()->clientCount(), 0);
    }

    void pipelinedUpgradeIsRefused() {
        // The upgrade sent while the request before it is still being answered: 400 naming the
        // upgrade, then the connection closes (that answer must not land in a stream). Both of the
        // engine's workers are held, so the first answer cannot be ready before the upgrade comes.
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        QVERIFY(server.start(opt));
        std::atomic_bool release{false};
        const auto unblock = qScopeGuard([&release] { release = true; });  // also when a check fails
        for (int i = 0; i < 2; ++i)
            engine.runWithStore([&release](Result<Store *>) {
                while (!release.load()) QThread::msleep(5);
            });
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(5000));
        s.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::qWait(100);  // the server reads it and queues it behind the held workers
        s.write("GET /ws/liquidations HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray got;
        for (int i = 0; i < 500 && s.state() == QAbstractSocket::ConnectedState; ++i) {
            QTest::qWait(10);
            got += s.readAll();
        }
        got += s.readAll();
        release = true;
        QCOMPARE(s.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(got.startsWith("HTTP/1.1 400"), got.constData());
        QVERIFY2(got.contains("Connection: close\r\n"), got.constData());
        QVERIFY2(got.endsWith("{\"error\":{\"field\":\"upgrade\",\"message\":\"WebSocket upgrade sent before the previous response "
                              "on this connection was read\"}}"),
                 got.constData());
        QCOMPARE(server.hub()->clientCount(), 0);
        engine.waitForIdle();
        QTest::qWait(50);  // the held answer reaches the server's thread and is dropped
    }

    void silentConnectionsAreClosed() {
        // A client that connects and never finishes its request head is closed after the head
        // timeout; one that sends a whole request in time is answered.
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        opt.headTimeoutMs = 300;
        QVERIFY(server.start(opt));
        QTcpSocket silent, partial, prompt;
        for (QTcpSocket *s : {&silent, &partial, &prompt}) {
            s->connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(s->waitForConnected(5000));
        }
        partial.write("GET /health HTTP/1.1\r\nHost: x\r\n");  // no blank line: the head never ends
        prompt.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(partial.state(), QAbstractSocket::UnconnectedState, 5000);
        QByteArray answer = prompt.readAll();
        for (int i = 0; i < 100 && !answer.contains("\r\n\r\n"); ++i) {
            QTest::qWait(10);
            answer += prompt.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QCOMPARE(prompt.state(), QAbstractSocket::ConnectedState);
    }

    void alertAndSignalMessages() {
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        opt.signalIntervalMs = 100;
        QVERIFY(server.start(opt));
        const QString ws = server.address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations");
        StreamClient all{QUrl(ws)};
        StreamClient eth{QUrl(ws + QStringLiteral("?symbols=ETHUSDT"))};
        StreamClient okx{QUrl(ws + QStringLiteral("?exchanges=okx"))};
        QTRY_COMPARE(server.hub()->clientCount(), 3);

        const Recording rec = recording();
        WsReplayServer replay(rec.frames);
        replay.setRate(400);
        QVERIFY(replay.listen());
        LiveSession live;
        const LiveOptions lo = replayLiveOptions(replay);
        server.setLiveSession(&live);
        QTRY_COMPARE(server.alertRelay()->ruleCount(), 4);  // every stored rule the relay can evaluate
        QVERIFY(!live.start(lo));
        QTRY_VERIFY_WITH_TIMEOUT(replay.allSent(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(ofType(all.messages, "liquidation").size(), 49, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(ofType(all.messages, "alert").size(), 6, 5000);

        // By hand from the CSV, in time order. ETHUSDT rows with avg_price x filled_qty >= 10,000:
        // 09:38:28.396 3844.54 x 9.996, 09:38:52.295 3844.19 x 3.681, 09:39:23.368 3841.71 x 16.289,
        // 09:44:35.096 3834.69 x 4.922. BTCUSDT cascades (3 within 5 s, 60 s apart): 09:42:51.103,
        // 52.357, 55.131 -> fires at 55.131 (107837.9); the next 3-in-5 s after 09:43:55 is
        // 09:45:03.386, 06.323, 08.092 -> fires at 08.092 (107754.0); 09.200 and 10.256 are in its cooldown.
        struct Want {
            const char *name, *rule, *time;
            double price, value;
        };
        const Want want[] = {
            {"big eth", "liquidation", "2025-10-22T09:38:28.396Z", 3844.54, 3844.54 * 9.996},
            {"big eth", "liquidation", "2025-10-22T09:38:52.295Z", 3844.19, 3844.19 * 3.681},
            {"big eth", "liquidation", "2025-10-22T09:39:23.368Z", 3841.71, 3841.71 * 16.289},
            {"btc cascade", "cascade", "2025-10-22T09:42:55.131Z", 107837.9, 3},
            {"big eth", "liquidation", "2025-10-22T09:44:35.096Z", 3834.69, 3834.69 * 4.922},
            {"btc cascade", "cascade", "2025-10-22T09:45:08.092Z", 107754.0, 3},
        };
        const QList<QJsonObject> alerts = ofType(all.messages, "alert");
        for (int i = 0; i < 6; ++i) {
            const QJsonObject &a = alerts[i];
            QCOMPARE(a.value(QStringLiteral("name")).toString(), QLatin1String(want[i].name));
            QCOMPARE(a.value(QStringLiteral("rule")).toString(), QLatin1String(want[i].rule));
            QCOMPARE(qint64(a.value(QStringLiteral("time")).toDouble()), utcMs(want[i].time));
            QCOMPARE(a.value(QStringLiteral("price")).toDouble(), want[i].price);
            QCOMPARE(a.value(QStringLiteral("exchange")).toString(), QStringLiteral("binance"));
            QVERIFY(qAbs(a.value(QStringLiteral("value")).toDouble() - want[i].value) < 1e-6);
            QVERIFY(!a.value(QStringLiteral("message")).toString().isEmpty());
        }
        for (const QByteArray &m : all.messages)
            if (m.startsWith(R"({"type":"alert")")) QVERIFY2(spec_->checkSchema(QStringLiteral("AlertMessage"), m).isEmpty(), m.constData());
        // Filters: the ETHUSDT client gets the four ETH alerts only; the okx client nothing at all.
        QCOMPARE(ofType(eth.messages, "alert").size(), 4);
        QCOMPARE(ofType(eth.messages, "signal").size(), 0);  // the store has no ETHUSDT series
        QCOMPARE(okx.messages.size(), 0);

        // The signal of the newest closed bar (20:00-21:00 UTC on 2024-08-19, the CSV's 02:00 row at
        // UTC+6, close 59048.2), sent once: live events re-evaluate it, but it does not change.
        QTRY_COMPARE(ofType(all.messages, "signal").size(), 1);
        const QByteArray signalMessage = messagesOfType(all.messages, "signal").value(0);
        QVERIFY2(spec_->checkSchema(QStringLiteral("SignalMessage"), signalMessage).isEmpty(), signalMessage.constData());
        QJsonObject signal = QJsonDocument::fromJson(signalMessage).object();
        QCOMPARE(signal.value(QStringLiteral("price")).toDouble(), 59048.2);
        QCOMPARE(signal.value(QStringLiteral("exchange")).toString(), QStringLiteral("binance"));
        const CliRun cli = runCli({QStringLiteral("signals"), QStringLiteral("--db"), store_.path, QStringLiteral("--json"), QStringLiteral("--symbol"),
                                   QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("2024-08-19T21:00:00Z")});
        QCOMPARE(cli.exitCode, 0);
        signal.remove(QStringLiteral("type"));
        signal.remove(QStringLiteral("exchange"));
        QCOMPARE(signal, QJsonDocument::fromJson(cli.out).object());

        // A client that connects later gets the current signal at once.
        StreamClient late{QUrl(ws + QStringLiteral("?symbols=BTCUSDT"))};
        QTRY_COMPARE(late.messages.size(), 1);
        QCOMPARE(late.messages.at(0), signalMessage);

        // Nothing was dispatched or recorded: `lhm alerts watch` alone delivers and keeps firings.
        live.stop();
        auto store = Store::open(store_.path);
        QVERIFY(store);
        QCOMPARE(alerts::RuleBook(**store).history().size(), size_t(0));
    }
};

LHM_TEST_MAIN(TstApiStream)
#include "tst_apistream.moc"
