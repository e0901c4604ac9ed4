// Offline cache with the real liquidation engine: a grid computed once opens from the store on the
// next start (a new engine, no recomputation needed to show it), identical to what was computed,
// and the window says it is showing a cached estimate until the fresh one arrives.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "engine/CoreEngine.h"

#include <QApplication>
#include <QSignalSpy>

using namespace lhm;

class TestOfflineCache : public QObject {
    Q_OBJECT
private slots:
    void secondStartOpensFromCache() {
        test::TempStore ts;
        QVERIFY(test::fillSyntheticMarket(*ts.store));
        HeatmapRequest req;
        req.symbol = QStringLiteral("BTCUSDT");
        req.window = QStringLiteral("7d");

        GridPtr computed;
        {
            CoreEngine first(ts.path);
            QSignalSpy ready(&first, &CoreEngine::heatmapReady);
            QSignalSpy failed(&first, &CoreEngine::requestFailed);
            first.requestHeatmap(req);
            QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 || failed.count() >= 1, 60000);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][2].toString()));
            QCOMPARE(ready.count(), 1);  // nothing cached yet: the fresh grid only
            QCOMPARE(ready[0][2].toBool(), false);
            computed = ready[0][1].value<GridPtr>();
            QVERIFY(computed->cols() > 0);
        }
        // Next start: the cached grid comes first, with the same numbers.
        CoreEngine second(ts.path);
        QSignalSpy ready(&second, &CoreEngine::heatmapReady);
        second.requestHeatmap(req);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 60000);
        QCOMPARE(ready[0][2].toBool(), true);
        const GridPtr cached = ready[0][1].value<GridPtr>();
        QCOMPARE(cached->cols(), computed->cols());
        QCOMPARE(cached->rows, computed->rows);
        QCOMPARE(cached->priceMin, computed->priceMin);
        QVERIFY(cached->longDensity == computed->longDensity);
        QVERIFY(cached->shortDensity == computed->shortDensity);
        QCOMPARE(cached->dataTo, computed->dataTo);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
        QCOMPARE(ready[1][2].toBool(), false);
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestOfflineCache)
#include "tst_offlinecache.moc"
