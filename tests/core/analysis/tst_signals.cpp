// Signals: the rules worked by hand on bar variables, the per-bar features' no-look-ahead on the
// real section 13 set, and `lhm signals` end to end.
#include "TestSupport.h"

#include "analysis/SignalRules.h"
#include "ingest/Importer.h"
#include "ingest/thirdparty/TimeText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::test;

namespace {
constexpr qint64 kHour = 3'600'000;

BarFeature plain(int i) {
    BarFeature b;
    b.candle.openTime = qint64(i) * kHour;
    b.candle.open = b.candle.high = b.candle.low = b.candle.close = 100;
    return b;
}

NearestCluster cluster(Side side, double distancePct, double notional) {
    return {true, side == Side::Long ? 100 * (1 - distancePct / 100) : 100 * (1 + distancePct / 100), notional, distancePct, side};
}

void importCoinalyze(Store &s) {
    ImportOptions o;
    o.zoneOffsetMs = 6 * kHour;
    Importer imp(s, o);
    for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
        QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") +
                                           QLatin1String(f))).error);
}
}  // namespace

class TstSignals : public QObject {
    Q_OBJECT
private slots:
    void rulesByHand() {
        SignalParams p;  // avoid 2 %, cluster share 0.10, confidence 0.5, 4 bars, factor 1, 5M USD
        std::vector<BarFeature> bars(7);
        for (int i = 0; i < 7; ++i) bars[size_t(i)] = plain(i);
        // 0: a long cluster 1.5 % below holding 20 of 100 USD on its side: AVOID.
        bars[0].longCluster = cluster(Side::Long, 1.5, 20);
        bars[0].sideTotalLong = 100;
        // 1: the same cluster at 2.5 %: too far: NONE.
        bars[1].longCluster = cluster(Side::Long, 2.5, 20);
        bars[1].sideTotalLong = 100;
        // 2: 1 % away but only 5 % of its side: NONE.
        bars[2].shortCluster = cluster(Side::Short, 1.0, 5);
        bars[2].sideTotalShort = 100;
        // 3: confidence 0.4 wins over everything: WAIT.
        bars[3].confidence = 0.4;
        bars[3].longCluster = bars[0].longCluster;
        bars[3].sideTotalLong = 100;
        // 4..6: 2M + 2M + 2M realised against 1M predicted in total. At bar 5 the last 4 bars hold
        // 4M (< 5M): not yet; at bar 6 they hold 6M > 1 x 1M: REVERSAL.
        bars[4].realisedLongUsd = 2e6;
        bars[5].realisedShortUsd = 2e6;
        bars[6].realisedLongUsd = 2e6;
        bars[6].predictedLongUsd = 1e6;
        const auto s = evaluateSignals(bars, kHour, p);
        QCOMPARE(s.size(), size_t(7));
        QCOMPARE(s[0].kind, SignalKind::Avoid);
        QCOMPARE(s[0].time, kHour);  // decided at the bar's close
        QCOMPARE(s[0].nearest.distancePct, 1.5);
        QCOMPARE(s[1].kind, SignalKind::None);
        QCOMPARE(s[2].kind, SignalKind::None);
        QCOMPARE(s[2].nearest.side, Side::Short);  // still reported as the nearest
        QCOMPARE(s[3].kind, SignalKind::Wait);
        QCOMPARE(s[4].kind, SignalKind::None);
        QCOMPARE(s[5].kind, SignalKind::None);
        QCOMPARE(s[6].kind, SignalKind::Reversal);
        QCOMPARE(s[6].realisedUsd, 6e6);
        QCOMPARE(s[6].predictedUsd, 1e6);
        // Twice the prediction required: 6M > 2 x 1M still; 7 x: not.
        p.reversalFactor = 7;
        QCOMPARE(evaluateSignals(bars, kHour, p)[6].kind, SignalKind::None);
        QCOMPARE(QString::fromLatin1(signalName(SignalKind::Reversal)), QStringLiteral("REVERSAL_OPPORTUNITY"));
    }

