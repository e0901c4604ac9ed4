// Tier-exact liquidation prices. Every expected number is worked out by hand in the comment next to
// it, from the Binance isolated one-way formula
//   LP = (WB + cum − side·Q·EP) / (Q·(MMR − side)),  WB = Q·EP/L,
// which for a long (side +1) is  LP = (N·(1 − 1/L) − cum) / (Q·(1 − MMR))
// and for a short (side −1) is   LP = (N·(1 + 1/L) + cum) / (Q·(1 + MMR)),   N = Q·EP.
// Prices are compared in whole cents, the way the published examples state them.
#include "TestSupport.h"
#include "models/LiquidationPrice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>

using namespace lhm;

namespace {
qint64 cents(double price) { return std::llround(price * 100); }
// Runs the real `lhm` with space-separated arguments.
test::CliRun cli(const QByteArray &args) { return test::runCli(QString::fromUtf8(args).split(QLatin1Char(' '), Qt::SkipEmptyParts)); }
}  // namespace

class TstLiqprice : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void publishedExample();
    void shippedBracketsExample();
    void tierExact_data();
    void tierExact();
    void boundaryPicksUpperTier();
    void refusals_data();
    void refusals();
    void oneTimesLongNeverLiquidates();
    void bybit();
    void bybitDeduction();
    void okx();
    void hyperliquid();
    void anyExchangeChecked();
    void cliJson();
    void cliOtherExchanges();
    void cliText();
    void cliBadInput_data();
    void cliBadInput();
    void cliBybitTierFile();

private:
    LeverageTiers btc_, eth_;
};

void TstLiqprice::initTestCase() {
    auto b = LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    auto e = LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("ETHUSDT"));
    QVERIFY2(b.ok() && e.ok(), "shipped tier files must load");
    btc_ = *b, eth_ = *e;
}

// The published check: long 1 BTC at 67,000, 10x, MMR 0.4 %, cum 0.
//   N = 67,000; WB = 6,700; LP = (6,700 + 0 − 67,000) / (1 · (0.004 − 1)) = 60,300 / 0.996 = 60,542.1687 → 60,542.17
// The old fixed-0.4 % shortcut EP·(1 − 1/L + MMR/L) = 67,000 · 0.9004 = 60,326.80 must NOT come out.
void TstLiqprice::publishedExample() {
    const LeverageTier tier{1, 0, 50000, 0.004, 0, 125};
    const double lp = binanceLiquidationPrice(tier, Side::Long, 67000, 10, 1);
    QCOMPARE(cents(lp), 6054217);
    QVERIFY(cents(lp) != 6032680);
}

// With the shipped Oct 2024 brackets, N = 67,000 is in bracket 2 (50,000 ≤ N < 600,000: MMR 0.5 %, cum 50):
//   LP = (67,000 · 0.9 − 50) / (1 · 0.995) = 60,250 / 0.995 = 60,552.7638 → 60,552.76
void TstLiqprice::shippedBracketsExample() {
    auto r = binanceLiquidationPrice(btc_, Side::Long, 67000, 10, 1);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(cents(r->liqPrice), 6055276);
    QCOMPARE(r->tier, 2);
    QCOMPARE(r->mmr, 0.005);
    QCOMPARE(r->cum, 50.0);
    QCOMPARE(r->maxLeverage, 100.0);
}

