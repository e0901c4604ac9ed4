// Frame parsers of the live feeds, against real recorded frames (tardis-node test frames, the
// chiefJurist forceOrder capture, the hftbacktest trade stream) and frames written from each
// exchange's documented examples. Every side convention is checked with exact values.
#include "tst_feedparsers.h"

// config/ExchangeList.h is the one list: each of its lines reaches the descriptor, the live
// protocol, the REST history source and the gap backfill of that exchange, in list order.
void TestFeedParsers::everyListedExchangeHasItsHooks() {
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
void TestFeedParsers::binanceRealForceOrder() {
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

void TestFeedParsers::binanceSellMeansLongAndFallbacks() {
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
void TestFeedParsers::binanceChiefJuristCapture() {
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
void TestFeedParsers::binanceRealTradeStream() {
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

void TestFeedParsers::binanceAggTradeAndMarkPrice() {
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
void TestFeedParsers::bybitRealAllLiquidation() {
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

void TestFeedParsers::bybitDocumentedFrames() {
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

LHM_TEST_MAIN(TestFeedParsers)
