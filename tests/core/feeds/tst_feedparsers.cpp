// Frame parsers of the live feeds, against real recorded frames (tardis-node test frames, the
// chiefJurist forceOrder capture, the hftbacktest trade stream) and frames written from each
// exchange's documented examples. Every side convention is checked with exact values.
#include "TestSupport.h"

#include "config/ExchangesConfig.h"
#include "exchanges/binance/BinanceProtocol.h"
#include "exchanges/bybit/BybitProtocol.h"
#include "exchanges/hyperliquid/HyperliquidProtocol.h"
#include "exchanges/okx/OkxProtocol.h"
#include "feeds/Backoff.h"
#include "feeds/ExchangeProtocol.h"
#include "feeds/FastJson.h"
#include "feeds/FeedOptions.h"
#include "ingest/history/HistorySource.h"
#include "ingest/rest/RestBackfillClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

using namespace lhm;
using namespace lhm::feeds;
using namespace lhm::test;

namespace {

SymbolTable table(SymbolTable::Unlisted policy, std::initializer_list<SymbolSpec> specs = {}) {
    SymbolTable t(policy);
    for (const SymbolSpec &s : specs) t.add(s);
    return t;
}

FrameResult parse(const ExchangeProtocol &p, const QByteArray &frame, qint64 recv = 42) {
    FrameResult r;
    p.parse(frame, recv, r);
    return r;
}

QByteArray jsonlLine(const QString &file, int index) {
    const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("tardis-node-liquidation-frames/") + file)).split('\n');
    return index < lines.size() ? lines.at(index) : QByteArray();
}

}  // namespace

class TestFeedParsers : public QObject {
    Q_OBJECT
private slots:
    // config/ExchangeList.h is the one list: each of its lines reaches the descriptor, the live
    // protocol, the REST history source and the gap backfill of that exchange, in list order.
    void everyListedExchangeHasItsHooks() {
        const QStringList ids{QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx"), QStringLiteral("hyperliquid")};
        QCOMPARE(kExchangeCount, 4);
        QCOMPARE(ExchangeRegistry::knownNames(), ids);
        for (int i = 0; i < kExchangeCount; ++i) {
            const Exchange e = Exchange(i);
            QCOMPARE(QString::fromLatin1(exchangeName(e)), ids.at(i));
            Exchange back;
            QVERIFY(exchangeFromName(ids.at(i).toUpper(), &back) && back == e);
            const auto p = ExchangeProtocol::create(e, SymbolTable(SymbolTable::Unlisted::Reject));
            QVERIFY(p);
            QCOMPARE(int(p->exchange()), i);
        }
        // Binance's history is the data.binance.vision archive; the others page through REST.
        QVERIFY(!createHistorySource(QStringLiteral("binance"), {}));
        for (const char *rest : {"bybit", "okx", "hyperliquid"}) QVERIFY2(createHistorySource(QLatin1String(rest), {}), rest);
        // Hyperliquid publishes no open-interest history to fill a gap with.
        QCOMPARE(int(*rest::RestBackfillClient::venueFor(QStringLiteral("okx"))), int(Exchange::Okx));
        QCOMPARE(int(*rest::RestBackfillClient::venueFor(QStringLiteral("binance"))), int(Exchange::Binance));
        QVERIFY(rest::RestBackfillClient::venueFor(QStringLiteral("bybit")));
        QVERIFY(!rest::RestBackfillClient::venueFor(QStringLiteral("hyperliquid")));
        QVERIFY(!rest::RestBackfillClient::venueFor(QStringLiteral("kraken")));
    }

    // --- Binance: o.S is the ORDER side, SELL liquidates a long ---
    void binanceRealForceOrder() {
        BinanceProtocol p(table(SymbolTable::Unlisted::Reject, {{"BTCUSDT", "BTCUSDT", 1, false}}));
        const QByteArray frame = jsonlLine(QStringLiteral("binance-futures.jsonl"), 0);
        QVERIFY(frame.contains("btcusdt@forceOrder"));
        const FrameResult r = parse(p, frame, 1234);
        QCOMPARE(r.errors.size(), size_t(0));
        QCOMPARE(r.liquidations.size(), size_t(1));
        const LiquidationEvent &e = r.liquidations[0];
        QCOMPARE(e.exchange, QStringLiteral("binance"));
        QCOMPARE(e.symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(e.side, Side::Short);  // S = BUY: a short was closed
        QCOMPARE(e.price, 4706.04);     // ap (average fill), not p (4793.91)
        QCOMPARE(e.qty, 0.014);         // z (filled)
        QCOMPARE(e.notional, 4706.04 * 0.014);
        QCOMPARE(e.time, qint64(1584059031421));
        QCOMPARE(e.receiveTime, qint64(1234));
    }

    void binanceSellMeansLongAndFallbacks() {
        BinanceProtocol p(table(SymbolTable::Unlisted::Reject, {{"ETHUSDT", "ETHUSDT", 1, false}}));
        // Documented shape, bare (no envelope), z = 0 and ap = 0: use q and p.
        const FrameResult r = parse(p, R"({"e":"forceOrder","E":1568014460893,"o":{"s":"ETHUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"1.5","p":"2500.5","ap":"0","X":"NEW","l":"0","z":"0","T":1568014460890}})");
        QCOMPARE(r.errors.size(), size_t(0));
        QCOMPARE(r.liquidations.size(), size_t(1));
        QCOMPARE(r.liquidations[0].side, Side::Long);
        QCOMPARE(r.liquidations[0].qty, 1.5);
        QCOMPARE(r.liquidations[0].price, 2500.5);
        QCOMPARE(r.liquidations[0].notional, 3750.75);
        QCOMPARE(r.liquidations[0].time, qint64(1568014460890));
    }

