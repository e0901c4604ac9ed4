// Leverage tiers: the shipped Binance files equal the recorded Oct 2024 bracket data, tierFor picks
// floor <= notional < cap, and every validation rule refuses a broken file naming its line and field.
#include "HttpTestServer.h"
#include "TestSupport.h"
#include "config/ExchangeColor.h"
#include "config/ExchangeRegistry.h"
#include "config/LeverageBrackets.h"
#include "config/LeverageTiers.h"

#include <QDir>
#include <algorithm>
#include <cstring>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>

using namespace lhm;

namespace {

// A valid three-bracket file (the first three BTCUSDT brackets). Line numbers matter: the
// validation cases below replace one line and expect the error on a known line.
const QStringList kValid = {
    QStringLiteral("symbol: TESTUSDT"),               // 1
    QStringLiteral("brackets:"),                      // 2
    QStringLiteral("  - bracket: 1"),                 // 3
    QStringLiteral("    initialLeverage: 125"),       // 4
    QStringLiteral("    notionalFloor: 0"),           // 5
    QStringLiteral("    notionalCap: 50000"),         // 6
    QStringLiteral("    maintMarginRatio: 0.004"),    // 7
    QStringLiteral("    cum: 0"),                     // 8
    QStringLiteral("  - bracket: 2"),                 // 9
    QStringLiteral("    initialLeverage: 100"),       // 10
    QStringLiteral("    notionalFloor: 50000"),       // 11
    QStringLiteral("    notionalCap: 600000"),        // 12
    QStringLiteral("    maintMarginRatio: 0.005"),    // 13
    QStringLiteral("    cum: 50"),                    // 14  = 0 + 50,000 x (0.005 - 0.004)
    QStringLiteral("  - bracket: 3"),                 // 15
    QStringLiteral("    initialLeverage: 75"),        // 16
    QStringLiteral("    notionalFloor: 600000"),      // 17
    QStringLiteral("    notionalCap: 3000000"),       // 18
    QStringLiteral("    maintMarginRatio: 0.0065"),   // 19
    QStringLiteral("    cum: 950"),                   // 20  = 50 + 600,000 x (0.0065 - 0.005)
};

QByteArray withLine(int line, const QString &text) {
    QStringList l = kValid;
    if (line > 0) l[line - 1] = text;
    return l.join(QLatin1Char('\n')).toUtf8() + '\n';
}

}  // namespace

class TstTiers : public QObject {
    Q_OBJECT
private slots:
    void shippedFilesMatchRecordedBrackets_data();
    void shippedFilesMatchRecordedBrackets();
    void tierForBoundaries();
    void loadIsCaseInsensitiveAndRefusesUnknown();
    void validFileLoads();
    void plainReadingEqualsYamlCpp();
    void otherLayoutsGoToYamlCpp_data();
    void otherLayoutsGoToYamlCpp();
    void validationRefuses_data();
    void validationRefuses();
    void cumTolerance();
    void unreadableFile();
    void fromTiersValidates();
    void ccxtSymbolNames();
    void everyUsdmSymbolIsShipped();
    void generateFromSnapshot();
    void refreshFromLoopbackServer();
    void descriptorsDeclareTheirQuirks();
    void configOverridesDescriptorDefaults();
};

void TstTiers::shippedFilesMatchRecordedBrackets_data() {
    QTest::addColumn<QString>("symbol");
    QTest::newRow("BTCUSDT") << QStringLiteral("BTCUSDT");
    QTest::newRow("ETHUSDT") << QStringLiteral("ETHUSDT");
}