    // A bar's variables depend only on earlier data: the same bars computed on a store cut at the
    // period's end, and on the full store, agree exactly.
    void featuresNoLookAhead() {
        TempStore full, cut;
        importCoinalyze(*full.store);
        const qint64 from = parseTimeText("2024-07-10T00:00:00Z", 0).value_or(0), to = from + 3 * 24 * kHour;
        const SeriesKey k{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")};
        const SeriesKey s{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
        QVERIFY(cut.store->insertCandles(k, full.store->candles(k, {0, to})));
        QVERIFY(cut.store->insertOpenInterest(s, full.store->openInterest(s, {0, to})));
        QVERIFY(cut.store->insertHourlyLiquidations(s, QStringLiteral("x"), full.store->hourlyLiquidations(s, {0, to})));
        FeatureRequest fr;
        fr.series.symbol = QStringLiteral("BTCUSDT");
        fr.series.window = QStringLiteral("7d");
        fr.series.params.interval = QStringLiteral("1h");
        fr.from = from;
        fr.to = to;
        auto a = computeBarFeatures(*full.store, fr);
        auto b = computeBarFeatures(*cut.store, fr);
        QVERIFY(a && b);
        QCOMPARE(a->size(), size_t(72));
        int withCluster = 0;
        for (size_t i = 0; i < a->size(); ++i) {
            const BarFeature &x = (*a)[i], &y = (*b)[i];
            QCOMPARE(x.candle.openTime, y.candle.openTime);
            QCOMPARE(x.longCluster.price, y.longCluster.price);
            QCOMPARE(x.shortCluster.notional, y.shortCluster.notional);
            QCOMPARE(x.predictedLongUsd, y.predictedLongUsd);
            QCOMPARE(x.realisedShortUsd, y.realisedShortUsd);
            withCluster += x.longCluster.valid;
        }
        QVERIFY(withCluster > 0);  // the comparison compared something
    }

    // A selection: the summed model at the reference venue's bars, realised liquidations of every
    // venue asked for. Bybit holds a copy of Binance's series, so per bar the realised notional is
    // exactly twice Binance's alone, the summed open interest twice Binance's (the same % change),
    // and candles and funding are the reference's (Binance, first in the list).
    void selectionFeatures() {
        TempStore t;
        importCoinalyze(*t.store);
        QVERIFY(copyVenue(*t.store, QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("BTCUSDT")));
        FeatureRequest fr;
        fr.series.symbol = QStringLiteral("BTCUSDT");
        fr.series.window = QStringLiteral("7d");
        fr.series.params.interval = QStringLiteral("1h");
        fr.from = parseTimeText("2024-08-04T00:00:00Z", 0).value_or(0);
        fr.to = fr.from + 2 * 24 * kHour;
        auto one = computeBarFeatures(*t.store, fr);
        fr.exchanges = QStringList{QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx")};
        fr.series.exchange = QStringLiteral("binance+bybit+okx");
        std::vector<ExchangeShare> shares;
        auto both = computeBarFeatures(*t.store, fr, {}, &shares);
        QVERIFY(one && both);
        QCOMPARE(both->size(), size_t(48));
        QCOMPARE(one->size(), size_t(48));
        double realised = 0;
        for (size_t i = 0; i < one->size(); ++i) {
            const BarFeature &a = (*one)[i], &b = (*both)[i];
            QCOMPARE(b.candle.openTime, a.candle.openTime);
            QCOMPARE(b.candle.close, a.candle.close);
            QCOMPARE(b.realisedLongUsd, 2 * a.realisedLongUsd);
            QCOMPARE(b.realisedShortUsd, 2 * a.realisedShortUsd);
            QCOMPARE(b.oiChangePct, a.oiChangePct);
            QCOMPARE(b.funding, a.funding);
            realised += a.realisedLongUsd + a.realisedShortUsd;
        }
        QVERIFY(realised > 0);  // the doubling compared something
        QCOMPARE(int(shares.size()), 3);
        QCOMPARE(shares[0].status, ExchangeStatus::Ok);
        QCOMPARE(shares[1].status, ExchangeStatus::Ok);
        QCOMPARE(shares[2].status, ExchangeStatus::NoData);
        QCOMPARE(shares[2].share, 0.0);
        QVERIFY(std::fabs(shares[0].share + shares[1].share - 1) < 1e-12);
    }

    // `lhm signals --exchange binance,okx`: OKX has no data, so the sum is Binance's grid alone and
    // the signal is the single-venue one, with the exchanges array naming OKX as left out.
    void selectionCli() {
        TempStore t;
        importCoinalyze(*t.store);
        const QString db = t.path;
        t.store.reset();
        const QStringList common{QStringLiteral("--db"), db, QStringLiteral("signals"), QStringLiteral("--symbol"),
                                 QStringLiteral("BTCUSDT"), QStringLiteral("--json"), QStringLiteral("--at"),
                                 QStringLiteral("2024-08-05T07:30:00Z")};
        CliRun single = runCli(common);
        CliRun sel = runCli(common + QStringList{QStringLiteral("--exchange"), QStringLiteral("binance,okx")});
        QVERIFY2(sel.exitCode == 0, sel.err.constData());
        QJsonObject a = QJsonDocument::fromJson(single.out).object(), b = QJsonDocument::fromJson(sel.out).object();
        QCOMPARE(b.value(QStringLiteral("price")).toDouble(), 51562.1);  // Binance's 06:00 bar close (see cli())
        const QJsonArray ex = b.take(QStringLiteral("exchanges")).toArray();
        QCOMPARE(ex.size(), 2);
        QCOMPARE(ex.at(0).toObject(), (QJsonObject{{"exchange", "binance"}, {"share", 1}, {"status", "ok"}}));
        QCOMPARE(ex.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("no_data"));
        QCOMPARE(ex.at(1).toObject().value(QStringLiteral("share")).toDouble(), 0.0);
        QCOMPARE(b, a);
        CliRun text = runCli(QStringList{QStringLiteral("--db"), db, QStringLiteral("signals"), QStringLiteral("--symbol"),
                                         QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("2024-08-05T07:30:00Z"),
                                         QStringLiteral("--exchange"), QStringLiteral("binance,okx")});
        QVERIFY(text.out.contains("\nexchanges: binance 100.0%, okx left out (no_data: no candles for okx BTCUSDT"));
    }

    void cli() {
        TempStore t;
        importCoinalyze(*t.store);
        const QString db = t.path;
        t.store.reset();
        const QStringList common{QStringLiteral("--db"), db, QStringLiteral("signals"), QStringLiteral("--symbol"),
                                 QStringLiteral("BTCUSDT"), QStringLiteral("--json")};
        CliRun r = runCli(common + QStringList{QStringLiteral("--at"), QStringLiteral("2024-08-05T07:30:00Z")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        for (const char *k : {"symbol", "time", "price", "signal", "reason", "confidence", "nearest_cluster"})
            QVERIFY2(o.contains(QLatin1String(k)), k);
        QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODate).toMSecsSinceEpoch(),
                 parseTimeText("2024-08-05T07:00:00Z", 0).value_or(0));
        // The bar 06:00..07:00 UTC ("2024-08-05 12:00" in the export) closed at 51,562.1 (its low 48,888 is the crash low).
        QCOMPARE(o.value(QStringLiteral("price")).toDouble(), 51562.1);
        QVERIFY(QStringList({"AVOID", "REVERSAL_OPPORTUNITY", "WAIT", "NONE"}).contains(o.value(QStringLiteral("signal")).toString()));

        r = runCli(common + QStringList{QStringLiteral("--from"), QStringLiteral("2024-08-05T00:00:00Z"), QStringLiteral("--to"),
                                        QStringLiteral("2024-08-06T00:00:00Z"), QStringLiteral("--interval"), QStringLiteral("1h")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 24);
        r = runCli(common + QStringList{QStringLiteral("--at"), QStringLiteral("2024-08-05"), QStringLiteral("--from"),
                                        QStringLiteral("2024-08-05")});
        QCOMPARE(r.exitCode, 2);
    }
};

LHM_TEST_MAIN(TstSignals)
#include "tst_signals.moc"