    // All 949 real forceOrder events of the chiefJurist capture, rebuilt as stream frames
    // (odd ones in the combined-stream envelope), against counts computed from the CSV itself.
    void binanceChiefJuristCapture() {
        const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("chiefJurist-binance-forceorder-csv/binance_liquidations.csv"))).split('\n');
        QCOMPARE(lines.first(), QByteArray("timestamp,symbol,side,avg_price,filled_qty,usd_value"));
        BinanceProtocol p(table(SymbolTable::Unlisted::Accept));
        int rows = 0, expLong = 0, expShort = 0, gotLong = 0, gotShort = 0, btc = 0, eth = 0;
        double expNotional = 0, gotNotional = 0, csvUsd = 0;
        FrameResult r;
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines.at(i).trimmed().split(',');
            if (f.size() != 6) continue;
            ++rows;
            const qint64 t = QDateTime::fromString(QString::fromLatin1(f[0].left(23)), Qt::ISODateWithMs).toUTC().toMSecsSinceEpoch();
            const QByteArray core = "{\"e\":\"forceOrder\",\"E\":" + QByteArray::number(t + 5) + ",\"o\":{\"s\":\"" + f[1] + "\",\"S\":\"" +
                                    f[2] + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + f[4] + "\",\"p\":\"" + f[3] + "\",\"ap\":\"" + f[3] +
                                    "\",\"X\":\"FILLED\",\"l\":\"" + f[4] + "\",\"z\":\"" + f[4] + "\",\"T\":" + QByteArray::number(t) + "}}";
            const QByteArray frame = i % 2 ? "{\"stream\":\"!forceOrder@arr\",\"data\":" + core + "}" : core;
            (f[2] == "SELL" ? expLong : expShort)++;
            expNotional += std::strtod(f[3].constData(), nullptr) * std::strtod(f[4].constData(), nullptr);
            csvUsd += std::strtod(f[5].constData(), nullptr);
            r.clear();
            p.parse(frame, 0, r);
            QVERIFY2(r.errors.empty(), frame.constData());
            QCOMPARE(r.liquidations.size(), size_t(1));
            const LiquidationEvent &e = r.liquidations[0];
            QCOMPARE(e.time, t);
            QCOMPARE(e.symbol, QString::fromUtf8(f[1]));
            (e.side == Side::Long ? gotLong : gotShort)++;
            gotNotional += e.notional;
            btc += e.symbol == QLatin1String("BTCUSDT");
            eth += e.symbol == QLatin1String("ETHUSDT");
        }
        QCOMPARE(rows, 949);
        QCOMPARE(expLong, 864);
        QCOMPARE(expShort, 85);
        QCOMPARE(gotLong, expLong);
        QCOMPARE(gotShort, expShort);
        QCOMPARE(btc, 16);
        QCOMPARE(eth, 33);
        QCOMPARE(gotNotional, expNotional);
        QVERIFY(std::abs(gotNotional - 1971298.65703116) < 1e-6);
        QVERIFY(std::abs(gotNotional - csvUsd) < 1e-6);
    }

    // The real hftbacktest capture: "<ns> <combined JSON>" lines of @trade, @bookTicker, @depth.
    void binanceRealTradeStream() {
        const QByteArray text = gunzipFile(sharedData(QStringLiteral("hftbacktest-binance-usdm-ws/btcusdt_20240808.gz")));
        QVERIFY(!text.isEmpty());
        BinanceProtocol p(table(SymbolTable::Unlisted::Reject, {{"BTCUSDT", "BTCUSDT", 1, false}}));
        int lines = 0, trades = 0, expectedTrades = 0, ignored = 0, takerBuys = 0;
        double first = 0, last = 0;
        qint64 firstT = 0, lastT = 0;
        FrameResult r;
        for (const QByteArray &line : text.split('\n')) {
            const qsizetype sp = line.indexOf(' ');
            if (sp <= 0) continue;
            ++lines;
            const QByteArray frame = line.mid(sp + 1);
            expectedTrades += frame.contains("\"e\":\"trade\"");
            r.clear();
            p.parse(frame, line.left(sp).toLongLong() / 1000000, r);
            QVERIFY(r.errors.empty());
            QVERIFY(r.liquidations.empty());
            ignored += r.ignored;
            for (const PriceTick &t : r.ticks) {
                QCOMPARE(t.kind, PriceTick::Kind::Trade);
                if (!trades) first = t.price, firstT = t.time;
                last = t.price, lastT = t.time;
                takerBuys += t.takerBuy;
                ++trades;
            }
        }
        QCOMPARE(lines, 93954);
        QCOMPARE(expectedTrades, 21313);
        QCOMPARE(trades, 21313);
        QCOMPARE(ignored, 93954 - 21313);  // bookTicker, depthUpdate and one REST depth snapshot
        QCOMPARE(first, 61800.30);
        QCOMPARE(firstT, qint64(1723161256322));
        QCOMPARE(last, 61659.80);
        QCOMPARE(lastT, qint64(1723161599643));
        QVERIFY(takerBuys > 0 && takerBuys < trades);
    }

    void binanceAggTradeAndMarkPrice() {
        BinanceProtocol p(table(SymbolTable::Unlisted::Reject, {{"BTCUSDT", "BTCUSDT", 1, false}}));
        FrameResult r = parse(p, R"({"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":123456789,"s":"BTCUSDT","a":5933014,"p":"61000.10","q":"0.250","f":100,"l":105,"T":123456785,"m":true}})");
        QCOMPARE(r.ticks.size(), size_t(1));
        QCOMPARE(r.ticks[0].price, 61000.10);
        QCOMPARE(r.ticks[0].qty, 0.25);
        QCOMPARE(r.ticks[0].takerBuy, false);  // buyer was the maker: the taker sold
        QCOMPARE(r.ticks[0].time, qint64(123456785));
        r = parse(p, R"({"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000})");
        QCOMPARE(r.ticks.size(), size_t(1));
        QCOMPARE(r.ticks[0].kind, PriceTick::Kind::Mark);
        QCOMPARE(r.ticks[0].price, 11794.15);
        QCOMPARE(r.ticks[0].time, qint64(1562305380000));
        r = parse(p, R"({"result":null,"id":1})");
        QVERIFY(r.control);
    }

    // --- Bybit: S is the POSITION side, Buy means a long was liquidated ---
    void bybitRealAllLiquidation() {
        BybitProtocol p(table(SymbolTable::Unlisted::Accept));
        const FrameResult r = parse(p, jsonlLine(QStringLiteral("bybit.jsonl"), 5), 7);
        QCOMPARE(r.errors.size(), size_t(0));
        QCOMPARE(r.liquidations.size(), size_t(1));
        const LiquidationEvent &e = r.liquidations[0];
        QCOMPARE(e.exchange, QStringLiteral("bybit"));
        QCOMPARE(e.symbol, QStringLiteral("PIPPINUSDT"));
        QCOMPARE(e.side, Side::Short);  // S = Sell: a short position was liquidated
        QCOMPARE(e.qty, 2846.0);
        QCOMPARE(e.price, 0.02456);
        QCOMPARE(e.notional, 2846.0 * 0.02456);
        QCOMPARE(e.time, qint64(1740480207110));
        // The older v5 liquidation.<SYMBOL> topic (real GALAUSDT frame): same convention, long names.
        const FrameResult g = parse(p, jsonlLine(QStringLiteral("bybit.jsonl"), 3));
        QCOMPARE(g.liquidations.size(), size_t(1));
        QCOMPARE(g.liquidations[0].side, Side::Long);  // side = Buy
        QCOMPARE(g.liquidations[0].qty, 1637.0);
        QCOMPARE(g.liquidations[0].price, 0.03803);
        QCOMPARE(g.liquidations[0].time, qint64(1673251091822));
    }

    void bybitDocumentedFrames() {
        BybitProtocol p(table(SymbolTable::Unlisted::Reject, {{"BTCUSDT", "BTCUSDT", 1, false}, {"ETHUSDT", "ETHUSDT", 1, false}}));
        const FrameResult r = parse(p, R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1739502303204,"data":[{"T":1739502302929,"s":"BTCUSDT","S":"Buy","v":"0.25","p":"95000.5"},{"T":1739502302930,"s":"BTCUSDT","S":"Sell","v":"0.004","p":"95100"}]})");
        QCOMPARE(r.errors.size(), size_t(0));
        QCOMPARE(r.liquidations.size(), size_t(2));
        QCOMPARE(r.liquidations[0].side, Side::Long);
        QCOMPARE(r.liquidations[0].notional, 0.25 * 95000.5);
        QCOMPARE(r.liquidations[1].side, Side::Short);
        QCOMPARE(r.liquidations[1].qty, 0.004);
        QCOMPARE(r.liquidations[1].time, qint64(1739502302930));
        FrameResult t = parse(p, R"({"topic":"tickers.ETHUSDT","type":"snapshot","data":{"symbol":"ETHUSDT","tickDirection":"PlusTick","lastPrice":"2650.12","markPrice":"2650.30","indexPrice":"2651.00","fundingRate":"0.0001"},"cs":24987956059,"ts":1673272861686})");
        QCOMPARE(t.ticks.size(), size_t(1));
        QCOMPARE(t.ticks[0].kind, PriceTick::Kind::Last);
        QCOMPARE(t.ticks[0].price, 2650.12);
        QCOMPARE(t.ticks[0].time, qint64(1673272861686));
        t = parse(p, R"({"topic":"tickers.ETHUSDT","type":"delta","data":{"symbol":"ETHUSDT","openInterest":"1000"},"cs":1,"ts":1673272861687})");
        QVERIFY(t.ticks.empty());
        QVERIFY(t.errors.empty());
        QVERIFY(t.ignored);
        QVERIFY(parse(p, R"({"success":true,"ret_msg":"pong","conn_id":"abc","op":"ping"})").control);
        QVERIFY(parse(p, R"({"success":true,"ret_msg":"","conn_id":"abc","req_id":"","op":"subscribe"})").control);
    }

    // --- OKX: sizes in contracts; posSide is the liquidated position; net mode: sell closes a long ---
    void okxRealFuturesFrame() {
        // Real frame: XRP-USD-230929 inverse futures, 1 contract = 100 USD.
        OkxProtocol p(table(SymbolTable::Unlisted::Reject, {{"XRP-USD-230929", "XRPUSD_230929", 100, true}}));
        const FrameResult r = parse(p, jsonlLine(QStringLiteral("okex-futures.jsonl"), 0));
        QCOMPARE(r.errors.size(), size_t(0));
        QCOMPARE(r.liquidations.size(), size_t(1));
        const LiquidationEvent &e = r.liquidations[0];
        QCOMPARE(e.exchange, QStringLiteral("okx"));
        QCOMPARE(e.symbol, QStringLiteral("XRPUSD_230929"));
        QCOMPARE(e.side, Side::Short);  // posSide short
        QCOMPARE(e.price, 0.55205);
        QCOMPARE(e.qty, 39 * 100 / 0.55205);
        QCOMPARE(e.notional, 0.55205 * (39 * 100 / 0.55205));
        QCOMPARE(e.time, qint64(1680173247614));
    }

    void okxDocumentedSwapFrames() {
        auto cfg = ExchangesConfig::loadFile(sourcePath(QStringLiteral("config/exchanges.yaml")));
        QVERIFY2(cfg, qPrintable(cfg ? QString() : cfg.error().toString()));
        const FeedOptions o = FeedOptions::fromConfig(Exchange::Okx, *cfg->find(QStringLiteral("okx")),
                                                      {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
        OkxProtocol p(o.table);
        const FrameResult r = parse(p, R"({"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[)"
                                       R"({"details":[{"bkLoss":"0","bkPx":"60321.5","ccy":"","posSide":"net","side":"sell","sz":"250","ts":"1692266434010"},)"
                                       R"({"bkLoss":"0","bkPx":"60400","ccy":"","posSide":"net","side":"buy","sz":"3","ts":"1692266434011"}],)"
                                       R"("instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"},)"
                                       R"({"details":[{"bkLoss":"0","bkPx":"2601.25","ccy":"","posSide":"long","side":"sell","sz":"40","ts":"1692266434020"}],)"
                                       R"("instFamily":"ETH-USDT","instId":"ETH-USDT-SWAP","instType":"SWAP","uly":"ETH-USDT"},)"
                                       R"({"details":[{"bkLoss":"0","bkPx":"0.007831","ccy":"","posSide":"short","side":"buy","sz":"13","ts":"1692266434010"}],)"
                                       R"("instFamily":"IOST-USDT","instId":"IOST-USDT-SWAP","instType":"SWAP","uly":"IOST-USDT"}]})");
        QCOMPARE(r.errors.size(), size_t(0));  // IOST is not ours: skipped quietly on this broadcast channel
        QCOMPARE(r.liquidations.size(), size_t(3));
        QCOMPARE(r.liquidations[0].symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(r.liquidations[0].side, Side::Long);  // net + sell
        QCOMPARE(r.liquidations[0].qty, 250 * 0.01);   // 250 contracts of 0.01 BTC
        QCOMPARE(r.liquidations[0].notional, 60321.5 * (250 * 0.01));
        QCOMPARE(r.liquidations[1].side, Side::Short);  // net + buy
        QCOMPARE(r.liquidations[1].qty, 3 * 0.01);
        QCOMPARE(r.liquidations[2].symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(r.liquidations[2].side, Side::Long);  // posSide long
        QCOMPARE(r.liquidations[2].qty, 40 * 0.1);
        QCOMPARE(r.liquidations[2].time, qint64(1692266434020));
        const FrameResult t = parse(p, R"({"arg":{"channel":"tickers","instId":"BTC-USDT-SWAP"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","last":"9999.99","lastSz":"1","askPx":"9999.99","bidPx":"8888.88","ts":"1597026383085"}]})");
        QCOMPARE(t.ticks.size(), size_t(1));
        QCOMPARE(t.ticks[0].symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(t.ticks[0].price, 9999.99);
        QCOMPARE(t.ticks[0].time, qint64(1597026383085));
        QVERIFY(parse(p, "pong").control);
        QVERIFY(parse(p, R"({"event":"subscribe","arg":{"channel":"tickers","instId":"BTC-USDT-SWAP"},"connId":"a4d3ae55"})").control);
        QCOMPARE(p.subscribeMessages({QStringLiteral("BTCUSDT")}).first(),
                 QStringLiteral(R"({"args":[{"channel":"liquidation-orders","instType":"SWAP"},{"channel":"tickers","instId":"BTC-USDT-SWAP"}],"op":"subscribe"})"));
    }

    // --- Hyperliquid: trades only (no public liquidation stream) ---
    void hyperliquidDocumentedTrades() {
        HyperliquidProtocol p(table(SymbolTable::Unlisted::Reject, {{"BTC", "BTCUSDT", 1, false}}));
        const FrameResult r = parse(p, R"({"channel":"trades","data":[{"coin":"BTC","side":"B","px":"72581.0","sz":"0.00017","time":1787259217020,"hash":"0x00","tid":877707108085800,"users":["0x9b","0x70"]},{"coin":"BTC","side":"A","px":"72580.5","sz":"1.5","time":1787259217021,"hash":"0x01","tid":877707108085801,"users":["0x9b","0x70"]}]})");
        QCOMPARE(r.errors.size(), size_t(0));
        QVERIFY(r.liquidations.empty());
        QCOMPARE(r.ticks.size(), size_t(2));
        QCOMPARE(r.ticks[0].exchange, QStringLiteral("hyperliquid"));
        QCOMPARE(r.ticks[0].symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(r.ticks[0].price, 72581.0);
        QCOMPARE(r.ticks[0].qty, 0.00017);
        QCOMPARE(r.ticks[0].takerBuy, true);
        QCOMPARE(r.ticks[1].takerBuy, false);
        QCOMPARE(r.ticks[1].time, qint64(1787259217021));
        QVERIFY(parse(p, R"({"channel":"pong"})").control);
        QVERIFY(parse(p, R"({"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"trades","coin":"BTC"}}})").control);
        QVERIFY(!hasLiquidationStream(Exchange::Hyperliquid));
        QCOMPARE(p.nativeSymbol(QStringLiteral("ETHUSDT")), QStringLiteral("ETH"));
    }

    // --- bad input: errors are values with a kind, unknown fields are ignored ---
    void badInput_data() {
        QTest::addColumn<int>("exchange");
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("kind");  // -1: no error, frame must still yield one event/tick
        const int B = int(Exchange::Binance), Y = int(Exchange::Bybit), O = int(Exchange::Okx), H = int(Exchange::Hyperliquid);
        const auto k = [](ParseErrorKind x) { return int(x); };
        QTest::newRow("binance malformed") << B << QByteArray(R"({"e":"forceOrder","o":{)") << k(ParseErrorKind::MalformedJson);
        QTest::newRow("binance array") << B << QByteArray("[1,2]") << k(ParseErrorKind::NotAnObject);
        QTest::newRow("binance o not object") << B << QByteArray(R"({"e":"forceOrder","o":"x"})") << k(ParseErrorKind::WrongType);
        QTest::newRow("binance price object") << B << QByteArray(R"({"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","q":"1","p":{"x":1},"T":1}})") << k(ParseErrorKind::WrongType);
        QTest::newRow("binance qty text") << B << QByteArray(R"({"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","q":"abc","p":"1","T":1}})") << k(ParseErrorKind::BadValue);
        QTest::newRow("binance missing T") << B << QByteArray(R"({"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","q":"1","p":"1"}})") << k(ParseErrorKind::MissingField);
        QTest::newRow("binance bad side") << B << QByteArray(R"({"e":"forceOrder","o":{"s":"BTCUSDT","S":"HOLD","q":"1","p":"1","T":1}})") << k(ParseErrorKind::BadValue);
        QTest::newRow("binance unknown symbol") << B << QByteArray(R"({"e":"forceOrder","o":{"s":"FOOUSDT","S":"SELL","q":"1","p":"1","T":1}})") << k(ParseErrorKind::UnknownSymbol);
        QTest::newRow("binance unknown fields") << B << QByteArray(R"({"e":"forceOrder","zz":[1],"o":{"s":"BTCUSDT","S":"SELL","q":"1","p":"2","T":1,"new":{"a":1}}})") << -1;
        QTest::newRow("bybit malformed") << Y << QByteArray("{topic") << k(ParseErrorKind::MalformedJson);
        QTest::newRow("bybit data string") << Y << QByteArray(R"({"topic":"allLiquidation.BTCUSDT","data":"x"})") << k(ParseErrorKind::WrongType);
        QTest::newRow("bybit v number ok") << Y << QByteArray(R"({"topic":"allLiquidation.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":0.5,"p":"100","extra":true}]})") << -1;
        QTest::newRow("bybit missing p") << Y << QByteArray(R"({"topic":"allLiquidation.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"1"}]})") << k(ParseErrorKind::MissingField);
        QTest::newRow("bybit zero size") << Y << QByteArray(R"({"topic":"allLiquidation.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"0","p":"1"}]})") << k(ParseErrorKind::BadValue);
        QTest::newRow("bybit unknown symbol") << Y << QByteArray(R"({"topic":"allLiquidation.FOOUSDT","data":[{"T":1,"s":"FOOUSDT","S":"Buy","v":"1","p":"1"}]})") << k(ParseErrorKind::UnknownSymbol);
        QTest::newRow("okx malformed") << O << QByteArray("pon") << k(ParseErrorKind::MalformedJson);
        QTest::newRow("okx details not array") << O << QByteArray(R"({"arg":{"channel":"liquidation-orders"},"data":[{"instId":"BTC-USDT-SWAP","details":{}}]})") << k(ParseErrorKind::WrongType);
        QTest::newRow("okx bad posSide") << O << QByteArray(R"({"arg":{"channel":"liquidation-orders"},"data":[{"instId":"BTC-USDT-SWAP","details":[{"posSide":"up","sz":"1","bkPx":"1","ts":"1"}]}]})") << k(ParseErrorKind::BadValue);
        QTest::newRow("okx unknown symbol") << O << QByteArray(R"({"arg":{"channel":"liquidation-orders"},"data":[{"instId":"FOO-USDT-SWAP","details":[{"posSide":"long","sz":"1","bkPx":"1","ts":"1"}]}]})") << k(ParseErrorKind::UnknownSymbol);
        QTest::newRow("okx unknown fields") << O << QByteArray(R"({"arg":{"channel":"liquidation-orders","x":1},"data":[{"instId":"BTC-USDT-SWAP","y":[],"details":[{"posSide":"short","sz":"1","bkPx":"1","ts":"1","z":null}]}]})") << -1;
        QTest::newRow("hl data object") << H << QByteArray(R"({"channel":"trades","data":{}})") << k(ParseErrorKind::WrongType);
        QTest::newRow("hl record not object") << H << QByteArray(R"({"channel":"trades","data":[7]})") << k(ParseErrorKind::NotAnObject);
        QTest::newRow("hl px bool") << H << QByteArray(R"({"channel":"trades","data":[{"coin":"BTC","side":"B","px":true,"sz":"1","time":1}]})") << k(ParseErrorKind::WrongType);
        QTest::newRow("hl unknown coin") << H << QByteArray(R"({"channel":"trades","data":[{"coin":"FOO","side":"B","px":"1","sz":"1","time":1}]})") << k(ParseErrorKind::UnknownSymbol);
        QTest::newRow("hl no channel") << H << QByteArray(R"({"data":[]})") << k(ParseErrorKind::MissingField);
    }
    void badInput() {
        QFETCH(int, exchange);
        QFETCH(QByteArray, frame);
        QFETCH(int, kind);
        SymbolTable t(SymbolTable::Unlisted::Reject);
        const Exchange e = Exchange(exchange);
        t.add(e == Exchange::Okx ? SymbolSpec{"BTC-USDT-SWAP", "BTCUSDT", 0.01, false}
              : e == Exchange::Hyperliquid ? SymbolSpec{"BTC", "BTCUSDT", 1, false}
                                           : SymbolSpec{"BTCUSDT", "BTCUSDT", 1, false});
        const auto p = ExchangeProtocol::create(e, t);
        const FrameResult r = parse(*p, frame);
        if (kind < 0) {
            QCOMPARE(r.errors.size(), size_t(0));
            QCOMPARE(r.liquidations.size() + r.ticks.size(), size_t(1));
        } else {
            QCOMPARE(r.errors.size(), size_t(1));
            QCOMPARE(int(r.errors[0].kind), kind);
            QVERIFY(r.liquidations.empty() && r.ticks.empty());
        }
    }

    // --- the hot-path JSON reader: strict, and agrees with QJsonDocument on what is JSON ---
    void fastJsonStrictness() {
        FastJson j;
        const QByteArray frame = jsonlLine(QStringLiteral("binance-futures.jsonl"), 0);
        for (qsizetype n = 0; n < frame.size(); ++n)
            QVERIFY2(!j.parse(std::string_view(frame.constData(), size_t(n))), frame.left(n).constData());
        QVERIFY(j.parse(std::string_view(frame.constData(), size_t(frame.size()))));
        const QByteArray deep60 = QByteArray(60, '[') + QByteArray(60, ']');
        const QByteArray deep70 = QByteArray(70, '[') + QByteArray(70, ']');
        const QList<QByteArray> valid = {" {\"a\" : [1, -2.5e3, true, false, null, \"x\\u00e9\\\"y\"], \"b\":{}} ", "[]", "0", "\"s\"",
                                         "{\"k\":-0.5E+2}", deep60};
        const QList<QByteArray> invalid = {"{\"a\":01}", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "\"\\x\"", "tru", "{} x", "\"a\nb\"",
                                           "{\"a\":.5}", "{\"a\":1.}", "{\"a\":-}", "{1:2}", "", "  ", "[\"\\u12\"]", "nul", deep70};
        for (const QByteArray &v : valid) {
            QVERIFY2(j.parse(std::string_view(v.constData(), size_t(v.size()))), v.constData());
            if (v != deep60) QVERIFY2(!QJsonDocument::fromJson(v).isNull() || v == "0" || v == "\"s\"", v.constData());
        }
        for (const QByteArray &v : invalid) {
            QVERIFY2(!j.parse(std::string_view(v.constData(), size_t(v.size()))), v.constData());
            QVERIFY(j.error() != nullptr);
        }
        QVERIFY(j.parse("{\"a\":[1,-2.5e3,true,\"x\\u00e9\\\"y\"],\"n\":\"61800.30\",\"b\":{\"c\":null}}"));
        const FastJson::View root = j.root();
        double d = 0;
        QVERIFY(root["n"].toDouble(&d));
        QCOMPARE(d, 61800.30);
        int i = 0;
        for (const FastJson::View v : root["a"]) {
            if (i == 1) QVERIFY(v.toDouble(&d) && d == -2500.0);
            if (i == 2) QVERIFY(v.isBool() && v.boolValue());
            if (i == 3) QCOMPARE(v.toQString(), QString::fromUtf8("x\u00e9\"y"));
            ++i;
        }
        QCOMPARE(i, 4);
        QVERIFY(root["b"].isObject() && root["b"]["c"].isValid() && !root["b"]["d"].isValid());
        QVERIFY(!root["zz"].isValid());
        QVERIFY(!root["a"].toDouble(&d));
    }

    // --- config and backoff ---
    void exchangesConfig() {
        auto cfg = ExchangesConfig::loadFile(sourcePath(QStringLiteral("config/exchanges.yaml")));
        QVERIFY(cfg);
        QCOMPARE(cfg->names(), QStringList({"binance", "bybit", "okx", "hyperliquid"}));
        QCOMPARE(cfg->find(QStringLiteral("okx"))->symbol(QStringLiteral("BTCUSDT"))->contractValue, 0.01);
        QCOMPARE(cfg->find(QStringLiteral("okx"))->symbol(QStringLiteral("ETHUSDT"))->native, QStringLiteral("ETH-USDT-SWAP"));
        QCOMPARE(cfg->find(QStringLiteral("hyperliquid"))->liquidationStream, false);
        QCOMPARE(cfg->find(QStringLiteral("bybit"))->pingIntervalMs, 20000);
        auto bad = ExchangesConfig::parse("exchanges:\n  binance:\n    ws_url: wss://x\n    pingg: 3\n", QStringLiteral("e.yaml"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().line, qint64(4));
        auto badUrl = ExchangesConfig::parse("exchanges:\n  okx:\n    ws_url: http://x\n", QStringLiteral("e.yaml"));
        QVERIFY(!badUrl);
        QCOMPARE(badUrl.error().field, QStringLiteral("ws_url"));
    }

    // The exchange descriptors: code facts merged with the one symbol table of exchanges.yaml.
    void exchangeDescriptors() {
        auto cfg = ExchangeRegistry::loadFile(sourcePath(QStringLiteral("config/exchanges.yaml")));
        QVERIFY2(cfg, qPrintable(cfg ? QString() : cfg.error().toString()));
        const ExchangeDescriptor *okx = cfg->find(QStringLiteral("okx"));
        const ExchangeDescriptor *hl = cfg->find(QStringLiteral("hyperliquid"));
        const ExchangeDescriptor *bybit = cfg->find(QStringLiteral("bybit"));
        QVERIFY(okx && hl && bybit);
        // BTCUSDT <-> BTC-USDT-SWAP (ctVal 0.01 BTC, OKX's published contract value) <-> BTC.
        QCOMPARE(okx->nativeSymbol(QStringLiteral("BTCUSDT")), QStringLiteral("BTC-USDT-SWAP"));
        QCOMPARE(okx->contractValue(QStringLiteral("ETHUSDT")), 0.1);
        QCOMPARE(hl->nativeSymbol(QStringLiteral("ETHUSDT")), QStringLiteral("ETH"));
        QCOMPARE(bybit->nativeSymbol(QStringLiteral("BTCUSDT")), QStringLiteral("BTCUSDT"));
        QCOMPARE(okx->symbolByNative(QStringLiteral("BTC-USDT-SWAP"))->unified, QStringLiteral("BTCUSDT"));
        // Unlisted symbols follow the naming rule; on OKX the contract value must come from config.
        QCOMPARE(okx->nativeSymbol(QStringLiteral("SOLUSDT")), QStringLiteral("SOL-USDT-SWAP"));
        QCOMPARE(okx->contractValue(QStringLiteral("SOLUSDT")), 0.0);
        QCOMPARE(hl->nativeSymbol(QStringLiteral("SOLUSDT")), QStringLiteral("SOL"));
        QCOMPARE(bybit->contractValue(QStringLiteral("SOLUSDT")), 1.0);
        // Quirks and capabilities.
        QVERIFY(!hl->liquidationStream && hl->recordsOpenInterestLive && !hl->history.openInterest && hl->history.candles);
        QCOMPARE(hl->fundingIntervalHours, 1);
        QVERIFY(okx->sizesInContracts && okx->liquidationChannelBroadcast && okx->history.openInterest);
        QVERIFY(!hl->gapBackfill && bybit->gapBackfill);
        QCOMPARE(okx->displayName, QStringLiteral("OKX"));
        QVERIFY(okx->tiersDir().endsWith(QLatin1String("tiers/okx")));
        QCOMPARE(ExchangeRegistry::knownNames(), QStringList({"binance", "bybit", "okx", "hyperliquid"}));
        // Endpoints come from the config when set, else from the built-in defaults.
        auto only = ExchangeRegistry::parse("exchanges:\n  okx:\n    rest_url: http://127.0.0.1:9\n", QStringLiteral("e.yaml"));
        QVERIFY(only);
        QCOMPARE(only->names(), QStringList({"okx"}));
        QCOMPARE(only->find(QStringLiteral("okx"))->restUrl, QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(only->find(QStringLiteral("okx"))->wsUrl, QStringLiteral("wss://ws.okx.com:8443/ws/v5/public"));
        // Bad input names the field and line.
        auto unknown = ExchangeRegistry::parse("exchanges:\n  kraken: {}\n", QStringLiteral("e.yaml"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().line, qint64(2));
        QVERIFY(unknown.error().message.contains(QLatin1String("kraken")));
        auto noCtVal = ExchangeRegistry::parse("exchanges:\n  okx: {}\nsymbols:\n  SOLUSDT: {okx: SOL-USDT-SWAP}\n", QStringLiteral("e.yaml"));
        QVERIFY(!noCtVal);
        QCOMPARE(noCtVal.error().field, QStringLiteral("contract_value"));
        auto twice = ExchangeRegistry::parse("exchanges:\n  bybit: {}\n  bybit: {}\n", QStringLiteral("e.yaml"));
        QVERIFY(!twice);
        // A config cannot invent a liquidation stream the exchange does not publish.
        auto invent = ExchangeRegistry::parse("exchanges:\n  hyperliquid:\n    liquidation_stream: true\n", QStringLiteral("e.yaml"));
        QVERIFY(invent);
        QVERIFY(!invent->find(QStringLiteral("hyperliquid"))->liquidationStream);
    }

    void backoffBounds() {
        Backoff b(1000, 30000, 7);
        const int first = b.next();
        QVERIFY(first >= 500 && first <= 1000);
        int prevBase = 1000;
        for (int i = 1; i < 12; ++i) {
            const int base = std::min(prevBase * 2, 30000);
            const int d = b.next();
            QVERIFY2(d >= base / 2 && d <= base, qPrintable(QString::number(d)));
            prevBase = base;
        }
        b.reset();
        QVERIFY(b.next() <= 1000);
    }
};

LHM_TEST_MAIN(TestFeedParsers)
#include "tst_feedparsers.moc"
