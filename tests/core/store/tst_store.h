#pragma once
// TestStore, declared here: its slots are defined in tst_store.cpp and tst_store_*.cpp (one executable).
#include "TestSupport.h"

#include "store/Schema.h"
#include "store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <atomic>
#include <thread>

using namespace lhm;
using namespace lhm::test;

inline Candle candle(qint64 t, double o, double h, double l, double c) {
    Candle k;
    k.openTime = t;
    k.open = o, k.high = h, k.low = l, k.close = c;
    k.volume = 10;
    k.closeTime = t + 59'999;
    return k;
}

// The pid of a process that has exited: what a crashed session leaves in its marker.
inline qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("true"), QStringList{});
    if (!p.waitForStarted()) return -1;
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

// Writes the marker a session of process `pid` leaves when it is killed before closing.
inline bool leaveSessionMarker(const QString &path, qint64 pid) {
    auto db = Database::open(path);
    return db && (*db)->exec(QStringLiteral("INSERT INTO meta VALUES('session:%1:1', '0')").arg(pid)).ok();
}

inline qint64 sessionMarkers(const QString &path) {
    auto db = Database::open(path);
    return db ? (*db)->scalar(QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'session:%'"), -1) : -1;
}

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void createsAndMigratesToCurrentVersion();
    void reopenKeepsData();
    void refusesDirectory();
    void refusesNonSqliteFileAndLeavesItUntouched();
    void refusesForeignSqliteDatabase();
    void refusesNewerSchema();
    void insertsAreIdempotent();
    void liquidationsStoredOnce();
    void tradeProfileAddsIntoCells();
    void uncommittedTransactionLeavesNothing();
    void seriesInfoReportsCountsRangeAndGaps();
    void seriesInfoFollowsInserts();
    void largeTradeProfilePerColumnAndBucket();
    void fundingJitterIsNotAGap();
    void newestLiquidationTimeHonoursTheFloor();
    void openInterestSamplesAreTheModelColumns();
    void exchangesWithSeriesReadsTheMetadata();
    void checksOnlyAfterUncleanShutdown();
    void readerMarksItsSessionBeforeItsFirstWrite();
    void damageFoundAfterCrashAndByLhmCheck();
    void heatmapCacheRoundTrip();
    void validationResultsKeepTheirBaseline();
    void concurrentFirstOpensOfACopiedStore();
};
