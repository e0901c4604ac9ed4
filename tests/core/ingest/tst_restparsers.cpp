// Pure parsers of the exchanges' REST responses that backfill a live feed's gap: real recorded
// Binance and Bybit payloads (../shared/data) and OKX's documented examples, with exact values,
// error fields, and the exact request URLs.
#include "TestSupport.h"

#include "exchanges/binance/BinanceRest.h"
#include "exchanges/bybit/BybitRest.h"
#include "exchanges/okx/OkxRest.h"

#include <QtTest>

using namespace lhm;
using namespace lhm::test;

class TestRestParsers : public QObject {
    Q_OBJECT
private slots:
    // --- REST backfill responses (real recorded Binance payloads) ---
    void restKlinesAndOpenInterest() {
        const QString dir = QStringLiteral("gocryptotrader-binance-futures-rest/");
        auto k = rest::parseBinanceKlines(readFile(sharedData(dir + QStringLiteral("binance_fapi_v1_klines__0.json"))));
        QVERIFY(k);
        QCOMPARE(k->size(), size_t(500));
        QCOMPARE(k->front().openTime, qint64(1602669900000));
        QCOMPARE(k->front().open, 50.49);
        QCOMPARE(k->front().high, 50.52);
        QCOMPARE(k->front().low, 50.31);
        QCOMPARE(k->front().close, 50.33);
        QCOMPARE(k->front().volume, 3811.648);
        QCOMPARE(k->front().closeTime, qint64(1602670199999));
        QCOMPARE(k->front().trades, qint64(1517));
        QCOMPARE(k->front().takerBuyVolume, 956.116);
        auto oi = rest::parseBinanceOpenInterestHist(readFile(sharedData(dir + QStringLiteral("binance_futures_data_openInterestHist__0.json"))));
        QVERIFY(oi);
        QCOMPARE(oi->size(), size_t(10));
        QCOMPARE(oi->front().time, qint64(1602028800000));
        QCOMPARE(oi->front().openInterest, 286060.674);
        QCOMPARE(oi->front().openInterestValue, 13151177.5449312);
        QVERIFY(!rest::parseBinanceKlines(R"({"code":-1121,"msg":"Invalid symbol."})"));
        QVERIFY(!rest::parseBinanceKlines("[[1,\"x\"]]"));
        QCOMPARE(rest::binanceKlinesUrl(QStringLiteral("https://fapi.binance.com"), QStringLiteral("BTCUSDT"), QStringLiteral("1m"), 1000, 2000).toString(),
                 QStringLiteral("https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=1m&startTime=1000&endTime=2000&limit=1500"));
    }

