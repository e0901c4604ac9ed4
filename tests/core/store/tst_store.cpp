// Store: migrations, refusal of foreign files, idempotent inserts, atomic transactions, coverage.
#include "tst_store.h"

void TestStore::createsAndMigratesToCurrentVersion() {
    TempStore t;
    QVERIFY(t.store);
    auto db = Database::open(t.path);
    QVERIFY(db);
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA user_version")), qint64(schemaMigrations().size()));
    Statement st = (*db)->prepare(QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(st.step());
    QCOMPARE(st.text(0), QStringLiteral("wal"));
}

void TestStore::reopenKeepsData() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    {
        auto s = Store::open(path);
        QVERIFY(s.ok());
        QVERIFY((*s)->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")},
                                    {candle(60'000, 1, 2, 0.5, 1.5)}).ok());
    }
    auto s = Store::open(path);
    QVERIFY(s.ok());
    QCOMPARE(int((*s)->candles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")}, {0, 1'000'000}).size()), 1);
}

void TestStore::refusesDirectory() {
    QTemporaryDir dir;
    auto s = Store::open(dir.path());
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("directory")));
    QCOMPARE(s.error().file, dir.path());
}

void TestStore::refusesNonSqliteFileAndLeavesItUntouched() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    const QByteArray content = "these are my trading notes, not a database\n";
    QVERIFY(writeFile(path, content));
    auto s = Store::open(path);
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("not a SQLite database")));
    QCOMPARE(readFile(path), content);
}

void TestStore::refusesForeignSqliteDatabase() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE invoices(id INTEGER)")).ok());
    }
    auto s = Store::open(path);
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("not a LiquidationHeatmap store")));
    auto db = Database::open(path);
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='candles'")), qint64(0));
}

void TestStore::refusesNewerSchema() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    { QVERIFY(Store::open(path).ok()); }
    {
        auto db = Database::open(path);
        QVERIFY((*db)->exec(QStringLiteral("PRAGMA user_version=99")).ok());
    }
    auto s = Store::open(path);
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(QStringLiteral("newer")));
}

