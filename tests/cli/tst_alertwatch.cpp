// `lhm alerts watch` end to end: the real Binance forceOrder recording (chiefJurist capture, all
// 949 events, replayed as stream frames by a QWebSocketServer on loopback) drives the headless
// watcher, which must deliver exactly the qualifying events to a loopback webhook — signed,
// cooldown respected, each within 1 s of its frame — record them in the history, never fire a
// deleted rule, and turn a burst over the flood cap into one summary.
#include "ForceOrderCapture.h"
#include "PostReceiver.h"
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "alerts/WebhookChannel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace lhm;
using namespace lhm::alerts;
using namespace lhm::test;

namespace {

// Qualifying times, worked out from the CSV alone: symbol, threshold, side, then a cooldown on
// exchange time.
std::vector<qint64> expectedTimes(const QList<LiquidationEvent> &rows, const QString &symbol, double minNotional, bool longsOnly,
                                  qint64 cooldownMs) {
    std::vector<qint64> out;
    for (const LiquidationEvent &r : rows) {
        if (r.symbol != symbol || r.notional < minNotional || (longsOnly && r.side != Side::Long)) continue;
        if (!out.empty() && cooldownMs > 0 && r.time - out.back() < cooldownMs) continue;
        out.push_back(r.time);
    }
    return out;
}

QList<QJsonObject> jsonLines(const QByteArray &out, const QString &type) {
    QList<QJsonObject> list;
    for (const QByteArray &l : out.trimmed().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        if (o.value(QStringLiteral("type")).toString() == type) list << o;
    }
    return list;
}

QByteArray runWatch(const QString &db, const WsReplayServer &server, const QStringList &extra) {
    QProcess p;
    p.start(cliPath(), QStringList{QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("watch"), QStringLiteral("--exchange"),
                                   QStringLiteral("binance"), QStringLiteral("--symbols"), QStringLiteral("BTCUSDT,ETHUSDT"), QStringLiteral("--url"),
                                   QStringLiteral("binance=") + server.url().toString(), QStringLiteral("--duration"), QStringLiteral("5")} +
                           extra);
    if (!p.waitForStarted()) return {};
    // Keep this thread's event loop running: the replay server lives here.
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 30000) QTest::qWait(20);
    const QByteArray err = p.readAllStandardError();
    if (p.exitCode() != 0) qWarning() << "watch failed:" << err;
    return p.readAllStandardOutput();
}

}  // namespace