    // --- Bybit v5 REST backfill: the real recorded open-interest response, the documented kline example ---
    void restBybitKlinesAndOpenInterest() {
        // The v5 "Get Kline" documentation example (an inverse contract, hourly rows; the shape is
        // the same for linear 1m): newest first on the wire, oldest first out of the parser.
        const QByteArray klines = R"({"retCode":0,"retMsg":"OK","result":{"symbol":"BTCUSD","category":"inverse","list":[)"
                                  R"(["1670608800000","17071","17073","17027","17055.5","268611","15.74462667"],)"
                                  R"(["1670605200000","17071.5","17071.5","17061","17071","4177","0.24469757"],)"
                                  R"(["1670601600000","17086.5","17088","16978","17071.5","6356","0.37288112"]]},"retExtInfo":{},"time":1672025956592})";
        auto k = rest::parseBybitKlines(klines);
        QVERIFY2(k, qPrintable(k ? QString() : k.error().toString()));
        QCOMPARE(k->size(), size_t(3));
        QCOMPARE((*k)[0].openTime, qint64(1670601600000));
        QCOMPARE((*k)[0].open, 17086.5);
        QCOMPARE((*k)[0].high, 17088.0);
        QCOMPARE((*k)[0].low, 16978.0);
        QCOMPARE((*k)[0].close, 17071.5);
        QCOMPARE((*k)[0].volume, 6356.0);
        QCOMPARE((*k)[0].quoteVolume, 0.37288112);
        QCOMPARE((*k)[0].closeTime, qint64(1670601659999));
        QCOMPARE((*k)[2].openTime, qint64(1670608800000));
        QCOMPARE((*k)[2].close, 17055.5);
        QCOMPARE((*k)[2].quoteVolume, 15.74462667);
        // Real response (ccxt static test data): one point, base units, no USD value from Bybit.
        auto oi = rest::parseBybitOpenInterest(readFile(sharedData(QStringLiteral("ccxt-static-bybit-open-interest/bybit_fetchOpenInterest_linear_BTCUSDT.json"))));
        QVERIFY2(oi, qPrintable(oi ? QString() : oi.error().toString()));
        QCOMPARE(oi->size(), size_t(1));
        QCOMPARE(oi->front().time, qint64(1739725200000));
        QCOMPARE(oi->front().openInterest, 62129.455);
        QCOMPARE(oi->front().openInterestValue, 0.0);
        // The value comes from the close of the 1m candle holding the point's time; none: stays 0.
        std::vector<OpenInterestPoint> filled = *oi;
        Candle c;
        c.openTime = 1739725200000 - 60000, c.close = 1;  // ends just before the point: not used
        Candle d;
        d.openTime = 1739725200000, d.close = 97005.5;
        rest::fillBybitOpenInterestValue(filled, {c});
        QCOMPARE(filled.front().openInterestValue, 0.0);
        rest::fillBybitOpenInterestValue(filled, {c, d});
        QCOMPARE(filled.front().openInterestValue, 62129.455 * 97005.5);
        // Errors name the field.
        auto e1 = rest::parseBybitKlines(R"({"retCode":10001,"retMsg":"params error: symbol invalid","result":{},"retExtInfo":{},"time":1})");
        QVERIFY(!e1);
        QCOMPARE(e1.error().field, QStringLiteral("retCode"));
        QVERIFY(e1.error().message.contains(QLatin1String("symbol invalid")));
        auto e2 = rest::parseBybitKlines(R"({"retCode":0,"result":{"list":[["1670608800000","17071","x","17027","17055.5","268611","15.7"]]}})");
        QVERIFY(!e2);
        QCOMPARE(e2.error().field, QStringLiteral("result.list[0][2]"));
        auto e3 = rest::parseBybitOpenInterest(R"({"retCode":0,"result":{"list":[{"timestamp":"1739725200000"}]}})");
        QVERIFY(!e3);
        QCOMPARE(e3.error().field, QStringLiteral("result.list[0].openInterest"));
        QVERIFY(!rest::parseBybitOpenInterest("{not json"));
        QCOMPARE(rest::bybitKlinesUrl(QStringLiteral("https://api.bybit.com"), QStringLiteral("BTCUSDT"), 1000, 2000).toString(),
                 QStringLiteral("https://api.bybit.com/v5/market/kline?category=linear&symbol=BTCUSDT&interval=1&start=1000&end=2000&limit=1000"));
        QCOMPARE(rest::bybitOpenInterestUrl(QStringLiteral("https://api.bybit.com"), QStringLiteral("BTCUSDT"), 1000, 2000).toString(),
                 QStringLiteral("https://api.bybit.com/v5/market/open-interest?category=linear&symbol=BTCUSDT&intervalTime=5min&startTime=1000&endTime=2000&limit=200"));
    }