// The committed YAML must be the recorded /fapi/v1/leverageBracket data, value for value.
void TstTiers::shippedFilesMatchRecordedBrackets() {
    QFETCH(QString, symbol);
    auto tiers = LeverageTiers::loadFile(test::sourcePath(QStringLiteral("core/exchanges/binance/tiers/%1.yaml").arg(symbol)));
    QVERIFY2(tiers.ok(), qPrintable(tiers.ok() ? QString() : tiers.error().toString()));
    QCOMPARE(tiers->exchange(), QStringLiteral("binance"));
    QCOMPARE(tiers->symbol(), symbol);

    const QByteArray json = test::readFile(test::sharedData(QStringLiteral("freqtrade-binance-leverage-tiers/derived_leverageBracket_BTCUSDT_ETHUSDT.json")));
    QVERIFY2(!json.isEmpty(), "recorded bracket data missing");
    QJsonArray brackets;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        if (v[QStringLiteral("symbol")].toString() == symbol) brackets = v[QStringLiteral("brackets")].toArray();
    QCOMPARE(brackets.size(), 12);
    QCOMPARE(int(tiers->tiers().size()), 12);
    for (int i = 0; i < 12; ++i) {
        const QJsonObject b = brackets[i].toObject();
        const LeverageTier &t = tiers->tiers()[size_t(i)];
        QCOMPARE(t.bracket, b[QStringLiteral("bracket")].toInt());
        QCOMPARE(t.maxLeverage, b[QStringLiteral("initialLeverage")].toDouble());
        QCOMPARE(t.floor, b[QStringLiteral("notionalFloor")].toDouble());
        QCOMPARE(t.cap, b[QStringLiteral("notionalCap")].toDouble());
        QCOMPARE(t.mmr, b[QStringLiteral("maintMarginRatio")].toDouble());
        QCOMPARE(t.cum, b[QStringLiteral("cum")].toDouble());
    }
}

void TstTiers::tierForBoundaries() {
    auto tiers = LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    QVERIFY2(tiers.ok(), qPrintable(tiers.ok() ? QString() : tiers.error().toString()));
    auto bracketOf = [&](double n) { const LeverageTier *t = tiers->tierFor(n); return t ? t->bracket : -1; };
    QCOMPARE(bracketOf(0), 1);
    QCOMPARE(bracketOf(49999.99), 1);
    QCOMPARE(bracketOf(50000), 2);        // notional == floor belongs to the upper tier
    QCOMPARE(bracketOf(67000), 2);        // the published example's notional
    QCOMPARE(bracketOf(599999.99), 2);
    QCOMPARE(bracketOf(600000), 3);
    QCOMPARE(bracketOf(3000000), 4);
    QCOMPARE(bracketOf(70000000), 6);     // BTC: 70M starts bracket 6 (ETH: 50M, see below)
    QCOMPARE(bracketOf(1200000000), 12);
    QCOMPARE(bracketOf(1799999999), 12);
    QCOMPARE(bracketOf(1800000000), -1);  // the last cap is exclusive: beyond every tier
    QCOMPARE(bracketOf(-1), -1);
    QCOMPARE(bracketOf(std::numeric_limits<double>::quiet_NaN()), -1);

    auto eth = LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("ETHUSDT"));
    QVERIFY(eth.ok());
    auto ethBracketOf = [&](double n) { const LeverageTier *t = eth->tierFor(n); return t ? t->bracket : -1; };
    QCOMPARE(ethBracketOf(49999999), 5);
    QCOMPARE(ethBracketOf(50000000), 6);
    QCOMPARE(bracketOf(50000000), 5);  // same notional, BTC still in bracket 5
    QVERIFY(eth->tierFor(1200000000) == nullptr);
}

void TstTiers::loadIsCaseInsensitiveAndRefusesUnknown() {
    auto lower = LeverageTiers::load(QStringLiteral("Binance"), QStringLiteral("btcusdt"));
    QVERIFY(lower.ok());
    QCOMPARE(lower->symbol(), QStringLiteral("BTCUSDT"));
    auto unknown = LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("NOPEUSDT"));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().message.contains(QStringLiteral("NOPEUSDT")), qPrintable(unknown.error().toString()));
    QVERIFY(!LeverageTiers::load(QStringLiteral("kraken"), QStringLiteral("BTCUSDT")).ok());
}

