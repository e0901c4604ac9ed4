// TestStore (continued from tst_store.cpp).
#include "tst_store.h"

void TestStore::checksOnlyAfterUncleanShutdown() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    {
        auto s = Store::open(path);
        QVERIFY(s);
        QVERIFY(!(*s)->checkedAtOpen());
        QCOMPARE(sessionMarkers(path), 1LL);  // this live session
    }
    QCOMPARE(sessionMarkers(path), 0LL);  // closed cleanly
    {
        auto s = Store::open(path);
        QVERIFY(!(*s)->checkedAtOpen());
    }
    const qint64 pid = deadPid();
    QVERIFY(pid > 0);
    QVERIFY(leaveSessionMarker(path, pid));
    {
        auto s = Store::open(path);
        QVERIFY(s);
        QVERIFY((*s)->checkedAtOpen());
        QCOMPARE(sessionMarkers(path), 1LL);  // the dead one answered, this one present
    }
    auto s = Store::open(path);
    QVERIFY(!(*s)->checkedAtOpen());
}

// SessionMark::BeforeFirstWrite (lhm heatmap, levels, compare): no marker while the session only
// reads, the marker in place before its first write commits (a plain write or a transaction), and
// still the check at open after another process's crash.
void TestStore::readerMarksItsSessionBeforeItsFirstWrite() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    const SeriesKey key{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")};
    // A reader that creates the store checkpoints the new schema when it closes, as any writer.
    QVERIFY(Store::open(path, OpenCheck::AfterUncleanShutdown, SessionMark::BeforeFirstWrite));
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    {
        auto s = Store::open(path, OpenCheck::AfterUncleanShutdown, SessionMark::BeforeFirstWrite);
        QVERIFY(s);
        QVERIFY((*s)->candles(key, {0, 1'000'000}).empty());
        QCOMPARE(sessionMarkers(path), 0LL);  // reading only
        const HeatmapCacheEntry e{QStringLiteral("k"), QStringLiteral("binance"), QStringLiteral("BTCUSDT"),
                                  QStringLiteral("12h"), QStringLiteral("binance_standard"), 1, 2, QByteArray("x")};
        QVERIFY((*s)->putHeatmap(e));
        QCOMPARE(sessionMarkers(path), 1LL);  // marked before the cache entry was written
        QVERIFY((*s)->insertCandles(key, {candle(0, 100, 101, 99, 100.5)}));
        QCOMPARE(sessionMarkers(path), 1LL);  // once
    }
    QCOMPARE(sessionMarkers(path), 0LL);  // closed cleanly
    {
        auto s = Store::open(path, OpenCheck::AfterUncleanShutdown, SessionMark::BeforeFirstWrite);
        QVERIFY(s);
        Transaction tx = (*s)->transaction();
        QVERIFY(tx.ok());
        QCOMPARE(sessionMarkers(path), 1LL);  // committed before the transaction began
    }
    QCOMPARE(sessionMarkers(path), 0LL);
    QVERIFY(leaveSessionMarker(path, deadPid()));
    auto s = Store::open(path, OpenCheck::AfterUncleanShutdown, SessionMark::BeforeFirstWrite);
    QVERIFY(s);
    QVERIFY((*s)->checkedAtOpen());
    QCOMPARE(sessionMarkers(path), 0LL);  // the dead one answered; this reader has not written
}

