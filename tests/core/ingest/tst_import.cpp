// TestImport (see tst_import.h): import, bad input, progress and cancel, the CLI.
#include "tst_import.h"

void TestImport::initTestCase() {
    QVERIFY(mirror_.isValid());
    const Status s = buildVisionMirror(mirror_.path());
    QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
}

void TestImport::mirrorThenIdempotentReimport() {
    TempStore ts;
    QVERIFY(ts.store);
    Importer imp(*ts.store);
    const auto first = imp.importPaths({mirror_.path()});
    // 5 metrics days + 4 intervals x 4 kline days + BTC 08-08, ETH 08-08 and 08-09 aggTrades
    // + 2 fundingRate months.
    QCOMPARE(first.size(), size_t(26));
    qint64 rows = 0;
    for (const auto &r : first) {
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        QVERIFY(!r.alreadyImported);
        rows += r.rows;
    }
    // metrics 978 + klines 691 (5m) + 230 (15m) + 115 (30m) + 57 (1h) + trades 21,313 + 14,076
    // + funding 100.
    QCOMPARE(rows, 978LL + 691 + 230 + 115 + 57 + 21313 + 14076 + 100);
    const QString before = snapshot(*ts.store);
    QVERIFY(before.contains(QLatin1String("binance/BTCUSDT/metrics/ rows=978 1715286900000..1715580000000 gaps=0")));
    QVERIFY(before.contains(QLatin1String("binance/BTCUSDT/klines/5m rows=691")));
    QVERIFY(before.contains(QLatin1String("binance/BTCUSDT/aggTrades/ rows=54")));  // 54 minute x bucket cells
    // Funding: 1600128000000 = 2020-09-15 00:00 .. 1602979200006 = 2020-10-18 00:00 (+6 ms jitter).
    QVERIFY(before.contains(QLatin1String("binance/BTCUSDT/fundingRate/ rows=100 1600128000000..1602979200006")));
    QVERIFY(before.endsWith(QLatin1String("imports=26")));
    // The mirror's 1h candles are its 5m candles resampled: check 2024-05-11 00:00 by hand.
    const SeriesKey k5{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("5m")};
    const SeriesKey k1h{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
    const auto five = ts.store->candles(k5, {kDay, kDay + 3'600'000});
    const auto hour = ts.store->candles(k1h, {kDay, kDay + 3'600'000});
    QCOMPARE(five.size(), size_t(12));
    QCOMPARE(hour.size(), size_t(1));
    double hi = 0, lo = 1e18, vol = 0, buy = 0;
    for (const Candle &c : five) hi = qMax(hi, c.high), lo = qMin(lo, c.low), vol += c.volume, buy += c.takerBuyVolume;
    QCOMPARE(hour[0].open, five.front().open);
    QCOMPARE(hour[0].close, five.back().close);
    QCOMPARE(hour[0].high, hi);
    QCOMPARE(hour[0].low, lo);
    QVERIFY(qAbs(hour[0].volume - vol) < 1e-6);
    QVERIFY(qAbs(hour[0].takerBuyVolume - buy) < 1e-6);
    QCOMPARE(hour[0].closeTime, kDay + 3'600'000 - 1);
    const auto again = imp.importPaths({mirror_.path()});
    for (const auto &r : again) {
        QVERIFY(!r.error);
        QVERIFY(r.alreadyImported);
    }
    QCOMPARE(snapshot(*ts.store), before);
}

void TestImport::progressAndCancel() {
    TempStore ts;
    Importer imp(*ts.store);
    const QString before = snapshot(*ts.store);
    std::atomic_bool cancel{true};  // polled after the first chunk: the file is dropped whole
    auto r = imp.importFile(m(kMetrics), {}, &cancel);
    QVERIFY(r.error);
    QVERIFY(r.error->message.contains(QLatin1String("cancelled")));
    QCOMPARE(snapshot(*ts.store), before);
    qint64 lastDone = -1, lastTotal = -1;
    r = imp.importFile(m(kMetrics), [&](qint64 done, qint64 total) { lastDone = done, lastTotal = total; });
    QVERIFY(!r.error);
    // Progress counts CSV bytes (the zip's uncompressed entry), ending at the total.
    QCOMPARE(lastTotal, qint64(unzipEntry(m(kMetrics)).size()));
    QCOMPARE(lastDone, lastTotal);
}

void TestImport::badFileLeavesStoreUnchanged_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("field");
    // 60,000 good rows (about 6.7 MB, more than one 4 MB read) are written inside the transaction
    // before the bad line is met, so these prove the rollback, not just an early refusal.
    const QByteArray good = klines(kDay, 60000);
    const QByteArray last = "1718985600000,1,1,1,1,1,1718985659999,1,1,1,1,0\n";  // after the good rows
    QTest::newRow("late non-numeric") << "BTCUSDT-1m-2024-05-11.csv" << good + "1718985600000,1,x,1,1,1,1,1,1,1,1,0\n"
                                      << 60002LL << "high";
    QTest::newRow("late too few fields") << "BTCUSDT-1m-2024-05-11.csv" << good + "1718985600000,1,1\n" << 60002LL
                                         << "low";
    QTest::newRow("late NaN") << "BTCUSDT-1m-2024-05-11.csv" << good + "1718985600000,nan,1,1,1,1,1,1,1,1,1,0\n"
                              << 60002LL << "open";
    QTest::newRow("late seconds") << "BTCUSDT-1m-2024-05-11.csv" << good + "1718985600,1,1,1,1,1,1,1,1,1,1,0\n"
                                  << 60002LL << "open_time";
    QTest::newRow("late out of order") << "BTCUSDT-1m-2024-05-11.csv" << good + klines(kDay, 1, false) << 60002LL
                                       << "open_time";
    QTest::newRow("late same key other values")
        << "BTCUSDT-1m-2024-05-11.csv" << good + last + QByteArray(last).replace(",1,1,1,1,1,", ",2,2,2,2,2,") << 60003LL
        << "open_time";
    QTest::newRow("negative price") << "BTCUSDT-aggTrades-2024-05-11.csv"
                                    << QByteArray("1,-5,1,1,1,1715385600000,false\n") << 1LL << "price";
    QTest::newRow("empty") << "BTCUSDT-1m-2024-05-11.csv" << QByteArray() << 0LL << QString();
    QTest::newRow("unsupported type") << "BTCUSDT-liquidationSnapshot-2024-05-11.csv" << QByteArray("1,2\n") << 0LL
                                      << QString();
    QTest::newRow("header of another type")
        << "BTCUSDT-metrics-2024-05-11.csv" << klines(kDay, 3) << 1LL << QString();
    QTest::newRow("metrics symbol not the file's")
        << "ETHUSDT-metrics-2024-05-11.csv"
        << unzipEntry(m(QStringLiteral("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-05-11.zip"))) << 2LL
        << "symbol";
}