void TstTiers::validFileLoads() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("okx/TESTUSDT.yaml"));
    QVERIFY(test::writeFile(path, withLine(0, {})));
    auto t = LeverageTiers::loadFile(path);
    QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
    QCOMPARE(t->exchange(), QStringLiteral("okx"));  // from the directory when the file has no `exchange:`
    QCOMPARE(int(t->tiers().size()), 3);
    QCOMPARE(t->tiers()[2].cum, 950.0);
    // Numbers written as strings, as Binance's raw bracket entries carry them, load too.
    QVERIFY(LeverageTiers::parse(withLine(13, QStringLiteral("    maintMarginRatio: \"0.005\"")), path).ok());
}

namespace {
QString differences(const LeverageTiers &a, const LeverageTiers &b) {
    QStringList d;
    if (a.exchange() != b.exchange()) d << QStringLiteral("exchange %1 / %2").arg(a.exchange(), b.exchange());
    if (a.symbol() != b.symbol()) d << QStringLiteral("symbol %1 / %2").arg(a.symbol(), b.symbol());
    if (a.sizeUnit() != b.sizeUnit()) d << QStringLiteral("sizeUnit");
    if (a.hasDeduction() != b.hasDeduction()) d << QStringLiteral("hasDeduction");
    if (a.liquidationFeeRate() != b.liquidationFeeRate()) d << QStringLiteral("liquidationFeeRate");
    if (a.assetMaxLeverage() != b.assetMaxLeverage()) d << QStringLiteral("assetMaxLeverage");
    if (a.isPlaceholder() != b.isPlaceholder()) d << QStringLiteral("placeholder");
    if (a.tiers().size() != b.tiers().size()) return (d << QStringLiteral("tier count")).join(QStringLiteral(", "));
    for (size_t i = 0; i < a.tiers().size(); ++i) {
        const LeverageTier &x = a.tiers()[i], &y = b.tiers()[i];
        // Bit for bit: both must read each number as the same double.
        if (x.bracket != y.bracket || std::memcmp(&x.floor, &y.floor, sizeof(double)) != 0 ||
            std::memcmp(&x.cap, &y.cap, sizeof(double)) != 0 || std::memcmp(&x.mmr, &y.mmr, sizeof(double)) != 0 ||
            std::memcmp(&x.cum, &y.cum, sizeof(double)) != 0 ||
            std::memcmp(&x.maxLeverage, &y.maxLeverage, sizeof(double)) != 0)
            d << QStringLiteral("bracket %1").arg(i + 1);
    }
    return d.join(QStringLiteral(", "));
}
}  // namespace

// The hand reading of the plain layout (LeverageTiers::parsePlain, which saves a CLI run the
// yaml-cpp parse) reads every shipped file, and reads it exactly as yaml-cpp does.
void TstTiers::plainReadingEqualsYamlCpp() {
    const QDir exchanges(test::sourcePath(QStringLiteral("core/exchanges")));
    int files = 0;
    for (const QString &exchange : exchanges.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir tiers(exchanges.filePath(exchange + QStringLiteral("/tiers")));
        for (const QString &name : tiers.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
            const QString path = tiers.filePath(name);
            const QByteArray text = test::readFile(path);
            const auto plain = LeverageTiers::parsePlain(text, path);
            QVERIFY2(plain, qPrintable(path + QStringLiteral(": not read by the plain path")));
            const auto yaml = LeverageTiers::parseYaml(text, path);
            QVERIFY2(yaml.ok(), qPrintable(yaml.ok() ? QString() : yaml.error().toString()));
            const QString diff = differences(*plain, *yaml);
            QVERIFY2(diff.isEmpty(), qPrintable(path + QStringLiteral(": ") + diff));
            ++files;
        }
    }
    QVERIFY2(files >= 354, qPrintable(QString::number(files)));  // every exchange's folder was read
}

