// Gap backfill over REST: after a live feed loses its connection for a while, the worker asks the
// exchange's REST API for the 1m candles and 5m open interest of the missing interval and stores
// them under that exchange. Each exchange runs the same gap against a loopback WebSocket replay
// server and a fake REST API answering with recorded or documented payloads.
#include "FeedTestKit.h"
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "feeds/LiveController.h"
#include "store/Store.h"

#include <QUrlQuery>
#include <QtTest>

using namespace lhm;
using namespace lhm::feeds;
using namespace lhm::test;

namespace {
struct GapRun {
    QTemporaryDir dir;
    QString db;
    qint64 lastSeen = 0;  // wall time just before the connection was cut
    std::vector<LiquidationEvent> events;
};
}  // namespace

class TestFeedBackfill : public QObject {
    Q_OBJECT

    // Streams the first 10 frames, has the server refuse connections for 1 s (the gap), then the
    // other 10; returns once all 20 arrived and the feed ran exactly one REST backfill.
    void runGap(FeedOptions o, const QStringList &frames, const FakeRest &rest, const QString &exchange, GapRun &run) {
        WsReplayServer server(frames.mid(0, 10));
        QVERIFY(server.listen());
        run.db = run.dir.filePath(QStringLiteral("gap-%1.sqlite").arg(exchange));
        o.url = server.url();
        o.restUrl = QStringLiteral("http://127.0.0.1:%1").arg(rest.serverPort());
        o.backfillMinGapMs = 500;
        o.watchdogMs = 30000;
        LiveController live;
        Collector got;
        got.attach(live);
        QVERIFY(live.start({o}, run.db));
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(10), 5000);
        run.lastSeen = QDateTime::currentMSecsSinceEpoch();
        server.refuseFor(1000);
        server.appendFrames(frames.mid(10));
        QTRY_COMPARE_WITH_TIMEOUT(got.events.size(), size_t(20), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(live.supervisor().find(exchange)->backfills == 1, 5000);
        live.stop();
        run.events = got.events;
    }

private slots:
    void initTestCase() { qRegisterMetaType<FeedBatch>(); }