void TstLiqprice::tierExact_data() {
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<int>("side");  // +1 long, −1 short
    QTest::addColumn<double>("entry");
    QTest::addColumn<double>("leverage");
    QTest::addColumn<double>("qty");
    QTest::addColumn<int>("tier");
    QTest::addColumn<qint64>("cents");
    auto row = [](const char *name, const char *sym, int side, double ep, double l, double q, int tier, qint64 c) {
        QTest::newRow(name) << QString::fromLatin1(sym) << side << ep << l << q << tier << c;
    };
    // N == floor belongs to the upper tier, one dollar less to the lower one (both sides, 20x):
    // long 1 @ 50,000, bracket 2: (50,000 · 0.95 − 50) / 0.995 = 47,450 / 0.995 = 47,688.4422
    row("BTC long N = 50,000 (bracket 2)", "BTCUSDT", 1, 50000, 20, 1, 2, 4768844);
    // long 1 @ 49,999, bracket 1: 49,999 · 0.95 / 0.996 = 47,499.05 / 0.996 = 47,689.8092
    row("BTC long N = 49,999 (bracket 1)", "BTCUSDT", 1, 49999, 20, 1, 1, 4768981);
    // short 1 @ 50,000, bracket 2: (50,000 · 1.05 + 50) / 1.005 = 52,550 / 1.005 = 52,288.5572
    row("BTC short N = 50,000 (bracket 2)", "BTCUSDT", -1, 50000, 20, 1, 2, 5228856);
    // short 1 @ 49,999, bracket 1: 49,999 · 1.05 / 1.004 = 52,498.95 / 1.004 = 52,289.7908
    row("BTC short N = 49,999 (bracket 1)", "BTCUSDT", -1, 49999, 20, 1, 1, 5228979);
    // Short 1 BTC @ 67,000, 10x, bracket 2: (73,700 + 50) / 1.005 = 73,750 / 1.005 = 73,383.0846
    row("BTC short 67000 10x", "BTCUSDT", -1, 67000, 10, 1, 2, 7338308);
    // N = 600,000 (10 @ 60,000) opens bracket 3 (MMR 0.65 %, cum 950), long 50x:
    //   (600,000 · 0.98 − 950) / (10 · 0.9935) = 587,050 / 9.935 = 59,089.0790
    row("BTC long bracket 3 floor", "BTCUSDT", 1, 60000, 50, 10, 3, 5908908);
    // N = 599,999 (10 @ 59,999.9) is still bracket 2 and 100x is allowed there:
    //   (599,999 · 0.99 − 50) / (10 · 0.995) = 593,949.01 / 9.95 = 59,693.3678
    row("BTC long just below bracket 3", "BTCUSDT", 1, 59999.9, 100, 10, 2, 5969337);
    // N = 3,000,000 (50 @ 60,000) opens bracket 4 (MMR 1 %, cum 11,450), short 20x:
    //   (3,000,000 · 1.05 + 11,450) / (50 · 1.01) = 3,161,450 / 50.5 = 62,602.9703
    row("BTC short bracket 4 floor", "BTCUSDT", -1, 60000, 20, 50, 4, 6260297);
    // N = 12,000,000 (200 @ 60,000) opens bracket 5 (MMR 2 %, cum 131,450), long 10x:
    //   (12,000,000 · 0.9 − 131,450) / (200 · 0.98) = 10,668,550 / 196 = 54,431.3776
    row("BTC long bracket 5 floor", "BTCUSDT", 1, 60000, 10, 200, 5, 5443138);
    // N = 50,000,000 (1,000 @ 50,000): BTC is still in bracket 5, 25x allowed:
    //   (50,000,000 · 0.96 − 131,450) / (1,000 · 0.98) = 47,868,550 / 980 = 48,845.4592
    row("BTC long 50M bracket 5", "BTCUSDT", 1, 50000, 25, 1000, 5, 4884546);
    // N = 1,200,000,000 (20,000 @ 60,000) opens bracket 12 (MMR 50 %, cum 421,481,450, max 1x), short 1x:
    //   (1.2e9 · 2 + 421,481,450) / (20,000 · 1.5) = 2,821,481,450 / 30,000 = 94,049.3817
    row("BTC short bracket 12 floor", "BTCUSDT", -1, 60000, 1, 20000, 12, 9404938);
    // ETH long 10 @ 2,500 (N = 25,000, bracket 1: MMR 0.4 %, cum 0), 25x: 2,500 · 0.96 / 0.996 = 2,409.6386
    row("ETH long bracket 1", "ETHUSDT", 1, 2500, 25, 10, 1, 240964);
    // ETH N = 3,000,000 (1,200 @ 2,500) opens bracket 4 (MMR 1 %, cum 11,450), long 50x:
    //   (3,000,000 · 0.98 − 11,450) / (1,200 · 0.99) = 2,928,550 / 1,188 = 2,465.1094
    row("ETH long bracket 4 floor", "ETHUSDT", 1, 2500, 50, 1200, 4, 246511);
    // ETH N = 50,000,000 (20,000 @ 2,500) opens ETH's bracket 6 (MMR 2.5 %, cum 381,450; BTC would be in 5), short 20x:
    //   (50,000,000 · 1.05 + 381,450) / (20,000 · 1.025) = 52,881,450 / 20,500 = 2,579.5829
    row("ETH short bracket 6 floor", "ETHUSDT", -1, 2500, 20, 20000, 6, 257958);
}