// Layouts the plain path does not read with certainty go to yaml-cpp, which reads them as before.
void TstTiers::otherLayoutsGoToYamlCpp_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("quoted number") << withLine(13, QStringLiteral("    maintMarginRatio: \"0.005\""));
    QTest::newRow("inline comment") << withLine(13, QStringLiteral("    maintMarginRatio: 0.005  # 0.5 %"));
    QTest::newRow("quoted symbol") << withLine(1, QStringLiteral("symbol: 'TESTUSDT'"));
    QTest::newRow("flow mapping") << withLine(3, QStringLiteral("  - {bracket: 1}"));
    QTest::newRow("CRLF") << withLine(0, {}).replace("\n", "\r\n");
    QTest::newRow("tab before comment") << withLine(0, {}).replace("symbol: TESTUSDT", "symbol: TESTUSDT\t# x");
    QTest::newRow("document start") << QByteArray("---\n") + withLine(0, {});
    QTest::newRow("items at the key's indent") << withLine(0, {}).replace("\n  - ", "\n- ").replace("\n    ", "\n  ");
    QTest::newRow("null symbol") << withLine(1, QStringLiteral("symbol: null"));
    QTest::newRow("sequence symbol") << withLine(1, QStringLiteral("symbol: -"));
    QTest::newRow("duplicate key") << withLine(0, {}) + "symbol: OTHERUSDT\n";
    QTest::newRow("unknown key") << withLine(1, QStringLiteral("sym: TESTUSDT"));
    QTest::newRow("invalid cum") << withLine(14, QStringLiteral("    cum: 51"));
}

void TstTiers::otherLayoutsGoToYamlCpp() {
    QFETCH(QByteArray, text);
    const QString path = QStringLiteral("binance/TESTUSDT.yaml");
    QVERIFY(!LeverageTiers::parsePlain(text, path));
    const auto viaParse = LeverageTiers::parse(text, path);
    const auto yaml = LeverageTiers::parseYaml(text, path);
    QCOMPARE(viaParse.ok(), yaml.ok());
    if (yaml.ok()) QCOMPARE(differences(*viaParse, *yaml), QString());
    else QCOMPARE(viaParse.error().toString(), yaml.error().toString());
}

void TstTiers::validationRefuses_data() {
    QTest::addColumn<int>("line");          // line replaced in kValid
    QTest::addColumn<QString>("text");      // its replacement
    QTest::addColumn<int>("errorLine");     // where the error must point
    QTest::addColumn<QString>("field");
    auto row = [](const char *name, int line, const char *text, int errorLine, const char *field) {
        QTest::newRow(name) << line << QString::fromUtf8(text) << errorLine << QString::fromUtf8(field);
    };
    row("floors not ascending", 17, "    notionalFloor: 40000", 17, "notionalFloor");
    row("first floor not 0", 5, "    notionalFloor: 10", 5, "notionalFloor");
    row("cap != next floor", 6, "    notionalCap: 60000", 6, "notionalCap");
    row("cap below floor", 18, "    notionalCap: 500000", 18, "notionalCap");
    row("mmr decreasing", 13, "    maintMarginRatio: 0.003", 13, "maintMarginRatio");
    row("mmr zero", 7, "    maintMarginRatio: 0", 7, "maintMarginRatio");
    row("mmr one", 19, "    maintMarginRatio: 1", 19, "maintMarginRatio");
    row("mmr negative", 19, "    maintMarginRatio: -0.01", 19, "maintMarginRatio");
    row("mmr nan", 13, "    maintMarginRatio: .nan", 13, "maintMarginRatio");
    row("mmr not a number", 13, "    maintMarginRatio: half", 13, "maintMarginRatio");
    row("leverage below 1", 16, "    initialLeverage: 0.5", 16, "initialLeverage");
    row("leverage increasing", 10, "    initialLeverage: 150", 10, "initialLeverage");
    row("cum[0] not 0", 8, "    cum: 5", 8, "cum");
    row("cum inconsistent", 14, "    cum: 51", 14, "cum");
    row("cum inconsistent later", 20, "    cum: 900", 20, "cum");
    row("bracket numbering", 9, "  - bracket: 3", 9, "bracket");
    row("bracket not whole", 9, "  - bracket: 2.5", 9, "bracket");
    row("missing field", 20, "    # cum forgotten", 15, "cum");  // reported on its bracket's line
    row("unknown field (typo)", 13, "    maintMarginRate: 0.005", 13, "maintMarginRate");
    row("unknown top-level field", 1, "sym: TESTUSDT", 1, "sym");
    row("syntax error", 12, "    notionalCap: 600000: 1", 12, "");
    // yaml-cpp reports an unclosed bracket where it notices it: the next line.
    row("unterminated flow", 12, "    notionalCap: [600000", 13, "");
}

