// "An exchange server that is down leaves the aggregate working with that exchange named as
// missing", end to end: loopback Bybit and OKX servers speaking their documented REST protocols
// (tests/support/ExchangeServers.h) fill a real store through `lhm download`; on the second day
// OKX's server is gone. The download of OKX exits 1 naming its (redacted) address, Bybit's lands,
// and `lhm heatmap --exchange all --json` and the main window (All exchanges) both sum Bybit and
// name OKX as left out. The market (ExchangeServers.h): two days from 2024-05-01T00:00Z, one
// 5-minute open-interest point per 5 minutes, the same layout on both venues.
#include "ExchangeServers.h"
#include "TestSupport.h"
#include "main/ControlBar.h"
#include "main/MainWindow.h"
#include "engine/ExchangeAggregate.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::test;
using namespace lhm::ui;

namespace {

QStringList downloadArgs(const QString &db, const QString &exchange, const QString &base, const QString &day) {
    return {QStringLiteral("--db"), db, QStringLiteral("download"), QStringLiteral("--exchange"), exchange,
            QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"), day, QStringLiteral("--to"), day,
            QStringLiteral("--types"), QStringLiteral("open_interest,klines,funding"), QStringLiteral("--base-url"), base,
            QStringLiteral("--retry-delay"), QStringLiteral("0")};
}

QJsonObject exchangeEntry(const QJsonArray &list, const QString &name) {
    for (const QJsonValue &v : list)
        if (v.toObject().value(QStringLiteral("exchange")).toString() == name) return v.toObject();
    return {};
}

}  // namespace

class TestExchangeDown : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void downExchangeNamedAsMissing() {
        GeneratedMarket m;
        m.day = 1714521600000LL;  // 2024-05-01T00:00:00Z
        m.minutes = 2 * 1440;
        m.oiPoints = 2 * 288;
        m.fundingPoints = 6;
        const QString db = dir_.filePath(QStringLiteral("s.sqlite"));
        HttpTestServer bybit;
        QVERIFY(bybit.start(QString()));
        bybit.setHandler(bybitServer(m));
        auto okx = std::make_unique<HttpTestServer>();
        QVERIFY(okx->start(QString()));
        okx->setHandler(okxServer(m));
        const QString okxBase = okx->baseUrl();

        // Day 1: both servers up, both venues import.
        for (const auto &[name, base] : {std::pair{QStringLiteral("bybit"), bybit.baseUrl()}, std::pair{QStringLiteral("okx"), okxBase}}) {
            const CliRun r = runCli(downloadArgs(db, name, base, QStringLiteral("2024-05-01")));
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        // Day 2: OKX's server is gone (its port refuses connections).
        okx.reset();
        CliRun r = runCli(downloadArgs(db, QStringLiteral("okx"), okxBase, QStringLiteral("2024-05-02")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot reach %1/api/v5/").arg(okxBase).toUtf8()), r.err.constData());
        r = runCli(downloadArgs(db, QStringLiteral("bybit"), bybit.baseUrl(), QStringLiteral("2024-05-02")));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM open_interest WHERE exchange='bybit'")), qint64(576));
        QCOMPARE(sqlScalar(db, QStringLiteral("SELECT COUNT(*) FROM open_interest WHERE exchange='okx'")), qint64(288));

        // The aggregate: Bybit alone is summed (share 1); OKX's data ends a day before Bybit's
        // (last OI point 05-01 23:55 vs 05-02 23:55: 24.0 h, beyond the 2 h limit): stale, share 0;
        // Binance and Hyperliquid hold nothing: no_data, share 0.
        r = runCli({QStringLiteral("--db"), db, QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                    QStringLiteral("--window"), QStringLiteral("24h"), QStringLiteral("--exchange"), QStringLiteral("all"),
                    QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray ex = doc.value(QStringLiteral("exchanges")).toArray();
        QCOMPARE(ex.size(), 4);
        QCOMPARE(exchangeEntry(ex, QStringLiteral("bybit")).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(exchangeEntry(ex, QStringLiteral("bybit")).value(QStringLiteral("share")).toDouble(), 1.0);
        const QJsonObject okxEntry = exchangeEntry(ex, QStringLiteral("okx"));
        QCOMPARE(okxEntry.value(QStringLiteral("status")).toString(), QStringLiteral("stale"));
        QCOMPARE(okxEntry.value(QStringLiteral("share")).toDouble(), 0.0);
        QCOMPARE(okxEntry.value(QStringLiteral("reason")).toString(), QStringLiteral("okx data ends 24.0 h before the newest exchange's"));
        for (const char *none : {"binance", "hyperliquid"}) {
            const QJsonObject e = exchangeEntry(ex, QLatin1String(none));
            QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("no_data"));
            QCOMPARE(e.value(QStringLiteral("share")).toDouble(), 0.0);
        }

        // The main window on the same store, All exchanges picked: the banner sums Bybit and
        // names OKX (and the two empty venues) as left out.
        MainWindowOptions o;
        o.dbPath = db;
        o.settingsPath = dir_.filePath(QStringLiteral("settings.ini"));
        o.firstRunDialog = false;
        o.exchanges = allExchanges();  // as the app does from config/exchanges.yaml
        MainWindow w(o);
        w.resize(1400, 850);
        w.show();
        QComboBox *box = w.controlBar()->exchangeBox();
        box->setCurrentIndex(box->findData(QStringLiteral("all")));
        QVERIFY(box->findData(QStringLiteral("all")) >= 0);
        QTRY_VERIFY2_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("Exchanges summed")), qPrintable(w.bannerText()), 30000);
        QVERIFY2(w.bannerText().contains(QStringLiteral("Exchanges summed: Bybit 100.0 %. Left out: Binance (no data), "
                                                        "OKX (data ends 24.0 h before the newest venue's), Hyperliquid (no data).")),
                 qPrintable(w.bannerText()));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestExchangeDown)
#include "tst_exchangedown.moc"
