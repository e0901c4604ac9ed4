// The live widgets fed by real feeds: LiveController against loopback replay servers (Binance with
// the 49 real BTCUSDT/ETHUSDT liquidations of the chiefJurist capture, Bybit and Hyperliquid with
// documented frames, OKX pointed at a closed port), driving LiveTapePanel and ConnectionLights.
// Checks rows, the size filter, the lights and their tooltips, the refresh coalescing under a
// flood, and saves /tmp/lhm-shots/live.png.
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "common/Theme.h"
#include "config/ExchangesConfig.h"
#include "feeds/LiveController.h"
#include "live/ConnectionLights.h"
#include "live/LiveTapeModel.h"
#include "live/LiveTapePanel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QTableView>
#include <QTcpServer>
#include <QTimer>
#include <QVBoxLayout>

using namespace lhm;
using namespace lhm::feeds;
using namespace lhm::test;
using lhm::ui::ConnectionLights;
using lhm::ui::LiveTapePanel;

namespace {

struct Binance {
    QStringList frames;
    std::vector<LiquidationEvent> events;
};

Binance realBinanceFrames() {
    Binance b;
    const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("chiefJurist-binance-forceorder-csv/binance_liquidations.csv"))).split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.trimmed().split(',');
        if (f.size() != 6 || (f[1] != "BTCUSDT" && f[1] != "ETHUSDT")) continue;
        const qint64 t = QDateTime::fromString(QString::fromLatin1(f[0].left(23)), Qt::ISODateWithMs).toUTC().toMSecsSinceEpoch();
        b.frames << QString::fromLatin1(R"({"e":"forceOrder","E":%1,"o":{"s":"%2","S":"%3","o":"LIMIT","f":"IOC","q":"%4","p":"%5","ap":"%5","X":"FILLED","l":"%4","z":"%4","T":%6}})")
                        .arg(t + 2).arg(QString::fromLatin1(f[1]), QString::fromLatin1(f[2]), QString::fromLatin1(f[4]), QString::fromLatin1(f[3])).arg(t);
        b.events.push_back({QStringLiteral("binance"), QString::fromLatin1(f[1]), f[2] == "SELL" ? Side::Long : Side::Short,
                            f[3].toDouble(), f[4].toDouble(), f[3].toDouble() * f[4].toDouble(), t, 0});
    }
    return b;
}

}  // namespace

class TestLiveFeed : public QObject {
    Q_OBJECT
private slots:
    void tapeAndLightsFromReplayedFeeds() {
        ui::Theme::apply(ui::Theme::Dark);
        const Binance bin = realBinanceFrames();
        QCOMPARE(bin.events.size(), size_t(49));
        WsReplayServer binance(bin.frames);
        binance.setRate(40);  // a live-looking trickle
        WsReplayServer bybit({QStringLiteral(R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1761125900000,"data":[{"T":1761125899990,"s":"BTCUSDT","S":"Buy","v":"0.5","p":"107800.4"}]})"),
                              QStringLiteral(R"({"topic":"allLiquidation.ETHUSDT","type":"snapshot","ts":1761125900100,"data":[{"T":1761125900050,"s":"ETHUSDT","S":"Sell","v":"12.5","p":"3850.61"}]})")});
        QStringList hlFrames;
        for (int i = 0; i < 400; ++i)
            hlFrames << QStringLiteral(R"({"channel":"trades","data":[{"coin":"BTC","side":"%1","px":"%2","sz":"0.01","time":%3,"hash":"0x0","tid":%4,"users":["0xa","0xb"]}]})")
                            .arg(QLatin1String(i % 2 ? "A" : "B")).arg(107800.0 + i, 0, 'f', 1).arg(1761125900000 + i * 25).arg(1000 + i);
        WsReplayServer hyperliquid(hlFrames);
        hyperliquid.setRate(100);
        QVERIFY(binance.listen() && bybit.listen() && hyperliquid.listen());
        QTcpServer closed;  // a port with nobody listening: OKX keeps being refused
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 okxPort = closed.serverPort();
        closed.close();