void TstTiers::validationRefuses() {
    QFETCH(int, line);
    QFETCH(QString, text);
    QFETCH(int, errorLine);
    QFETCH(QString, field);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("binance/TESTUSDT.yaml"));
    QVERIFY(test::writeFile(path, withLine(line, text)));
    auto t = LeverageTiers::loadFile(path);
    QVERIFY2(!t.ok(), "a broken file was accepted");
    const Error &e = t.error();
    QCOMPARE(e.file, path);
    QCOMPARE(int(e.line), errorLine);
    QCOMPARE(e.field, field);
    // The one line the CLI prints names all three.
    QVERIFY2(e.toString().startsWith(QStringLiteral("%1:%2: ").arg(path).arg(errorLine)), qPrintable(e.toString()));
}

// cum must follow the recurrence to within half a cent (exchanges may round it to the cent).
void TstTiers::cumTolerance() {
    QVERIFY(LeverageTiers::parse(withLine(14, QStringLiteral("    cum: 50.004")), QStringLiteral("x.yaml")).ok());
    QVERIFY(!LeverageTiers::parse(withLine(14, QStringLiteral("    cum: 50.01")), QStringLiteral("x.yaml")).ok());
}

void TstTiers::unreadableFile() {
    auto t = LeverageTiers::loadFile(QStringLiteral("/nonexistent/binance/BTCUSDT.yaml"));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().file, QStringLiteral("/nonexistent/binance/BTCUSDT.yaml"));
    QVERIFY(!LeverageTiers::parse(QByteArray("- just\n- a list\n"), QStringLiteral("x.yaml")).ok());
    auto notList = LeverageTiers::parse(QByteArray("symbol: X\nbrackets: {a: 1}\n"), QStringLiteral("x.yaml"));
    QVERIFY(!notList.ok());
    QCOMPARE(int(notList.error().line), 2);
    QCOMPARE(notList.error().field, QStringLiteral("brackets"));
    QVERIFY(!LeverageTiers::parse(QByteArray(), QStringLiteral("x.yaml")).ok());
}

void TstTiers::fromTiersValidates() {
    std::vector<LeverageTier> ok{{1, 0, 10000, 0.01, 0, 50}, {2, 10000, 1e6, 0.02, 100, 20}};  // 100 = 10,000 x 0.01
    auto t = LeverageTiers::fromTiers(QStringLiteral("Test"), QStringLiteral("abc"), ok);
    QVERIFY(t.ok());
    QCOMPARE(t->symbol(), QStringLiteral("ABC"));
    QVERIFY(t->tierFor(10000) && t->tierFor(10000)->bracket == 2);
    auto bad = ok;
    bad[1].cum = 90;
    auto r = LeverageTiers::fromTiers(QStringLiteral("test"), QStringLiteral("abc"), bad);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().field, QStringLiteral("cum"));
    QVERIFY(r.error().message.contains(QStringLiteral("bracket 2")));
    QVERIFY(!LeverageTiers::fromTiers(QStringLiteral("test"), QStringLiteral("abc"), {}).ok());
}

void TstTiers::ccxtSymbolNames() {
    QCOMPARE(binanceSymbolFromCcxt(QStringLiteral("BTC/USDT:USDT")), QStringLiteral("BTCUSDT"));
    QCOMPARE(binanceSymbolFromCcxt(QStringLiteral("1000PEPE/USDC:USDC")), QStringLiteral("1000PEPEUSDC"));
    QCOMPARE(binanceSymbolFromCcxt(QStringLiteral("ETH/USDT:USDT-250328")), QStringLiteral("ETHUSDT_250328"));
    QCOMPARE(binanceSymbolFromCcxt(QStringLiteral("ETH/BTC:BTC")), QString());  // COIN-M
    QCOMPARE(binanceSymbolFromCcxt(QStringLiteral("BTCUSDT")), QString());
}

