// `lhm tiers fetch --exchange bybit|okx|hyperliquid` against a real HTTP server on 127.0.0.1 that
// answers with responses in each exchange's documented format (Bybit v5 /v5/market/risk-limit, OKX v5
// /api/v5/public/position-tiers, Hyperliquid POST /info {"type":"meta"}). The written file is then used
// by the real `lhm liqprice`, whose expected prices are worked by hand below.
#include "HttpTestServer.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTcpServer>
#include <cmath>

using namespace lhm;

namespace {

qint64 cents(double v) { return std::llround(v * 100); }

// Documented shape; values chosen so the deduction rule holds:
//   MMD(2) = 2,000,000 × (0.0056 − 0.005) = 1,200; MMD(3) = 1,200 + 2,600,000 × (0.0062 − 0.0056) = 2,760.
// Listed out of order on purpose: the parser sorts by riskLimitValue.
const QByteArray kBybit = R"({"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[
 {"id":2,"symbol":"BTCUSDT","riskLimitValue":"2600000","maintenanceMargin":"0.0056","initialMargin":"0.0118","isLowestRisk":0,"maxLeverage":"84.75","mmDeduction":"1200"},
 {"id":1,"symbol":"BTCUSDT","riskLimitValue":"2000000","maintenanceMargin":"0.005","initialMargin":"0.01","isLowestRisk":1,"maxLeverage":"100.00","mmDeduction":""},
 {"id":3,"symbol":"BTCUSDT","riskLimitValue":"3200000","maintenanceMargin":"0.0062","initialMargin":"0.0136","isLowestRisk":0,"maxLeverage":"73.52","mmDeduction":"2760"}
],"nextPageCursor":""},"retExtInfo":{},"time":1672054488010})";

// Sizes in contracts (BTC-USDT-SWAP ctVal 0.01 BTC in config/exchanges.yaml): tier 1 up to 2,000
// contracts = 20 BTC, tier 2 up to 4,000 = 40 BTC.
const QByteArray kOkx = R"({"code":"0","msg":"","data":[
 {"baseMaxLoan":"","imr":"0.01","instFamily":"BTC-USDT","instId":"","maxLever":"100","maxSz":"2000","minSz":"0","mmr":"0.004","optMgnFactor":"0","quoteMaxLoan":"","tier":"1","uly":"BTC-USDT"},
 {"baseMaxLoan":"","imr":"0.0133","instFamily":"BTC-USDT","instId":"","maxLever":"75","maxSz":"4000","minSz":"2001","mmr":"0.006","optMgnFactor":"0","quoteMaxLoan":"","tier":"2","uly":"BTC-USDT"}
]})";

const QByteArray kMeta = R"({"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":50},{"name":"ETH","szDecimals":4,"maxLeverage":25}]})";

test::CliRun cli(const QString &args) { return test::runCli(args.split(QLatin1Char(' '), Qt::SkipEmptyParts)); }

double liq(const QString &args) {
    auto r = cli(QStringLiteral("liqprice --json ") + args);
    if (r.exitCode != 0) qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object()[QStringLiteral("liq_price")].toDouble();
}

}  // namespace

class TstTiersFetch : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void bybit();
    void okx();
    void hyperliquid();
    void badResponsesKeepTheFile();
    void serverDown();

private:
    std::unique_ptr<QTemporaryDir> config_, www_;
    std::unique_ptr<test::HttpTestServer> server_;
};

void TstTiersFetch::init() {
    config_ = std::make_unique<QTemporaryDir>();
    www_ = std::make_unique<QTemporaryDir>();
    // exchanges.yaml names each venue's native symbol and contract value; tiers are written next to it.
    QVERIFY(test::writeFile(config_->filePath(QStringLiteral("exchanges.yaml")),
                            test::readFile(test::sourcePath(QStringLiteral("config/exchanges.yaml")))));
    QVERIFY(test::writeFile(www_->filePath(QStringLiteral("v5/market/risk-limit")), kBybit));
    QVERIFY(test::writeFile(www_->filePath(QStringLiteral("api/v5/public/position-tiers")), kOkx));
    QVERIFY(test::writeFile(www_->filePath(QStringLiteral("info")), kMeta));
    server_ = std::make_unique<test::HttpTestServer>();
    QVERIFY(server_->start(www_->path()));
    qputenv("LHM_CONFIG_DIR", config_->path().toUtf8());
}

void TstTiersFetch::cleanup() { qunsetenv("LHM_CONFIG_DIR"); }