    // --- OKX v5 REST backfill: the documented examples ---
    void restOkxCandlesAndOpenInterest() {
        // "Get candlesticks history" documentation example: [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]
        // (the second row's ts moved one minute back so the two rows are distinct candles).
        const QByteArray candles = R"({"code":"0","msg":"","data":[)"
                                   R"(["1597026383085","3.721","3.743","3.677","3.708","8422410","22698348.04828491","12698348.04828491","1"],)"
                                   R"(["1597026323085","3.731","3.799","3.494","3.72","24912403","67632347.24399722","37632347.24399722","1"]]})";
        auto k = rest::parseOkxCandles(candles);
        QVERIFY2(k, qPrintable(k ? QString() : k.error().toString()));
        QCOMPARE(k->size(), size_t(2));
        QCOMPARE((*k)[0].openTime, qint64(1597026323085));
        QCOMPARE((*k)[0].open, 3.731);
        QCOMPARE((*k)[0].high, 3.799);
        QCOMPARE((*k)[0].low, 3.494);
        QCOMPARE((*k)[0].close, 3.72);
        QCOMPARE((*k)[0].volume, 67632347.24399722);      // volCcy (base), not vol (contracts)
        QCOMPARE((*k)[0].quoteVolume, 37632347.24399722);
        QCOMPARE((*k)[0].closeTime, qint64(1597026383084));
        QCOMPARE((*k)[1].openTime, qint64(1597026383085));
        QCOMPARE((*k)[1].close, 3.708);
        // "Get contract open interest and volume" documentation example: [ts, oi USD, vol USD].
        const QByteArray oiJson = R"({"code":"0","data":[["1630502400000","1713028741.6898","39800873.554"],["1630416000000","1711961256.9692","80126223.0616"]],"msg":""})";
        auto oi = rest::parseOkxOpenInterestVolume(oiJson);
        QVERIFY2(oi, qPrintable(oi ? QString() : oi.error().toString()));
        QCOMPARE(oi->size(), size_t(2));
        QCOMPARE((*oi)[0].time, qint64(1630416000000));
        QCOMPARE((*oi)[0].openInterestValue, 1711961256.9692);
        QCOMPARE((*oi)[0].openInterest, 0.0);
        QCOMPARE((*oi)[1].time, qint64(1630502400000));
        QCOMPARE((*oi)[1].openInterestValue, 1713028741.6898);
        Candle c;
        c.openTime = 1630502400000 - 30000, c.close = 47000.5;  // holds the second point's time
        rest::fillOkxOpenInterest(*oi, {c});
        QCOMPARE((*oi)[0].openInterest, 0.0);
        QCOMPARE((*oi)[1].openInterest, 1713028741.6898 / 47000.5);
        // Errors name the field.
        auto e1 = rest::parseOkxCandles(R"({"code":"51001","msg":"Instrument ID does not exist","data":[]})");
        QVERIFY(!e1);
        QCOMPARE(e1.error().field, QStringLiteral("code"));
        QVERIFY(e1.error().message.contains(QLatin1String("51001")));
        auto e2 = rest::parseOkxCandles(R"({"code":"0","msg":"","data":[["1597026383085","3.721","3.743","3.677",null,"1","2","3","1"]]})");
        QVERIFY(!e2);
        QCOMPARE(e2.error().field, QStringLiteral("data[0][4]"));
        auto e3 = rest::parseOkxOpenInterestVolume(R"({"code":"0","msg":"","data":[["1630502400000"]]})");
        QVERIFY(!e3);
        QCOMPARE(e3.error().field, QStringLiteral("data[0]"));
        QCOMPARE(rest::okxCurrency(QStringLiteral("BTC-USDT-SWAP")), QStringLiteral("BTC"));
        QCOMPARE(rest::okxCandlesUrl(QStringLiteral("https://www.okx.com"), QStringLiteral("BTC-USDT-SWAP"), 60000, 120000).toString(),
                 QStringLiteral("https://www.okx.com/api/v5/market/history-candles?instId=BTC-USDT-SWAP&bar=1m&after=120001&before=59999&limit=100"));
        QCOMPARE(rest::okxOpenInterestVolumeUrl(QStringLiteral("https://www.okx.com"), QStringLiteral("BTC"), 1000, 2000).toString(),
                 QStringLiteral("https://www.okx.com/api/v5/rubik/stat/contracts/open-interest-volume?ccy=BTC&period=5m&begin=1000&end=2000"));
    }
};

LHM_TEST_MAIN(TestRestParsers)
#include "tst_restparsers.moc"