        auto cfg = ExchangesConfig::loadFile(sourcePath(QStringLiteral("config/exchanges.yaml")));
        QVERIFY(cfg);
        LiveRequest req;
        req.exchanges = {QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx"), QStringLiteral("hyperliquid")};
        req.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
        req.urlOverrides = {{QStringLiteral("binance"), binance.url().toString()},
                            {QStringLiteral("bybit"), bybit.url().toString()},
                            {QStringLiteral("okx"), QStringLiteral("ws://127.0.0.1:%1/ws").arg(okxPort)},
                            {QStringLiteral("hyperliquid"), hyperliquid.url().toString()}};
        auto feeds = LiveController::resolve(*cfg, req);
        QVERIFY(feeds);
        for (FeedOptions &o : *feeds) o.healthIntervalMs = 100;

        QWidget window;
        window.resize(760, 520);
        auto *layout = new QVBoxLayout(&window);
        auto *lights = new ConnectionLights(&window);
        auto *tape = new LiveTapePanel(&window);
        layout->addWidget(lights);
        layout->addWidget(tape, 1);
        LiveController live;
        lights->connectTo(&live);
        tape->connectTo(&live);
        window.show();
        QVERIFY(live.start(std::move(*feeds)));

        QTRY_COMPARE_WITH_TIMEOUT(tape->model()->rowCount(), 51, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(lights->light(QStringLiteral("hyperliquid")) == ConnectionLights::Light::Green &&
                                     lights->light(QStringLiteral("binance")) == ConnectionLights::Light::Green &&
                                     lights->light(QStringLiteral("bybit")) == ConnectionLights::Light::Green &&
                                     lights->light(QStringLiteral("okx")) == ConnectionLights::Light::Red,
                                 5000);
        QVERIFY(lights->tooltip(QStringLiteral("hyperliquid")).contains(QLatin1String("No public liquidation stream")));
        QVERIFY(!lights->tooltip(QStringLiteral("binance")).contains(QLatin1String("No public liquidation stream")));
        QVERIFY(lights->tooltip(QStringLiteral("binance")).contains(QLatin1String("Parse errors: 0")));
        QVERIFY(lights->tooltip(QStringLiteral("okx")).contains(QLatin1String("State: reconnecting")));
        QVERIFY(lights->tooltip(QStringLiteral("bybit")).contains(QLatin1String("Reconnects: 0")));

        // Newest first: the top row is the last Binance event or one of Bybit's two (by arrival).
        int bybitRows = 0;
        double total = 0;
        for (int r = 0; r < tape->model()->rowCount(); ++r) {
            const LiquidationEvent &e = tape->model()->eventAt(r);
            bybitRows += e.exchange == QLatin1String("bybit");
            total += e.notional;
        }
        QCOMPARE(bybitRows, 2);
        double expected = 0.5 * 107800.4 + 12.5 * 3850.61;
        int bigOnes = 2;  // both Bybit events are >= $10k
        for (const LiquidationEvent &e : bin.events) {
            expected += e.notional;
            bigOnes += e.notional >= 10000;
        }
        QVERIFY(std::abs(total - expected) < 1e-6);
        tape->setMinNotional(10000);
        QCOMPARE(tape->model()->rowCount(), bigOnes);
        tape->setMinNotional(0);
        QCOMPARE(tape->model()->rowCount(), 51);

        QTest::qWait(300);  // let the hyperliquid trickle and tooltips settle
        QDir().mkpath(QStringLiteral("/tmp/lhm-shots"));
        QVERIFY(window.grab().save(QStringLiteral("/tmp/lhm-shots/live.png")));
        live.stop();
        QTRY_VERIFY_WITH_TIMEOUT(lights->light(QStringLiteral("binance")) == ConnectionLights::Light::Red, 2000);
    }

    // 10,000 events/s for a second straight into the panel: ~25 refreshes a second at most,
    // every event counted, the row count capped.
    void floodIsCoalesced() {
        LiveTapePanel panel;
        panel.setMaxRows(300);
        panel.resize(600, 400);
        panel.show();
        int n = 0;
        QElapsedTimer t;
        t.start();
        QTimer feeder;
        QObject::connect(&feeder, &QTimer::timeout, [&] {
            QList<LiquidationEvent> batch;
            const int due = int(std::min<qint64>(10000, t.elapsed() * 10));  // 10,000 events/s
            for (; n < due; ++n)
                batch.append({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), n % 2 ? Side::Long : Side::Short, 60000.0 + n,
                              0.01, (60000.0 + n) * 0.01, 1761125900000 + n, 0});
            panel.addEvents(batch);
        });
        feeder.start(1);
        QTRY_VERIFY_WITH_TIMEOUT(n >= 10000, 20000);
        feeder.stop();
        panel.model()->flush();
        const double seconds = double(t.elapsed()) / 1000.0;
        qInfo("%d events in %.2f s: %lld refreshes (%.1f/s)", n, seconds, panel.model()->refreshes(),
              double(panel.model()->refreshes()) / seconds);
        QVERIFY(seconds < 2.0);  // the rate really was ~10,000/s
        QVERIFY(double(panel.model()->refreshes()) <= 26.0 * seconds + 1);
        QCOMPARE(panel.model()->received(), qint64(10000));
        QCOMPARE(panel.model()->rowCount(), 300);
        QCOMPARE(panel.model()->eventAt(0).time, qint64(1761125900000 + 9999));  // newest on top
        QCOMPARE(panel.model()->eventAt(299).time, qint64(1761125900000 + 9700));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestLiveFeed)
#include "tst_livefeed.moc"
