// TestFeedParsers (continued from tst_feedparsers.cpp).
#include "tst_feedparsers.h"

// --- OKX: sizes in contracts; posSide is the liquidated position; net mode: sell closes a long ---
void TestFeedParsers::okxRealFuturesFrame() {
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

void TestFeedParsers::okxDocumentedSwapFrames() {
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
void TestFeedParsers::hyperliquidDocumentedTrades() {
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
void TestFeedParsers::badInput_data() {
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

void TestFeedParsers::badInput() {
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
void TestFeedParsers::fastJsonStrictness() {
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
void TestFeedParsers::exchangesConfig() {
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
void TestFeedParsers::exchangeDescriptors() {
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

void TestFeedParsers::backoffBounds() {
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