void TestImport::badFileLeavesStoreUnchanged() {
    QFETCH(QString, name);
    QFETCH(QByteArray, text);
    QFETCH(qint64, line);
    QFETCH(QString, field);
    TempStore ts;
    Importer imp(*ts.store);
    QVERIFY(!imp.importFile(m(kMetrics)).error);  // something that must survive
    const QString before = snapshot(*ts.store);
    const QString path = ts.dir.filePath(name);
    QVERIFY(writeFile(path, text));
    const FileImportResult r = imp.importFile(path);
    QVERIFY(r.error);
    QCOMPARE(r.error->file, path);
    QCOMPARE(r.error->line, line);
    QCOMPARE(r.error->field, field);
    QCOMPARE(snapshot(*ts.store), before);
}

void TestImport::rowsAlreadyStoredAreSkipped() {
    TempStore ts;
    Importer imp(*ts.store);
    // A: minutes 0..99; B: minutes 50..149 (50 overlap) with one exact duplicate line.
    const QString a = ts.dir.filePath(QStringLiteral("a/BTCUSDT-1m-2024-05-11.csv"));
    const QString b = ts.dir.filePath(QStringLiteral("b/BTCUSDT-1m-2024-05-11.csv"));
    QVERIFY(writeFile(a, klines(kDay, 100)));
    const QByteArray bText = klines(kDay + 50 * 60'000, 100);
    QVERIFY(writeFile(b, bText + bText.mid(bText.lastIndexOf('\n', bText.size() - 2) + 1)));
    auto ra = imp.importFile(a);
    QCOMPARE(ra.rows, 100LL);
    QCOMPARE(ra.skipped, 0LL);
    auto rb = imp.importFile(b);
    QVERIFY(!rb.error);
    QCOMPARE(rb.rows, 50LL);     // minutes 100..149
    QCOMPARE(rb.skipped, 51LL);  // 50 already stored + 1 duplicate line
    QCOMPARE(ts.store->candles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")},
                               {kDay, kDay + 86'400'000})
                 .size(),
             size_t(150));
}