void TstLiqprice::tierExact() {
    QFETCH(QString, symbol);
    QFETCH(int, side);
    QFETCH(double, entry);
    QFETCH(double, leverage);
    QFETCH(double, qty);
    QFETCH(int, tier);
    QFETCH(qint64, cents);
    const LeverageTiers &tiers = symbol == QLatin1String("BTCUSDT") ? btc_ : eth_;
    auto r = binanceLiquidationPrice(tiers, side > 0 ? Side::Long : Side::Short, entry, leverage, qty);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->tier, tier);
    QCOMPARE(::cents(r->liqPrice), cents);
    // A long liquidates below its entry, a short above.
    QVERIFY(side > 0 ? r->liqPrice < entry : r->liqPrice > entry);
}

// 125x is bracket 1's maximum: allowed at N = 49,999, refused at N = 50,000 (bracket 2 allows 100x).
void TstLiqprice::boundaryPicksUpperTier() {
    QVERIFY(binanceLiquidationPrice(btc_, Side::Long, 49999, 125, 1).ok());
    auto r = binanceLiquidationPrice(btc_, Side::Short, 50000, 125, 1);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("bracket 2")), qPrintable(r.error().message));
}

void TstLiqprice::refusals_data() {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<double>("entry");
    QTest::addColumn<double>("leverage");
    QTest::addColumn<double>("qty");
    QTest::addColumn<QString>("field");
    auto row = [](const char *name, const char *sym, double ep, double l, double q, const char *field) {
        QTest::newRow(name) << QString::fromLatin1(sym) << ep << l << q << QString::fromLatin1(field);
    };
    row("100x in BTC bracket 3 (max 75)", "BTCUSDT", 60000, 100, 10, "leverage");
    row("25x at ETH 50M (bracket 6, max 20)", "ETHUSDT", 2500, 25, 20000, "leverage");
    row("2x in BTC bracket 12 (max 1)", "BTCUSDT", 60000, 2, 20000, "leverage");
    row("beyond the last BTC cap", "BTCUSDT", 60000, 1, 30000, "qty");  // N = 1.8e9 = last cap, exclusive
    row("zero entry", "BTCUSDT", 0, 10, 1, "entry");
    row("negative entry", "BTCUSDT", -67000, 10, 1, "entry");
    row("NaN entry", "BTCUSDT", nan, 10, 1, "entry");
    row("infinite entry", "BTCUSDT", inf, 10, 1, "entry");
    row("zero leverage", "BTCUSDT", 67000, 0, 1, "leverage");
    row("leverage below 1", "BTCUSDT", 67000, 0.5, 1, "leverage");
    row("NaN leverage", "BTCUSDT", 67000, nan, 1, "leverage");
    row("zero qty", "BTCUSDT", 67000, 10, 0, "qty");
    row("negative qty", "BTCUSDT", 67000, 10, -1, "qty");
    row("NaN qty", "BTCUSDT", 67000, 10, nan, "qty");
}