void TestStore::damageFoundAfterCrashAndByLhmCheck() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    {
        auto s = Store::open(path);
        QVERIFY(s);
        std::vector<Candle> rows;
        for (int m = 0; m < 3000; ++m) rows.push_back(candle(m * 60'000LL, 100, 101, 99, 100.5));
        QVERIFY((*s)->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")}, rows));
    }
    CliRun sound = runCli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("check")});
    QCOMPARE(sound.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(sound.out).object().value(QStringLiteral("ok")).toBool(), true);
    // Overwrite one 4 KiB page in the middle of the candle table's b-tree with garbage.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 pages = f.size() / 4096;
        QVERIFY(pages > 20);
        QVERIFY(f.seek((pages / 2) * 4096));
        QVERIFY(f.write(QByteArray(4096, '\xA5')) == 4096);
    }
    // A clean shutdown preceded the damage, so opening does not walk the pages.
    QVERIFY(Store::open(path));
    CliRun damaged = runCli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("check")});
    QCOMPARE(damaged.exitCode, 2);
    const QJsonObject o = QJsonDocument::fromJson(damaged.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("check")).toString(), QStringLiteral("integrity_check"));
    QVERIFY(!o.value(QStringLiteral("problems")).toArray().isEmpty());
    // After a crash the same damage refuses the open.
    QVERIFY(leaveSessionMarker(path, deadPid()));
    auto s = Store::open(path);
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(QStringLiteral("corrupt")), qPrintable(s.error().toString()));
}

void TestStore::heatmapCacheRoundTrip() {
    TempStore t;
    HeatmapCacheEntry e{QStringLiteral("k1"), QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("7d"),
                        QStringLiteral("binance_standard"), 1000, 2000, QByteArray("\x01\x02\x00\x03", 4)};
    QVERIFY(t.store->putHeatmap(e).ok());
    HeatmapCacheEntry newer = e;
    newer.key = QStringLiteral("k2");
    newer.createdAt = 3000;
    newer.payload = "new";
    QVERIFY(t.store->putHeatmap(newer).ok());
    auto back = t.store->cachedHeatmap(QStringLiteral("k1"));
    QVERIFY(back.has_value());
    QCOMPARE(back->payload, QByteArray("\x01\x02\x00\x03", 4));
    auto latest = t.store->latestHeatmap(QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("7d"),
                                         QStringLiteral("binance_standard"));
    QVERIFY(latest.has_value());
    QCOMPARE(latest->key, QStringLiteral("k2"));
    QVERIFY(!t.store->cachedHeatmap(QStringLiteral("missing")).has_value());
}

