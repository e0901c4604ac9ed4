// Live mode in the main window against a real WebSocket server on 127.0.0.1 replaying Binance
// forceOrder frames: the Live toggle starts the feed, the shown symbol's liquidations become
// bubbles on the heatmap (others do not), the tape lists them, and the connection light turns green.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "RecordedFrames.h"
#include "WsReplayServer.h"
#include "config/LeverageTiers.h"
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapView.h"
#include "live/ConnectionLights.h"
#include "live/LiveTapeModel.h"
#include "live/LiveTapePanel.h"
#include "main/LiveWiring.h"
#include "main/MainWindow.h"
#include "map/LiquidationMapView.h"
#include "main/SignalWiring.h"
#include "heatmap/HeatmapLegend.h"
#include "heatmap/SignalOverlay.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QSet>
#include <QTemporaryDir>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

namespace {
QString forceOrder(const char *symbol, const char *side, const char *qty, const char *price, qint64 t) {
    return QStringLiteral(R"({"e":"forceOrder","E":%5,"o":{"s":"%1","S":"%2","o":"LIMIT","f":"IOC","q":"%3","p":"%4",)"
                          R"("ap":"%4","X":"FILLED","l":"%3","z":"%3","T":%5}})")
        .arg(QLatin1String(symbol), QLatin1String(side), QLatin1String(qty), QLatin1String(price))
        .arg(t);
}
QString aggTrade(const char *price, qint64 t) {
    return QStringLiteral(R"({"e":"aggTrade","E":%2,"s":"BTCUSDT","a":5933014,"p":"%1","q":"0.100","f":100,"l":105,"T":%2,"m":true})")
        .arg(QLatin1String(price))
        .arg(t);
}
// The main window over `db` with the fake engine (the fixture grid of 1-2 May 2024), shown.
std::unique_ptr<MainWindow> openWindow(const QString &db, const QString &settings,
                                       std::shared_ptr<test::FakeBackendState> state = std::make_shared<test::FakeBackendState>()) {
    MainWindowOptions o;
    o.dbPath = db;
    o.settingsPath = settings;
    o.firstRunDialog = false;
    auto *engine = new CoreEngine(o.dbPath, test::fakeBackend(std::move(state)));
    auto w = std::make_unique<MainWindow>(o, engine);
    engine->setParent(w.get());
    w->show();
    return w;
}
// Distinct colours inside the heatmap's axis rect as drawn now: a blank plot has the background,
// grid lines and candles only (a handful); the colour map adds a gradient's worth.
int coloursInAxisRect(HeatmapView &v) {
    QCustomPlot *plot = v.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage img = plot->toPixmap().toImage();
    const QRect r = plot->axisRect()->rect().intersected(img.rect());
    QSet<QRgb> seen;
    for (int y = r.top(); y <= r.bottom(); y += 2)
        for (int x = r.left(); x <= r.right(); x += 2) seen.insert(img.pixel(x, y));
    return int(seen.size());
}
}  // namespace