void TstLiqprice::refusals() {
    QFETCH(QString, symbol);
    QFETCH(double, entry);
    QFETCH(double, leverage);
    QFETCH(double, qty);
    QFETCH(QString, field);
    const LeverageTiers &tiers = symbol == QLatin1String("BTCUSDT") ? btc_ : eth_;
    for (Side s : {Side::Long, Side::Short}) {
        auto r = binanceLiquidationPrice(tiers, s, entry, leverage, qty);
        QVERIFY2(!r.ok(), "accepted");
        QCOMPARE(r.error().field, field);
    }
    QVERIFY(!binanceLiquidationPrice(LeverageTiers(), Side::Long, 67000, 10, 1).ok());  // no tiers at all
}

// Long 20,000 BTC @ 60,000 at 1x in bracket 12: (1.2e9 · 0 − 421,481,450) / (20,000 · 0.5) = −42,148.15:
// no positive price liquidates it, reported as 0 by both overloads.
void TstLiqprice::oneTimesLongNeverLiquidates() {
    auto r = binanceLiquidationPrice(btc_, Side::Long, 60000, 1, 20000);
    QVERIFY(r.ok());
    QCOMPARE(r->tier, 12);
    QCOMPARE(r->liqPrice, 0.0);
    QCOMPARE(binanceLiquidationPrice(btc_.tiers().back(), Side::Long, 60000, 1, 20000), 0.0);
}

void TstLiqprice::bybit() {
    // Published: long 1 BTC @ 20,000, 50x, MMR 0.5 %: 20,000 · (1 − 0.02 + 0.005) = 20,000 · 0.985 = 19,700
    QCOMPARE(cents(bybitLiquidationPrice(Side::Long, 20000, 50, 0.005)), 1970000);
    // Short, same inputs: 20,000 · (1 + 0.02 − 0.005) = 20,000 · 1.015 = 20,300
    QCOMPARE(cents(bybitLiquidationPrice(Side::Short, 20000, 50, 0.005)), 2030000);
    // Short 67,000, 10x, MMR 0.5 %: 67,000 · 1.095 = 73,365
    QCOMPARE(cents(bybitLiquidationPrice(Side::Short, 67000, 10, 0.005)), 7336500);
}

// Bybit's published example (help centre, "Liquidation Price (USDT Contract)", Example 1 (Long):
// https://testnet.bybit.com/en-US/help-center/s/article/Liquidation-Price-USDT-Contract) has MMD 0:
//   IM = 1 × 20,000 / 50 = 400; MM = 1 × 20,000 × 0.5 % − 0 = 100; LP = 20,000 − (400 − 100) = 19,700.
// No published example with a deduction was found in the stored material, so this one is worked by hand
// from the same formula (LP = EP − (IM − MM)/Q, MM = PV·MMR − MMD): 150 BTC @ 20,000, 50x, tier 2 of the
// rule MMD(2) = 2,000,000 × (1 % − 0.5 %) = 10,000:
//   PV = 3,000,000; IM = 60,000; MM = 30,000 − 10,000 = 20,000; LP = 20,000 − 40,000/150 = 19,733.33
//   short: LP = 20,000 + 40,000/150 = 20,266.67
void TstLiqprice::bybitDeduction() {
    QCOMPARE(cents(bybitLiquidationPrice(Side::Long, 20000, 50, 0.005, 0, 1)), 1970000);
    QCOMPARE(cents(bybitLiquidationPrice(Side::Long, 20000, 50, 0.01, 10000, 150)), 1973333);
    QCOMPARE(cents(bybitLiquidationPrice(Side::Short, 20000, 50, 0.01, 10000, 150)), 2026667);
    // Without the deduction (the old formula) the long would be 19,800: the deduction must move it.
    QVERIFY(cents(bybitLiquidationPrice(Side::Long, 20000, 50, 0.01, 10000, 150)) != 1980000);
}