void TestImport::tradeMinutesAlreadyStoredAreSkipped() {
    TempStore ts;
    ImportOptions opt;
    opt.keepTrades = true;
    Importer imp(*ts.store, opt);
    const QByteArray h = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n";
    // Minute kDay holds trades 1-2 (file A); file B repeats trade 2 in that minute and adds 3 in the next.
    QVERIFY(writeFile(ts.dir.filePath(QStringLiteral("a/BTCUSDT-aggTrades-2024-05-11.csv")),
                      h + "1,61800.3,2,1,1,1715385600000,false\n2,61805,1,2,2,1715385601000,true\n"));
    QVERIFY(writeFile(ts.dir.filePath(QStringLiteral("b/BTCUSDT-aggTrades-2024-05-11.csv")),
                      h + "2,61805,1,2,2,1715385601000,true\n3,61790,0.5,3,3,1715385660000,false\n"));
    auto ra = imp.importFile(ts.dir.filePath(QStringLiteral("a/BTCUSDT-aggTrades-2024-05-11.csv")));
    QCOMPARE(ra.rows, 2LL);
    auto rb = imp.importFile(ts.dir.filePath(QStringLiteral("b/BTCUSDT-aggTrades-2024-05-11.csv")));
    QVERIFY(!rb.error);
    QCOMPARE(rb.rows, 1LL);
    QCOMPARE(rb.skipped, 1LL);
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    const auto cells = ts.store->tradeProfile(k, {kDay, kDay + 86'400'000});
    QCOMPARE(cells.size(), size_t(2));
    QCOMPARE(cells[0].buyQty, 2.0);  // not doubled by file B
    QCOMPARE(cells[0].sellQty, 1.0);
    QCOMPARE(cells[0].buyNotional, 123600.6);  // 61800.3 x 2
    QCOMPARE(cells[0].largeBuyNotional, 123600.6);
    QCOMPARE(ts.store->aggTrades(k, {kDay, kDay + 86'400'000}).size(), size_t(3));  // --keep-trades rows
}

// --keep-trades inserts blocks of 32 rows in one statement when they cannot meet a stored row,
// and row by row otherwise; either way exactly the new rows count and bound the series.
void TestImport::rawTradesCountOnlyNewRows() {
    TempStore ts;
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
    const qint64 t0 = 1715385600000;
    auto trades = [&](std::initializer_list<std::pair<qint64, qint64>> idTimes) {
        std::vector<AggTrade> out;
        for (auto [id, t] : idTimes) out.push_back({id, 61800.5, 0.25, id, id, t, false});
        return out;
    };
    auto range = [&](qint64 from, qint64 to, qint64 step) {
        std::vector<AggTrade> out;
        for (qint64 id = from; step > 0 ? id <= to : id >= to; id += step) out.push_back({id, 61800.5, 0.25, id, id, t0 + id * 1000, false});
        return out;
    };
    qint64 n = -1;
    QVERIFY(ts.store->insertAggTrades(k, range(1, 40, 1), &n).ok());
    QCOMPARE(n, 40LL);  // one whole block of 32, then 8 rows one by one
    // 31..100: the block 31..62 meets stored 31..40 (row by row: 22 new), 63..94 whole (32), 95..100 (6).
    QVERIFY(ts.store->insertAggTrades(k, range(31, 100, 1), &n).ok());
    QCOMPARE(n, 60LL);
    // 32 new ids in falling order: not a whole block, all new.
    QVERIFY(ts.store->insertAggTrades(k, range(200, 169, -1), &n).ok());
    QCOMPARE(n, 32LL);
    // 300..330 and 330 again with a later time: the repeat is ignored and must not stretch the series.
    std::vector<AggTrade> dup = range(300, 330, 1);
    for (const AggTrade &t : trades({{330, t0 + 999'999'000}})) dup.push_back(t);
    QCOMPARE(dup.size(), size_t(32));
    QVERIFY(ts.store->insertAggTrades(k, dup, &n).ok());
    QCOMPARE(n, 31LL);
    bool found = false;
    for (const SeriesInfo &s : ts.store->seriesInfo()) {
        if (s.type != QLatin1String("aggTradesRaw")) continue;
        found = true;
        QCOMPARE(s.rows, 163LL);  // 100 + 32 + 31
        QCOMPARE(s.from, t0 + 1'000);
        QCOMPARE(s.to, t0 + 330'000);
    }
    QVERIFY(found);
    QCOMPARE(ts.store->aggTrades(k, {t0, t0 + 1'000'000'000}).size(), size_t(163));
}

void TestImport::cliGoodAndBad() {
    QVERIFY2(QFileInfo::exists(cliPath()), "LHM_CLI not set");
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("s.sqlite"));
    const QString bad = dir.filePath(QStringLiteral("BTCUSDT-aggTrades-2024-05-11.csv"));
    QVERIFY(writeFile(bad, "1,100,1,1,1,1715385600000,false\n2,100,1,2,2,1715385600,false\n"));
    // The .CHECKSUM (as a shell glob would pass it) is used for its zip, not imported or refused.
    CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), bad, m(kMetrics),
                       m(kMetrics) + QStringLiteral(".CHECKSUM")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains((bad + QStringLiteral(":2: field 'transact_time'")).toUtf8()), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);  // one line per refused file
    QVERIFY2(r.out.contains("metrics BTCUSDT rows 288 skipped 0"), r.out.constData());
    QCOMPARE(r.out.count('\n'), 1);
    r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--json"), m(kMetrics)});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
    QCOMPARE(o[QLatin1String("alreadyImported")].toBool(), true);
    QCOMPARE(o[QLatin1String("type")].toString(), QStringLiteral("metrics"));
    QVERIFY(r.out.contains("\"ok\":true"));
}

void TestImport::readerGoneLeavesStoreClean() {
    // `lhm … | true`: the reader is gone before lhm writes. lhm must end by its normal path
    // (exit 1, output lost) and close the store, not die of SIGPIPE (exit 141) leaving its
    // session marker, which makes the next open run a full integrity check.
    QVERIFY2(QFileInfo::exists(cliPath()), "LHM_CLI not set");
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("s.sqlite"));
    QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("import"), m(kMetrics)}).exitCode, 0);
    QProcess sh;
    sh.start(QStringLiteral("/bin/bash"),
             {QStringLiteral("-c"), QStringLiteral("\"$0\" --db \"$1\" info --json | true; exit ${PIPESTATUS[0]}"),
              cliPath(), db});
    QVERIFY(sh.waitForFinished(60000));
    QCOMPARE(sh.exitCode(), 1);
    auto store = Store::open(db);
    QVERIFY(store);
    QVERIFY2(!(*store)->checkedAtOpen(), "lhm left its session marker: it was killed with the store open");
}

