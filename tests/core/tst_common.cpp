// Common value helpers: interval parsing, window table, grid flooring, error formatting.
#include "TestSupport.h"

#include "common/Error.h"
#include "common/Timeframe.h"

using namespace lhm;

class TestCommon : public QObject {
    Q_OBJECT
private slots:
    void intervals() {
        QCOMPARE(*intervalMs(QStringLiteral("1m")), qint64(60'000));
        QCOMPARE(*intervalMs(QStringLiteral("15m")), qint64(900'000));
        QCOMPARE(*intervalMs(QStringLiteral("4h")), qint64(14'400'000));
        QCOMPARE(*intervalMs(QStringLiteral("1d")), qint64(86'400'000));
        QVERIFY(!intervalMs(QStringLiteral("1M")).has_value());
        QVERIFY(!intervalMs(QStringLiteral("0h")).has_value());
        QVERIFY(!intervalMs(QStringLiteral("h")).has_value());
    }
    void windowsPairWithTheHouseCandleSizes() {
        QCOMPARE(windowNames(), QStringList({"12h", "24h", "48h", "3d", "7d", "14d", "30d", "60d", "90d", "180d", "1y"}));
        QCOMPARE(windowByName(QStringLiteral("48h"))->interval, QStringLiteral("30m"));
        QCOMPARE(windowByName(QStringLiteral("14d"))->interval, QStringLiteral("2h"));
        QCOMPARE(windowByName(QStringLiteral("1y"))->lengthMs, qint64(365) * 86'400'000);
        QVERIFY(!windowByName(QStringLiteral("5d")).has_value());
    }
    void flooring() {
        QCOMPARE(floorTo(3'599'999, 3'600'000), qint64(0));
        QCOMPARE(floorTo(3'600'000, 3'600'000), qint64(3'600'000));
        QCOMPARE(floorTo(-1, 60'000), qint64(-60'000));
    }
    void errorNamesFileLineField() {
        const Error e(QStringLiteral("not a number"), QStringLiteral("BTCUSDT-1m-2024-05-10.csv"), 17, QStringLiteral("close"));
        QCOMPARE(e.toString(), QStringLiteral("BTCUSDT-1m-2024-05-10.csv:17: field 'close': not a number"));
        QCOMPARE(Error(QStringLiteral("boom")).toString(), QStringLiteral("boom"));
    }
};

LHM_TEST_MAIN(TestCommon)
#include "tst_common.moc"