namespace {
QString snapshotPath() {
    return test::sharedData(QStringLiteral("freqtrade-binance-leverage-tiers/binance_leverage_tiers.json"));
}
QString derivedPath() {
    return test::sharedData(QStringLiteral("freqtrade-binance-leverage-tiers/derived_leverageBracket_BTCUSDT_ETHUSDT.json"));
}
void compareTiers(const LeverageTiers &a, const LeverageTiers &b) {
    QCOMPARE(a.symbol(), b.symbol());
    QCOMPARE(a.tiers().size(), b.tiers().size());
    for (size_t i = 0; i < a.tiers().size(); ++i) {
        const LeverageTier &x = a.tiers()[i], &y = b.tiers()[i];
        QCOMPARE(x.bracket, y.bracket);
        QCOMPARE(x.maxLeverage, y.maxLeverage);
        QCOMPARE(x.floor, y.floor);
        QCOMPARE(x.cap, y.cap);
        QCOMPARE(x.mmr, y.mmr);
        QCOMPARE(x.cum, y.cum);
    }
}
}  // namespace

// The Oct 2024 snapshot (shared/data section 1) lists 349 markets: 318 USDT and 26 USDC perpetuals, 4
// dated USDT futures, and one COIN-M market (ETH/BTC:BTC), which is not USDⓈ-M. Every USDⓈ-M symbol
// must ship a tiers file equal to the snapshot's brackets.
void TstTiers::everyUsdmSymbolIsShipped() {
    auto parsed = parseBinanceBrackets(test::readFile(snapshotPath()), QStringLiteral("binance_leverage_tiers.json"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->symbols.size() + parsed->skipped.size(), size_t(349));
    QCOMPARE(parsed->skipped.size(), size_t(1));
    QCOMPARE(parsed->skipped[0].first, QStringLiteral("ETH/BTC:BTC"));
    QCOMPARE(parsed->symbols.size(), size_t(348));
    for (const LeverageTiers &t : parsed->symbols) {
        auto shipped = LeverageTiers::load(QStringLiteral("binance"), t.symbol());
        QVERIFY2(shipped.ok(), qPrintable(shipped.ok() ? QString() : shipped.error().toString()));
        compareTiers(*shipped, t);
    }
    // Spot values straight from the snapshot's raw strings: BTCUSDT bracket 1 is 125x, MMR 0.004,
    // cap 50,000; ETHUSDT_241227 is a dated future with its own brackets.
    const auto btc = std::find_if(parsed->symbols.begin(), parsed->symbols.end(),
                                  [](const LeverageTiers &t) { return t.symbol() == QLatin1String("BTCUSDT"); });
    QVERIFY(btc != parsed->symbols.end());
    QCOMPARE(btc->tiers()[0].maxLeverage, 125.0);
    QCOMPARE(btc->tiers()[0].mmr, 0.004);
    QCOMPARE(btc->tiers()[0].cap, 50000.0);
    QVERIFY(LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("ETHUSDT_241227")).ok());
}