    void gapIsBackfilledOverRest() {
        FakeRest rest;
        rest.klines = readFile(sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_fapi_v1_klines__0.json")));
        rest.openInterest = readFile(sharedData(QStringLiteral("gocryptotrader-binance-futures-rest/binance_futures_data_openInterestHist__0.json")));
        QVERIFY(rest.listen(QHostAddress::LocalHost));
        const Sent s = binanceFrames(20);
        FeedOptions o = fastOptions(QUrl(), Exchange::Binance);
        o.symbols = {QStringLiteral("BTCUSDT")};
        GapRun run;
        runGap(o, s.frames, rest, QStringLiteral("binance"), run);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(rest.requests.size(), 2);
        rest.requests.sort();
        QVERIFY2(rest.requests[0].startsWith(QLatin1String("/fapi/v1/klines?symbol=BTCUSDT&interval=1m&startTime=")), qPrintable(rest.requests[0]));
        QVERIFY(rest.requests[1].startsWith(QLatin1String("/futures/data/openInterestHist?symbol=BTCUSDT&period=5m&startTime=")));
        const qint64 start = QUrlQuery(QUrl(rest.requests[0]).query()).queryItemValue(QStringLiteral("startTime")).toLongLong();
        QCOMPARE(start % 60000, qint64(0));
        QVERIFY(run.lastSeen - start < 60000 + 1000 && start <= run.lastSeen);
        auto store = Store::open(run.db);
        QVERIFY(store);
        const TimeRange all{0, std::numeric_limits<qint64>::max()};
        QCOMPARE((*store)->candles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")}, all).size(), size_t(500));
        QCOMPARE((*store)->openInterest({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}}, all).size(), size_t(10));
    }

    // Bybit: after the gap, /v5/market/kline and /v5/market/open-interest are asked for and stored
    // under "bybit"; the open interest's USD value comes from the candle close at its time.
    void gapIsBackfilledOverRestBybit() {
        FakeRest rest;
        // Kline rows newest first, as Bybit sends them; the real recorded open-interest response
        // (one point at 1739725200000) falls in the oldest candle.
        rest.routes.insert("/v5/market/kline", R"({"retCode":0,"retMsg":"OK","result":{"symbol":"BTCUSDT","category":"linear","list":[)"
                                               R"(["1739725320000","97010","97020","96990","97001.5","8.25","800237.375"],)"
                                               R"(["1739725260000","97000","97015","96995","97010","10.5","1018600.5"],)"
                                               R"(["1739725200000","97020","97030","96980","97005.5","12.5","1212568.75"]]},"retExtInfo":{},"time":1739725954780})");
        rest.routes.insert("/v5/market/open-interest",
                           readFile(sharedData(QStringLiteral("ccxt-static-bybit-open-interest/bybit_fetchOpenInterest_linear_BTCUSDT.json"))));
        QVERIFY(rest.listen(QHostAddress::LocalHost));
        QStringList frames;
        for (int i = 0; i < 20; ++i)
            frames << QStringLiteral(R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":%1,"data":[{"T":%2,"s":"BTCUSDT","S":"%3","v":"0.012","p":"%4"}]})")
                          .arg(kBaseTime + i + 5).arg(kBaseTime + i).arg(QLatin1String(i % 2 ? "Sell" : "Buy")).arg(107800 + i);
        FeedOptions o = fastOptions(QUrl(), Exchange::Bybit);
        o.symbols = {QStringLiteral("BTCUSDT")};
        GapRun run;
        runGap(o, frames, rest, QStringLiteral("bybit"), run);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(rest.requests.size(), 2);
        rest.requests.sort();
        QVERIFY2(rest.requests[0].startsWith(QLatin1String("/v5/market/kline?category=linear&symbol=BTCUSDT&interval=1&start=")), qPrintable(rest.requests[0]));
        QVERIFY2(rest.requests[1].startsWith(QLatin1String("/v5/market/open-interest?category=linear&symbol=BTCUSDT&intervalTime=5min&startTime=")),
                 qPrintable(rest.requests[1]));
        const qint64 start = QUrlQuery(QUrl(rest.requests[0]).query()).queryItemValue(QStringLiteral("start")).toLongLong();
        QCOMPARE(start % 60000, qint64(0));
        auto store = Store::open(run.db);
        QVERIFY(store);
        const TimeRange all{0, std::numeric_limits<qint64>::max()};
        const std::vector<Candle> candles = (*store)->candles({QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")}, all);
        QCOMPARE(candles.size(), size_t(3));
        QCOMPARE(candles.front().openTime, qint64(1739725200000));
        QCOMPARE(candles.front().close, 97005.5);
        QCOMPARE(candles.back().quoteVolume, 800237.375);
        const std::vector<OpenInterestPoint> oi = (*store)->openInterest({QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), {}}, all);
        QCOMPARE(oi.size(), size_t(1));
        QCOMPARE(oi.front().time, qint64(1739725200000));
        QCOMPARE(oi.front().openInterest, 62129.455);
        QCOMPARE(oi.front().openInterestValue, 62129.455 * 97005.5);
    }

    // OKX: history-candles for the instrument and the currency's open interest (USD) are stored
    // under "okx" with the unified symbol; the base-unit open interest comes from the candle close.
    void gapIsBackfilledOverRestOkx() {
        FakeRest rest;
        rest.routes.insert("/api/v5/market/history-candles",
                           R"({"code":"0","msg":"","data":[)"
                           R"(["1630502460000","47100.1","47150","47080","47120.5","1520","15.2","716231.6","1"],)"
                           R"(["1630502400000","47050","47110","47000.5","47100.1","2410","24.1","1134212.41","1"]]})");
        rest.routes.insert("/api/v5/rubik/stat/contracts/open-interest-volume",
                           R"({"code":"0","data":[["1630502400000","1713028741.6898","39800873.554"]],"msg":""})");
        QVERIFY(rest.listen(QHostAddress::LocalHost));
        QStringList frames;
        for (int i = 0; i < 20; ++i)
            frames << QStringLiteral(R"({"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"%1","ccy":"","posSide":"long","side":"sell","sz":"%2","ts":"%3"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}]})")
                          .arg(60000 + i).arg(1 + i).arg(kBaseTime + i);
        FeedOptions o = fastOptions(QUrl(), Exchange::Okx);
        o.symbols = {QStringLiteral("BTCUSDT")};
        o.table = SymbolTable(SymbolTable::Unlisted::Skip);
        o.table.add({"BTC-USDT-SWAP", "BTCUSDT", 0.01, false});
        GapRun run;
        runGap(o, frames, rest, QStringLiteral("okx"), run);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(run.events.back().symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(rest.requests.size(), 2);
        rest.requests.sort();
        QVERIFY2(rest.requests[0].startsWith(QLatin1String("/api/v5/market/history-candles?instId=BTC-USDT-SWAP&bar=1m&after=")), qPrintable(rest.requests[0]));
        QVERIFY2(rest.requests[1].startsWith(QLatin1String("/api/v5/rubik/stat/contracts/open-interest-volume?ccy=BTC&period=5m&begin=")),
                 qPrintable(rest.requests[1]));
        const qint64 before = QUrlQuery(QUrl(rest.requests[0]).query()).queryItemValue(QStringLiteral("before")).toLongLong();
        QCOMPARE((before + 1) % 60000, qint64(0));
        auto store = Store::open(run.db);
        QVERIFY(store);
        const TimeRange all{0, std::numeric_limits<qint64>::max()};
        const std::vector<Candle> candles = (*store)->candles({QStringLiteral("okx"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")}, all);
        QCOMPARE(candles.size(), size_t(2));
        QCOMPARE(candles.front().openTime, qint64(1630502400000));
        QCOMPARE(candles.front().close, 47100.1);
        QCOMPARE(candles.front().volume, 24.1);
        const std::vector<OpenInterestPoint> oi = (*store)->openInterest({QStringLiteral("okx"), QStringLiteral("BTCUSDT"), {}}, all);
        QCOMPARE(oi.size(), size_t(1));
        QCOMPARE(oi.front().time, qint64(1630502400000));
        QCOMPARE(oi.front().openInterestValue, 1713028741.6898);
        QCOMPARE(oi.front().openInterest, 1713028741.6898 / 47100.1);
    }
};

LHM_TEST_MAIN(TestFeedBackfill)
#include "tst_feedbackfill.moc"
