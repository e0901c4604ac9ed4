// The local API end to end: a real ApiServer on loopback over a store holding the real Coinalyze
// BTCUSDT export, asked with real HTTP requests (QNetworkAccessManager). Every answer is checked
// against docs/openapi.yaml and, for the model endpoints, byte for byte against what the real
// `lhm ... --json` prints. The live stream relays a replay of the real Binance forceOrder capture
// (served by a loopback QWebSocketServer into LiveSession); bad parameters, the token off
// loopback, the rate limit, the stream limit and the slow-client drop are exercised for real.
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

namespace {

constexpr qint64 kHour = 3600'000;

struct Reply {
    int status = 0;
    QByteArray body;
};

Reply http(const QString &method, const QUrl &url, const QByteArray &body = {}, const QByteArray &token = {}) {
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

QByteArray cliJson(const QStringList &args) {
    const CliRun r = runCli(args);
    if (r.exitCode != 0) qWarning() << "cli failed:" << args << r.err;
    return r.out.trimmed();
}

QString errorField(const QByteArray &body) {
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

}  // namespace

class TstApi : public QObject {
    Q_OBJECT

    TempStore store_;
    std::unique_ptr<CoreEngine> engine_;
    std::unique_ptr<ApiServer> server_;
    std::unique_ptr<OpenApiCheck> spec_;

    QUrl url(const QString &pathAndQuery) const {
        return QUrl(server_->address() + pathAndQuery);
    }
    // GET, checked against the document; returns the reply.
    Reply get(const QString &pathAndQuery, int wantStatus = 200) {
        const Reply r = http(QStringLiteral("GET"), url(pathAndQuery));
        if (r.status != wantStatus) qWarning() << pathAndQuery << r.status << r.body.left(300);
        [&] { QCOMPARE(r.status, wantStatus); }();
        const QStringList problems = spec_->check(QStringLiteral("GET"), QUrl(pathAndQuery, QUrl::TolerantMode).path(), r.status, r.body);
        if (!problems.isEmpty()) qWarning() << pathAndQuery << problems.mid(0, 5);
        [&] { QVERIFY(problems.isEmpty()); }();
        return r;
    }

private slots:
    void initTestCase() {
        ImportOptions o;
        o.zoneOffsetMs = 6 * kHour;  // the export's wall clock is UTC+6 (SOURCES.md)
        Importer imp(*store_.store, o);
        for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
            QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") + QLatin1String(f))).error);
        store_.store.reset();
        spec_ = std::make_unique<OpenApiCheck>(sourcePath(QStringLiteral("docs/openapi.yaml")));
        engine_ = std::make_unique<CoreEngine>(store_.path);
        server_ = std::make_unique<ApiServer>(engine_.get());
        ApiOptions opt;
        opt.port = 0;
        opt.version = QStringLiteral("9.8.7");
        opt.ratePerSecond = 0;  // the rate limit has its own server below
        opt.cacheTtlMs = 60000;  // the memory cache is checked; a loaded machine may take seconds between requests
        QVERIFY(server_->start(opt));
        QVERIFY(server_->port() > 0);
        QVERIFY(server_->address().startsWith(QLatin1String("http://127.0.0.1:")));
    }

    void cleanupTestCase() {
        server_.reset();
        engine_.reset();
    }

    void validatorRejects() {
        // The check can fail: a missing key, a wrong type, an undocumented key, null where not allowed.
        QCOMPARE(spec_->checkSchema(QStringLiteral("Signal"), "{}").size(), 7);
        QVERIFY(!spec_->checkSchema(QStringLiteral("Error"), R"({"error":{"field":1,"message":"m"}})").isEmpty());
        QVERIFY(!spec_->checkSchema(QStringLiteral("Removed"), R"({"removed":1,"extra":2})").isEmpty());
        QVERIFY(!spec_->checkSchema(QStringLiteral("Removed"), R"({"removed":null})").isEmpty());
        QVERIFY(!spec_->checkSchema(QStringLiteral("LiquidationMessage"),
                                    R"({"type":"liquidation","exchange":"b","symbol":"S","side":"up","price":1,"qty":1,"notional":1,"time":1})").isEmpty());
        QVERIFY(spec_->checkSchema(QStringLiteral("LiquidationMessage"),
                                   R"({"type":"liquidation","exchange":"b","symbol":"S","side":"long","price":1,"qty":1,"notional":1,"time":1})").isEmpty());
        QVERIFY(!spec_->check(QStringLiteral("GET"), QStringLiteral("/health"), 418, "{}").isEmpty());
    }

    void healthAndExchanges() {
        const QJsonObject h = QJsonDocument::fromJson(get(QStringLiteral("/health")).body).object();
        QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(h.value(QStringLiteral("version")).toString(), QStringLiteral("9.8.7"));
        // The export fills two series: 1h klines (ohlcv) and metrics (open interest); the hourly
        // liquidation totals are third-party history, not a series.
        QCOMPARE(h.value(QStringLiteral("series")).toInt(), 2);
        QCOMPARE(h.value(QStringLiteral("live")).toObject().value(QStringLiteral("running")).toBool(), false);
        const QJsonArray ex = QJsonDocument::fromJson(get(QStringLiteral("/exchanges")).body).object().value(QStringLiteral("exchanges")).toArray();
        QCOMPARE(ex.size(), 4);
        const QJsonObject binance = ex.at(0).toObject();
        QCOMPARE(binance.value(QStringLiteral("symbols")).toArray(), QJsonArray{QStringLiteral("BTCUSDT")});
        // First and last hour of the export, 2024-06-20 03:00 and 2024-08-20 03:00 at UTC+6.
        QCOMPARE(qint64(binance.value(QStringLiteral("from")).toDouble()), QDateTime::fromString(QStringLiteral("2024-06-19T21:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());
        QCOMPARE(qint64(binance.value(QStringLiteral("to")).toDouble()), QDateTime::fromString(QStringLiteral("2024-08-19T21:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());
        QVERIFY(ex.at(1).toObject().value(QStringLiteral("from")).isNull());
    }

    // With no time given, the newest bar is the one the candles close, even when later inputs exist
    // (trades recorded by a live session long after the history ends): the same signal as asking
    // for the hour ending at the last candle's open, 2024-08-19 21:00 UTC (see below), not a 404
    // for "no candles" in the period of the later trades.
    void latestSignalFollowsTheCandles() {
        TempStore t;
        {
            ImportOptions o;
            o.zoneOffsetMs = 6 * kHour;
            Importer imp(*t.store, o);
            for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
                QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") + QLatin1String(f))).error);
        }
        TradeProfileCell later;
        later.minute = QDateTime::fromString(QStringLiteral("2024-09-30T12:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
        later.bucketPrice = 63000;
        later.buyQty = 1;
        later.buyNotional = 63000;
        later.tradeCount = 1;
        later.maxTradeNotional = 63000;
        QVERIFY(t.store->addTradeProfile(SeriesKey{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QString()}, {later}));
        auto ask = [&](const QStringList &args, bool allowLatest) -> QByteArray {
            QCommandLineParser p;
            addSignalOptions(p);
            if (!p.parse(QStringList{QStringLiteral("lhm")} + args)) return "bad arguments: " + p.errorText().toUtf8();
            auto q = signalQueryFromArgs(p, allowLatest);
            if (!q) return "query: " + q.error().toString().toUtf8();
            auto sigs = evaluateSignalQuery(*t.store, *q);
            if (!sigs) return "signals: " + sigs.error().toString().toUtf8();
            return signalsJson(*sigs, *q).toJson(QJsonDocument::Compact);
        };
        const QStringList sym{QStringLiteral("--symbol"), QStringLiteral("BTCUSDT")};
        const QByteArray latest = ask(sym, true);
        const QByteArray at = ask(sym + QStringList{QStringLiteral("--at"), QStringLiteral("2024-08-19T21:00:00Z")}, false);
        QVERIFY2(at.startsWith("{"), at.constData());
        QCOMPARE(latest, at);
    }

    void modelEndpointsEqualTheCli() {
        const QStringList db{QStringLiteral("--db"), store_.path, QStringLiteral("--json")};
        struct Case {
            QString query;
            QStringList cli;
        };
        const QList<Case> cases{
            {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&window=7d"),
             {QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"), QStringLiteral("7d")}},
            {QStringLiteral("/liquidations/heatmap?symbol=btcusdt&window=3d&bucket=250&interval=4h&end=2024-08-05T12:00:00Z"),
             {QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("btcusdt"), QStringLiteral("--window"), QStringLiteral("3d"),
              QStringLiteral("--bucket"), QStringLiteral("250"), QStringLiteral("--interval"), QStringLiteral("4h"), QStringLiteral("--end"),
              QStringLiteral("2024-08-05T12:00:00Z")}},
            {QStringLiteral("/liquidations/levels?symbol=BTCUSDT&leverage_weights=10:1,25:2&at=2024-08-05T06:00:00Z"),
             {QStringLiteral("levels"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--leverage-weights"),
              QStringLiteral("10:1,25:2"), QStringLiteral("--at"), QStringLiteral("2024-08-05T06:00:00Z")}},
            {QStringLiteral("/liquidations/compare-models?symbol=BTCUSDT&window=3d"),
             {QStringLiteral("compare"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"), QStringLiteral("3d")}},
            {QStringLiteral("/trading/signals?symbol=BTCUSDT&at=2024-08-05T07:30:00Z"),
             {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("2024-08-05T07:30:00Z")}},
            {QStringLiteral("/trading/signals?symbol=BTCUSDT&from=2024-08-05T00:00:00Z&to=2024-08-05T06:00:00Z"),
             {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"), QStringLiteral("2024-08-05T00:00:00Z"),
              QStringLiteral("--to"), QStringLiteral("2024-08-05T06:00:00Z")}},
            // A selection: Binance summed, OKX named as left out (no data), as `lhm signals` says it.
            {QStringLiteral("/trading/signals?symbol=BTCUSDT&exchange=binance,okx&at=2024-08-05T07:30:00Z"),
             {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--exchange"),
              QStringLiteral("binance,okx"), QStringLiteral("--at"), QStringLiteral("2024-08-05T07:30:00Z")}},
            // No time: the newest bar the store closed, the hour ending at the last candle's open.
            {QStringLiteral("/trading/signals?symbol=BTCUSDT"),
             {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("2024-08-19T21:00:00Z")}},
        };
        for (const Case &c : cases) {
            const Reply r = get(c.query);
            QVERIFY2(r.body == cliJson(db + c.cli), qPrintable(c.query));
            // Both sides come from api::JsonWriter: hold its bytes to what QJsonDocument writes for
            // the same values (sorted keys, number forms, escapes).
            QVERIFY2(QJsonDocument::fromJson(r.body).toJson(QJsonDocument::Compact) == r.body, qPrintable(c.query));
        }
        // Independent anchors: the 06:00..07:00 UTC bar of 2024-08-05 closed at 51,562.1 (the export's
        // "2024-08-05 12:00" row at UTC+6); six 1h bars open in [00:00, 06:00).
        const QJsonObject s = QJsonDocument::fromJson(get(cases[4].query).body).object();
        QCOMPARE(s.value(QStringLiteral("price")).toDouble(), 51562.1);
        QCOMPARE(QJsonDocument::fromJson(get(cases[5].query).body).array().size(), 6);
        const QJsonObject h = QJsonDocument::fromJson(get(cases[0].query).body).object();
        QCOMPARE(h.value(QStringLiteral("times")).toArray().size(), 168);  // 7 days of 1h columns
        QCOMPARE(h.value(QStringLiteral("estimate")).toBool(), true);
        // A repeated request is served from memory and is still the same body.
        const qint64 hits = server_->cacheHits();
        const QByteArray again = get(cases[0].query).body;
        QVERIFY(server_->cacheHits() > hits);
        QCOMPARE(again, cliJson(db + cases[0].cli));
    }

    // The number forms of QJsonValue(double) that api::JsonWriter reproduces without QJsonDocument:
    // integers up to 2^53, then the shortest round-trip digits in 'g' form, the exponent only when
    // shorter, with at least two digits.
    void jsonWriterNumbers() {
        const QList<QPair<double, QByteArray>> cases{
            {0.0, "0"}, {-0.0, "0"}, {1e6, "1000000"}, {-42.0, "-42"}, {9007199254740992.0, "9007199254740992"},
            {12345.67, "12345.67"}, {-0.5, "-0.5"}, {0.07, "0.07"}, {132832344.1, "132832344.1"},
            {0.001, "0.001"},       // "1e-03" is no shorter
            {0.0001, "1e-04"},      // shorter than 0.0001
            {0.00012, "0.00012"},   // "1.2e-04" is as long
            {1.2e-05, "1.2e-05"},  {1.2e16, "1.2e+16"},  // past 2^53 a double again
            {1e21, "1e+21"},       {5e-324, "5e-324"},   {0.1 + 0.2, "0.30000000000000004"},
            {12345678901234567890.0, "12345678901234567000"},  // 20 digits against 1.2345678901234567e+19
            {qQNaN(), "null"},     {qInf(), "null"}};
        for (const auto &[v, text] : cases) {
            QByteArray out;
            JsonWriter::appendNumber(out, v);
            QCOMPARE(out, text);
            QJsonArray a{v};
            QCOMPARE(QJsonDocument(a).toJson(QJsonDocument::Compact), "[" + text + "]");
        }
        // And 200,000 values of every magnitude and of cents, against QJsonDocument itself.
        quint64 x = 88172645463325252ULL;
        for (int i = 0; i < 200'000; ++i) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            double v;
            std::memcpy(&v, &x, sizeof v);
            if (i % 2) v = std::round(double(x % 10'000'000'000ULL)) / 100.0 * (i % 4 == 1 ? 1 : -1);
            QByteArray out;
            JsonWriter::appendNumber(out, v);
            if ("[" + out + "]" != QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                QFAIL(qPrintable(QStringLiteral("%1 written as %2").arg(v, 0, 'g', 17).arg(QString::fromLatin1(out))));
        }
        JsonWriter w;
        w.beginObject().key(QLatin1String("a")).value(QStringLiteral("q\"\\\n\x01é")).key(QLatin1String("b")).beginArray();
        w.value(1.5).null().value(true).endArray().endObject();
        QCOMPARE(w.take(), QByteArray("{\"a\":\"q\\\"\\\\\\n\\u0001\xc3\xa9\",\"b\":[1.5,null,true]}"));
    }

    void badParameters() {
        struct Case {
            QString query;
            int status;
            QString field;
        };
        const QList<Case> cases{
            {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&window=9d"), 400, QStringLiteral("window")},
            {QStringLiteral("/liquidations/heatmap?window=7d"), 400, QStringLiteral("symbol")},
            {QStringLiteral("/liquidations/heatmap?symbol=BTC-USDT"), 400, QStringLiteral("symbol")},
            {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&bogus=1"), 400, QStringLiteral("bogus")},
            {QStringLiteral("/liquidations/levels?symbol=BTCUSDT&leverage_weights=500:1"), 400, QStringLiteral("leverage_weights")},
            {QStringLiteral("/liquidations/levels?symbol=BTCUSDT&at=yesterday"), 400, QStringLiteral("at")},
            {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&exchange=kraken"), 400, QStringLiteral("exchange")},
            {QStringLiteral("/liquidations/compare-models?symbol=BTCUSDT&model=ensemble"), 400, QStringLiteral("model")},
            {QStringLiteral("/trading/signals?symbol=BTCUSDT&reversal_bars=0"), 400, QStringLiteral("reversal_bars")},
            {QStringLiteral("/liquidations/history?symbol=BTCUSDT&limit=0"), 400, QStringLiteral("limit")},
            {QStringLiteral("/liquidations/history?symbol=BTCUSDT&from=2024-08-02&to=2024-08-01"), 400, QStringLiteral("from")},
            {QStringLiteral("/liquidations/heatmap?symbol=ETHUSDT"), 404, QStringLiteral("symbol")},
            {QStringLiteral("/trading/signals?symbol=DOGEUSDT"), 404, QStringLiteral("symbol")},
            {QStringLiteral("/liquidations/history?symbol=DOGEUSDT"), 404, QStringLiteral("symbol")},
        };
        for (const Case &c : cases) {
            const Reply r = get(c.query, c.status);
            QVERIFY2(errorField(r.body) == c.field, qPrintable(c.query + QStringLiteral(" -> ") + QString::fromUtf8(r.body)));
        }
        QCOMPARE(http(QStringLiteral("GET"), url(QStringLiteral("/nothing"))).status, 404);
        QCOMPARE(http(QStringLiteral("POST"), url(QStringLiteral("/health")), "{}").status, 405);
        // Size limits: a 5 kB query (414) and a 100 kB body (413).
        QCOMPARE(http(QStringLiteral("GET"), url(QStringLiteral("/health?x=") + QString(5000, u'a'))).status, 414);
        const Reply big = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")), QByteArray(100 * 1024, ' '));
        QCOMPARE(big.status, 413);
        QVERIFY(spec_->check(QStringLiteral("POST"), QStringLiteral("/alerts"), 413, big.body).isEmpty());
        // No CORS header unless enabled.
        QNetworkAccessManager nam;
        QNetworkReply *r = nam.get(QNetworkRequest(url(QStringLiteral("/health"))));
        QTRY_VERIFY(r->isFinished());
        QVERIFY(!r->hasRawHeader("Access-Control-Allow-Origin"));
        delete r;
    }

    void alertsCrudEqualsTheCli() {
        const Reply created = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")),
                                   R"({"name":"eth 50k","symbol":"ethusdt","type":"liquidation","params":{"min_notional":50000},"channels":["webhook"],"cooldown_s":30})");
        QCOMPARE(created.status, 201);
        const QStringList problems = spec_->check(QStringLiteral("POST"), QStringLiteral("/alerts"), 201, created.body);
        if (!problems.isEmpty()) qWarning() << problems << created.body;
        QVERIFY(problems.isEmpty());
        const QJsonObject rule = QJsonDocument::fromJson(created.body).object();
        const int id = rule.value(QStringLiteral("id")).toInt();
        QVERIFY(id > 0);
        QCOMPARE(rule.value(QStringLiteral("symbol")).toString(), QStringLiteral("ETHUSDT"));
        QCOMPARE(rule.value(QStringLiteral("params")).toObject().value(QStringLiteral("min_notional")).toDouble(), 50000.0);
        QCOMPARE(rule.value(QStringLiteral("cooldown_s")).toDouble(), 30.0);
        // The list equals `lhm alerts list --json` (same rows, same keys).
        QCOMPARE(get(QStringLiteral("/alerts")).body, cliJson({QStringLiteral("--db"), store_.path, QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")}));
        const QString one = QStringLiteral("/alerts/%1").arg(id);
        QCOMPARE(QJsonDocument::fromJson(get(one).body).object().value(QStringLiteral("name")).toString(), QStringLiteral("eth 50k"));
        const Reply edited = http(QStringLiteral("PUT"), url(one), R"({"params":{"min_notional":75000},"enabled":false})");
        QCOMPARE(edited.status, 200);
        QVERIFY(spec_->check(QStringLiteral("PUT"), one, 200, edited.body).isEmpty());
        QCOMPARE(QJsonDocument::fromJson(edited.body).object().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(QJsonDocument::fromJson(edited.body).object().value(QStringLiteral("params")).toObject().value(QStringLiteral("min_notional")).toDouble(), 75000.0);
        Reply bad = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")), R"({"symbol":"BTCUSDT","type":"moon"})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(errorField(bad.body), QStringLiteral("type"));
        bad = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")), "not json");
        QCOMPARE(bad.status, 400);
        bad = http(QStringLiteral("PUT"), url(one), R"({"cooldown_s":-1})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(errorField(bad.body), QStringLiteral("cooldown_s"));
        const Reply removed = http(QStringLiteral("DELETE"), url(one));
        QCOMPARE(removed.status, 200);
        QCOMPARE(removed.body, QStringLiteral(R"({"removed":%1})").arg(id).toUtf8());
        QCOMPARE(http(QStringLiteral("GET"), url(one)).status, 404);
        QCOMPARE(http(QStringLiteral("GET"), url(QStringLiteral("/alerts/x"))).status, 400);
    }

    void streamRelaysTheRecordedReplay() {
        const Recording rec = recording();
        QCOMPARE(rec.frames.size(), 949);
        WsReplayServer replay(rec.frames);
        replay.setRate(400);
        QVERIFY(replay.listen());
        LiveSession live;
        LiveOptions lo = replayLiveOptions(replay);
        lo.dbPath = store_.path;
        server_->setLiveSession(&live);
        const QString ws = server_->address().replace(QLatin1String("http://"), QLatin1String("ws://"));
        StreamClient all(QUrl(ws + QStringLiteral("/ws/liquidations")));
        StreamClient eth(QUrl(ws + QStringLiteral("/ws/liquidations?symbols=ethusdt&exchanges=binance")));
        StreamClient none(QUrl(ws + QStringLiteral("/ws/liquidations?exchanges=okx")));
        QTRY_COMPARE(server_->hub()->clientCount(), 3);
        QVERIFY(!live.start(lo));
        // From the CSV alone: 16 BTCUSDT and 33 ETHUSDT rows among the 949.
        QList<LiquidationEvent> want, wantEth;
        for (const LiquidationEvent &e : rec.events) {
            if (e.symbol == QLatin1String("BTCUSDT") || e.symbol == QLatin1String("ETHUSDT")) want << e;
            if (e.symbol == QLatin1String("ETHUSDT")) wantEth << e;
        }
        QCOMPARE(want.size(), 49);
        QTRY_VERIFY_WITH_TIMEOUT(replay.allSent(), 10000);
        // (The stream also carries the BTCUSDT signal message; tst_apistream checks those.)
        QTRY_COMPARE_WITH_TIMEOUT(messagesOfType(all.messages, "liquidation").size(), 49, 5000);
        QTRY_COMPARE(messagesOfType(eth.messages, "liquidation").size(), 33);
        QCOMPARE(none.messages.size(), 0);
        const QList<QByteArray> got = messagesOfType(all.messages, "liquidation");
        for (int i = 0; i < want.size(); ++i) {
            QVERIFY(spec_->checkSchema(QStringLiteral("LiquidationMessage"), got[i]).isEmpty());
            const QJsonObject m = QJsonDocument::fromJson(got[i]).object();
            QCOMPARE(m.value(QStringLiteral("symbol")).toString(), want[i].symbol);
            QCOMPARE(m.value(QStringLiteral("price")).toDouble(), want[i].price);
            QCOMPARE(m.value(QStringLiteral("qty")).toDouble(), want[i].qty);
            QCOMPARE(qint64(m.value(QStringLiteral("time")).toDouble()), want[i].time);
            QCOMPARE(m.value(QStringLiteral("side")).toString(), QLatin1String(sideName(want[i].side)));
        }
        // /health sees the live session and the stream; the store kept the events (history).
        const QJsonObject h = QJsonDocument::fromJson(get(QStringLiteral("/health")).body).object().value(QStringLiteral("live")).toObject();
        QCOMPARE(h.value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(h.value(QStringLiteral("stream_clients")).toInt(), 3);
        QCOMPARE(h.value(QStringLiteral("exchanges")).toArray(), QJsonArray{QStringLiteral("binance")});
        const QString hist = QStringLiteral("/liquidations/history?symbol=ETHUSDT&from=2025-10-22&to=2025-10-23");
        QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(http(QStringLiteral("GET"), url(hist)).body).object().value(QStringLiteral("count")).toInt(), 33, 10000);
        const QJsonObject history = QJsonDocument::fromJson(get(hist).body).object();
        const QJsonObject first = history.value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("price")).toDouble(), 3846.52);  // the CSV's first ETHUSDT row
        QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("live"));
        // min_notional 1000 keeps the rows whose usd_value is at least 1000.
        int big = 0;
        for (const LiquidationEvent &e : wantEth) big += e.notional >= 1000;
        QCOMPARE(QJsonDocument::fromJson(get(hist + QStringLiteral("&min_notional=1000")).body).object().value(QStringLiteral("count")).toInt(), big);
        live.stop();
        server_->setLiveSession(nullptr);
        all.socket.close();
        eth.socket.close();
        none.socket.close();
        QTRY_COMPARE(server_->hub()->clientCount(), 0);
    }

    void slowClientIsDroppedOthersKeepUp() {
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        // One round of the recording is ~140 kB, handed over before the event loop writes any of it.
        opt.stream.maxBufferedBytes = 512 * 1024;
        QVERIFY(server.start(opt));
        // The slow client: a raw socket that upgrades and then never reads.
        QTcpSocket slow;
        slow.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        slow.setReadBufferSize(4096);  // else Qt keeps draining the kernel buffer into memory for it
        slow.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET /ws/liquidations HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_COMPARE(server.hub()->clientCount(), 1);
        StreamClient fast(QUrl(server.address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations")));
        QTRY_COMPARE(server.hub()->clientCount(), 2);
        QSignalSpy dropped(server.hub(), &LiveHub::clientDropped);
        const Recording rec = recording();
        int sent = 0;
        // 100 rounds of the 949 real events (~14 MB): far beyond the socket buffers of a client that never reads.
        for (int round = 0; round < 100; ++round) {
            server.hub()->publishLiquidations(rec.events);
            sent += rec.events.size();
            QTest::qWait(5);
        }
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.at(0).at(1).value<quint16>(), quint16(kCloseTooSlow));
        QTRY_COMPARE_WITH_TIMEOUT(fast.messages.size(), sent, 15000);
        QCOMPARE(fast.closeCode, quint16(0));
        QTRY_COMPARE(server.hub()->clientCount(), 1);
    }

    void streamLimitPerAddress() {
        const QString ws = server_->address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations");
        std::vector<std::unique_ptr<StreamClient>> clients;
        for (int i = 0; i < 10; ++i) clients.push_back(std::make_unique<StreamClient>(QUrl(ws)));
        QTRY_COMPARE(server_->hub()->clientCount(), 10);
        StreamClient extra{QUrl(ws)};
        QTRY_COMPARE(extra.closeCode, quint16(kCloseTooManyStreams));
        QCOMPARE(server_->hub()->clientCount(), 10);
        StreamClient wrongPath{QUrl(server_->address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/other"))};
        QTRY_COMPARE(wrongPath.closeCode, quint16(kCloseUnknownPath));
        clients.clear();
        QTRY_COMPARE(server_->hub()->clientCount(), 0);
    }

    void rateLimit() {
        // The bucket by hand: 2 per second, burst 3.
        RateLimiter lim(2, 3);
        QVERIFY(lim.allow(QStringLiteral("a"), 0));
        QVERIFY(lim.allow(QStringLiteral("a"), 0));
        QVERIFY(lim.allow(QStringLiteral("a"), 0));
        QVERIFY(!lim.allow(QStringLiteral("a"), 0));
        QVERIFY(lim.allow(QStringLiteral("b"), 0));  // per client
        QCOMPARE(lim.retryAfterMs(QStringLiteral("a")), qint64(500));  // one token at 2/s
        QVERIFY(!lim.allow(QStringLiteral("a"), 499));
        QVERIFY(lim.allow(QStringLiteral("a"), 999));
        // Over HTTP: burst 5 at one token per 10 s, so the 6th request is refused (even on a machine so
        // loaded that the requests take seconds).
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        opt.ratePerSecond = 0.1;
        opt.rateBurst = 5;
        QVERIFY(server.start(opt));
        QList<int> statuses;
        for (int i = 0; i < 6; ++i) statuses << http(QStringLiteral("GET"), QUrl(server.address() + QStringLiteral("/health"))).status;
        QCOMPARE(statuses, (QList<int>{200, 200, 200, 200, 200, 429}));
        const Reply r = http(QStringLiteral("GET"), QUrl(server.address() + QStringLiteral("/health")));
        QCOMPARE(r.status, 429);
        QVERIFY(spec_->check(QStringLiteral("GET"), QStringLiteral("/health"), 429, r.body).isEmpty());
    }

    void tokenRequiredOffLoopback() {
        CoreEngine engine(store_.path);
        ApiServer server(&engine);
        ApiOptions opt;
        opt.port = 0;
        opt.bind = QHostAddress(QHostAddress::AnyIPv4);
        const Status refused = server.start(opt);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("token"));
        QVERIFY(!server.isListening());
        QHostAddress lan;
        for (const QHostAddress &a : QNetworkInterface::allAddresses())
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback()) lan = a;
        if (lan.isNull()) QSKIP("no non-loopback IPv4 address on this machine");
        opt.bind = lan;
        opt.token = QStringLiteral("0123456789abcdef-test-token");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reachable from other machines")));
        QVERIFY(server.start(opt));
        const QUrl health(server.address() + QStringLiteral("/health"));
        Reply r = http(QStringLiteral("GET"), health);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorField(r.body), QStringLiteral("authorization"));
        QVERIFY(spec_->check(QStringLiteral("GET"), QStringLiteral("/health"), 401, r.body).isEmpty());
        QCOMPARE(http(QStringLiteral("GET"), health, {}, "wrong-token-wrong-token").status, 401);
        QCOMPARE(http(QStringLiteral("GET"), health, {}, opt.token.toUtf8()).status, 200);
        const QString ws = server.address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations");
        StreamClient anonymous{QUrl(ws)};
        QTRY_COMPARE(anonymous.closeCode, quint16(kCloseUnauthorized));
        StreamClient bearer(QUrl(ws), opt.token.toUtf8());
        QTRY_COMPARE(server.hub()->clientCount(), 1);
    }
};

LHM_TEST_MAIN(TstApi)
#include "tst_api.moc"
