// Third-party layouts into the store: the real Coinalyze, Hyperliquid/OKX and forceOrder files of
// ../shared/data (sections 4, 13, 14), the generic event CSV, time zones and bad input.
#include "TestSupport.h"

#include "ingest/Importer.h"
#include "ingest/thirdparty/ThirdPartyFormat.h"
#include "ingest/thirdparty/ThirdPartyParser.h"
#include "ingest/thirdparty/TimeText.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::test;

namespace {
const QString kCoin = QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_");
const QString k14 = QStringLiteral("0xknxwledge-hyperliquid-okx-btc/");
constexpr qint64 kHour = 3'600'000;
// 2024-06-19T21:00:00Z (python: datetime(2024,6,19,21,tzinfo=timezone.utc).timestamp()*1000)
constexpr qint64 kFirstUtc = 1718830800000LL;

FileImportResult importOne(Store &s, const QString &rel, const QString &tz = {}, const QString &format = {},
                           const QString &exchange = {}) {
    ImportOptions o;
    if (!tz.isEmpty()) o.zoneOffsetMs = parseZoneOffset(tz);
    o.format = format;
    o.seriesExchange = exchange;
    Importer imp(s, o);
    return imp.importFile(sharedData(rel));
}
}  // namespace

class TstThirdParty : public QObject {
    Q_OBJECT
private slots:
    void timeText() {
        // 2024-06-20 03:00 at UTC+6 is 2024-06-19 21:00 UTC.
        QCOMPARE(parseTimeText("2024-06-20 03:00:00", 6 * kHour).value_or(0), kFirstUtc);
        QCOMPARE(parseTimeText("2024-06-19T21:00:00Z", 6 * kHour).value_or(0), kFirstUtc);  // explicit zone wins
        QCOMPARE(parseTimeText("2024-06-19T23:30:00+02:30", 0).value_or(0), kFirstUtc);
        QCOMPARE(parseTimeText("2024-06-19T21:00:00.312Z", 0).value_or(0), kFirstUtc + 312);
        QCOMPARE(parseTimeText("2024-06-19T21:00:00.306999", 0).value_or(0), kFirstUtc + 306);  // µs dropped
        QCOMPARE(parseTimeText("1718830800000", 0).value_or(0), kFirstUtc);
        QVERIFY(!parseTimeText("1718830800", 0));  // seconds would be off by 1000x
        QVERIFY(!parseTimeText("2024-13-01 00:00:00", 0));
        QVERIFY(!parseTimeText("yesterday", 0));
        QCOMPARE(parseZoneOffset(QStringLiteral("+06:00")).value_or(-1), 6 * kHour);
        QCOMPARE(parseZoneOffset(QStringLiteral("-0530")).value_or(-1), -(5 * kHour + 30 * 60'000));
        QVERIFY(!parseZoneOffset(QStringLiteral("6")));
    }

    void detect() {
        QCOMPARE(detectThirdPartyFormat(QStringLiteral("x.csv"), "timestamp,venue,coin,side,size_usd,price\n").value(),
                 ThirdPartyFormat::VenueLiquidations);
        QCOMPARE(detectThirdPartyFormat(QStringLiteral("x.csv"), "time,exchange,symbol,side,price,qty,notional\r\n").value(),
                 ThirdPartyFormat::GenericLiquidations);
        QCOMPARE(detectThirdPartyFormat(QStringLiteral("/a/ETHUSDT_PERP.A_ohlcv-history.csv"), "2024-06-20 03:00:00,1").value(),
                 ThirdPartyFormat::CoinalyzeOhlcv);
        QVERIFY(!detectThirdPartyFormat(QStringLiteral("BTCUSDT-metrics-2024-05-10.csv"), "create_time,symbol"));
    }

    void tradeCountOutOfRangeIsRefused() {
        // Found by fuzz_thirdparty: a trade count of 6.7e38 was cast to an integer (undefined behaviour).
        ThirdPartyOptions o;
        o.exchange = QStringLiteral("binance");
        o.symbol = QStringLiteral("BTCUSDT");
        o.zoneOffsetMs = 0;
        const QString path = QStringLiteral("BTCUSDT_PERP.A_ohlcv-history.csv");
        auto ok = parseThirdParty("2024-06-20 03:00:00,64850.4,65060.4,64809.5,64973,3107.4,1824.2,18419,7993\n", path,
                                  ThirdPartyFormat::CoinalyzeOhlcv, o);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
        auto bad = parseThirdParty("2024-06-20 03:00:00,64850.4,65060.4,64809.5,64973,3107.4,1824.2,6.7e38,7993\n", path,
                                   ThirdPartyFormat::CoinalyzeOhlcv, o);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("trades"));
        QCOMPARE(bad.error().line, qint64(1));
    }

    // SOURCES.md section 13: 1,465 rows per file; the liquidation file repeats 19 rows for hours it
    // has no data for (1,446 distinct hours). SOURCES' totals 8,885 / 6,349 BTC count the repeats;
    // without them (python over the distinct hours) 8,871.48 long and 6,340.573 short.
    void coinalyze() {
        TempStore t;
        FileImportResult liq = importOne(*t.store, kCoin + QStringLiteral("liquidation-history.csv"), QStringLiteral("+06:00"));
        QVERIFY2(!liq.error, qPrintable(liq.error ? liq.error->toString() : QString()));
        QCOMPARE(liq.type, QStringLiteral("coinalyze-liquidations"));
        QCOMPARE(liq.symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(liq.rows, qint64(1446));
        QCOMPARE(liq.skipped, qint64(19));
        const auto hours = t.store->hourlyLiquidations({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}},
                                                       {0, std::numeric_limits<qint64>::max()});
        QCOMPARE(hours.size(), size_t(1446));
        QCOMPARE(hours.front().time, kFirstUtc);
        double longs = 0, shorts = 0, maxLong = 0;
        qint64 maxAt = 0;
        for (const HourlyLiquidation &h : hours) {
            longs += h.longQty;
            shorts += h.shortQty;
            if (h.longQty > maxLong) {
                maxLong = h.longQty;
                maxAt = h.time;
            }
        }
        QCOMPARE(qRound64(longs * 100), qint64(887148));
        QCOMPARE(qRound64(shorts * 1000), qint64(6340573));
        QCOMPARE(qRound(maxLong), 743);
        QCOMPARE(maxAt, kFirstUtc + (15 * 24 + 2) * kHour);  // "2024-07-05 05:00" local = 2024-07-04T23:00Z

        // Open interest comes in BTC; its USD value appears once the candles are there.
        FileImportResult oi = importOne(*t.store, kCoin + QStringLiteral("open-interest-history.csv"), QStringLiteral("+06:00"));
        QVERIFY(!oi.error);
        QCOMPARE(oi.rows, qint64(1465));
        const SeriesKey key{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}};
        QCOMPARE(t.store->openInterest(key, {kFirstUtc, kFirstUtc + 1}).front().openInterestValue, 0.0);
        FileImportResult c = importOne(*t.store, kCoin + QStringLiteral("ohlcv-history.csv"), QStringLiteral("+06:00"));
        QVERIFY(!c.error);
        QCOMPARE(c.rows, qint64(1465));
        QCOMPARE(c.interval, QStringLiteral("1h"));
        // First row: OI close 75,286.992 BTC x candle close 64,973 = 4,891,621,731.216 USD.
        QCOMPARE(t.store->openInterest(key, {kFirstUtc, kFirstUtc + 1}).front().openInterestValue, 4891621731.216);
        const auto candles = t.store->candles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")},
                                              {kFirstUtc, kFirstUtc + 1});
        QCOMPARE(candles.front().open, 64850.4);
        QCOMPARE(candles.front().takerBuyVolume, 1824.2789999999895);