// OKX publishes the isolated USDT-margined test (help centre, margin ratio):
//   (margin balance + PnL) / (face value × |contracts| × mark price × (tier MMR + fee rate)) ≤ 100 %
// but no worked liquidation-price example was found in the stored material; worked by hand:
// long 1 BTC (100 contracts × 0.01) @ 50,000, 10x, MMR 0.4 %, taker fee 0.05 %:
//   margin 5,000; 5,000 + (P − 50,000) = P × 0.0045 → P = 45,000 / 0.9955 = 45,203.4154 → 45,203.42
//   (check: at 45,203.42 both sides are 203.42)
// short: 5,000 + (50,000 − P) = P × 0.0045 → P = 55,000 / 1.0045 = 54,753.6088 → 54,753.61
void TstLiqprice::okx() {
    QCOMPARE(cents(okxLiquidationPrice(Side::Long, 50000, 10, 0.004, 0.0005)), 4520342);
    QCOMPARE(cents(okxLiquidationPrice(Side::Short, 50000, 10, 0.004, 0.0005)), 5475361);
}

// Hyperliquid's formula (docs, Trading → Liquidations):
//   liq_price = price − side × margin_available / position_size / (1 − l × side),
//   l = 1 / maintenance leverage; maintenance margin = half the initial margin at max leverage.
// The docs give no numeric example; worked by hand: BTC max leverage 40 → l = 1/80 = 0.0125;
// long 1 BTC @ 100,000, 10x: margin 10,000, maintenance 1,250, margin_available 8,750;
//   LP = 100,000 − 8,750 / 1 / 0.9875 = 100,000 − 8,860.7595 = 91,139.24
// short: LP = 100,000 + 8,750 / 1.0125 = 100,000 + 8,641.9753 = 108,641.98
void TstLiqprice::hyperliquid() {
    QCOMPARE(cents(hyperliquidLiquidationPrice(Side::Long, 100000, 10, 0.0125)), 9113924);
    QCOMPARE(cents(hyperliquidLiquidationPrice(Side::Short, 100000, 10, 0.0125)), 10864198);
    auto tiers = LeverageTiers::fromMaxLeverage(QStringLiteral("hyperliquid"), QStringLiteral("BTCUSDT"), 40);
    QVERIFY(tiers.ok());
    QCOMPARE(tiers->tiers().front().mmr, 0.0125);
}

// The checked entry point picks each exchange's formula from the tiers' exchange, and OKX's tier by
// base units: 0.5 BTC in a [0, 1) BTC tier, 2 BTC in the next.
void TstLiqprice::anyExchangeChecked() {
    auto okxTiers = LeverageTiers::fromTiers(QStringLiteral("okx"), QStringLiteral("BTCUSDT"),
                                             {{1, 0, 1, 0.004, 0, 100}, {2, 1, 10, 0.006, 0, 50}}, TierSize::Base, false, 0.0005);
    QVERIFY(okxTiers.ok());
    auto small = liquidationPrice(*okxTiers, Side::Long, 50000, 10, 0.5);
    QVERIFY(small.ok());
    QCOMPARE(small->tier, 1);
    QCOMPARE(cents(small->liqPrice), 4520342);  // size does not enter: as okx() above
    auto big = liquidationPrice(*okxTiers, Side::Long, 50000, 10, 2);
    QVERIFY(big.ok());
    QCOMPARE(big->tier, 2);
    // 45,000 / (1 − 0.006 − 0.0005) = 45,000 / 0.9935 = 45,294.4137 → 45,294.41
    QCOMPARE(cents(big->liqPrice), 4529441);
    // An OKX table with a deduction is refused (OKX has none).
    QVERIFY(!LeverageTiers::fromTiers(QStringLiteral("okx"), QStringLiteral("BTCUSDT"),
                                      {{1, 0, 1, 0.004, 0, 100}, {2, 1, 10, 0.006, 5, 50}}, TierSize::Base, false)
                 .ok());
}

