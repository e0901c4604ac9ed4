// `lhm download --exchange bybit|okx|hyperliquid` against loopback servers that speak each
// exchange's documented REST protocol (tests/support/ExchangeServers.h), plus the recorded Bybit
// open-interest response and Hyperliquid funding history from ../shared/data. Every expected
// count and value is worked out from the generated market's rule in ExchangeServers.h:
// one day = 1,440 one-minute candles, 288 five-minute open-interest points, 3 fundings.
#include "ExchangeServers.h"
#include "HttpTestServer.h"
#include "TestSupport.h"
#include "config/ExchangeRegistry.h"
#include "engine/LiveSession.h"
#include "exchanges/bybit/BybitHistory.h"
#include "exchanges/hyperliquid/HyperliquidHistory.h"
#include "exchanges/okx/OkxHistory.h"
#include "ingest/history/HistoryDownloader.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>

using namespace lhm;
using namespace lhm::test;

namespace {

constexpr qint64 kDay = 1714521600000LL;  // 2024-05-01T00:00:00Z
const QString kDayArg = QStringLiteral("2024-05-01");

int count(const HttpTestServer &s, const QString &path) { return int(s.requestsFor(path).size()); }

QStringList downloadArgs(const QString &db, const QString &exchange, const QString &base, const QString &types, const QString &day = kDayArg) {
    return {QStringLiteral("--db"), db, QStringLiteral("download"), QStringLiteral("--exchange"), exchange, QStringLiteral("--symbol"),
            QStringLiteral("BTCUSDT"), QStringLiteral("--from"), day, QStringLiteral("--to"), day, QStringLiteral("--types"), types,
            QStringLiteral("--base-url"), base, QStringLiteral("--retry-delay"), QStringLiteral("0"), QStringLiteral("--json")};
}

SeriesKey key(const QString &exchange, const QString &interval = {}) { return SeriesKey{exchange, QStringLiteral("BTCUSDT"), interval}; }

// One exchange server on loopback and a fresh store for `lhm download` to fill.
struct Rig {
    HttpTestServer server;
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("s.sqlite"));
    QString exchange;
    Rig(const QString &exchangeName, HttpHandler handler) : exchange(exchangeName) {
        server.start(QString());
        server.setHandler(std::move(handler));
    }
    CliRun download(const QString &types, const QString &day = kDayArg) {
        return runCli(downloadArgs(db, exchange, server.baseUrl(), types, day));
    }
};

GeneratedMarket dayMarket(qint64 day = kDay) {
    GeneratedMarket m;
    m.day = day;
    return m;
}
const TimeRange kAll{0, std::numeric_limits<qint64>::max()};

}  // namespace