void TstTiers::generateFromSnapshot() {
    QTemporaryDir out;
    const auto r = test::runCli({QStringLiteral("--json"), QStringLiteral("tiers"), QStringLiteral("generate"),
                                 QStringLiteral("--snapshot"), derivedPath(), QStringLiteral("--out"), out.path()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o[QStringLiteral("written")].toArray(), (QJsonArray{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
    for (const char *symbol : {"BTCUSDT", "ETHUSDT"}) {
        auto written = LeverageTiers::loadFile(out.filePath(QStringLiteral("%1.yaml").arg(QLatin1String(symbol))));
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        compareTiers(*written, *LeverageTiers::load(QStringLiteral("binance"), QLatin1String(symbol)));
    }
    // Bad input: exit 2 with one line naming the file.
    QVERIFY(test::writeFile(out.filePath(QStringLiteral("bad.json")), "{\"symbol\": 3,"));
    const auto bad = test::runCli({QStringLiteral("tiers"), QStringLiteral("generate"), QStringLiteral("--snapshot"),
                                   out.filePath(QStringLiteral("bad.json")), QStringLiteral("--out"), out.path()});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("bad.json: malformed JSON"), bad.err.constData());
    QCOMPARE(test::runCli({QStringLiteral("tiers"), QStringLiteral("generate")}).exitCode, 2);
    QCOMPARE(test::runCli({QStringLiteral("tiers"), QStringLiteral("sometimes")}).exitCode, 2);
}

// refresh against a real HTTP server on 127.0.0.1 answering with the recorded leverageBracket payload.
void TstTiers::refreshFromLoopbackServer() {
    QTemporaryDir root, out;
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("fapi/v1")));
    QVERIFY(test::writeFile(root.filePath(QStringLiteral("fapi/v1/leverageBracket")), test::readFile(derivedPath())));
    test::HttpTestServer server;
    QVERIFY(server.start(root.path()));
    qputenv("LHM_BINANCE_API_KEY", "test-key");
    qputenv("LHM_BINANCE_API_SECRET", "test-secret");
    const auto r = test::runCli({QStringLiteral("--json"), QStringLiteral("tiers"), QStringLiteral("refresh"),
                                 QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--out"), out.path()});
    qunsetenv("LHM_BINANCE_API_KEY");
    qunsetenv("LHM_BINANCE_API_SECRET");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("written")].toArray().size(), 2);
    const auto requests = server.requestsFor(QStringLiteral("/fapi/v1/leverageBracket"));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].headers.value("x-mbx-apikey"), QByteArray("test-key"));
    auto eth = LeverageTiers::loadFile(out.filePath(QStringLiteral("ETHUSDT.yaml")));
    QVERIFY2(eth.ok(), qPrintable(eth.ok() ? QString() : eth.error().toString()));
    compareTiers(*eth, *LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("ETHUSDT")));
    // The source comment names the endpoint but not the signed query.
    const QByteArray yaml = test::readFile(out.filePath(QStringLiteral("ETHUSDT.yaml")));
    QVERIFY(yaml.contains("/fapi/v1/leverageBracket"));
    QVERIFY(!yaml.contains("test-secret") && !yaml.contains("signature="));

    // The exchange refusing (Binance answers 401 to an unsigned request): exit 1, URL redacted.
    test::HttpFault refuse;
    refuse.status = 401;
    server.setFault(QStringLiteral("/fapi/v1/leverageBracket"), refuse);
    const auto denied = test::runCli({QStringLiteral("tiers"), QStringLiteral("refresh"), QStringLiteral("--base-url"),
                                      server.baseUrl(), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                                      QStringLiteral("--out"), out.path()});
    QCOMPARE(denied.exitCode, 1);
    QVERIFY2(denied.err.contains("HTTP 401"), denied.err.constData());
    QVERIFY(!denied.err.contains("BTCUSDT"));  // the query value is redacted
    QCOMPARE(test::runCli({QStringLiteral("tiers"), QStringLiteral("refresh"), QStringLiteral("--base-url"),
                           QStringLiteral("ftp://example"), QStringLiteral("--out"), out.path()})
                 .exitCode,
             2);
}