void TstLiqprice::cliOtherExchanges() {
    // Shipped placeholder OKX file: tier 1 MMR 0.4 %, fee 0.05 % → 45,203.42 as in okx().
    auto o = cli("liqprice --exchange okx --symbol BTCUSDT --side long --entry 50000 --leverage 10 --qty 1 --json");
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(o.out).object()[QStringLiteral("liq_price")].toDouble()), 4520342);
    // Hyperliquid with --max-leverage 40 → 91,139.24 as in hyperliquid(); 50 → l = 0.01:
    //   90,000 / 0.99 = 90,909.09
    auto h = cli("liqprice --exchange hyperliquid --symbol BTCUSDT --side long --entry 100000 --leverage 10 --qty 1 --max-leverage 40 --json");
    QVERIFY2(h.exitCode == 0, h.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(h.out).object()[QStringLiteral("liq_price")].toDouble()), 9113924);
    auto h50 = cli("liqprice --exchange hyperliquid --symbol BTCUSDT --side long --entry 100000 --leverage 10 --qty 1 --max-leverage 50 --json");
    QVERIFY2(h50.exitCode == 0, h50.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(h50.out).object()[QStringLiteral("liq_price")].toDouble()), 9090909);
    // Bybit with --mmr and --mm-deduction: 19,733.33 as in bybitDeduction().
    auto b = cli("liqprice --exchange bybit --symbol BTCUSDT --side long --entry 20000 --leverage 50 --qty 150 --mmr 0.01 "
                 "--mm-deduction 10000 --json");
    QVERIFY2(b.exitCode == 0, b.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(b.out).object()[QStringLiteral("liq_price")].toDouble()), 1973333);
    // Hyperliquid refuses a leverage above the asset's max.
    QCOMPARE(cli("liqprice --exchange hyperliquid --symbol BTCUSDT --side long --entry 100000 --leverage 50 --qty 1 --max-leverage 40").exitCode, 2);
}

void TstLiqprice::cliJson() {
    auto run = cli("liqprice --exchange binance --symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1 --json");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QVERIFY2(!o.isEmpty(), run.out.constData());
    QCOMPARE(cents(o[QStringLiteral("liq_price")].toDouble()), 6055276);  // 60,250 / 0.995, see above
    QCOMPARE(o[QStringLiteral("tier")].toInt(), 2);
    QCOMPARE(o[QStringLiteral("mmr")].toDouble(), 0.005);
    QCOMPARE(o[QStringLiteral("cum")].toDouble(), 50.0);

    // Short, --json before the subcommand's options: 73,750 / 1.005 = 73,383.08
    auto s = cli("--json liqprice --symbol BTCUSDT --side short --entry 67000 --leverage 10 --qty 1");
    QVERIFY2(s.exitCode == 0, s.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(s.out).object()[QStringLiteral("liq_price")].toDouble()), 7338308);

    // Bybit with --mmr: 20,000 · 0.985 = 19,700.
    auto b = cli("liqprice --exchange bybit --symbol BTCUSDT --side long --entry 20000 --leverage 50 --qty 1 --mmr 0.005 --json");
    QVERIFY2(b.exitCode == 0, b.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(b.out).object()[QStringLiteral("liq_price")].toDouble()), 1970000);
}

void TstLiqprice::cliText() {
    auto run = cli("liqprice --symbol ETHUSDT --side long --entry 2500 --leverage 25 --qty 10");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("2409.64"), run.out.constData());  // 2,400 / 0.996, see tierExact
    QVERIFY2(run.out.contains("tier 1"), run.out.constData());
}

