// Pure parsers for data.binance.vision CSVs and the per-minute trade profile.
#include "TestSupport.h"

#include "ingest/CsvParser.h"
#include "ingest/FieldCursor.h"
#include "ingest/TradeProfileBuilder.h"
#include "ingest/VisionFile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <charconv>
#include <cstring>
#include <random>

using namespace lhm;

namespace {

// Feeds `text` in chunks of `chunk` bytes (a line split across chunks must not matter).
template <class Row>
Result<std::vector<Row>> parseAll(const QByteArray &text, size_t chunk = 1 << 20, ParseStats *stats = nullptr) {
    CsvParser<Row> p(QStringLiteral("f.csv"));
    std::vector<Row> rows;
    for (qsizetype at = 0; at < text.size(); at += qsizetype(chunk))
        if (Status s = p.feed(text.constData() + at, size_t(std::min<qsizetype>(qsizetype(chunk), text.size() - at)), rows); !s)
            return s.error();
    if (Status s = p.finish(rows); !s) return s.error();
    if (stats) *stats = p.stats();
    return rows;
}

const QByteArray kMetricsHeader =
    "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
    "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
const QByteArray kKlinesHeader =
    "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n";
const QByteArray kAggHeader = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n";
const QByteArray kFundingHeader = "calc_time,funding_interval_hours,last_funding_rate\n";

// The real @trade messages of the hftbacktest capture as aggTrades rows (id t, price p, qty q,
// first = last = t, time T, is_buyer_maker m), the same mapping VisionMirror uses.
QByteArray realTradesCsv(const QString &gz) {
    QByteArray out = kAggHeader;
    for (const QByteArray &line : lhm::test::gunzipFile(lhm::test::sharedData(gz)).split('\n')) {
        if (!line.contains("@trade\"")) continue;
        const QJsonObject d = QJsonDocument::fromJson(line.mid(line.indexOf(' ') + 1)).object()[QLatin1String("data")].toObject();
        const qint64 t = qint64(d[QLatin1String("t")].toDouble());
        out += QByteArray::number(t) + ',' + d[QLatin1String("p")].toString().toLatin1() + ',' +
               d[QLatin1String("q")].toString().toLatin1() + ',' + QByteArray::number(t) + ',' + QByteArray::number(t) + ',' +
               QByteArray::number(qint64(d[QLatin1String("T")].toDouble())) + ',' +
               (d[QLatin1String("m")].toBool() ? "true" : "false") + '\n';
    }
    return out;
}

}  // namespace

