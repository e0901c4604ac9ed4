// `liquidationheatmap --screenshot`: each view renders off-screen into a PNG whose colours vary;
// the real binary over a store with market history writes one and exits 0; no data or a missing
// database exits 2 with one clear line.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "RecordedFrames.h"
#include "WsReplayServer.h"
#include "main/ScreenshotRenderer.h"

#include <QApplication>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <cmath>

using namespace lhm;
using namespace lhm::ui;

namespace {
int distinctColours(const QImage &img) {
    QSet<QRgb> seen;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) seen.insert(img.pixel(x, y));
    return int(seen.size());
}

QString gui() { return qEnvironmentVariable("LHM_GUI"); }

test::CliRun runGui(const QStringList &args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(gui(), args);
    p.waitForFinished(180000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}
}  // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private slots:
    void everyViewRenders_data() {
        QTest::addColumn<QString>("view");
        QTest::newRow("heatmap") << QStringLiteral("heatmap");
        QTest::newRow("map") << QStringLiteral("map");
        QTest::newRow("compare") << QStringLiteral("compare");
        QTest::newRow("window") << QStringLiteral("window");
    }
    void everyViewRenders() {
        QFETCH(QString, view);
        test::TempStore ts;
        ScreenshotOptions o;
        o.dbPath = ts.path;
        o.view = view;
        // The whole window cannot shrink below its toolbar's width.
        o.size = view == QLatin1String("window") ? QSize(1400, 860) : QSize(1000, 620);
        o.output = ts.dir.filePath(view + QStringLiteral(".png"));
        QString error;
        QCOMPARE(ScreenshotRenderer::run(o, &error, test::fakeBackend(std::make_shared<test::FakeBackendState>())), 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QImage img(o.output);
        QCOMPARE(img.size(), o.size);
        const int colours = distinctColours(img);
        QVERIFY2(colours > 40, qPrintable(QString::number(colours)));
    }

    void badArgumentsAndNoData() {
        test::TempStore ts;
        ScreenshotOptions o;
        o.dbPath = ts.path;
        o.output = ts.dir.filePath(QStringLiteral("x.png"));
        QString error;
        o.window = QStringLiteral("5d");
        QCOMPARE(ScreenshotRenderer::run(o, &error, test::fakeBackend(std::make_shared<test::FakeBackendState>())), 2);
        QVERIFY(error.contains(QStringLiteral("unknown window '5d'")));
        o.window = QStringLiteral("7d");
        auto st = std::make_shared<test::FakeBackendState>();
        st->failWith = QStringLiteral("no candles for BTCUSDT");
        QCOMPARE(ScreenshotRenderer::run(o, &error, test::fakeBackend(st)), 2);
        QCOMPARE(error, QStringLiteral("no data for BTCUSDT binance 7d: no candles for BTCUSDT"));
        QVERIFY(!QFile::exists(o.output));
    }

    void binaryExitsTwoWithoutData() {
        QVERIFY2(!gui().isEmpty(), "LHM_GUI not set");
        test::TempStore ts;  // an empty store
        const QString png = ts.dir.filePath(QStringLiteral("none.png"));
        auto r = runGui({QStringLiteral("--db"), ts.path, QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                         QStringLiteral("--window"), QStringLiteral("7d"), QStringLiteral("--view"), QStringLiteral("heatmap"),
                         QStringLiteral("--screenshot"), png});
        QCOMPARE(r.exitCode, 2);
        // Exactly one line of ours (Qt may add its own environment notes, e.g. XDG_RUNTIME_DIR).
        QList<QByteArray> ours;
        for (const QByteArray &l : r.err.split('\n'))
            if (!l.isEmpty() && !l.startsWith("QStandardPaths:")) ours << l;
        QCOMPARE(ours.size(), 1);
        r.err = ours.front();
        QVERIFY2(r.err.startsWith("liquidationheatmap: no data for BTCUSDT"), r.err.constData());
        QVERIFY(!QFile::exists(png));
        r = runGui({QStringLiteral("--db"), ts.dir.filePath(QStringLiteral("missing.sqlite")), QStringLiteral("--screenshot"), png});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("does not exist"), r.err.constData());
    }

    void binaryRendersRealEngine() {
        test::TempStore ts;
        QVERIFY(test::fillSyntheticMarket(*ts.store));
        const QString png = ts.dir.filePath(QStringLiteral("real.png"));
        auto r = runGui({QStringLiteral("--db"), ts.path, QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"),
                         QStringLiteral("--window"), QStringLiteral("7d"), QStringLiteral("--view"), QStringLiteral("heatmap"),
                         QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("900x560")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImage img(png);
        QCOMPARE(img.size(), QSize(900, 560));
        QVERIFY(distinctColours(img) > 40);
    }

    // --live on|off: the window with Live turned on by its toggle against a replay of real Binance
    // trades (the hftbacktest capture of 2024-08-08), grabbed once a price arrived; "off" turns it
    // off again first. Without a price within the wait it fails with one line instead of a picture
    // of a half-started live mode.
    void liveWindowRenders() {
        const QStringList frames = test::recordedBtcTrades(400);
        QCOMPARE(frames.size(), 400);
        test::WsReplayServer server(frames);
        server.setRate(200);
        QVERIFY(server.listen());
        QTemporaryDir cfg;
        QVERIFY(test::writeBinanceReplayConfig(cfg.path(), server.url()));
        qputenv("LHM_CONFIG_DIR", cfg.path().toUtf8());
        test::TempStore ts;
        ScreenshotOptions o;
        o.dbPath = ts.path;
        o.view = QStringLiteral("window");
        o.size = QSize(1400, 860);
        o.liveMs = 300;
        QString error;
        for (const QString &mode : {QStringLiteral("on"), QStringLiteral("off")}) {
            o.live = mode;
            o.output = ts.dir.filePath(mode + QStringLiteral(".png"));
            QCOMPARE(ScreenshotRenderer::run(o, &error, test::fakeBackend(std::make_shared<test::FakeBackendState>())), 0);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(QImage(o.output).size(), o.size);
        }
        QVERIFY(server.subscriptions() >= 2);
        o.live = QStringLiteral("yes");
        QCOMPARE(ScreenshotRenderer::run(o, &error, test::fakeBackend(std::make_shared<test::FakeBackendState>())), 2);
        QCOMPARE(error, QStringLiteral("--live takes on or off, not 'yes'"));
        o.live = QStringLiteral("on");
        o.view = QStringLiteral("heatmap");
        QCOMPARE(ScreenshotRenderer::run(o, &error, test::fakeBackend(std::make_shared<test::FakeBackendState>())), 2);
        QCOMPARE(error, QStringLiteral("--live needs --view window"));
        qunsetenv("LHM_CONFIG_DIR");
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestScreenshot)
#include "tst_screenshot.moc"