        // Re-importing is a no-op that says so.
        QVERIFY(importOne(*t.store, kCoin + QStringLiteral("liquidation-history.csv"), QStringLiteral("+06:00")).alreadyImported);
    }

    void coinalyzeNeedsZone() {
        TempStore t;
        FileImportResult r = importOne(*t.store, kCoin + QStringLiteral("liquidation-history.csv"));
        QVERIFY(r.error);
        QCOMPARE(r.error->field, QStringLiteral("tz-offset"));
        QVERIFY(t.store->hourlyLiquidations({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {}}, {0, 1LL << 62}).empty());
    }

    // Section 14: 468 Hyperliquid + 1,611 OKX BTC events. OKX size_usd is contracts x price, so
    // x 0.01 BTC (config/exchanges.yaml): 917,809,643.03 -> 9,178,096.43 USD.
    void venueEvents() {
        TempStore t;
        FileImportResult r = importOne(*t.store, k14 + QStringLiteral("liquidations.csv"));
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.type, QStringLiteral("venue-liquidations"));
        QCOMPARE(r.rows, qint64(468 + 1611));
        const auto hl = t.store->liquidations(QStringLiteral("hyperliquid"), QStringLiteral("BTCUSDT"), {0, 1LL << 62});
        const auto okx = t.store->liquidations(QStringLiteral("okx"), QStringLiteral("BTCUSDT"), {0, 1LL << 62});
        QCOMPARE(hl.size(), size_t(468));
        QCOMPARE(okx.size(), size_t(1611));
        double okxUsd = 0;
        int okxLong = 0;
        for (const LiquidationEvent &e : okx) {
            okxUsd += e.notional;
            okxLong += e.side == Side::Long;
        }
        QCOMPARE(qRound64(okxUsd * 100), qint64(917809643));
        QCOMPARE(okxLong, 611);  // sell rows: longs liquidated
        // First Hyperliquid row: 2025-05-25T15:21:42.312Z, S, 711.05125 USD at 106,925.
        QCOMPARE(hl.front().time, qint64(1748186502312));
        QCOMPARE(hl.front().side, Side::Short);
        QCOMPARE(hl.front().notional, 711.05125);
        QCOMPARE(hl.front().qty, 711.05125 / 106925);
        QCOMPARE(hl.front().source, QStringLiteral("venue-liquidations"));
    }

    void venueSeries() {
        TempStore t;
        FileImportResult oi = importOne(*t.store, k14 + QStringLiteral("open_interest_hourly.csv"));
        QVERIFY(!oi.error);
        QCOMPARE(oi.rows, qint64(8718));
        // --exchange keeps one venue of a multi-venue file.
        FileImportResult c = importOne(*t.store, k14 + QStringLiteral("candles_hourly.csv"), {}, {}, QStringLiteral("binance"));
        QVERIFY(!c.error);
        const auto first = t.store->candles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")},
                                            {0, 1LL << 62});
        QVERIFY(!first.empty());
        QVERIFY(t.store->candles({QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")}, {0, 1LL << 62}).empty());
        // 2025-05-25T15:00Z binance: 107314.8, 107379.5, 106497, 106927.9
        const auto at = t.store->candles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1h")},
                                         {1748185200000LL, 1748185200001LL});
        QCOMPARE(at.size(), size_t(1));
        QCOMPARE(at.front().low, 106497.0);
        QCOMPARE(at.front().takerBuyVolume, -1.0);  // unknown in this layout
        const auto hlOi = t.store->openInterest({QStringLiteral("hyperliquid"), QStringLiteral("BTCUSDT"), {}}, {0, 1LL << 62});
        QCOMPARE(hlOi.front().openInterestValue, 898745447.7910928);
    }

    // Section 4: 949 rows, BTCUSDT has 16; BUY = a short was liquidated.
    void forceOrder() {
        TempStore t;
        FileImportResult r = importOne(*t.store, QStringLiteral("chiefJurist-binance-forceorder-csv/binance_liquidations.csv"));
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.type, QStringLiteral("binance-forceorder"));
        QCOMPARE(r.rows, qint64(949));
        const auto btc = t.store->liquidations(QStringLiteral("binance"), QStringLiteral("BTCUSDT"), {0, 1LL << 62});
        QCOMPARE(btc.size(), size_t(16));
        bool found = false;
        for (const LiquidationEvent &e : btc)
            if (e.price == 107851.2 && e.qty == 0.418) {
                found = true;
                QCOMPARE(e.side, Side::Short);
                QCOMPARE(e.notional, 45081.8016);
            }
        QVERIFY(found);
    }

    void genericAndBadInput() {
        TempStore t;
        const QString good = t.dir.filePath(QStringLiteral("events.csv"));
        QVERIFY(writeFile(good, "time,exchange,symbol,side,price,qty\n"
                                "2025-01-01T00:00:00Z,bybit,BTCUSDT,long,94000.5,0.5\n"
                                "2025-01-01T00:00:01Z,bybit,BTCUSDT,buy,94100,2\n"));
        Importer imp(*t.store);
        FileImportResult r = imp.importFile(good);
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.type, QStringLiteral("liquidations"));
        const auto ev = t.store->liquidations(QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), {0, 1LL << 62});
        QCOMPARE(ev.size(), size_t(2));
        QCOMPARE(ev[0].notional, 47000.25);  // 94,000.5 x 0.5
        QCOMPARE(ev[1].side, Side::Short);   // a buy order closes a short

        const QString bad = t.dir.filePath(QStringLiteral("bad.csv"));
        QVERIFY(writeFile(bad, "time,exchange,symbol,side,price,qty\n"
                               "2025-01-02T00:00:00Z,bybit,BTCUSDT,long,94000.5,0.5\n"
                               "2025-01-02T00:00:01Z,bybit,BTCUSDT,long,abc,0.5\n"));
        FileImportResult b = imp.importFile(bad);
        QVERIFY(b.error);
        QCOMPARE(b.error->line, qint64(3));
        QCOMPARE(b.error->field, QStringLiteral("price"));
        QCOMPARE(t.store->liquidations(QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), {0, 1LL << 62}).size(), size_t(2));

        QVERIFY(writeFile(bad, "time,exchange,symbol,side,price,qty\n2025-01-02T00:00:00Z,bybit,BTCUSDT,up,1,1\n"));
        b = imp.importFile(bad);
        QVERIFY(b.error);
        QCOMPARE(b.error->field, QStringLiteral("side"));
    }

    // The shared row bounds (common/RowValidation, CsvParser): times 2009-01-01 .. now + 1 day,
    // lines up to 64 KiB, not this reader's own 1970..2200 and 4 KiB.
    void sharedBounds() {
        TempStore t;
        Importer imp(*t.store);
        const QString f = t.dir.filePath(QStringLiteral("bounds.csv"));
        const QByteArray head = "time,exchange,symbol,side,price,qty\n";
        QVERIFY(writeFile(f, head + "2025-01-02T00:00:00Z,bybit,BTCUSDT,long,1,1\n2008-12-31T23:59:59Z,bybit,BTCUSDT,long,1,1\n"));
        FileImportResult b = imp.importFile(f);
        QVERIFY(b.error);
        QCOMPARE(b.error->line, qint64(3));
        QCOMPARE(b.error->field, QStringLiteral("time"));
        QVERIFY(writeFile(f, head + "2199-01-01T00:00:00Z,bybit,BTCUSDT,long,1,1\n"));
        b = imp.importFile(f);
        QVERIFY(b.error);
        QCOMPARE(b.error->line, qint64(2));
        QCOMPARE(b.error->field, QStringLiteral("time"));
        // 5,000 bytes of padding: over the old 4 KiB limit, well within the shared 64 KiB.
        QVERIFY(writeFile(f, head + "2025-01-03T00:00:00Z,bybit,BTCUSDT,long,94000,0.5" + QByteArray(5000, ' ') + "\n"));
        b = imp.importFile(f);
        QVERIFY2(!b.error, qPrintable(b.error ? b.error->toString() : QString()));
        QCOMPARE(b.rows, qint64(1));
        QVERIFY(writeFile(f, head + "2025-01-04T00:00:00Z,bybit,BTCUSDT,long,94000,0.5" + QByteArray(70000, ' ') + "\n"));
        b = imp.importFile(f);
        QVERIFY(b.error);
        QCOMPARE(b.error->line, qint64(2));
        QVERIFY(b.error->message.contains(QStringLiteral("65536")));
        QCOMPARE(t.store->liquidations(QStringLiteral("bybit"), QStringLiteral("BTCUSDT"), {0, 1LL << 62}).size(), size_t(1));
    }

    // The whole Coinalyze folder: three layouts imported, the long/short-ratio export (a layout lhm
    // does not read) skipped with a note, exit 0. Named on its own, it is refused (exit 2).
    void coinalyzeFolder() {
        TempStore t;
        const QString db = t.path;
        t.store.reset();
        const QString folder = sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024"));
        CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--tz-offset"),
                           QStringLiteral("+06:00"), folder});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("skipped: unknown layout " +
                                sharedData(kCoin + QStringLiteral("long-short-ratio-history.csv")).toUtf8()),
                 r.err.constData());
        QCOMPARE(r.out.count('\n'), 3);  // one line per imported file
        QVERIFY(r.out.contains("coinalyze-liquidations BTCUSDT rows 1446"));
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--json"), folder});
        QCOMPARE(r.exitCode, 0);  // again: three already imported, one skipped
        QCOMPARE(r.out.count("\"alreadyImported\":true"), 3);
        QCOMPARE(r.out.count("\"skippedFile\":\"unknown layout\""), 1);
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"),
                    sharedData(kCoin + QStringLiteral("long-short-ratio-history.csv"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("long-short-ratio-history.csv"));
    }

    void cliFlags() {
        TempStore t;
        const QString db = t.path;
        t.store.reset();
        CliRun r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--tz-offset"),
                           QStringLiteral("+06:00"), QStringLiteral("--json"),
                           sharedData(kCoin + QStringLiteral("liquidation-history.csv"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("coinalyze-liquidations"));
        QCOMPARE(o.value(QStringLiteral("rows")).toInt(), 1446);
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--tz-offset"), QStringLiteral("6h"),
                    sharedData(kCoin + QStringLiteral("ohlcv-history.csv"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("tz-offset"));
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("nope"),
                    sharedData(kCoin + QStringLiteral("ohlcv-history.csv"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("format"));
    }
};

LHM_TEST_MAIN(TstThirdParty)
#include "tst_thirdparty.moc"