// What code outside the exchange folders asks a descriptor instead of an exchange's name.
void TstTiers::descriptorsDeclareTheirQuirks() {
    const ExchangeDescriptor *binance = ExchangeRegistry::builtin(QStringLiteral("binance"));
    const ExchangeDescriptor *bybit = ExchangeRegistry::builtin(QStringLiteral("bybit"));
    const ExchangeDescriptor *okx = ExchangeRegistry::builtin(QStringLiteral("okx"));
    const ExchangeDescriptor *hl = ExchangeRegistry::builtin(QStringLiteral("hyperliquid"));
    QVERIFY(binance && bybit && okx && hl);
    // History from the daily archive, and leverages within the tier cap: Binance only.
    QVERIFY(binance->dailyArchive && !bybit->dailyArchive && !okx->dailyArchive && !hl->dailyArchive);
    QVERIFY(binance->leveragesWithinTierCap && !bybit->leveragesWithinTierCap && !hl->leveragesWithinTierCap);
    // `lhm liqprice`'s manual tiers: --mmr on Bybit, --max-leverage on Hyperliquid.
    QVERIFY(bybit->manualTier == ManualTier::MaintenanceRate && hl->manualTier == ManualTier::MaxLeverage);
    QVERIFY(binance->manualTier == ManualTier::None && okx->manualTier == ManualTier::None);
    // The GUI's colours, as the descriptors give them; none for a name not on the list.
    QCOMPARE(exchangeColorRgb(QStringLiteral("binance")), 0xF0B90Bu);
    QCOMPARE(exchangeColorRgb(QStringLiteral("hyperliquid")), 0x50D2C1u);
    QCOMPARE(exchangeColorRgb(QStringLiteral("kraken")), 0u);
}

// config/exchanges.yaml only overrides: without an `exchanges:` section every exchange runs on its
// descriptor's defaults (its folder), with one only those it lists; a `symbols:` entry replaces the
// descriptor's default entry for that symbol.
void TstTiers::configOverridesDescriptorDefaults() {
    auto shipped = ExchangeRegistry::loadFile(test::sourcePath(QStringLiteral("config/exchanges.yaml")));
    QVERIFY2(shipped, qPrintable(shipped ? QString() : shipped.error().toString()));
    QCOMPARE(shipped->names(), ExchangeRegistry::knownNames());
    const ExchangeDescriptor *okx = shipped->find(QStringLiteral("okx"));
    QCOMPARE(okx->symbols.size(), size_t(2));
    QCOMPARE(okx->symbol(QStringLiteral("ETHUSDT"))->native, QStringLiteral("ETH-USDT-SWAP"));
    QCOMPARE(okx->symbol(QStringLiteral("ETHUSDT"))->contractValue, 0.1);
    QCOMPARE(shipped->find(QStringLiteral("hyperliquid"))->symbol(QStringLiteral("BTCUSDT"))->native, QStringLiteral("BTC"));
    QCOMPARE(shipped->find(QStringLiteral("binance"))->restUrl, QStringLiteral("https://fapi.binance.com"));
    auto empty = ExchangeRegistry::parse("# nothing but a comment\n", QStringLiteral("e.yaml"));
    QVERIFY(empty);
    QCOMPARE(empty->names(), ExchangeRegistry::knownNames());
    auto some = ExchangeRegistry::parse("exchanges:\n  okx: {watchdog_ms: 5000}\nsymbols:\n"
                                        "  BTCUSDT: {okx: {native: BTC-USDT-SWAP, contract_value: 0.02}}\n"
                                        "  SOLUSDT: {okx: {native: SOL-USDT-SWAP, contract_value: 1}}\n",
                                        QStringLiteral("e.yaml"));
    QVERIFY2(some, qPrintable(some ? QString() : some.error().toString()));
    QCOMPARE(some->names(), QStringList{QStringLiteral("okx")});
    const ExchangeDescriptor *mine = some->find(QStringLiteral("okx"));
    QCOMPARE(mine->watchdogMs, 5000);
    QCOMPARE(mine->symbols.size(), size_t(3));  // ETHUSDT (default), BTCUSDT (replaced), SOLUSDT (added)
    QCOMPARE(mine->contractValue(QStringLiteral("BTCUSDT")), 0.02);
    QCOMPARE(mine->contractValue(QStringLiteral("ETHUSDT")), 0.1);
    QCOMPARE(mine->contractValue(QStringLiteral("SOLUSDT")), 1.0);
}

LHM_TEST_MAIN(TstTiers)
#include "tst_tiers.moc"