class TestLiveWiring : public QObject {
    Q_OBJECT
private slots:
    void liveBubblesTapeAndLights() {
        const qint64 t = test::makeGrid()->times[10];
        test::WsReplayServer server({forceOrder("BTCUSDT", "SELL", "2.000", "60300.0", t),
                                     forceOrder("ETHUSDT", "BUY", "10.000", "3000.0", t + 1000),
                                     forceOrder("BTCUSDT", "BUY", "0.500", "60800.0", t + 2000)});
        QVERIFY(server.listen());
        // A config that points Binance at the local server (and its REST backfill nowhere).
        QTemporaryDir cfg;
        QVERIFY(test::writeBinanceReplayConfig(cfg.path(), server.url()));
        qputenv("LHM_CONFIG_DIR", cfg.path().toUtf8());
        // The folder stands alone: it holds the tier files the session's models price with
        // (BTCUSDT bracket 1: 125x, maintenance 0.4 %).
        auto tiers = LeverageTiers::load(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
        QVERIFY2(tiers, tiers ? "" : qPrintable(tiers.error().toString()));
        QCOMPARE(tiers->tiers().front().maxLeverage, 125.0);
        QCOMPARE(tiers->tiers().front().mmr, 0.004);

        test::TempStore ts;
        QTemporaryDir dir;
        auto window = openWindow(ts.path, dir.filePath(QStringLiteral("s.ini")));
        MainWindow &w = *window;
        QTRY_VERIFY(w.heatmapView()->grid());
        LiveWiring *live = w.live();
        QVERIFY(!live->tapeDock()->isVisible());
        live->toggleAction()->trigger();
        QVERIFY(live->isRunning());
        QVERIFY(live->toggleAction()->isChecked());
        QVERIFY(live->tapeDock()->isVisible());

        // Two BTCUSDT liquidations become bubbles; the ETHUSDT one only reaches the tape.
        QTRY_COMPARE_WITH_TIMEOUT(w.heatmapView()->bubbleCount(), 2, 10000);
        QTRY_COMPARE(live->tape()->model()->rowCount(), 3);
        auto tracers = w.heatmapView()->plot()->findChildren<QCPItemTracer *>();
        QCOMPARE(tracers.size(), 2);
        QList<double> prices;
        for (auto *tr : tracers) prices << tr->position->value();
        std::sort(prices.begin(), prices.end());
        QCOMPARE(prices, QList<double>({60300.0, 60800.0}));
        // $120,600 liquidated long is a larger bubble than $30,400 short.
        double bigger = 0, smaller = 1e9;
        for (auto *tr : tracers) (tr->position->value() == 60300.0 ? bigger : smaller) = tr->size();
        QVERIFY2(bigger > smaller, qPrintable(QStringLiteral("%1 vs %2").arg(bigger).arg(smaller)));
        QTRY_COMPARE(live->lights()->light(QStringLiteral("binance")), ConnectionLights::Light::Green);

        // A trade at 60,150 in the last candle rolls the heatmap forward: every long level at or
        // above it (rows 2..9, lower edges 60,200..60,900) is consumed in the last column, the
        // levels below stay, and the consumed ones become predicted liquidations.
        const GridPtr before = w.heatmapView()->grid();
        QCOMPARE(before->longAt(23, 5), float(1100000 + 2300 + 5));
        server.appendFrames({aggTrade("60150.0", before->times[23] + 600'000)});
        QTRY_VERIFY_WITH_TIMEOUT(w.heatmapView()->grid() != before, 10000);
        const GridPtr after = w.heatmapView()->grid();
        QCOMPARE(after->cols(), before->cols());
        QCOMPARE(after->longAt(23, 5), 0.f);
        QCOMPARE(after->longAt(23, 9), 0.f);
        QCOMPARE(after->longAt(23, 1), before->longAt(23, 1));
        QCOMPARE(after->longAt(22, 5), before->longAt(22, 5));  // history is not rewritten
        QVERIFY(after->predicted.size() > before->predicted.size());
        QVERIFY(live->liveHeatmap().consumedNotional() > 0);
        QCOMPARE(w.heatmapView()->bubbleCount(), 2);  // bubbles survive the redraw
        // The colour map follows (reduced on a worker): cell (23, 5) now holds the shorts only.
        QTRY_COMPARE(w.heatmapView()->layer()->colorMap()->data()->cell(23, 5), 550000.0 + 23 + 50);
        // For people reviewing live mode: LHM_SHOT_DIR=/some/dir keeps a picture of this moment.
        if (const QString shots = qEnvironmentVariable("LHM_SHOT_DIR"); !shots.isEmpty()) {
            w.resize(1600, 900);
            QApplication::processEvents();
            QVERIFY(w.grab().save(QDir(shots).filePath(QStringLiteral("live-window.png"))));
        }

        // Live off: the engine's grid again over the whole window, and the lights read "off"
        // (grey), not red: turning live off is not an error.
        w.heatmapView()->plot()->xAxis->setRange(before->times[20] / 1000.0, before->times[23] / 1000.0);
        live->toggleAction()->trigger();
        QVERIFY(!live->isRunning());
        QCOMPARE(w.heatmapView()->grid(), w.session()->baseGrid());
        QCOMPARE(w.heatmapView()->grid()->longAt(23, 5), float(1100000 + 2300 + 5));
        QCOMPARE(w.heatmapView()->plot()->xAxis->range().lower, before->times.front() / 1000.0);
        QCOMPARE(w.heatmapView()->plot()->xAxis->range().upper, (before->times.back() + before->intervalMs) / 1000.0);
        QCOMPARE(live->lights()->light(QStringLiteral("binance")), ConnectionLights::Light::Off);
        QVERIFY(live->lights()->isVisible());
        QVERIFY(live->lights()->tooltip(QStringLiteral("binance")).contains(QStringLiteral("live mode is off")));
        QTest::qWait(300);  // the feed's last health report ("stopped") must not turn it red
        QCOMPARE(live->lights()->light(QStringLiteral("binance")), ConnectionLights::Light::Off);
        qunsetenv("LHM_CONFIG_DIR");
    }

    // History that ends months before the stream (the fixture's grid of 1-2 May 2024; the first
    // 300 real BTCUSDT trades of the hftbacktest capture of 2024-08-08, 61,800.0 ... 61,809.5):
    // nothing is rolled into today. The view shows the stream on its own: the trades as a price
    // trace named in the legend, no signal computed on the old history, the banner saying why.
    // Live off gives the estimate's own view, legend and price back (60,443, the last close).
    void historyTooOldShowsTheStreamOnItsOwn() {
        const QStringList frames = test::recordedBtcTrades(300);
        QCOMPARE(frames.size(), 300);
        test::WsReplayServer server(frames);
        // Six seconds of stream: on a loaded machine the session may take a second or more to
        // decide the history is too old, and ticks before that are not part of the trace.
        server.setRate(50);
        QVERIFY(server.listen());
        QTemporaryDir cfg;
        QVERIFY(test::writeBinanceReplayConfig(cfg.path(), server.url()));
        qputenv("LHM_CONFIG_DIR", cfg.path().toUtf8());
        test::TempStore ts;
        QTemporaryDir dir;
        auto window = openWindow(ts.path, dir.filePath(QStringLiteral("s.ini")));
        MainWindow &w = *window;
        w.resize(1400, 860);
        QTRY_VERIFY(w.heatmapView()->grid());
        QTRY_VERIFY(!w.signalWiring()->isComputing());
        QVERIFY(!w.signalWiring()->overlay()->badgeText().isEmpty());
        const QString traceName = QStringLiteral("Live trades (price)");
        QVERIFY(!w.heatmapView()->legend()->entries().contains(traceName));

        w.live()->toggleAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.heatmapView()->isLiveOnly(), 10000);
        QCOMPARE(w.session()->liveState(), LiveState::HistoryTooOld);
        // The map follows the same rule: no map of May presented as August's, the reason said
        // instead (the fixture history ends 2024-05-02 00:00 UTC), also after a recompute.
        QTRY_VERIFY(w.mapView()->isLiveOnly());
        QVERIFY(w.mapView()->isShowingEmpty());
        QVERIFY2(w.mapView()->emptyText().contains(QStringLiteral("No liquidation map for the live market")),
                 qPrintable(w.mapView()->emptyText()));
        QVERIFY2(w.mapView()->emptyText().contains(QStringLiteral("The history ends 2024-05-02 00:00 UTC")),
                 qPrintable(w.mapView()->emptyText()));
        QTRY_VERIFY(w.session()->isSettled());
        w.session()->reload();
        QTRY_VERIFY(w.session()->isSettled());
        QVERIFY(w.session()->map());
        QVERIFY(w.mapView()->isShowingEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(w.heatmapView()->liveTracePoints() >= 10, 10000);
        QVERIFY(w.heatmapView()->legend()->entries().contains(traceName));
        QTRY_COMPARE(w.signalWiring()->overlay()->badgeText(), QString());
        QVERIFY(w.bannerText().contains(QStringLiteral("could not be backfilled")));
        const double shown = w.heatmapView()->shownPrice();
        QVERIFY2(shown >= 61800.0 && shown <= 61809.5, qPrintable(QString::number(shown)));
        const QCPRange y = w.heatmapView()->plot()->yAxis->range();
        QVERIFY2(y.lower < 61800.0 && y.upper > 61809.5 && y.size() < 200, qPrintable(QStringLiteral("%1 %2").arg(y.lower).arg(y.upper)));

        w.live()->toggleAction()->trigger();
        const GridPtr g = w.heatmapView()->grid();
        QVERIFY(!w.heatmapView()->isLiveOnly());
        QCOMPARE(w.heatmapView()->liveTracePoints(), 0);
        QVERIFY(!w.heatmapView()->legend()->entries().contains(traceName));
        QCOMPARE(w.heatmapView()->priceTagText(), QStringLiteral("60443"));
        QCOMPARE(w.heatmapView()->plot()->xAxis->range().lower, g->times.front() / 1000.0);
        QTRY_VERIFY(!w.signalWiring()->overlay()->badgeText().isEmpty());
        // Live off: the map of the history is back, as the history's (its own title and time).
        QVERIFY(!w.mapView()->isLiveOnly());
        QVERIFY(!w.mapView()->isShowingEmpty());
        QCOMPARE(w.mapView()->map(), w.session()->map());
        qunsetenv("LHM_CONFIG_DIR");
    }

    // History fresh enough to roll forward: the fixture day moved to 2024-08-08 (hourly columns
    // 00:00 ... 23:00 UTC) and up 1,400 USD (rows 61,400 ... 62,400), so the first 300 recorded
    // trades (23:54:16 ... 23:59 UTC, 61,800.0 ... 61,809.5) fall in its last column. Turning Live
    // on keeps the heatmap on screen (issue 8: "Live on blanks the heatmap until Fit is pressed"):
    // the view still spans the grid, and the colour map is drawn, before and after the trades
    // rolled the grid forward and after the recompute Live on asks for.
    void liveOnOverFreshHistoryKeepsTheHeatmap() {
        const QStringList frames = test::recordedBtcTrades(300);
        QCOMPARE(frames.size(), 300);
        test::WsReplayServer server(frames);
        server.setRate(100);
        QVERIFY(server.listen());
        QTemporaryDir cfg;
        QVERIFY(test::writeBinanceReplayConfig(cfg.path(), server.url()));
        qputenv("LHM_CONFIG_DIR", cfg.path().toUtf8());
        auto state = std::make_shared<test::FakeBackendState>();
        // 2024-05-01 -> 2024-08-08 00:00 UTC
        state->adjustGrid = [shift = 1723075200000LL - 1714521600000LL](HeatmapGrid &g) { test::shiftGrid(g, shift, 1400); };
        test::TempStore ts;
        QTemporaryDir dir;
        auto window = openWindow(ts.path, dir.filePath(QStringLiteral("s.ini")), state);
        MainWindow &w = *window;
        w.resize(1400, 860);
        QTRY_VERIFY(w.heatmapView()->grid() && w.session()->isSettled());
        const GridPtr before = w.heatmapView()->grid();
        QCOMPARE(before->times.back(), 1723158000000LL);  // 2024-08-08 23:00 UTC
        QTest::qWait(100);
        const int offColours = coloursInAxisRect(*w.heatmapView());
        QVERIFY2(offColours > 40, qPrintable(QString::number(offColours)));

        w.live()->toggleAction()->trigger();
        QVERIFY(w.live()->isRunning());
        // The trades roll the grid forward (a new grid object); the view keeps showing it.
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->gridOrigin() == GridOrigin::Live, 10000);
        QCOMPARE(w.session()->liveState(), LiveState::Rolling);
        QVERIFY(!w.heatmapView()->isLiveOnly());
        QVERIFY(!w.heatmapView()->isShowingEmpty());
        QVERIFY(!w.mapView()->isLiveOnly());
        QTRY_VERIFY_WITH_TIMEOUT(w.heatmapView()->grid() != before, 10000);
        QTest::qWait(300);  // the reduction of the rolled grid runs on the thread pool
        const GridPtr rolled = w.heatmapView()->grid();
        const QCPRange x = w.heatmapView()->plot()->xAxis->range();
        QVERIFY2(x.lower < (rolled->times.back() + rolled->intervalMs) / 1000.0 && x.upper > rolled->times.front() / 1000.0,
                 qPrintable(QStringLiteral("%1 %2").arg(x.lower).arg(x.upper)));
        QVERIFY(w.heatmapView()->layer()->colorMap()->visible());
        QVERIFY(w.heatmapView()->layer()->colorMap()->data()->keySize() > 1);
        const int liveColours = coloursInAxisRect(*w.heatmapView());
        QVERIFY2(liveColours > 40, qPrintable(QStringLiteral("%1 colours live, %2 before").arg(liveColours).arg(offColours)));
        w.live()->toggleAction()->trigger();
        QVERIFY(!w.live()->isRunning());
        QTest::qWait(100);
        QVERIFY(coloursInAxisRect(*w.heatmapView()) > 40);
        qunsetenv("LHM_CONFIG_DIR");
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestLiveWiring)
#include "tst_livewiring.moc"
