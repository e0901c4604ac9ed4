// Common value helpers: interval parsing, window table, grid flooring, error formatting, URL
// redaction and the shared row validation.
#include "TestSupport.h"

#include "common/Error.h"
#include "common/RowValidation.h"
#include "common/Timeframe.h"
#include "common/UrlRedaction.h"

#include <cmath>
#include <limits>

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
    void intervalsNeverOverflow() {
        // 144115188075855873 h * 3.6e6 ms wraps a signed 64-bit product around to exactly 1 h.
        QVERIFY(!intervalMs(QStringLiteral("144115188075855873h")).has_value());
        QVERIFY(!intervalMs(QStringLiteral("833333333333333h")).has_value());
        QVERIFY(!intervalMs(QStringLiteral("9223372036854775807s")).has_value());
        QVERIFY(!intervalMs(QStringLiteral("101y")).has_value());
        QCOMPARE(*intervalMs(QStringLiteral("100y")), qint64(100) * 365 * 86'400'000);  // the limit itself
        QCOMPARE(*intervalMs(QStringLiteral("2w")), qint64(1'209'600'000));
    }
    void redactsUserInfoAndQueryValues() {
        QCOMPARE(redactUrl(QStringLiteral("https://alice:s3cret@mirror.example:8443/data/?token=abc123&x=1#frag")),
                 QStringLiteral("https://***@mirror.example:8443/data/?token=***&x=***"));
        QCOMPARE(redactUrl(QStringLiteral("https://data.binance.vision/data/futures/um/daily/metrics/BTCUSDT/x.zip")),
                 QStringLiteral("https://data.binance.vision/data/futures/um/daily/metrics/BTCUSDT/x.zip"));
        // A 64-character listen key in the path of a user-data stream.
        const QString key(64, QLatin1Char('a'));
        QCOMPARE(redactUrl(QStringLiteral("wss://fstream.binance.com/ws/") + key),
                 QStringLiteral("wss://fstream.binance.com/ws/***"));
        QCOMPARE(redactUrl(QStringLiteral("wss://fstream.binance.com/ws/!forceOrder@arr")),
                 QStringLiteral("wss://fstream.binance.com/ws/!forceOrder@arr"));
        const QString text = QStringLiteral("Error transferring http://u:p@127.0.0.1:5/a.zip?sig=zz - server replied: Not Found");
        const QString red = redactUrlsIn(text);
        QCOMPARE(red, QStringLiteral("Error transferring http://***@127.0.0.1:5/a.zip?sig=*** - server replied: Not Found"));
        QVERIFY(!red.contains(QLatin1String("u:p")) && !red.contains(QLatin1String("zz")));
    }
    void rowTimesWithinSaneRange() {
        const qint64 now = 1'780'000'000'000;  // 2026-05-28 ~20:26 UTC
        QVERIFY(!checkTime(1'230'768'000'000, now, QStringLiteral("t")));  // 2009-01-01 00:00: the first allowed
        QVERIFY(checkTime(1'230'767'999'999, now, QStringLiteral("t")));
        QVERIFY(!checkTime(now + 86'400'000, now, QStringLiteral("t")));
        const RowCheck far = checkTime(9'999'999'999'999, now, QStringLiteral("open_time"));
        QVERIFY(far);
        QCOMPARE(far->field, QStringLiteral("open_time"));
        QVERIFY(far->message.contains(QLatin1String("2026-05-29 20:26 UTC")));
        QVERIFY(checkTime(std::numeric_limits<qint64>::min(), now, QStringLiteral("t")));
    }
    void rowsFiniteAndPositive() {
        const qint64 now = 1'780'000'000'000;
        Candle c;
        c.openTime = 1'715'299'200'000;  // 2024-05-10
        c.closeTime = c.openTime + 59'999;
        c.open = c.high = c.low = c.close = 61000;
        QVERIFY(!validateRow(c, now));
        Candle nan = c;
        nan.close = std::nan("");
        QCOMPARE(validateRow(nan, now)->field, QStringLiteral("close"));
        Candle neg = c;
        neg.volume = -1;
        QCOMPARE(validateRow(neg, now)->field, QStringLiteral("volume"));
        Candle inf = c;
        inf.high = std::numeric_limits<double>::infinity();
        QCOMPARE(validateRow(inf, now)->field, QStringLiteral("high"));
        Candle early = c;
        early.openTime = std::numeric_limits<qint64>::min();
        QCOMPARE(validateRow(early, now)->field, QStringLiteral("open_time"));
        Candle inverted = c;
        inverted.low = 62000;
        QCOMPARE(validateRow(inverted, now)->field, QStringLiteral("high"));
        OpenInterestPoint oi;
        oi.time = c.openTime;
        oi.openInterest = -5;
        QCOMPARE(validateRow(oi, now)->field, QStringLiteral("sum_open_interest"));
        FundingPoint f{c.openTime, 8, 0.0001};
        QVERIFY(!validateRow(f, now));
        f.rate = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(validateRow(f, now)->field, QStringLiteral("last_funding_rate"));
        LiquidationEvent e;
        e.time = c.openTime;
        e.price = 61000;
        e.qty = 0;
        QCOMPARE(validateRow(e, now)->field, QStringLiteral("qty"));
        const std::vector<Candle> rows{c, c, nan};
        const auto bad = firstInvalid<Candle>(rows, now);
        QVERIFY(bad);
        QCOMPARE(bad->first, qsizetype(2));
        QCOMPARE(rowError(bad->second, QStringLiteral("klines response"), 3).toString(),
                 QStringLiteral("klines response:3: field 'close': not a finite number: nan"));
    }
    void calendarDates() {
        QVERIFY(isCalendarDate(2024, 2, 29));   // leap year
        QVERIFY(!isCalendarDate(2023, 2, 29));
        QVERIFY(!isCalendarDate(2024, 2, 31));
        QVERIFY(!isCalendarDate(2024, 4, 31));
        QVERIFY(isCalendarDate(2000, 2, 29));   // divisible by 400
        QVERIFY(!isCalendarDate(1900, 2, 29));  // divisible by 100 only
        QVERIFY(!isCalendarDate(2024, 13, 1));
        QVERIFY(!isCalendarDate(2024, 0, 1));
    }
    void checkedConversions() {
        QCOMPARE(*toInt64Checked(1'715'299'200'000.0), qint64(1'715'299'200'000));
        QCOMPARE(*toInt64Checked(-2.9), qint64(-2));  // truncates toward zero like a cast
        QCOMPARE(*toInt64Checked(-9223372036854775808.0), std::numeric_limits<qint64>::min());
        QVERIFY(!toInt64Checked(9223372036854775808.0));  // 2^63
        QVERIFY(!toInt64Checked(1e300));
        QVERIFY(!toInt64Checked(std::nan("")));
        QVERIFY(!toInt64Checked(-std::numeric_limits<double>::infinity()));
        QCOMPARE(*toIntChecked(2147483647.9), 2147483647);
        QVERIFY(!toIntChecked(2147483648.0));
        QCOMPARE(*toIntChecked(-2147483648.5), -2147483647 - 1);
        QVERIFY(!toIntChecked(-2147483649.0));
    }
};

LHM_TEST_MAIN(TestCommon)
#include "tst_common.moc"