void TestStore::insertsAreIdempotent() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")};
    qint64 n = -1;
    QVERIFY(t.store->insertCandles(k, {candle(0, 1, 2, 0.5, 1.5), candle(60'000, 1.5, 2, 1, 1.8)}, &n).ok());
    QCOMPARE(n, qint64(2));
    QVERIFY(t.store->insertCandles(k, {candle(60'000, 1.5, 2, 1, 1.8), candle(120'000, 1.8, 2, 1, 1.9)}, &n).ok());
    QCOMPARE(n, qint64(1));  // only the 120,000 candle is new
    const auto rows = t.store->candles(k, {0, 10'000'000});
    QCOMPARE(int(rows.size()), 3);
    QCOMPARE(rows[2].close, 1.9);
}

void TestStore::liquidationsStoredOnce() {
    TempStore t;
    LiquidationEvent e;
    e.exchange = QStringLiteral("binance");
    e.symbol = QStringLiteral("BTCUSDT");
    e.side = Side::Short;
    e.price = 107851.2;
    e.qty = 0.418;
    e.notional = 45081.80;
    e.time = 1761125071261;
    qint64 n = 0;
    QVERIFY(t.store->insertLiquidations({e, e}, &n).ok());
    QCOMPARE(n, qint64(1));
    const auto back = t.store->liquidations(QString(), QStringLiteral("BTCUSDT"), {0, std::numeric_limits<qint64>::max()});
    QCOMPARE(int(back.size()), 1);
    QCOMPARE(back[0].side, Side::Short);
    QCOMPARE(back[0].price, 107851.2);
}

void TestStore::tradeProfileAddsIntoCells() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    TradeProfileCell a;
    a.minute = 60'000;
    a.bucketPrice = 61800;
    a.buyQty = 0.5, a.buyNotional = 30900, a.tradeCount = 2, a.maxTradeNotional = 20000;
    TradeProfileCell b = a;
    b.buyQty = 0.25, b.buyNotional = 15450, b.tradeCount = 1, b.maxTradeNotional = 15450, b.sellQty = 1, b.sellNotional = 61800;
    QVERIFY(t.store->addTradeProfile(k, {a}).ok());
    QVERIFY(t.store->addTradeProfile(k, {b}).ok());
    const auto info = t.store->seriesInfo();
    QCOMPARE(int(info.size()), 1);
    QCOMPARE(info[0].type, QStringLiteral("aggTrades"));
    QCOMPARE(info[0].rows, qint64(1));    // one minute x price cell
    QCOMPARE(info[0].trades, qint64(3));  // holding 2 + 1 trades
    const auto cells = t.store->tradeProfile(k, {0, 120'000});
    QCOMPARE(int(cells.size()), 1);
    QCOMPARE(cells[0].buyQty, 0.75);
    QCOMPARE(cells[0].buyNotional, 46350.0);
    QCOMPARE(cells[0].sellNotional, 61800.0);
    QCOMPARE(cells[0].tradeCount, qint64(3));
    QCOMPARE(cells[0].maxTradeNotional, 20000.0);  // max, not sum
}

void TestStore::uncommittedTransactionLeavesNothing() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("ETHUSDT"), QStringLiteral("1h")};
    {
        Transaction tx = t.store->transaction();
        QVERIFY(t.store->insertCandles(k, {candle(0, 1, 2, 0.5, 1.5)}).ok());
        ImportRecord r;
        r.fileName = QStringLiteral("x.csv");
        r.sha256 = "abc";
        r.type = QStringLiteral("klines");
        QVERIFY(t.store->logImport(r).ok());
        // no commit: as if the process died mid-import
    }
    QCOMPARE(int(t.store->candles(k, {0, 10'000'000}).size()), 0);
    QVERIFY(!t.store->findImport("abc").has_value());
}

void TestStore::seriesInfoReportsCountsRangeAndGaps() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")};
    // minutes 0,1,2 then 5,6: one gap from 120,000 to 300,000 (two candles missing)
    std::vector<Candle> rows;
    for (qint64 m : {0, 1, 2, 5, 6}) rows.push_back(candle(m * 60'000, 1, 1, 1, 1));
    QVERIFY(t.store->insertCandles(k, rows).ok());
    const auto info = t.store->seriesInfo();
    QCOMPARE(int(info.size()), 1);
    QCOMPARE(info[0].type, QStringLiteral("klines"));
    QCOMPARE(info[0].interval, QStringLiteral("1m"));
    QCOMPARE(info[0].rows, qint64(5));
    QCOMPARE(info[0].from, qint64(0));
    QCOMPARE(info[0].to, qint64(360'000));
    QCOMPARE(int(info[0].gaps.size()), 1);
    QCOMPARE(info[0].gaps[0].first, qint64(120'000));
    QCOMPARE(info[0].gaps[0].second, qint64(300'000));
}

// The metadata is updated per insert: filling a hole removes its gap, a later row adds one, a
// repeated row changes nothing, and a rebuild from the tables gives the same answer.
void TestStore::seriesInfoFollowsInserts() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")};
    auto put = [&](std::initializer_list<qint64> minutes) {
        std::vector<Candle> rows;
        for (qint64 m : minutes) rows.push_back(candle(m * 60'000, 1, 1, 1, 1));
        return t.store->insertCandles(k, rows).ok();
    };
    auto describe = [&] {
        QStringList out;
        for (const SeriesInfo &i : t.store->seriesInfo()) {
            QString line = QStringLiteral("%1 %2 %3 %4 rows=%5 %6..%7").arg(i.type, i.symbol, i.interval).arg(i.exchange)
                               .arg(i.rows).arg(i.from / 60'000).arg(i.to / 60'000);
            for (const auto &[a, b] : i.gaps) line += QStringLiteral(" gap %1-%2").arg(a / 60'000).arg(b / 60'000);
            out << line;
        }
        return out.join(QLatin1Char('\n'));
    };
    QVERIFY(put({0, 1, 2, 5, 6, 9}));
    QCOMPARE(describe(), QStringLiteral("klines BTCUSDT 1m binance rows=6 0..9 gap 2-5 gap 6-9"));
    QVERIFY(put({3, 4}));  // fills the first hole
    QCOMPARE(describe(), QStringLiteral("klines BTCUSDT 1m binance rows=8 0..9 gap 6-9"));
    QVERIFY(put({3, 12, 7}));  // 3 again (ignored), 12 after a new hole, 7 splits the old one
    QCOMPARE(describe(), QStringLiteral("klines BTCUSDT 1m binance rows=10 0..12 gap 7-9 gap 9-12"));
    const SeriesKey e{QStringLiteral("binance"), QStringLiteral("ETHUSDT"), {}};
    QVERIFY(t.store->insertFunding(e, {{-8 * 3'600'000LL, 8, 0.0001}}).ok());
    LiquidationEvent liq;
    liq.exchange = QStringLiteral("okx");
    liq.symbol = QStringLiteral("BTCUSDT");
    liq.time = 120'000;
    liq.price = 60000, liq.qty = 1, liq.notional = 60000;
    LiquidationEvent liq2 = liq;
    liq2.symbol = QStringLiteral("ETHUSDT");
    liq2.time = 180'000;
    QVERIFY(t.store->insertLiquidations({liq, liq2, liq}).ok());
    const QString expected = QStringLiteral("klines BTCUSDT 1m binance rows=10 0..12 gap 7-9 gap 9-12\n"
                                            "fundingRate ETHUSDT  binance rows=1 -480..-480\n"
                                            "liquidations BTCUSDT  okx rows=1 2..2\n"
                                            "liquidations ETHUSDT  okx rows=1 3..3");
    QCOMPARE(describe(), expected);
    QVERIFY(t.store->rebuildSeriesMeta().ok());
    QCOMPARE(describe(), expected);
    QCOMPARE(t.store->symbols(), QStringList{QStringLiteral("BTCUSDT")});  // funding alone is not a symbol to view
    QCOMPARE(t.store->candleIntervals(k), QStringList{QStringLiteral("1m")});
    QCOMPARE(t.store->newestInputTime(QStringLiteral("binance"), QStringLiteral("BTCUSDT")), 12 * 60'000LL);
    QCOMPARE(t.store->newestInputTime(QStringLiteral("binance"), QStringLiteral("BTCUSDT"), 9 * 60'000), 7 * 60'000LL);
}

// py_liquidation_map's view of the profile: large-trade cells only, summed per 5-minute
// column and bucket, cells whose largest trade is under the threshold dropped.
void TestStore::largeTradeProfilePerColumnAndBucket() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    auto cell = [](qint64 minute, double bucket, double maxTrade, double largeBuy, double largeSell) {
        TradeProfileCell c;
        c.minute = minute * 60'000;
        c.bucketPrice = bucket;
        c.buyNotional = largeBuy + 1000, c.sellNotional = largeSell + 500;
        c.tradeCount = 3;
        c.maxTradeNotional = maxTrade, c.largeBuyNotional = largeBuy, c.largeSellNotional = largeSell;
        return c;
    };
    QVERIFY(t.store->addTradeProfile(k, {cell(0, 100, 300'000, 300'000, 0), cell(0, 110, 5000, 0, 0),
                                         cell(1, 100, 150'000, 150'000, 120'000), cell(2, 110, 120'000, 0, 120'000),
                                         cell(6, 100, 500'000, 500'000, 0), cell(7, 100, 110'000, 110'000, 0)}).ok());
    // Threshold 130,000: minute 2 (largest 120,000) and minute 7 (110,000) drop out.
    const auto p = t.store->largeTradeProfile(k, {0, 10 * 60'000}, 5 * 60'000, 130'000);
    QCOMPARE(int(p.size()), 2);
    QCOMPARE(p[0].minute, 0LL);
    QCOMPARE(p[0].bucketPrice, 100.0);
    QCOMPARE(p[0].largeBuyNotional, 450'000.0);   // 300,000 + 150,000
    QCOMPARE(p[0].largeSellNotional, 120'000.0);
    QCOMPARE(p[0].maxTradeNotional, 300'000.0);
    QCOMPARE(p[1].minute, 5 * 60'000LL);
    QCOMPARE(p[1].largeBuyNotional, 500'000.0);
    // At 100,000 minute 2's sell lands in column 0, bucket 110, and minute 7 joins column 1.
    const auto all = t.store->largeTradeProfile(k, {0, 10 * 60'000}, 5 * 60'000, 100'000);
    QCOMPARE(int(all.size()), 3);
    QCOMPARE(all[1].bucketPrice, 110.0);
    QCOMPARE(all[1].largeSellNotional, 120'000.0);
    QCOMPARE(all[2].largeBuyNotional, 610'000.0);
    QVERIFY(t.store->hasTradeProfile(k, {60'000, 120'000}));
    QVERIFY(!t.store->hasTradeProfile(k, {3 * 60'000, 6 * 60'000}));
    QCOMPARE(t.store->seriesInfo().at(0).rows, 6LL);
    QCOMPARE(t.store->seriesInfo().at(0).trades, 18LL);
}

void TestStore::fundingJitterIsNotAGap() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    // Real fundingTime values drift by milliseconds around the 8 h grid (SOURCES.md section 7):
    // 8 h + 12 ms is no gap; the 16 h step between the 2nd and 3rd row is one missing payment.
    const qint64 h8 = 8 * 3'600'000;
    QVERIFY(t.store->insertFunding(k, {{17, 8, 0.0001}, {h8 + 29, 8, 0.0001}, {3 * h8 + 5, 8, -0.0002}}).ok());
    const auto info = t.store->seriesInfo();
    QCOMPARE(int(info.size()), 1);
    QCOMPARE(info[0].type, QStringLiteral("fundingRate"));
    QCOMPARE(int(info[0].gaps.size()), 1);
    QCOMPARE(info[0].gaps[0].first, h8 + 29);
    QCOMPARE(info[0].gaps[0].second, 3 * h8 + 5);
}

// What /liquidations/history ends its default week at: the newest event of at least the floor.
void TestStore::newestLiquidationTimeHonoursTheFloor() {
    TempStore t;
    auto event = [](const char *exchange, const char *symbol, qint64 time, double notional) {
        LiquidationEvent e;
        e.exchange = QLatin1String(exchange);
        e.symbol = QLatin1String(symbol);
        e.side = Side::Long;
        e.price = 100, e.qty = notional / 100, e.notional = notional;
        e.time = time;
        return e;
    };
    QVERIFY(t.store->insertLiquidations({event("binance", "BTCUSDT", 1000, 50'000), event("binance", "BTCUSDT", 3000, 2000),
                                         event("binance", "BTCUSDT", 2000, 80'000), event("binance", "ETHUSDT", 9000, 100'000),
                                         event("okx", "BTCUSDT", 5000, 100'000)}).ok());
    const QString binance = QStringLiteral("binance"), btc = QStringLiteral("BTCUSDT");
    QCOMPARE(t.store->newestLiquidationTime(binance, btc), 3000LL);            // no floor: the newest
    QCOMPARE(t.store->newestLiquidationTime(binance, btc, 10'000), 2000LL);    // 3000 holds 2,000 USD only
    QCOMPARE(t.store->newestLiquidationTime(binance, btc, 80'000), 2000LL);    // the floor is inclusive
    QCOMPARE(t.store->newestLiquidationTime(binance, btc, 80'000.01), 0LL);    // none that large
    QCOMPARE(t.store->newestLiquidationTime(QStringLiteral("okx"), btc), 5000LL);
    QCOMPARE(t.store->newestLiquidationTime(QStringLiteral("bybit"), btc), 0LL);
}

// The models' read of the metrics rows: time, USD value and taker ratio, nothing else, in [from, to).
void TestStore::openInterestSamplesAreTheModelColumns() {
    TempStore t;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    std::vector<OpenInterestPoint> rows;
    for (int i = 0; i < 3; ++i) rows.push_back({i * 300'000LL, 10.0 + i, 600'000.0 + i, 1.5, 1.25, 0.75, 0.5 + i});
    QVERIFY(t.store->insertOpenInterest(k, rows).ok());
    const auto s = t.store->openInterestSamples(k, {0, 600'000});
    QCOMPARE(int(s.size()), 2);  // 600,000 is the exclusive end
    QCOMPARE(s[0].time, 0LL);
    QCOMPARE(s[0].openInterestValue, 600'000.0);
    QCOMPARE(s[0].takerLongShortVolRatio, 0.5);
    QCOMPARE(s[1].time, 300'000LL);
    QCOMPARE(s[1].openInterestValue, 600'001.0);
    QCOMPARE(s[1].takerLongShortVolRatio, 1.5);
    QCOMPARE(int(t.store->openInterestSamples(k, {300'001, 600'000}).size()), 0);
}

void TestStore::exchangesWithSeriesReadsTheMetadata() {
    TempStore t;
    const QString btc = QStringLiteral("BTCUSDT");
    const OpenInterestPoint oi{0, 1, 60'000, 0, 0, 0, 0};
    QVERIFY(t.store->insertOpenInterest({QStringLiteral("okx"), btc, {}}, {oi}).ok());
    QVERIFY(t.store->insertOpenInterest({QStringLiteral("binance"), btc, {}}, {oi}).ok());
    QVERIFY(t.store->insertOpenInterest({QStringLiteral("bybit"), QStringLiteral("ETHUSDT"), {}}, {oi}).ok());
    QVERIFY(t.store->insertCandles({QStringLiteral("bybit"), btc, QStringLiteral("1h")}, {candle(0, 1, 1, 1, 1)}).ok());
    QCOMPARE(t.store->exchangesWithSeries(QStringLiteral("metrics"), btc), (QStringList{QStringLiteral("binance"), QStringLiteral("okx")}));
    QCOMPARE(t.store->exchangesWithSeries(QStringLiteral("klines"), btc), QStringList{QStringLiteral("bybit")});
    QCOMPARE(t.store->exchangesWithSeries(QStringLiteral("metrics"), QStringLiteral("SOLUSDT")), QStringList());
}

LHM_TEST_MAIN(TestStore)