class TestParsers : public QObject {
    Q_OBJECT
private slots:
    void fileNames() {
        auto m = parseVisionFileName(QStringLiteral("/x/BTCUSDT-metrics-2024-05-10.csv"));
        QVERIFY(m);
        QCOMPARE(m->type, DataType::Metrics);
        QCOMPARE(m->symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(m->period, QStringLiteral("2024-05-10"));
        QVERIFY(!m->zip);
        auto k = parseVisionFileName(QStringLiteral("BTCUSDT-5m-2024-05-10.zip"));
        QVERIFY(k);
        QCOMPARE(k->type, DataType::Klines);
        QCOMPARE(k->interval, QStringLiteral("5m"));
        QVERIFY(k->zip);
        auto f = parseVisionFileName(QStringLiteral("ETHUSDT-fundingRate-2024-05.zip"));
        QVERIFY(f);
        QCOMPARE(f->type, DataType::FundingRate);
        QCOMPARE(f->period, QStringLiteral("2024-05"));
        auto a = parseVisionFileName(QStringLiteral("BTCUSDT-aggTrades-2024-08-08.csv"));
        QVERIFY(a);
        QCOMPARE(a->type, DataType::AggTrades);
        auto liq = parseVisionFileName(QStringLiteral("BTCUSDT-liquidationSnapshot-2024-05-10.zip"));
        QVERIFY(liq);  // shaped like an archive name, but not a type we read
        QCOMPARE(liq->type, DataType::Unknown);
        QCOMPARE(liq->kind, QStringLiteral("liquidationSnapshot"));
        QCOMPARE(parseVisionFileName(QStringLiteral("BTCUSDT-7q-2024-05-10.csv"))->type, DataType::Unknown);
        QVERIFY(!parseVisionFileName(QStringLiteral("BTCUSDT-metrics-2024-05-10.txt")));   // not csv/zip
        QVERIFY(!parseVisionFileName(QStringLiteral("notes.csv")));
        QVERIFY(!parseVisionFileName(QStringLiteral("BTCUSDT-metrics-2024-05-10.zip.CHECKSUM")));
    }

    void metricsWithHeader() {
        // 2024-05-10 00:00 UTC = 19853 days * 86,400,000 = 1,715,299,200,000 ms; +5 min = 1,715,299,500,000.
        const QByteArray text = kMetricsHeader +
                                "2024-05-10 00:05:00,BTCUSDT,69749.117,4397688801.7617,1.6831,1.1744,1.7739,0.9326\r\n"
                                "2024-05-10 00:10:00,BTCUSDT,69750,4397688802,1,2,3,\r\n";
        ParseStats st;
        auto rows = parseAll<OpenInterestPoint>(text, 7, &st);
        QVERIFY2(rows, qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QCOMPARE(rows->size(), size_t(2));
        QVERIFY(st.header);
        QCOMPARE(QByteArray::fromStdString(st.symbol), QByteArray("BTCUSDT"));
        const OpenInterestPoint &p = (*rows)[0];
        QCOMPARE(p.time, 1715299500000LL);
        QCOMPARE(p.openInterest, 69749.117);
        QCOMPARE(p.openInterestValue, 4397688801.7617);
        QCOMPARE(p.topTraderLongShortRatio, 1.6831);
        QCOMPARE(p.topTraderPositionRatio, 1.1744);
        QCOMPARE(p.longShortRatio, 1.7739);
        QCOMPARE(p.takerLongShortVolRatio, 0.9326);
        QCOMPARE((*rows)[1].time, 1715299800000LL);
        QCOMPARE((*rows)[1].takerLongShortVolRatio, 0.0);  // blank ratio reads as 0
    }

    void klinesWithAndWithoutHeader() {
        const QByteArray row1 = "1715385600000,60778.1,60915.9,60626.77224823,60757.8447234,6101.942,1715389199999,"
                                "370740844.54719287,0,2989.087,181610483.81073353,0\n";
        const QByteArray row2 = "1715389200000,60757.8,61070.0,60740.2,60844.2,6489.697,1715392799999,1,12,3467.944,2,0";
        for (const QByteArray &text : {kKlinesHeader + row1 + row2, row1 + row2}) {
            ParseStats st;
            auto rows = parseAll<Candle>(text, 13, &st);
            QVERIFY2(rows, qPrintable(rows.ok() ? QString() : rows.error().toString()));
            QCOMPARE(st.header, text.startsWith("open_time"));
            QCOMPARE(rows->size(), size_t(2));
            const Candle &c = (*rows)[0];
            QCOMPARE(c.openTime, 1715385600000LL);
            QCOMPARE(c.open, 60778.1);
            QCOMPARE(c.high, 60915.9);
            QCOMPARE(c.low, 60626.77224823);
            QCOMPARE(c.close, 60757.8447234);
            QCOMPARE(c.volume, 6101.942);
            QCOMPARE(c.closeTime, 1715389199999LL);
            QCOMPARE(c.quoteVolume, 370740844.54719287);
            QCOMPARE(c.takerBuyVolume, 2989.087);
            QCOMPARE(c.takerBuyQuoteVolume, 181610483.81073353);
            QCOMPARE((*rows)[1].trades, 12LL);  // last line without a line end is still read
        }
    }

    void fundingAndMicroseconds() {
        // 1714521600000 = 2024-05-01 00:00 UTC; the second row is in µs and must come back in ms.
        auto rows = parseAll<FundingPoint>(kFundingHeader + "1714521600000,8,0.00010000\n1714550400000123,8,-0.00002500\n");
        QVERIFY2(rows, qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QCOMPARE(rows->size(), size_t(2));
        QCOMPARE((*rows)[0].time, 1714521600000LL);
        QCOMPARE((*rows)[0].intervalHours, 8);
        QCOMPARE((*rows)[0].rate, 0.0001);
        QCOMPARE((*rows)[1].time, 1714550400000LL);
        QCOMPARE((*rows)[1].rate, -0.000025);
    }

    void aggTradesEverySplit() {
        const QByteArray body = "5266583935,61800.30,0.006,5266583935,5266583935,1723161256322,false\n"
                                "5266583936,61800.30,0.199,5266583936,5266583936,1723161256344,True\n"
                                "5266583937,61799.90,1.5,5266583937,5266583939,1723161256344,false\n";
        for (const QByteArray &text : {kAggHeader + body, body}) {
            for (size_t chunk = 1; chunk <= size_t(text.size()); ++chunk) {
                auto rows = parseAll<AggTrade>(text, chunk);
                QVERIFY(rows);
                QCOMPARE(rows->size(), size_t(3));
                QCOMPARE((*rows)[1].buyerMaker, true);
                QCOMPARE((*rows)[2].lastTradeId, 5266583939LL);
                QCOMPARE((*rows)[2].qty, 1.5);
                QCOMPARE((*rows)[0].price, 61800.30);
            }
        }
    }

    void duplicates() {
        const QByteArray row = "1,100.5,2,1,1,1723161256322,false\n";
        ParseStats st;
        auto rows = parseAll<AggTrade>(row + row + row + "2,100.5,1,2,2,1723161256322,true\n", 1 << 20, &st);
        QVERIFY(rows);
        QCOMPARE(rows->size(), size_t(2));
        QCOMPARE(st.duplicates, 2LL);
        auto bad = parseAll<AggTrade>(row + "1,100.6,2,1,1,1723161256322,false\n");
        QVERIFY(!bad);
        QCOMPARE(bad.error().line, 2LL);
        QCOMPARE(bad.error().field, QStringLiteral("agg_trade_id"));
        QVERIFY(bad.error().message.contains(QLatin1String("different values")));
    }

    void badInput_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const int agg = int(DataType::AggTrades), kl = int(DataType::Klines), met = int(DataType::Metrics);
        auto add = [](const char *name, int type, const QByteArray &text, int line, const QString &field,
                      const QString &message) { QTest::newRow(name) << type << text << line << field << message; };
        const QByteArray ok = "1,100.5,2,1,1,1723161256322,false\n";
        add("empty", agg, QByteArray(), 0, QString(), "empty file");
        add("header only", agg, kAggHeader, 1, QString(), "empty file");
        add("too few fields", agg, kAggHeader + ok + "2,100.5,2\n", 3, "first_trade_id", "expected 7, found 3");
        add("too many fields", agg, ok + "2,100.5,2,2,2,1723161256322,false,9\n", 2, "8", "too many");
        add("non-numeric price", agg, ok + "2,abc,2,2,2,1723161256322,false\n", 2, "price", "not a number: 'abc'");
        add("NaN qty", agg, ok + "2,100,nan,2,2,1723161256322,false\n", 2, "quantity", "not a finite");
        add("negative price", agg, ok + "2,-100,1,2,2,1723161256322,false\n", 2, "price", "must be positive");
        add("zero price", agg, ok + "2,0,1,2,2,1723161256322,false\n", 2, "price", "must be positive");
        add("seconds", agg, ok + "2,100,1,2,2,1723161256,false\n", 2, "transact_time", "seconds");
        add("bad bool", agg, "1,100,1,1,1,1723161256322,maybe\n", 1, "is_buyer_maker", "true or false");
        add("id backwards", agg, "5,100,1,5,5,1723161256322,false\n" + ok, 2, "agg_trade_id", "out of order");
        add("time backwards", agg, ok + "2,100,1,2,2,1723161256000,false\n", 2, "transact_time", "out of order");
        add("klines header in metrics", met, kKlinesHeader, 1, QString(), "header of a klines file");
        add("aggTrades header in klines", kl, kAggHeader, 1, QString(), "header of a aggTrades file");
        add("unknown header", kl, QByteArray("time,price\n1,2\n"), 1, QString(), "unexpected header");
        add("klines negative high", kl, QByteArray("1715385600000,1,-2,1,1,0,1715385899999,0,0,0,0,0\n"), 1, "high", "must be positive");
        add("klines inf close", kl, QByteArray("1715385600000,1,2,1,inf,0,1715385899999,0,0,0,0,0\n"), 1, "close", "not a finite");
        add("klines seconds", kl, QByteArray("1715385600,1,2,1,1,0,1715385899,0,0,0,0,0\n"), 1, "open_time", "seconds");
        add("metrics bad time", met, kMetricsHeader + "2024-05-10T00:05,BTCUSDT,1,1,1,1,1,1\n", 2, "create_time", "YYYY-MM-DD");
        add("metrics two symbols", met, kMetricsHeader + "2024-05-10 00:05:00,BTCUSDT,1,1,1,1,1,1\n2024-05-10 00:10:00,ETHUSDT,1,1,1,1,1,1\n", 3, "symbol", "symbol changes");
        add("metrics negative OI", met, kMetricsHeader + "2024-05-10 00:05:00,BTCUSDT,-1,1,1,1,1,1\n", 2, "sum_open_interest", "negative");
        add("metrics out of order", met, kMetricsHeader + "2024-05-10 00:10:00,BTCUSDT,1,1,1,1,1,1\n2024-05-10 00:05:00,BTCUSDT,1,1,1,1,1,1\n", 3, "create_time", "out of order");
    }

    void badInput() {
        QFETCH(int, type);
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        Error e;
        bool failed = false;
        auto check = [&](auto r) {
            failed = !r.ok();
            if (failed) e = r.error();
        };
        switch (DataType(type)) {
        case DataType::AggTrades: check(parseAll<AggTrade>(text, 5)); break;
        case DataType::Klines: check(parseAll<Candle>(text, 5)); break;
        case DataType::Metrics: check(parseAll<OpenInterestPoint>(text, 5)); break;
        default: QFAIL("type");
        }
        QVERIFY(failed);
        QCOMPARE(e.file, QStringLiteral("f.csv"));
        QCOMPARE(e.line, qint64(line));
        QCOMPARE(e.field, field);
        QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
    }

    // The cursor's fast paths (SWAR digits, mantissa / 10^k) must give bit-identical values to
    // std::from_chars, which they stand in for.
    void fastNumbersMatchFromChars() {
        std::mt19937_64 rng(7);
        char buf[40];
        for (int i = 0; i < 200000; ++i) {
            const int digits = 1 + int(rng() % 19);
            int len = 0;
            for (int d = 0; d < digits; ++d) buf[len++] = char('0' + rng() % 10);
            if (i % 2) {  // a decimal point somewhere (or at the end)
                const int at = 1 + int(rng() % digits);
                std::memmove(buf + at + 1, buf + at, size_t(len - at));
                buf[at] = '.';
                ++len;
                double fast = 0, ref = 0;
                csv::FieldCursor c(buf, buf + len, 1);
                QVERIFY(c.f64(fast));
                std::from_chars(buf, buf + len, ref);
                QVERIFY2(std::memcmp(&fast, &ref, sizeof fast) == 0, qPrintable(QString::fromLatin1(buf, len)));
            } else {
                qint64 fast = 0, ref = 0;
                csv::FieldCursor c(buf, buf + len, 1);
                const bool refOk = std::from_chars(buf, buf + len, ref).ec == std::errc();
                QCOMPARE(c.i64(fast), refOk);  // 19 digits may overflow: both must refuse then
                if (refOk) QCOMPARE(fast, ref);
            }
        }
    }

    void bucketWidth() {
        QCOMPARE(TradeProfileBuilder::bucketWidth(61800.3), 10.0);
        QCOMPARE(TradeProfileBuilder::bucketWidth(2681.59), 1.0);
        QCOMPARE(TradeProfileBuilder::bucketWidth(0.5123), 0.0001);
        TradeProfileBuilder b;
        QCOMPARE(b.bucketEdge(61800.3), 61800.0);
        QCOMPARE(b.bucketEdge(61809.9), 61800.0);
        QCOMPARE(b.bucketEdge(61810.0), 61810.0);
        QCOMPARE(b.bucketEdge(2681.59), 2681.0);
        QCOMPARE(b.bucketEdge(9999.9), 9999.0);    // width 1 below 10,000 ...
        QCOMPARE(b.bucketEdge(10000.0), 10000.0);  // ... width 10 from it
        QCOMPARE(b.bucketEdge(1.2345), 1.234);
    }

    void profileByHand() {
        // Minute 1723161240000 (23:54 UTC): 61800.3 x 2 taker buy (123,600.6 notional, large),
        // 61805 x 1 taker sell (61,805). Next minute: 61790 x 0.5 buy (30,895), bucket 61790.
        TradeProfileBuilder b(100000);
        b.add({1, 61800.3, 2, 1, 1, 1723161256322, false});
        b.add({2, 61805.0, 1, 2, 2, 1723161256344, true});
        b.add({3, 61790.0, 0.5, 3, 3, 1723161300000, false});
        std::vector<TradeProfileCell> cells;
        b.takeFinished(cells);
        QCOMPARE(cells.size(), size_t(1));  // the open minute is held back
        b.finish(cells);
        QCOMPARE(cells.size(), size_t(2));
        QCOMPARE(cells[0].minute, 1723161240000LL);
        QCOMPARE(cells[0].bucketPrice, 61800.0);
        QCOMPARE(cells[0].buyQty, 2.0);
        QCOMPARE(cells[0].sellQty, 1.0);
        QCOMPARE(cells[0].buyNotional, 123600.6);
        QCOMPARE(cells[0].sellNotional, 61805.0);
        QCOMPARE(cells[0].largeBuyNotional, 123600.6);
        QCOMPARE(cells[0].largeSellNotional, 0.0);
        QCOMPARE(cells[0].maxTradeNotional, 123600.6);
        QCOMPARE(cells[0].tradeCount, 2LL);
        QCOMPARE(cells[1].minute, 1723161300000LL);
        QCOMPARE(cells[1].bucketPrice, 61790.0);
    }

    void realTrades_data() {
        QTest::addColumn<QString>("gz");
        QTest::addColumn<int>("trades");
        QTest::addColumn<int>("cells");
        QTest::addColumn<double>("buyQty");
        QTest::addColumn<double>("sellQty");
        QTest::addColumn<double>("buyNotional");
        QTest::addColumn<double>("largeSell");
        QTest::addColumn<qint64>("busyMinute");
        QTest::addColumn<double>("busyBucket");
        QTest::addColumn<int>("busyCount");
        QTest::addColumn<double>("busyBuyQty");
        // Worked out independently with Python's Decimal over the same @trade messages:
        // cells keyed (T - T % 60000, floor(p / w) * w), w = 10 (BTC) / 1 (ETH); m = true -> sell.
        QTest::newRow("BTCUSDT") << "hftbacktest-binance-usdm-ws/btcusdt_20240808.gz" << 21313 << 54 << 1251.576
                                 << 1177.790 << 77197396.65140 << 14883425.27540 << qint64(1723161480000) << 61640.0
                                 << 1228 << 76.956;
        QTest::newRow("ETHUSDT") << "hftbacktest-binance-usdm-ws/ethusdt_20240808.gz" << 14076 << 27 << 4960.564
                                 << 4204.384 << 13303310.33053 << 986532.77126 << qint64(1723161540000) << 2683.0 << 1775
                                 << 873.904;
    }

    void realTrades() {
        QFETCH(QString, gz);
        const QByteArray csv = realTradesCsv(gz);
        ParseStats st;
        auto rows = parseAll<AggTrade>(csv, 65537, &st);  // odd chunk size: lines straddle chunks
        QVERIFY2(rows, qPrintable(rows.ok() ? QString() : rows.error().toString()));
        QFETCH(int, trades);
        QCOMPARE(qint64(rows->size()), qint64(trades));
        QCOMPARE(st.duplicates, 0LL);
        TradeProfileBuilder b(100000);
        for (const AggTrade &t : *rows) b.add(t);
        std::vector<TradeProfileCell> profile;
        b.finish(profile);
        QFETCH(int, cells);
        QFETCH(double, buyQty);
        QFETCH(double, sellQty);
        QFETCH(double, buyNotional);
        QFETCH(double, largeSell);
        QFETCH(qint64, busyMinute);
        QFETCH(double, busyBucket);
        QFETCH(int, busyCount);
        QFETCH(double, busyBuyQty);
        QCOMPARE(int(profile.size()), cells);
        double bq = 0, sq = 0, bn = 0, ls = 0;
        qint64 count = 0;
        const TradeProfileCell *busy = nullptr;
        for (const TradeProfileCell &c : profile) {
            bq += c.buyQty, sq += c.sellQty, bn += c.buyNotional, ls += c.largeSellNotional;
            count += c.tradeCount;
            if (!busy || c.tradeCount > busy->tradeCount) busy = &c;
        }
        QCOMPARE(count, qint64(trades));
        // Sums of thousands of doubles: compare to a relative 1e-9 rather than bit-exactly.
        QVERIFY(qAbs(bq - buyQty) < 1e-9 * buyQty);
        QVERIFY(qAbs(sq - sellQty) < 1e-9 * sellQty);
        QVERIFY(qAbs(bn - buyNotional) < 1e-9 * buyNotional);
        QVERIFY(qAbs(ls - largeSell) < 1e-9 * largeSell);
        QCOMPARE(busy->minute, busyMinute);
        QCOMPARE(busy->bucketPrice, busyBucket);
        QCOMPARE(int(busy->tradeCount), busyCount);
        QVERIFY(qAbs(busy->buyQty - busyBuyQty) < 1e-9 * busyBuyQty);
    }
};

LHM_TEST_MAIN(TestParsers)
#include "tst_parsers.moc"