class TestAlertWatch : public QObject {
    Q_OBJECT
private slots:
    void replayDeliversExactlyTheQualifyingEvents() {
        const ForceOrderCapture rec = forceOrderCapture();
        QCOMPARE(rec.frames.size(), 949);
        PostReceiver hook;
        QVERIFY(hook.start());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("watch.sqlite"));
        const QStringList base{QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("add")};
        qputenv("LHM_TEST_HOOK_SECRET", "whsec-test-1");
        // 1: BTCUSDT liquidations >= 1,000 USD, default 5 s cooldown, signed webhook.
        CliRun r = runCli(base + QStringList{"--name", "btc 1k", "--symbol", "BTCUSDT", "--exchange", "binance", "--type", "liquidation",
                                             "--min-notional", "1000", "--channels", "webhook", "--webhook-url",
                                             hook.baseUrl() + "/btc", "--webhook-secret-env", "LHM_TEST_HOOK_SECRET"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // 2: ETHUSDT long liquidations >= 5,000 USD, every one (cooldown off).
        r = runCli(base + QStringList{"--name", "eth longs", "--symbol", "ETHUSDT", "--type", "liquidation", "--min-notional", "5000",
                                      "--side", "long", "--cooldown-s", "0", "--channels", "webhook", "--webhook-url", hook.baseUrl() + "/eth"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // 3: would fire on every BTCUSDT event, but is deleted before the watch starts.
        r = runCli(base + QStringList{"--name", "gone", "--symbol", "BTCUSDT", "--type", "liquidation", "--min-notional", "1", "--channels",
                                      "webhook", "--webhook-url", hook.baseUrl() + "/gone"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("rm"), QStringLiteral("3")}).exitCode, 0);

        // By hand from the CSV: BTCUSDT >= 1,000 at 09:41:17.362, 09:43:40.322, 09:43:57.284,
        // 09:44:31.261, 09:45:03.386, [09:45:06.323 and 09:45:08.092 fall inside the 5 s
        // cooldown], 09:45:21.545 -> 6. ETHUSDT longs >= 5,000: 09:38:28.396, 09:38:52.295,
        // 09:39:23.368, 09:41:55.627, 09:42:52.091, 09:44:35.096, 09:45:43.106 -> 7 (4,954.71 is under).
        const std::vector<qint64> btc = expectedTimes(rec.events, QStringLiteral("BTCUSDT"), 1000, false, 5000);
        const std::vector<qint64> eth = expectedTimes(rec.events, QStringLiteral("ETHUSDT"), 5000, true, 0);
        QCOMPARE(btc.size(), size_t(6));
        QCOMPARE(eth.size(), size_t(7));
        QCOMPARE(expectedTimes(rec.events, QStringLiteral("BTCUSDT"), 1000, false, 0).size(), size_t(8));  // what the cooldown removes

        WsReplayServer server(rec.frames);
        server.setRate(300);  // ~3.2 s for the whole capture
        QVERIFY(server.listen());
        const QByteArray out = runWatch(db, server, {});
        QVERIFY(server.allSent());

        const QList<QJsonObject> alerts = jsonLines(out, QStringLiteral("alert"));
        QCOMPARE(alerts.size(), 13);
        std::vector<qint64> gotBtc, gotEth;
        for (const QJsonObject &a : alerts) {
            const qint64 id = a.value(QStringLiteral("alert_id")).toInteger();
            (id == 1 ? gotBtc : gotEth).push_back(a.value(QStringLiteral("time")).toInteger());
            QVERIFY(id == 1 || id == 2);
            QCOMPARE(a.value(QStringLiteral("rule")).toString(), QStringLiteral("liquidation"));
            QCOMPARE(a.value(QStringLiteral("exchange")).toString(), QStringLiteral("binance"));
            QCOMPARE(a.value(QStringLiteral("deliveries")).toObject().value(QStringLiteral("webhook")).toString(), QStringLiteral("ok"));
            const qint64 latency = a.value(QStringLiteral("latency_ms")).toInteger();
            QVERIFY2(latency >= 0 && latency < 1000, qPrintable(QString::number(latency)));
        }
        QCOMPARE(alerts.first().keys().size(), 11);
        QVERIFY(out.startsWith(R"({"type":"alert","alert_id":)"));
        QCOMPARE(gotBtc, btc);
        QCOMPARE(gotEth, eth);
        const QList<QJsonObject> summary = jsonLines(out, QStringLiteral("summary"));
        QCOMPARE(summary.size(), 1);
        // 16 BTCUSDT + 33 ETHUSDT events reach the evaluator; the other 900 symbols are not followed.
        QCOMPARE(summary[0].value(QStringLiteral("events")).toInteger(), qint64(49));
        QCOMPARE(summary[0].value(QStringLiteral("alerts_fired")).toInteger(), qint64(13));
        QCOMPARE(summary[0].value(QStringLiteral("suppressed")).toInteger(), qint64(0));
        QCOMPARE(summary[0].value(QStringLiteral("delivery_failures")).toInteger(), qint64(0));

        // The webhook got exactly those, signed, each within 1 s of its frame's arrival.
        std::vector<qint64> hookBtc, hookEth;
        for (const ReceivedRequest &req : hook.requests()) {
            QVERIFY2(req.path == QLatin1String("/btc") || req.path == QLatin1String("/eth"), qPrintable(req.path));
            const QJsonObject body = QJsonDocument::fromJson(req.body).object();
            QCOMPARE(body.value(QStringLiteral("version")).toInt(), 1);
            const QJsonObject event = body.value(QStringLiteral("event")).toObject();
            const qint64 arrivedToDelivered = req.receivedAtMs - event.value(QStringLiteral("receive_time")).toInteger();
            QVERIFY2(arrivedToDelivered >= 0 && arrivedToDelivered < 1000, qPrintable(QString::number(arrivedToDelivered)));
            if (req.path == QLatin1String("/btc")) {
                QCOMPARE(req.headers.value("x-lhm-signature"), WebhookChannel::signature(req.body, "whsec-test-1"));
                hookBtc.push_back(body.value(QStringLiteral("time")).toInteger());
            } else {
                QVERIFY(!req.headers.contains("x-lhm-signature"));
                QCOMPARE(event.value(QStringLiteral("side")).toString(), QStringLiteral("long"));
                QVERIFY(body.value(QStringLiteral("value")).toDouble() >= 5000);
                hookEth.push_back(body.value(QStringLiteral("time")).toInteger());
            }
        }
        std::sort(hookBtc.begin(), hookBtc.end());
        std::sort(hookEth.begin(), hookEth.end());
        QCOMPARE(hookBtc, btc);
        QCOMPARE(hookEth, eth);

        // The history holds every firing with its delivery result, and the rule its count.
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("history"), QStringLiteral("--id"), QStringLiteral("1"),
                    QStringLiteral("--json")});
        const QJsonArray hist = QJsonDocument::fromJson(r.out.trimmed()).array();
        QCOMPARE(hist.size(), 6);
        for (const QJsonValue &h : hist)
            QCOMPARE(h.toObject().value(QStringLiteral("deliveries")).toObject().value(QStringLiteral("webhook")).toString(), QStringLiteral("ok"));
        QCOMPARE(hist.at(0).toObject().value(QStringLiteral("time")).toInteger(), btc.back());  // newest first
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray rules = QJsonDocument::fromJson(r.out.trimmed()).array();
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("fire_count")).toInteger(), qint64(6));
        QCOMPARE(rules.at(1).toObject().value(QStringLiteral("fire_count")).toInteger(), qint64(7));

        // The same replay with a global cap of 3 a minute: 3 alerts go out, the other 10 become
        // one summary notification (delivered to the webhook of a held-back rule).
        const int before = hook.count();
        WsReplayServer again(rec.frames);
        again.setRate(300);
        QVERIFY(again.listen());
        const QByteArray capped = runWatch(db, again, {QStringLiteral("--max-per-minute"), QStringLiteral("3")});
        QCOMPARE(jsonLines(capped, QStringLiteral("alert")).size(), 3);
        const QList<QJsonObject> held = jsonLines(capped, QStringLiteral("alert_summary"));
        QCOMPARE(held.size(), 1);
        QCOMPARE(held[0].value(QStringLiteral("suppressed")).toInt(), 10);
        const QJsonObject s2 = jsonLines(capped, QStringLiteral("summary")).value(0);
        QCOMPARE(s2.value(QStringLiteral("alerts_fired")).toInteger(), qint64(3));
        QCOMPARE(s2.value(QStringLiteral("suppressed")).toInteger(), qint64(10));
        QCOMPARE(hook.count(), before + 4);
        const QJsonObject summaryBody = QJsonDocument::fromJson(hook.requests().last().body).object();
        QCOMPARE(summaryBody.value(QStringLiteral("rule")).toString(), QStringLiteral("summary"));
        QCOMPARE(summaryBody.value(QStringLiteral("value")).toDouble(), 10.0);
    }

    void watchBadInput() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("w.sqlite"));
        CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("watch"), QStringLiteral("--max-per-minute"),
                           QStringLiteral("-1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("field 'max_per_minute'"), r.err.constData());
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("watch"), QStringLiteral("--exchange"), QStringLiteral("kraken")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("alerts"), QStringLiteral("watch"), QStringLiteral("--url"), QStringLiteral("nonsense")});
        QCOMPARE(r.exitCode, 2);
    }
};

LHM_TEST_MAIN(TestAlertWatch)
#include "tst_alertwatch.moc"
