// CoreEngine: asynchronous answers on signals, the cached grid before the fresh one, stale
// results dropped when a newer request superseded them, cancellation, progress, failures and a
// store that cannot be opened.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "engine/CoreEngine.h"

#include <QApplication>
#include <QSignalSpy>

using namespace lhm;

class TestCoreEngine : public QObject {
    Q_OBJECT

    HeatmapRequest req(const QString &symbol, const QString &window = QStringLiteral("7d")) {
        HeatmapRequest r;
        r.symbol = symbol;
        r.window = window;
        return r;
    }

private slots:
    void cachedThenFresh() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        st->cached = true;
        CoreEngine e(ts.path, test::fakeBackend(st));
        QSignalSpy ready(&e, &CoreEngine::heatmapReady);
        QSignalSpy prog(&e, &CoreEngine::progress);
        const quint64 id = e.requestHeatmap(req(QStringLiteral("ETHUSDT")));
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(ready[0][0].value<quint64>(), id);
        QCOMPARE(ready[0][2].toBool(), true);
        QCOMPARE(ready[1][2].toBool(), false);
        const GridPtr cached = ready[0][1].value<GridPtr>(), fresh = ready[1][1].value<GridPtr>();
        QCOMPARE(cached->computedAt, 1);
        QCOMPARE(fresh->symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(fresh->longAt(1, 2), float(2.1e6 + 100 + 2));
        QCOMPARE(prog.count(), 1);
        QCOMPARE(prog[0][2].toDouble(), 0.5);
        // Without the cache, one answer only.
        ready.clear();
        e.requestHeatmap(req(QStringLiteral("BTCUSDT")), false);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready[0][2].toBool(), false);
        e.waitForIdle();
        QVERIFY(!e.isBusy() || QTest::qWaitFor([&] { return !e.isBusy(); }));
    }

    void newerRequestSupersedesOlder() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        st->computeDelayMs = 300;
        CoreEngine e(ts.path, test::fakeBackend(st));
        QSignalSpy ready(&e, &CoreEngine::heatmapReady);
        QSignalSpy failed(&e, &CoreEngine::requestFailed);
        e.requestHeatmap(req(QStringLiteral("BTCUSDT")));
        QTest::qWait(50);
        const quint64 second = e.requestHeatmap(req(QStringLiteral("ETHUSDT")));
        QTRY_COMPARE(ready.count(), 1);
        e.waitForIdle();
        QTest::qWait(50);
        QCOMPARE(ready.count(), 1);  // the BTCUSDT result never arrives
        QCOMPARE(ready[0][0].value<quint64>(), second);
        QCOMPARE(ready[0][1].value<GridPtr>()->symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(failed.count(), 0);  // a superseded request is not a failure
        QCOMPARE(st->heatmapCalls.load(), 2);
    }

    void cancelStopsWork() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        st->computeDelayMs = 5000;
        CoreEngine e(ts.path, test::fakeBackend(st));
        QSignalSpy ready(&e, &CoreEngine::heatmapReady);
        QSignalSpy busy(&e, &CoreEngine::busyChanged);
        QElapsedTimer t;
        t.start();
        e.requestHeatmap(req(QStringLiteral("BTCUSDT")));
        QTest::qWait(50);
        e.cancel(RequestKind::Heatmap);
        e.waitForIdle();
        QVERIFY2(t.elapsed() < 2000, "the backend saw the cancel flag");
        QTest::qWait(20);
        QCOMPARE(ready.count(), 0);
        QTRY_COMPARE(busy.count(), 2);
        QCOMPARE(busy[1][0].toBool(), false);
    }

    void kindsAreIndependent() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        CoreEngine e(ts.path, test::fakeBackend(st));
        QSignalSpy grid(&e, &CoreEngine::heatmapReady), map(&e, &CoreEngine::liquidationMapReady),
            cmp(&e, &CoreEngine::comparisonReady), info(&e, &CoreEngine::storeInfoReady);
        e.requestHeatmap(req(QStringLiteral("BTCUSDT")));
        e.requestLiquidationMap(req(QStringLiteral("BTCUSDT")));
        e.requestComparison(req(QStringLiteral("BTCUSDT")));
        e.requestStoreInfo();
        QTRY_COMPARE(grid.count(), 1);
        QTRY_COMPARE(map.count(), 1);
        QTRY_COMPARE(cmp.count(), 1);
        QTRY_COMPARE(info.count(), 1);
        QCOMPARE(map[0][1].value<MapPtr>()->longNotional[0], 1100.0);
        QCOMPARE(cmp[0][1].value<ComparisonPtr>()->grids.size(), size_t(3));
        const auto snap = info[0][1].value<StoreSnapshot>();
        QVERIFY(snap.ok);
        QVERIFY(snap.symbols.isEmpty());  // a fresh store
        QVERIFY(snap.series.empty());
    }

    void failuresAndBadStore() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        st->failWith = QStringLiteral("no candles for BTCUSDT");
        CoreEngine e(ts.path, test::fakeBackend(st));
        QSignalSpy failed(&e, &CoreEngine::requestFailed);
        const quint64 id = e.requestHeatmap(req(QStringLiteral("BTCUSDT")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed[0][0].value<quint64>(), id);
        QCOMPARE(failed[0][1].value<RequestKind>(), RequestKind::Heatmap);
        QCOMPARE(failed[0][2].toString(), QStringLiteral("no candles for BTCUSDT"));

        // A file that is not a database: every request fails with the store's reason, no crash.
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("garbage.sqlite"));
        QVERIFY(test::writeFile(bad, QByteArray(8192, 'x')));
        CoreEngine e2(bad, test::fakeBackend(std::make_shared<test::FakeBackendState>()));
        QSignalSpy failed2(&e2, &CoreEngine::requestFailed);
        e2.requestStoreInfo();
        e2.requestHeatmap(req(QStringLiteral("BTCUSDT")));
        QTRY_COMPARE(failed2.count(), 2);
        QVERIFY(!failed2[0][2].toString().isEmpty());
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestCoreEngine)
#include "tst_coreengine.moc"