void TstTiersFetch::bybit() {
    auto r = cli(QStringLiteral("tiers fetch --exchange bybit --symbol BTCUSDT --json --base-url ") + server_->baseUrl());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(server_->requestsFor(QStringLiteral("/v5/market/risk-limit")).size(), 1);
    const QByteArray yaml = test::readFile(config_->filePath(QStringLiteral("tiers/bybit/BTCUSDT.yaml")));
    QVERIFY2(yaml.contains("notionalFloor: 2000000") && yaml.contains("cum: 2760"), yaml.constData());
    QVERIFY(!yaml.contains("placeholder"));
    // 150 BTC @ 20,000 = 3,000,000 → tier 3 (2.6 M–3.2 M): MMR 0.62 %, MMD 2,760, 50x:
    //   LP = 20,000 · (1 − 0.02 + 0.0062) − 2,760/150 = 19,724 − 18.40 = 19,705.60
    QCOMPARE(cents(liq(QStringLiteral("--exchange bybit --symbol BTCUSDT --side long --entry 20000 --leverage 50 --qty 150"))),
             1970560);
}

void TstTiersFetch::okx() {
    auto r = cli(QStringLiteral("tiers fetch --exchange okx --symbol BTCUSDT --base-url ") + server_->baseUrl());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // 25 BTC is past tier 1's 20 BTC → tier 2, MMR 0.6 %, fee 0.05 % (the default when no file was there):
    //   long 25 @ 50,000, 10x: LP = 45,000 / (1 − 0.006 − 0.0005) = 45,000 / 0.9935 = 45,294.41
    QCOMPARE(cents(liq(QStringLiteral("--exchange okx --symbol BTCUSDT --side long --entry 50000 --leverage 10 --qty 25"))), 4529441);
    // 10 BTC stays in tier 1: 45,000 / 0.9955 = 45,203.42
    QCOMPARE(cents(liq(QStringLiteral("--exchange okx --symbol BTCUSDT --side long --entry 50000 --leverage 10 --qty 10"))), 4520342);
}

void TstTiersFetch::hyperliquid() {
    auto r = cli(QStringLiteral("tiers fetch --exchange hyperliquid --base-url ") + server_->baseUrl());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto posts = server_->requestsFor(QStringLiteral("/info"));
    QCOMPARE(posts.size(), 2);  // BTCUSDT and ETHUSDT
    QCOMPARE(posts.front().method, QByteArray("POST"));
    // BTC max 50x → mmr 1 %: long 1 @ 100,000, 10x: 90,000 / 0.99 = 90,909.09
    QCOMPARE(cents(liq(QStringLiteral("--exchange hyperliquid --symbol BTCUSDT --side long --entry 100000 --leverage 10 --qty 1"))),
             9090909);
    // ETH max 25x → mmr 2 %: short 1 @ 2,000, 5x: (2,000 + 400) / 1.02 = 2,352.94
    QCOMPARE(cents(liq(QStringLiteral("--exchange hyperliquid --symbol ETHUSDT --side short --entry 2000 --leverage 5 --qty 1"))),
             235294);
}

void TstTiersFetch::badResponsesKeepTheFile() {
    const QString file = config_->filePath(QStringLiteral("tiers/bybit/BTCUSDT.yaml"));
    QVERIFY(test::writeFile(file, "kept\n"));
    auto check = [&](const QByteArray &body, const char *mentions) {
        QVERIFY(test::writeFile(www_->filePath(QStringLiteral("v5/market/risk-limit")), body));
        auto r = cli(QStringLiteral("tiers fetch --exchange bybit --symbol BTCUSDT --base-url ") + server_->baseUrl());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QCOMPARE(test::readFile(file), QByteArray("kept\n"));
    };
    check(R"({"retCode":10001,"retMsg":"params error","result":{}})", "10001");
    check("{not json", "risk-limit response");
    // A deduction that breaks MMD(2) = 2,000,000 × 0.0006 = 1,200.
    QByteArray wrong = kBybit;
    wrong.replace("\"mmDeduction\":\"1200\"", "\"mmDeduction\":\"999\"");
    check(wrong, "cum");
    check(R"({"retCode":0,"result":{"list":[{"symbol":"BTCUSDT","riskLimitValue":"x","maintenanceMargin":"0.005","maxLeverage":"100"}]}})",
          "riskLimitValue");
}

void TstTiersFetch::serverDown() {
    QTcpServer probe;  // a port that was free a moment ago: nothing listens there now
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    auto r = cli(QStringLiteral("tiers fetch --exchange okx --base-url http://127.0.0.1:%1").arg(port));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("127.0.0.1"), r.err.constData());
}

LHM_TEST_MAIN(TstTiersFetch)
#include "tst_tiersfetch.moc"