void TestImport::killedMidImportThenFinished() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("s.sqlite"));
    const QString file = dir.filePath(QStringLiteral("BTCUSDT-aggTrades-2024-05-11.csv"));
    // 1.5 M trades (~75 MB) with --keep-trades: long enough to be killed while writing.
    const qint64 n = 1'500'000;
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray chunk;
        for (qint64 i = 0; i < n; ++i) {
            chunk += QByteArray::number(i + 1) + ",6180" + QByteArray::number(i % 10) + ".5,0.01," +
                     QByteArray::number(i + 1) + ',' + QByteArray::number(i + 1) + ',' +
                     QByteArray::number(kDay + i * 50) + (i % 3 ? ",false\n" : ",true\n");
            if (chunk.size() > (1 << 20)) f.write(chunk), chunk.clear();
        }
        f.write(chunk);
    }
    QVERIFY(Store::open(db));  // create it first so the WAL appears only once the import writes
    QProcess p;
    p.start(cliPath(), {QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--keep-trades"), file});
    QVERIFY(p.waitForStarted());
    QElapsedTimer t;
    t.start();
    const QString wal = db + QStringLiteral("-wal");
    while (QFileInfo(wal).size() < (8 << 20) && p.state() == QProcess::Running && t.elapsed() < 60000) QThread::msleep(5);
    QVERIFY2(p.state() == QProcess::Running, "the import finished before it could be killed; make the file bigger");
    p.kill();  // SIGKILL: no cleanup, no rollback by the process itself
    p.waitForFinished();
    {
        auto s = Store::open(db);  // integrity check runs here
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(sqlScalar((*s)->path(), QStringLiteral("SELECT count(*) FROM agg_trades")), 0LL);
        QCOMPARE(sqlScalar((*s)->path(), QStringLiteral("SELECT count(*) FROM trade_profile")), 0LL);
        QCOMPARE(sqlScalar((*s)->path(), QStringLiteral("SELECT count(*) FROM import_log")), 0LL);
    }
    const CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--keep-trades"), file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("rows 1500000 skipped 0"), r.out.constData());
    auto s = Store::open(db);
    QVERIFY(s);
    QCOMPARE(sqlScalar((*s)->path(), QStringLiteral("SELECT count(*) FROM agg_trades")), n);
    // 1.5 M trades 50 ms apart = 75,000 s = 1,250 minutes, each with 10 prices 61800.5..61809.5 -> one $10 bucket.
    QCOMPARE(sqlScalar((*s)->path(), QStringLiteral("SELECT count(*) FROM trade_profile")), 1250LL);
    QCOMPARE(sqlScalar((*s)->path(), QStringLiteral("SELECT sum(trade_count) FROM trade_profile")), n);
}
LHM_TEST_MAIN(TestImport)