// Validation figures: the newest run per model wins, a figure without its baseline is refused,
// a run without figures is kept (the view says why it shows "—").
void TestStore::validationResultsKeepTheirBaseline() {
    TempStore t;
    ValidationRepository repo = t.store->validationRepository();
    ValidationRow hourly;
    hourly.exchange = QStringLiteral("binance");
    hourly.symbol = QStringLiteral("BTCUSDT");
    hourly.model = QStringLiteral("binance_standard");
    hourly.method = QStringLiteral("hourly");
    hourly.from = 1000;
    hourly.to = 2000;
    hourly.measuredAt = 10;
    hourly.n = 2890;
    hourly.window = QStringLiteral("90d");
    hourly.spearman = 0.781;
    hourly.baselineSpearman = 0.734;
    hourly.diffLow = 0.027;
    hourly.diffHigh = 0.063;
    QVERIFY(repo.save(hourly).ok());
    ValidationRow events = hourly;
    events.method = QStringLiteral("events");
    events.spearman = events.baselineSpearman = events.diffLow = events.diffHigh = std::nullopt;
    events.measuredAt = 20;
    events.n = 468;
    events.hitRate = 0.567;
    QVERIFY(!repo.save(events).ok());  // no baseline: refused
    events.baselineMean = 0.2;
    events.baselineLow = 0.15;
    events.baselineHigh = 0.25;
    QVERIFY(repo.save(events).ok());
    ValidationRow none = hourly;
    none.model = QStringLiteral("py_liquidation_map");
    none.n = 0;
    none.spearman = none.baselineSpearman = none.diffLow = none.diffHigh = std::nullopt;
    none.note = QStringLiteral("no trade profile");
    QVERIFY(repo.save(none).ok());
    none.method = QStringLiteral("daily");
    QVERIFY(!repo.save(none).ok());

    auto rows = repo.latest(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    QCOMPARE(int(rows.size()), 2);  // one per model: binance_standard's newest is the events run
    QCOMPARE(rows[0].model, QStringLiteral("binance_standard"));
    QCOMPARE(rows[0].method, QStringLiteral("events"));
    QCOMPARE(rows[0].n, qint64(468));
    QCOMPARE(*rows[0].hitRate, 0.567);
    QCOMPARE(*rows[0].baselineLow, 0.15);
    QVERIFY(!rows[0].spearman);
    QVERIFY(rows[0].hasFigure());
    QCOMPARE(rows[1].model, QStringLiteral("py_liquidation_map"));
    QVERIFY(!rows[1].hasFigure());
    QCOMPARE(rows[1].note, QStringLiteral("no trade profile"));
    QVERIFY(repo.latest(QStringLiteral("binance"), QStringLiteral("ETHUSDT")).empty());
    // A later hourly run replaces the events one as the newest.
    hourly.measuredAt = 30;
    hourly.spearman = 0.5;
    QVERIFY(repo.save(hourly).ok());
    rows = repo.latest(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    QCOMPARE(rows[0].method, QStringLiteral("hourly"));
    QCOMPARE(*rows[0].spearman, 0.5);
    QCOMPARE(*rows[0].diffHigh, 0.063);
}

// Several connections of one process opening a freshly copied store at the same instant, as the
// GUI's engine workers, alert service and exchange aggregate do at start-up. The copy was made
// by the previous build (one migration behind) and a reader left its marker in the WAL. Every
// connection must open: before the fix each read the schema version outside the migration's
// transaction, so the second to get the lock ran the same migration again ("table
// validation_results already exists"), and the GUI said "Database unreadable".
void TestStore::concurrentFirstOpensOfACopiedStore() {
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("original.sqlite"));
    const qint64 current = schemaMigrations().size();
    {
        auto s = Store::open(original);
        QVERIFY(s);
        std::vector<Candle> candles;
        for (int i = 0; i < 2000; ++i) candles.push_back(candle(i * 60'000LL, 100, 101, 99, 100.5));
        QVERIFY((*s)->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")}, candles));
    }
    {  // as an older build left it: without the newest migration nor the series metadata
        auto db = Database::open(original);
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("DROP INDEX import_log_content; ALTER TABLE import_log DROP COLUMN content_crc32; "
                                           "ALTER TABLE import_log DROP COLUMN content_size; "
                                           "DELETE FROM meta WHERE key='series_meta'; PRAGMA user_version=%1")
                                .arg(current - 1)));
    }
    const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    constexpr int kRounds = 60, kConnections = 4;
    QStringList failures;
    for (int round = 0; round < kRounds; ++round) {
        const QString copy = dir.filePath(QStringLiteral("copy%1.sqlite").arg(round));
        // Every third round no file at all: the connections create the store together.
        if (round % 3 != 2)
            for (const QString &suffix : suffixes)
                if (QFile::exists(original + suffix)) QVERIFY(QFile::copy(original + suffix, copy + suffix));
        std::atomic<int> ready{0};
        std::vector<QString> errors(kConnections);
        std::vector<std::thread> threads;
        for (int i = 0; i < kConnections; ++i)
            threads.emplace_back([&, i] {
                ++ready;
                while (ready.load() < kConnections) std::this_thread::yield();
                auto s = Store::open(copy);
                if (!s) errors[size_t(i)] = s.error().toString();
            });
        for (auto &t : threads) t.join();
        for (const QString &e : errors)
            if (!e.isEmpty()) failures << QStringLiteral("round %1: %2").arg(round).arg(e);
        QCOMPARE(sqlScalar(copy, QStringLiteral("PRAGMA user_version")), current);
        QCOMPARE(sqlScalar(copy, QStringLiteral("SELECT count(*) FROM meta WHERE key='series_meta'")), 1LL);
        if (round % 3 != 2)  // the copied candles, counted once in the rebuilt metadata
            QCOMPARE(sqlScalar(copy, QStringLiteral("SELECT rows FROM series_meta WHERE type='klines'")), 2000LL);
    }
    if (!failures.isEmpty()) qWarning().noquote() << failures.mid(0, 5).join(QLatin1Char('\n'));
    QCOMPARE(failures.size(), 0);
}