void TstLiqprice::cliBadInput_data() {
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("mentions");
    auto row = [](const char *name, const char *args, const char *mentions) {
        QTest::newRow(name) << QString::fromLatin1(args) << QString::fromLatin1(mentions);
    };
    row("unknown symbol", "--symbol NOPEUSDT --side long --entry 67000 --leverage 10 --qty 1", "NOPEUSDT");
    row("unknown exchange", "--exchange kraken --symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1", "kraken");
    row("leverage above tier max", "--symbol BTCUSDT --side long --entry 67000 --leverage 125 --qty 1", "100x");
    row("negative leverage", "--symbol BTCUSDT --side long --entry 67000 --leverage -10 --qty 1", "--leverage");
    row("NaN leverage", "--symbol BTCUSDT --side long --entry 67000 --leverage nan --qty 1", "--leverage");
    row("zero entry", "--symbol BTCUSDT --side short --entry 0 --leverage 10 --qty 1", "--entry");
    row("negative qty", "--symbol BTCUSDT --side short --entry 67000 --leverage 10 --qty -1", "--qty");
    row("bad side", "--symbol BTCUSDT --side up --entry 67000 --leverage 10 --qty 1", "--side");
    row("missing qty", "--symbol BTCUSDT --side long --entry 67000 --leverage 10", "--qty");
    row("bybit without mmr or tiers", "--exchange bybit --symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1", "--mmr");
    row("mmr for binance", "--symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1 --mmr 0.004",
        "--mmr is only for --exchange bybit; binance takes MMR and cum from its brackets");
    row("mmr for okx", "--exchange okx --symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1 --mmr 0.004",
        "--mmr is only for --exchange bybit; okx takes");
    row("max-leverage for binance", "--symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1 --max-leverage 40",
        "--max-leverage is only for --exchange hyperliquid");
}

void TstLiqprice::cliBadInput() {
    QFETCH(QString, args);
    QFETCH(QString, mentions);
    // Bybit runs against an empty config dir, so no Bybit tier file is found whatever a later issue
    // ships; Binance cases need the real brackets (they must fail for the reason in the row).
    const bool bybitCase = args.contains(QStringLiteral("bybit"));
    QTemporaryDir empty;
    if (bybitCase) qputenv("LHM_CONFIG_DIR", empty.path().toUtf8());
    auto run = cli("liqprice " + args.toUtf8());
    if (bybitCase) qunsetenv("LHM_CONFIG_DIR");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    const QByteArray err = run.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), run.err.constData());  // one clear line
    QVERIFY2(err.contains(mentions.toUtf8()), run.err.constData());
}

// Bybit with a risk-limit file (written here, independent of the shipped placeholder): MMR and the
// deduction come from the tier the position notional falls in. 1 @ 20,000 (N 20,000, tier 1, MMR 0.5 %)
// 50x → 19,700; 150 @ 20,000 (N 3,000,000, tier 2, MMR 1 %, MMD 10,000) 50x →
// 20,000 · (1 − 0.02 + 0.01) − 10,000/150 = 19,800 − 66.67 = 19,733.33 (see bybitDeduction).
void TstLiqprice::cliBybitTierFile() {
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("tiers/bybit/TESTUSDT.yaml")),
                            "symbol: TESTUSDT\nbrackets:\n"
                            "  - {bracket: 1, initialLeverage: 100, notionalFloor: 0, notionalCap: 2000000, maintMarginRatio: 0.005, cum: 0}\n"
                            // cum = 2,000,000 · (0.01 − 0.005) = 10,000
                            "  - {bracket: 2, initialLeverage: 50, notionalFloor: 2000000, notionalCap: 4000000, maintMarginRatio: 0.01, cum: 10000}\n"));
    qputenv("LHM_CONFIG_DIR", dir.path().toUtf8());
    const QByteArray base = "liqprice --exchange bybit --symbol TESTUSDT --side long --entry 20000 --json ";
    const auto small = cli(base + "--qty 1 --leverage 50"), large = cli(base + "--qty 150 --leverage 50"),
               tooHigh = cli(base + "--qty 150 --leverage 75");
    qunsetenv("LHM_CONFIG_DIR");
    QVERIFY2(small.exitCode == 0, small.err.constData());
    QCOMPARE(cents(QJsonDocument::fromJson(small.out).object()[QStringLiteral("liq_price")].toDouble()), 1970000);
    QVERIFY2(large.exitCode == 0, large.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(large.out).object();
    QCOMPARE(cents(o[QStringLiteral("liq_price")].toDouble()), 1973333);
    QCOMPARE(o[QStringLiteral("tier")].toInt(), 2);
    QCOMPARE(tooHigh.exitCode, 2);  // 75x above tier 2's 50x
}

LHM_TEST_MAIN(TstLiqprice)
#include "tst_liqprice.moc"
