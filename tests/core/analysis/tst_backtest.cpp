// The backtester: rule expressions (muParser) and their errors, fills and costs worked by hand, the
// next-open fill rule, baselines, and an end-to-end run on the real section 13 set.
#include "TestSupport.h"

#include "analysis/Backtester.h"
#include "ingest/Importer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace lhm;
using namespace lhm::test;

namespace {
constexpr qint64 kHour = 3'600'000;

BarFeature bar(int i, double o, double h, double l, double c) {
    BarFeature b;
    b.candle.openTime = qint64(i) * kHour;
    b.candle.open = o;
    b.candle.high = h;
    b.candle.low = l;
    b.candle.close = c;
    return b;
}

std::shared_ptr<RuleExpression> rule(const char *text) {
    auto r = RuleExpression::compile(QString::fromLatin1(text), QStringLiteral("entry"));
    return r ? *r : nullptr;
}

BacktestParams costs(double feeBps, double slipBps) {
    BacktestParams p;
    p.feeBps = feeBps;
    p.slippageBps = slipBps;
    p.sizeUsd = 1000;
    p.signal.reversalMinUsd = 1e18;  // keep `signal` NONE in these cases
    return p;
}
}  // namespace

class TstBacktest : public QObject {
    Q_OBJECT
private slots:
    void expressions() {
        auto r = rule("close > open and confidence >= 0.5 or signal == 2");
        QVERIFY(r);
        r->vars()[size_t(RuleVar::Open)] = 100;
        r->vars()[size_t(RuleVar::Close)] = 101;
        r->vars()[size_t(RuleVar::Confidence)] = 0.4;
        QCOMPARE(r->evaluate(), 0.0);
        r->vars()[size_t(RuleVar::Confidence)] = 0.5;
        QCOMPARE(r->evaluate(), 1.0);

        auto bad = RuleExpression::compile(QStringLiteral("close > 1 and closee < 2"), QStringLiteral("exit"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("exit"));
        QVERIFY2(bad.error().message.contains(QStringLiteral("'closee'")), qPrintable(bad.error().message));
        QVERIFY2(bad.error().message.contains(QStringLiteral("position 15")), qPrintable(bad.error().message));
        auto syntax = RuleExpression::compile(QStringLiteral("close >"), QStringLiteral("entry"));
        QVERIFY(!syntax);
        QVERIFY(syntax.error().message.contains(QStringLiteral("position")));
        QVERIFY(!RuleExpression::compile(QStringLiteral("  "), QStringLiteral("entry")));
    }

    // Fee 10 bps, no slippage, 1,000 USD. Entry "1" is true at bar 0's close: long at bar 1's open
    // 100 (qty 10, fee 1). Exit "close >= 110" is true at bar 2's close: out at bar 3's open 111
    // (fee 1.11). P&L 10 x 11 - 1 - 1.11 = 107.89; equity 1000, 1049, 1099, 1107.89.
    void longByHand() {
        std::vector<BarFeature> bars{bar(0, 100, 100, 100, 100), bar(1, 100, 105, 100, 105), bar(2, 105, 112, 104, 110),
                                     bar(3, 111, 111, 108, 108)};
        auto entry = rule("1");
        auto exit = rule("close >= 110");
        const BacktestRun r = runBacktest(bars, *entry, *exit, costs(10, 0));
        QCOMPARE(r.trades.size(), size_t(1));
        const BacktestTrade &t = r.trades.front();
        QCOMPARE(t.entryTime, 1 * kHour);  // decided at bar 0's close, filled at bar 1's open
        QCOMPARE(t.entryPrice, 100.0);
        QCOMPARE(t.exitTime, 3 * kHour);
        QCOMPARE(t.exitPrice, 111.0);
        QVERIFY(std::fabs(t.pnl - 107.89) < 1e-9);
        QVERIFY(std::fabs(t.fees - 2.11) < 1e-9);
        QCOMPARE(r.equity.size(), size_t(4));
        QCOMPARE(r.equity[0].second, 1000.0);
        QVERIFY(std::fabs(r.equity[1].second - 1049) < 1e-9);
        QVERIFY(std::fabs(r.equity[2].second - 1099) < 1e-9);
        QVERIFY(std::fabs(r.equity[3].second - 1107.89) < 1e-9);
        QVERIFY(std::fabs(r.stats.totalReturn - 0.10789) < 1e-12);
        QCOMPARE(r.stats.trades, 1);
        QCOMPARE(*r.stats.winRate, 1.0);
        QVERIFY(!r.stats.profitFactor);      // no losing trade: undefined, not infinite
        QCOMPARE(r.stats.exposure, 0.5);     // bars 1 and 2 of 4
        QCOMPARE(r.stats.maxDrawdown, 0.0);
    }

    // Stop 3 % below a 100 entry = 97; bar 2 opens 101 and trades down to 96: out at 97.
    // Fee 10 bps: P&L 10 x (-3) - 1 - 0.97 = -31.97. Profit factor 0 / 31.97 = 0.
    // Drawdown: equity 1000, 1009 (bar 1 close 101), 968.03: (1009 - 968.03) / 1009.
    void stopByHand() {
        std::vector<BarFeature> bars{bar(0, 100, 100, 100, 100), bar(1, 100, 101, 99, 101), bar(2, 101, 102, 96, 98)};
        auto entry = rule("in_position == 0");
        auto exit = rule("0");
        BacktestParams p = costs(10, 0);
        p.stopPct = 3;
        const BacktestRun r = runBacktest(bars, *entry, *exit, p);
        QCOMPARE(r.trades.size(), size_t(1));
        QCOMPARE(r.trades[0].exitReason, QStringLiteral("stop"));
        QCOMPARE(r.trades[0].exitPrice, 97.0);
        QVERIFY(std::fabs(r.trades[0].pnl + 31.97) < 1e-9);
        QCOMPARE(*r.stats.winRate, 0.0);
        QCOMPARE(*r.stats.profitFactor, 0.0);
        QVERIFY(std::fabs(r.stats.maxDrawdown - (1009 - 968.03) / 1009) < 1e-12);
    }

    // Short with 10 bps slippage and no fee: entry sells at 100 x 0.999 = 99.9 (qty 1000/99.9),
    // the last bar closes the position at 90 x 1.001 = 90.09: P&L (99.9 - 90.09) x 1000/99.9.
    void shortWithSlippage() {
        std::vector<BarFeature> bars{bar(0, 100, 100, 100, 100), bar(1, 100, 100, 95, 95), bar(2, 95, 95, 90, 90)};
        auto entry = rule("1");
        auto exit = rule("0");
        BacktestParams p = costs(0, 10);
        p.side = TradeSide::Short;
        const BacktestRun r = runBacktest(bars, *entry, *exit, p);
        QCOMPARE(r.trades.size(), size_t(1));
        QCOMPARE(r.trades[0].side, Side::Short);
        QCOMPARE(r.trades[0].exitReason, QStringLiteral("end"));
        QVERIFY(std::fabs(r.trades[0].entryPrice - 99.9) < 1e-9);
        QVERIFY(std::fabs(r.trades[0].exitPrice - 90.09) < 1e-9);
        QVERIFY(std::fabs(r.trades[0].pnl - (99.9 - 90.09) * 1000 / 99.9) < 1e-9);
    }

    // Buy at 100, last close 120, fee 10 bps: qty 10, fees 1 + 1.2, return (200 - 2.2) / 1000.
    void buyAndHoldByHand() {
        std::vector<BarFeature> bars{bar(0, 100, 101, 99, 100), bar(1, 100, 121, 100, 120)};
        const BacktestRun r = buyAndHold(bars, costs(10, 0));
        QVERIFY(std::fabs(r.stats.totalReturn - 0.1978) < 1e-12);
        QCOMPARE(r.stats.exposure, 1.0);
        QCOMPARE(r.stats.trades, 1);
    }

    // Real section 13 data through the CLI; buy-and-hold from python over the CSV: open 62,766.1
    // at 2024-07-01T00:00Z, close 58,390 at 2024-08-18T23:00Z, 2 bps slippage and 4 bps fees per
    // fill: total return -0.0708648.
    void endToEnd() {
        TempStore t;
        ImportOptions o;
        o.zoneOffsetMs = 6 * kHour;
        Importer imp(*t.store, o);
        for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
            QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") +
                                               QLatin1String(f))).error);
        const QString db = t.path;
        const QString csv = t.dir.filePath(QStringLiteral("trades.csv"));
        t.store.reset();
        const QStringList common{QStringLiteral("--db"), db, QStringLiteral("backtest"), QStringLiteral("--symbol"),
                                 QStringLiteral("BTCUSDT"), QStringLiteral("--from"), QStringLiteral("2024-07-01"),
                                 QStringLiteral("--to"), QStringLiteral("2024-08-19")};
        CliRun r = runCli(common + QStringList{QStringLiteral("--model"), QStringLiteral("binance_standard,ensemble"),
                                               QStringLiteral("--entry"), QStringLiteral("dist_long_cluster_pct < 2"),
                                               QStringLiteral("--exit"), QStringLiteral("dist_short_cluster_pct < 1 or close < open * 0.97"),
                                               QStringLiteral("--trades-csv"), csv, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), 2);
        const QJsonObject m = arr.at(0).toObject();
        QCOMPARE(m.value(QStringLiteral("model")).toString(), QStringLiteral("binance_standard"));
        for (const char *k : {"total_return", "sharpe", "sortino", "max_drawdown", "win_rate", "profit_factor", "exposure", "trades"})
            QVERIFY2(m.value(QStringLiteral("stats")).toObject().contains(QLatin1String(k)), k);
        QCOMPARE(m.value(QStringLiteral("equity")).toArray().size(), 49 * 24);
        const QJsonObject hold = m.value(QStringLiteral("baselines")).toObject().value(QStringLiteral("buy_and_hold")).toObject();
        QVERIFY(std::fabs(hold.value(QStringLiteral("total_return")).toDouble() - -0.0708648) < 1e-6);
        QVERIFY(m.value(QStringLiteral("baselines")).toObject().value(QStringLiteral("shifted_clusters")).isObject());
        const QByteArray trades = readFile(csv);
        QVERIFY(trades.startsWith("model,side,entry_time"));
        QCOMPARE(trades.count('\n') - 1, m.value(QStringLiteral("stats")).toObject().value(QStringLiteral("trades")).toInt() +
                                             arr.at(1).toObject().value(QStringLiteral("stats")).toObject().value(QStringLiteral("trades")).toInt());

        // Expression errors: exit 2 naming the position and the unknown name, before any data is read.
        CliRun bad = runCli(common + QStringList{QStringLiteral("--entry"), QStringLiteral("dist_lng_cluster_pct < 2"),
                                                 QStringLiteral("--exit"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("'dist_lng_cluster_pct'") && bad.err.contains("position 1"), bad.err.constData());
    }
};

LHM_TEST_MAIN(TstBacktest)
#include "tst_backtest.moc"
