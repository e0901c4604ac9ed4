// lhm pine: the Pine v5 indicator checked line by line against a hand-written file
// (tests/data/pine/), on a store this test builds so the top levels are known by hand.
#include "TestSupport.h"

#include "analysis/PineScript.h"

#include <QFile>

using namespace lhm;
using namespace lhm::test;

namespace {
constexpr qint64 kHour = 3'600'000;
constexpr qint64 kStart = 1'717'200'000'000LL;  // 2024-06-01T00:00:00Z

// 72 flat hours at 50,000 with 100 BTC of open interest throughout: nothing opens, closes or is
// crossed, so the map holds the starting book alone (book market: each of the 100 BTC one long
// and one short, entered at 50,000).
void fillFlatMarket(Store &s) {
    std::vector<Candle> candles;
    std::vector<OpenInterestPoint> oi;
    for (int h = 0; h < 72; ++h) {
        Candle c;
        c.openTime = kStart + h * kHour;
        c.closeTime = c.openTime + kHour - 1;
        c.open = c.high = c.low = c.close = 50000;
        c.volume = 10;
        c.quoteVolume = 500000;
        c.takerBuyVolume = 5;
        c.takerBuyQuoteVolume = 250000;
        c.trades = 100;
        candles.push_back(c);
        OpenInterestPoint p;
        p.time = c.openTime;
        p.openInterest = 100;
        p.openInterestValue = 5'000'000;
        oi.push_back(p);
    }
    const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
    QVERIFY(s.insertCandles(k, candles).ok());
    QVERIFY(s.insertOpenInterest({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}}, oi).ok());
}

QStringList pineArgs(const QString &db) {
    return {QStringLiteral("--db"), db, QStringLiteral("pine"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
            QStringLiteral("--window"), QStringLiteral("3d"), QStringLiteral("--leverage-weights"), QStringLiteral("10:3,20:1"),
            QStringLiteral("--bucket"), QStringLiteral("100"), QStringLiteral("--entry-spread"), QStringLiteral("0"),
            QStringLiteral("--turnover"), QStringLiteral("0"), QStringLiteral("--generated-at"),
            QStringLiteral("2026-12-01T12:00:00Z")};
}

QStringList expectedLines(const QString &name) {
    QFile f(QStringLiteral(LHM_SOURCE_DIR "/tests/data/pine/") + name);
    if (!f.open(QIODevice::ReadOnly)) return {QStringLiteral("cannot open ") + f.fileName()};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
}

void compareLines(const QByteArray &actual, const QString &expectedFile) {
    const QStringList got = QString::fromUtf8(actual).split(QLatin1Char('\n'));
    const QStringList want = expectedLines(expectedFile);
    for (int i = 0; i < std::min(got.size(), want.size()); ++i)
        QVERIFY2(got[i] == want[i], qPrintable(QStringLiteral("line %1:\n got  %2\n want %3").arg(i + 1).arg(got[i], want[i])));
    QCOMPARE(got.size(), want.size());
}
}  // namespace

class TstPine : public QObject {
    Q_OBJECT
private slots:
    // The levels, worked by hand (docs/liquidation-price.md; BTCUSDT bracket 1: MMR 0.004, cum 0,
    // for the 10,000 USD representative position): long LP = 50,000 x (1 - 1/L) / (1 - 0.004),
    // short LP = 50,000 x (1 + 1/L) / (1 + 0.004).
    //   10x long 45,180.72 -> bucket [45,100, 45,200), centre 45,150; 20x long 47,690.76 -> 47,650
    //   20x short 52,290.84 -> 52,250;  10x short 54,780.88 -> 54,750
    // Notional: 100 BTC x 50,000 = 5,000,000 USD per side, split 3:1 over 10x and 20x:
    //   10x 3,750,000 ($3.75M), 20x 1,250,000 ($1.25M). --top 3 keeps both 3.75M levels and, of the
    //   two 1.25M ties, the lower price (47,650). Drawn highest price first.
    void cliMatchesHandWrittenFile() {
        TempStore t;
        fillFlatMarket(*t.store);
        const QString db = t.path;
        t.store.reset();
        QStringList args = pineArgs(db);
        CliRun r = runCli(args + QStringList{QStringLiteral("--top"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        compareLines(r.out, QStringLiteral("btcusdt_3d_top3.pine"));
        // All four with the default top (20).
        r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        compareLines(r.out, QStringLiteral("btcusdt_3d_top20.pine"));
        // --output writes the same bytes to a file and nothing to stdout.
        const QString out = t.dir.filePath(QStringLiteral("levels.pine"));
        r = runCli(args + QStringList{QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        compareLines(f.readAll(), QStringLiteral("btcusdt_3d_top20.pine"));
    }

    void badInput() {
        TempStore t;
        fillFlatMarket(*t.store);
        const QString db = t.path;
        t.store.reset();
        CliRun r = runCli(pineArgs(db) + QStringList{QStringLiteral("--top"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("top"));
        r = runCli(pineArgs(db) + QStringList{QStringLiteral("--top"), QStringLiteral("2.5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("top"));
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("pine"), QStringLiteral("--symbol"), QStringLiteral("ETHUSDT")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        r = runCli(pineArgs(db) + QStringList{QStringLiteral("--output"), t.dir.filePath(QStringLiteral("no/such/dir/x.pine"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("output"));
    }

    // Selection on a map built by hand: empty buckets never become levels, ties keep the lower
    // price, the result is ordered by price, highest first.
    void topLevelsByHand() {
        LiquidationMap m;
        m.priceMin = 100;
        m.bucketSize = 10;
        m.rows = 4;  // centres 105, 115, 125, 135
        m.leverages = {10, 20};
        m.longNotional = {1, 2, /**/ 0, 0, /**/ 0, 0, /**/ 0, 0};   // 105: 3
        m.shortNotional = {0, 0, /**/ 0, 0, /**/ 2, 2, /**/ 1, 2};  // 125: 4, 135: 3
        auto top = topPineLevels(m, 2);
        QCOMPARE(int(top.size()), 2);
        QCOMPARE(top[0].price, 125.0);
        QCOMPARE(top[0].notional, 4.0);
        QCOMPARE(top[1].price, 105.0);  // 3 at 105 (long) and 3 at 135 (short): the lower price wins
        QCOMPARE(top[1].side, Side::Long);
        QCOMPARE(int(topPineLevels(m, 10).size()), 3);
        QVERIFY(topPineLevels(m, 0).empty());
    }
};

LHM_TEST_MAIN(TstPine)
#include "tst_pine.moc"