class TestExchangeHistory : public QObject {
    Q_OBJECT

private slots:
    // Bybit: kline pages of 1,000 (newest first: 1,000 then 440), open interest by cursor (200
    // then 88), one funding page. USD value of open interest = OI × close of the 1m candle
    // opening at the same time: k = 1 (00:05) -> 50,001 × 60,007 = 3,000,410,007.
    void bybitFullDayThenNoOp() {
        Rig rig(QStringLiteral("bybit"), bybitServer(dayMarket()));
        HttpTestServer &server = rig.server;
        const QString &db = rig.db;
        auto run = rig.download(QStringLiteral("open_interest,klines,funding"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(count(server, QStringLiteral("/v5/market/kline")), 2);
        QCOMPARE(count(server, QStringLiteral("/v5/market/open-interest")), 2);
        QCOMPARE(count(server, QStringLiteral("/v5/market/funding/history")), 1);
        // The documented parameters; the second OI page carries the cursor back.
        const QUrlQuery first(server.requestsFor(QStringLiteral("/v5/market/kline")).first().query);
        QCOMPARE(first.queryItemValue(QStringLiteral("category")), QStringLiteral("linear"));
        QCOMPARE(first.queryItemValue(QStringLiteral("interval")), QStringLiteral("1"));
        QCOMPARE(first.queryItemValue(QStringLiteral("start")), QString::number(kDay));
        QCOMPARE(first.queryItemValue(QStringLiteral("end")), QString::number(kDay + 86400000 - 1));
        const auto oi = server.requestsFor(QStringLiteral("/v5/market/open-interest"));
        QCOMPARE(QUrlQuery(oi[0].query).queryItemValue(QStringLiteral("intervalTime")), QStringLiteral("5min"));
        QCOMPARE(QUrlQuery(oi[1].query).queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
                 QStringLiteral("lastid=200&lasttime=%1").arg((kDay + 88 * 300000) / 1000));

        auto store = Store::open(db);
        QVERIFY(store);
        const auto candles = (*store)->candles(key(QStringLiteral("bybit"), QStringLiteral("1m")), kAll);
        QCOMPARE(int(candles.size()), 1440);
        QCOMPARE(candles[100].openTime, kDay + 100 * 60000);
        QCOMPARE(candles[100].open, 60100.0);
        QCOMPARE(candles[100].close, 60102.0);
        QCOMPARE(candles[100].volume, 1.0);  // 1 + 100 % 5
        QCOMPARE(candles[100].closeTime, kDay + 100 * 60000 + 59999);
        const auto points = (*store)->openInterest(key(QStringLiteral("bybit")), kAll);
        QCOMPARE(int(points.size()), 288);
        QCOMPARE(points[1].openInterest, 50001.0);
        QCOMPARE(points[1].openInterestValue, 3000410007.0);
        const auto funding = (*store)->funding(key(QStringLiteral("bybit")), kAll);
        QCOMPARE(int(funding.size()), 3);
        QCOMPARE(funding[1].time, kDay + 8 * 3600000);
        QCOMPARE(funding[1].rate, -0.00005);
        QCOMPARE(funding[2].rate, 0.00012);
        // series_meta is kept by the inserts: `lhm info` sees the three bybit series.
        int bybitSeries = 0;
        for (const SeriesInfo &s : (*store)->seriesInfo())
            if (s.exchange == QLatin1String("bybit")) ++bybitSeries;
        QCOMPARE(bybitSeries, 3);
        store->reset();

        // Again: the store holds the whole range, so not one request is made.
        server.clearLog();
        run = rig.download(QStringLiteral("open_interest,klines,funding"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(server.requests().size(), qsizetype(0));
        QCOMPARE(run.out.count("\"status\":\"already-complete\""), qsizetype(3));
    }

    // 429 with Retry-After: 1 on the first kline request: waited out, then the day lands.
    void rateLimitedThenServed() {
        auto limited = std::make_shared<std::atomic_int>(1);
        Rig rig(QStringLiteral("bybit"), bybitServer(dayMarket(), [limited](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
            if (r.path.endsWith(QLatin1String("kline")) && limited->fetch_sub(1) > 0)
                return HttpResponse{429, R"({"retCode":10006,"retMsg":"Too many visits!"})", {{"Retry-After", "1"}}};
            return std::nullopt;
        }));
        HttpTestServer &server = rig.server;
        const QString &db = rig.db;
        QElapsedTimer t;
        t.start();
        auto run = rig.download(QStringLiteral("klines"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(t.elapsed() >= 1000);
        QVERIFY(run.err.contains("HTTP 429"));
        QCOMPARE(count(server, QStringLiteral("/v5/market/kline")), 3);  // 429, 1,000, 440
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM candles WHERE exchange='bybit'")), qint64(1440));
    }

    // A malformed second open-interest page stops that series with an error naming the endpoint,
    // page and field; the 200 rows of page 1 and the klines stored before stay. Once the server is
    // fixed, the next run asks only for the 88 missing points (one request, no cursor).
    void malformedPageKeepsWhatWasStoredAndResumes() {
        auto broken = std::make_shared<std::atomic_bool>(true);
        Rig rig(QStringLiteral("bybit"), bybitServer(dayMarket(), [broken](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
            if (broken->load() && r.path.endsWith(QLatin1String("open-interest")) && r.query.contains(QLatin1String("cursor=")))
                return HttpResponse{200, R"({"retCode":0,"retMsg":"OK","result":{"list":[{"openInterest":"abc","timestamp":"1714521600000"}],"nextPageCursor":""}})", {}};
            return std::nullopt;
        }));
        HttpTestServer &server = rig.server;
        const QString &db = rig.db;
        QCOMPARE(rig.download(QStringLiteral("klines")).exitCode, 0);
        auto run = rig.download(QStringLiteral("open_interest"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("bybit /v5/market/open-interest page 2") && run.out.contains("(field result.list[0].openInterest)"), run.out.constData());
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM open_interest WHERE exchange='bybit'")), qint64(200));
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM candles WHERE exchange='bybit'")), qint64(1440));

        broken->store(false);
        server.clearLog();
        run = rig.download(QStringLiteral("open_interest"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto oi = server.requestsFor(QStringLiteral("/v5/market/open-interest"));
        QCOMPARE(oi.size(), qsizetype(1));
        const QUrlQuery q(oi[0].query);
        QCOMPARE(q.queryItemValue(QStringLiteral("startTime")), QString::number(kDay));
        QCOMPARE(q.queryItemValue(QStringLiteral("endTime")), QString::number(kDay + 88 * 300000 - 1));
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM open_interest WHERE exchange='bybit'")), qint64(288));
    }

    // The exchange lacks minutes 600..609: 1,430 candles land; a re-run asks for that hole only
    // (one request, nothing new) and leaves the rest alone. Then the server goes away: exit 1,
    // the host named, nothing lost.
    void exchangeGapAndServerDown() {
        GeneratedMarket m;
        m.day = kDay;
        for (int i = 600; i < 610; ++i) m.missingCandles.insert(i);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.sqlite"));
        QString base;
        {
            HttpTestServer server;
            QVERIFY(server.start(QString()));
            server.setHandler(bybitServer(m));
            base = server.baseUrl();
            QCOMPARE(runCli(downloadArgs(db, QStringLiteral("bybit"), base, QStringLiteral("klines"))).exitCode, 0);
            QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM candles WHERE exchange='bybit'")), qint64(1430));
            server.clearLog();
            QCOMPARE(runCli(downloadArgs(db, QStringLiteral("bybit"), base, QStringLiteral("klines"))).exitCode, 0);
            const auto k = server.requestsFor(QStringLiteral("/v5/market/kline"));
            QCOMPARE(k.size(), qsizetype(1));
            QCOMPARE(QUrlQuery(k[0].query).queryItemValue(QStringLiteral("start")), QString::number(kDay + 600 * 60000));
            QCOMPARE(QUrlQuery(k[0].query).queryItemValue(QStringLiteral("end")), QString::number(kDay + 610 * 60000 - 1));
        }
        // The server object is gone: its port refuses connections.
        auto run = runCli(downloadArgs(db, QStringLiteral("bybit"), base, QStringLiteral("klines")));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("cannot reach"), run.err.constData());
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM candles WHERE exchange='bybit'")), qint64(1430));
    }

    // The recorded Bybit v5 response (ccxt's static test data, SOURCES.md section 11): one point,
    // 62,129.455 BTC at 2025-02-16T17:00Z, and a real nextPageCursor that must go back verbatim.
    void bybitRecordedOpenInterestResponse() {
        const QByteArray recorded = readFile(sharedData(QStringLiteral("ccxt-static-bybit-open-interest/bybit_fetchOpenInterest_linear_BTCUSDT.json")));
        QVERIFY(!recorded.isEmpty());
        HttpTestServer server;
        QVERIFY(server.start(QString()));
        server.setHandler([recorded](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
            if (!r.query.contains(QLatin1String("cursor="))) return HttpResponse{200, recorded, {}};
            return HttpResponse{200, R"({"retCode":0,"retMsg":"OK","result":{"list":[],"nextPageCursor":""}})", {}};
        });
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.sqlite"));
        auto run = runCli(downloadArgs(db, QStringLiteral("bybit"), server.baseUrl(), QStringLiteral("open_interest"), QStringLiteral("2025-02-16")));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto reqs = server.requestsFor(QStringLiteral("/v5/market/open-interest"));
        QCOMPARE(reqs.size(), qsizetype(2));
        QCOMPARE(QUrlQuery(reqs[1].query).queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
                 QStringLiteral("lastid=10860016&lasttime=1739725200"));
        auto store = Store::open(db);
        const auto oi = (*store)->openInterest(key(QStringLiteral("bybit")), kAll);
        QCOMPARE(int(oi.size()), 1);
        QCOMPARE(oi[0].time, 1739725200000LL);
        QCOMPARE(oi[0].openInterest, 62129.455);
    }

    // OKX: history-candles in pages of 100 with exclusive after/before (14 full + 40: 15 requests),
    // open-interest history 100/100/88, funding one page. Contracts to base with ctVal 0.01 from
    // config: k = 10 -> 5,000,010 contracts = 50,000.1 BTC, worth 50,000.1 × 60,000 USD. The
    // settled funding is realizedRate.
    void okxFullDay() {
        Rig rig(QStringLiteral("okx"), okxServer(dayMarket()));
        HttpTestServer &server = rig.server;
        auto run = rig.download(QStringLiteral("open_interest,klines,funding"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(count(server, QStringLiteral("/api/v5/market/history-candles")), 15);
        QCOMPARE(count(server, QStringLiteral("/api/v5/rubik/stat/contracts/open-interest-history")), 3);
        QCOMPARE(count(server, QStringLiteral("/api/v5/public/funding-rate-history")), 1);
        const auto candleReqs = server.requestsFor(QStringLiteral("/api/v5/market/history-candles"));
        const QUrlQuery q0(candleReqs[0].query), q1(candleReqs[1].query);
        QCOMPARE(q0.queryItemValue(QStringLiteral("instId")), QStringLiteral("BTC-USDT-SWAP"));
        QCOMPARE(q0.queryItemValue(QStringLiteral("bar")), QStringLiteral("1m"));
        QCOMPARE(q0.queryItemValue(QStringLiteral("after")), QString::number(kDay + 86400000));
        QCOMPARE(q0.queryItemValue(QStringLiteral("before")), QString::number(kDay - 1));
        QCOMPARE(q1.queryItemValue(QStringLiteral("after")), QString::number(kDay + 1340 * 60000));  // oldest of page 1: minute 1,340
        // Open-interest history: begin/end exclusive (OKX v5 docs), period 5m, 100 per page; page 2
        // ends before the oldest row of page 1 (point 188 of 288, the newest 100 being 188..287).
        const auto oiReqs = server.requestsFor(QStringLiteral("/api/v5/rubik/stat/contracts/open-interest-history"));
        const QUrlQuery o0(oiReqs[0].query), o1(oiReqs[1].query);
        QCOMPARE(o0.queryItemValue(QStringLiteral("instId")), QStringLiteral("BTC-USDT-SWAP"));
        QCOMPARE(o0.queryItemValue(QStringLiteral("period")), QStringLiteral("5m"));
        QCOMPARE(o0.queryItemValue(QStringLiteral("begin")), QString::number(kDay - 1));
        QCOMPARE(o0.queryItemValue(QStringLiteral("end")), QString::number(kDay + 86400000));
        QCOMPARE(o0.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
        QCOMPARE(o1.queryItemValue(QStringLiteral("end")), QString::number(kDay + 188 * 300000));
        auto store = Store::open(rig.db);
        QCOMPARE(int((*store)->candles(key(QStringLiteral("okx"), QStringLiteral("1m")), kAll).size()), 1440);
        const auto oi = (*store)->openInterest(key(QStringLiteral("okx")), kAll);
        QCOMPARE(int(oi.size()), 288);
        QCOMPARE(oi[0].time, kDay);  // the first point, at `from` itself, is not lost to the exclusive begin
        QCOMPARE(oi[10].openInterest, 50000.1);
        QCOMPARE(oi[10].openInterestValue, 50000.1 * 60000);
        const auto funding = (*store)->funding(key(QStringLiteral("okx")), kAll);
        QCOMPARE(int(funding.size()), 3);
        QCOMPARE(funding[0].rate, 0.0001);
        QCOMPARE(funding[1].rate, -0.00005);
    }

    // Hyperliquid: POST /info. 1,440 candles in one candleSnapshot (under the 5,000 cap); the
    // recorded fundingHistory (SOURCES.md section 10: 3 BTC rows from 2026-02-01 01:20Z, hourly).
    // Open interest has no history there: asking for it is a bad argument that says why.
    void hyperliquidCandlesAndRecordedFunding() {
        const QJsonArray recorded = QJsonDocument::fromJson(readFile(sharedData(QStringLiteral("nautilus-hyperliquid-ws-samples/http_funding_history.json")))).array();
        QCOMPARE(recorded.size(), qsizetype(3));
        constexpr qint64 kFebDay = 1769904000000LL;  // 2026-02-01T00:00Z
        HttpTestServer server;
        QVERIFY(server.start(QString()));
        GeneratedMarket m;
        m.day = kFebDay;
        server.setHandler(hyperliquidServer(m, recorded));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.sqlite"));
        auto run = runCli(downloadArgs(db, QStringLiteral("hyperliquid"), server.baseUrl(), QStringLiteral("klines,funding"), QStringLiteral("2026-02-01")));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto posts = server.requestsFor(QStringLiteral("/info"));
        QCOMPARE(posts.size(), qsizetype(2));
        const QJsonObject candleBody = QJsonDocument::fromJson(posts[0].body).object();
        QCOMPARE(candleBody.value(QStringLiteral("type")).toString(), QStringLiteral("candleSnapshot"));
        QCOMPARE(candleBody.value(QStringLiteral("req")).toObject().value(QStringLiteral("coin")).toString(), QStringLiteral("BTC"));
        auto store = Store::open(db);
        const auto candles = (*store)->candles(key(QStringLiteral("hyperliquid"), QStringLiteral("1m")), kAll);
        QCOMPARE(int(candles.size()), 1440);
        QCOMPARE(candles[7].trades, qint64(17));
        const auto funding = (*store)->funding(key(QStringLiteral("hyperliquid")), kAll);
        QCOMPARE(int(funding.size()), 3);
        QCOMPARE(funding[0].time, 1769908800000LL);
        QCOMPARE(funding[0].rate, 0.0000125);
        QCOMPARE(funding[1].rate, -0.0000081);
        QCOMPARE(funding[0].intervalHours, 1);
        store->reset();
        // 21 of the 24 hourly funding slots are empty at the exchange: a re-run asks once more
        // for that range (one POST, nothing new); the complete candles cost nothing.
        server.clearLog();
        QCOMPARE(runCli(downloadArgs(db, QStringLiteral("hyperliquid"), server.baseUrl(), QStringLiteral("klines,funding"), QStringLiteral("2026-02-01"))).exitCode, 0);
        QCOMPARE(server.requests().size(), qsizetype(1));
        QCOMPARE(QJsonDocument::fromJson(server.requests()[0].body).object().value(QStringLiteral("type")).toString(), QStringLiteral("fundingHistory"));

        run = runCli(downloadArgs(db, QStringLiteral("hyperliquid"), server.baseUrl(), QStringLiteral("open_interest")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no open-interest history"));
    }

    // Hyperliquid has no open-interest history: while live runs, the asset contexts are polled
    // (POST /info metaAndAssetCtxs) and stored per minute. The contexts are the recorded main-dex
    // frame of SOURCES.md section 10 (index 0 BTC: OI 27,353.17682 at mark 77,562.0; index 1 ETH:
    // 605,822.2558 at 2,123.7) in the REST answer's [meta, contexts] shape.
    void hyperliquidOpenInterestRecordedWhileLive() {
        const QJsonObject frame = QJsonDocument::fromJson(readFile(sharedData(QStringLiteral("nautilus-hyperliquid-ws-samples/ws_all_dexs_asset_ctxs.json")))).object();
        const QJsonArray mainDex = frame.value(QStringLiteral("data")).toObject().value(QStringLiteral("ctxs")).toArray().at(0).toArray().at(1).toArray();
        QCOMPARE(mainDex.size(), qsizetype(230));
        QJsonArray universe;
        for (qsizetype i = 0; i < mainDex.size(); ++i)
            universe.append(QJsonObject{{"name", i == 0 ? QStringLiteral("BTC") : i == 1 ? QStringLiteral("ETH") : QStringLiteral("X%1").arg(i)}});
        const QByteArray answer = json(QJsonArray{QJsonObject{{"universe", universe}}, mainDex});
        HttpTestServer server;
        QVERIFY(server.start(QString()));
        server.setHandler([answer](const HttpRequestRecord &r) -> std::optional<HttpResponse> {
            if (QJsonDocument::fromJson(r.body).object().value(QStringLiteral("type")).toString() == QLatin1String("metaAndAssetCtxs"))
                return HttpResponse{200, answer, {}};
            return HttpResponse{422, "{}", {}};
        });
        QTcpServer closed;  // a ws port nobody answers on: the feed keeps retrying, the recorder does not care
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        auto cfg = ExchangeRegistry::parse(QStringLiteral("exchanges:\n  hyperliquid:\n    ws_url: ws://127.0.0.1:%1\n    rest_url: %2\n"
                                                          "symbols:\n  BTCUSDT: {hyperliquid: BTC}\n  ETHUSDT: {hyperliquid: ETH}\n")
                                               .arg(deadPort)
                                               .arg(server.baseUrl())
                                               .toUtf8(),
                                           QStringLiteral("e.yaml"));
        QVERIFY(cfg);
        QTemporaryDir dir;
        LiveSession live;
        LiveOptions o;
        o.focusSymbol = QStringLiteral("BTCUSDT");
        o.dbPath = dir.filePath(QStringLiteral("s.sqlite"));
        o.config = *cfg;
        o.assetContextIntervalMs = 200;
        QSignalSpy recorded(&live, &LiveSession::openInterestRecorded);
        QVERIFY(!live.start(o));
        QVERIFY(recorded.wait(5000));
        QCOMPARE(recorded.first().at(0).toString(), QStringLiteral("hyperliquid"));
        QCOMPARE(recorded.first().at(1).toInt(), 2);
        live.stop();
        auto store = Store::open(o.dbPath);
        QVERIFY(store);
        const auto btc = (*store)->openInterest(key(QStringLiteral("hyperliquid")), kAll);
        QVERIFY(!btc.empty() && btc.size() <= 2);  // one per minute; the polls may straddle a minute
        QCOMPARE(btc[0].time % 60000, qint64(0));
        QCOMPARE(btc[0].openInterest, 27353.17682);
        QVERIFY(std::fabs(btc[0].openInterestValue - 2121567100.51284) < 1e-3);
        const auto eth = (*store)->openInterest(SeriesKey{QStringLiteral("hyperliquid"), QStringLiteral("ETHUSDT"), {}}, kAll);
        QVERIFY(!eth.empty());
        QVERIFY(std::fabs(eth[0].openInterestValue - 1286584724.6424598) < 1e-3);
    }

    // Bad arguments exit 2 before any request.
    void badArguments() {
        HttpTestServer server;
        QVERIFY(server.start(QString()));
        server.setHandler(bybitServer(GeneratedMarket{}));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("s.sqlite"));
        auto args = downloadArgs(db, QStringLiteral("bybit"), server.baseUrl(), QStringLiteral("klines"));
        args << QStringLiteral("--interval") << QStringLiteral("7m");
        QCOMPARE(runCli(args).exitCode, 2);
        QCOMPARE(runCli(downloadArgs(db, QStringLiteral("kraken"), server.baseUrl(), QStringLiteral("klines"))).exitCode, 2);
        QCOMPARE(runCli(downloadArgs(db, QStringLiteral("okx"), QStringLiteral("ftp://x"), QStringLiteral("klines"))).exitCode, 2);
        QCOMPARE(runCli(downloadArgs(db, QStringLiteral("okx"), server.baseUrl(), QStringLiteral("trades"))).exitCode, 2);
        QCOMPARE(server.requests().size(), qsizetype(0));
    }

    // The pure parsers name the field at fault and never throw.
    void parsersNameTheField() {
        auto okx = rest::parseOkxOpenInterestHistory(R"({"code":"50011","msg":"Too Many Requests","data":[]})", 0.01);
        QVERIFY(!okx);
        QVERIFY(okx.error().message.contains(QLatin1String("50011")));
        auto rate = rest::parseBybitFunding(R"({"retCode":0,"result":{"list":[{"fundingRate":"7","fundingRateTimestamp":"1714521600000"}]}})", 8);
        QVERIFY(!rate);
        QCOMPARE(rate.error().field, QStringLiteral("result.list[0].fundingRate"));
        auto ctx = rest::parseHyperliquidAssetContexts(R"([{"universe":[{"name":"BTC"},{"name":"ETH"}]},[{"openInterest":"27353.1","markPx":"77562"}]])");
        QVERIFY(!ctx);
        auto ok = rest::parseHyperliquidAssetContexts(
            R"([{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[{"funding":"0.0000125","openInterest":"27353.1","markPx":"77562.0","oraclePx":"77570.0"}]])");
        QVERIFY(ok);
        QCOMPARE(ok->at(0).coin, QStringLiteral("BTC"));
        QCOMPARE(ok->at(0).openInterest, 27353.1);
        QCOMPARE(ok->at(0).markPx, 77562.0);
        auto candle = rest::parseHyperliquidCandles(R"([{"t":1,"T":2,"o":"1","c":"1","h":"1","l":"x","v":"1"}])");
        QVERIFY(!candle);
        QCOMPARE(candle.error().field, QStringLiteral("[0].l"));
    }
};

LHM_TEST_MAIN(TestExchangeHistory)
#include "tst_exchangehistory.moc"
