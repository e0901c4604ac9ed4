// The main window off-screen with hand-made grids behind CoreEngine: every dropdown changes what
// the views show (checked on colour-map cells and bar heights), state comes back on the next
// start, stale data raises the banner, and an empty or corrupt store gives a helpful empty state.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "data/DataManagerDialog.h"
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapView.h"
#include "common/ElidedLabel.h"
#include "main/ControlBar.h"
#include "main/StatusPanel.h"
#include "main/MainWindow.h"
#include "main/ViewCoordinator.h"
#include "main/ViewRegistry.h"
#include "compare/ModelComparisonView.h"
#include "exchanges/ExchangesView.h"
#include "main/WindowHost.h"
#include "main/LiveWiring.h"

#include <QComboBox>
#include <QDateTime>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include "map/LiquidationMapView.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString settingsPath() const { return dir_.filePath(QStringLiteral("settings.ini")); }

    struct Fixture {
        test::TempStore store;
        std::shared_ptr<test::FakeBackendState> state = std::make_shared<test::FakeBackendState>();
        CoreEngine *engine = nullptr;
        std::unique_ptr<MainWindow> window;
    };

    std::unique_ptr<Fixture> open(const Clock *clock = nullptr, bool cached = false) {
        auto f = std::make_unique<Fixture>();
        f->state->cached = cached;
        MainWindowOptions o;
        o.dbPath = f->store.path;
        o.settingsPath = settingsPath();
        o.firstRunDialog = false;
        o.clock = clock;
        f->engine = new CoreEngine(o.dbPath, test::fakeBackend(f->state));
        f->window = std::make_unique<MainWindow>(o, f->engine);
        f->engine->setParent(f->window.get());
        f->window->resize(1400, 850);
        f->window->show();
        return f;
    }

    static bool shows(MainWindow &w, const QString &symbol, const QString &window, const QString &model, double bucket = 100) {
        const GridPtr &g = w.heatmapView()->grid();
        const MapPtr &m = w.mapView()->map();
        return g && g->symbol == symbol && g->window == window && g->model == model && g->bucketSize == bucket &&
               g->computedAt != 1 && m && m->symbol == symbol && m->window == window && m->model == model;
    }
    static double cell(MainWindow &w, int c, int r) { return w.heatmapView()->layer()->colorMap()->data()->cell(c, r); }

private slots:
    void init() { QFile::remove(settingsPath()); }

    // The symbol box is editable, so picking goes through the index as a click does.
    static void pick(QComboBox *box, const QString &text) { box->setCurrentIndex(box->findText(text)); }

    // Models show readable names (the identifier stays the data); any symbol can be typed.
    void readableModelsAndTypedSymbol() {
        auto f = open();
        MainWindow &w = *f->window;
        QTRY_VERIFY(w.heatmapView()->grid());
        QComboBox *models = w.controlBar()->modelBox();
        QCOMPARE(models->currentText(), QStringLiteral("Open-interest model"));
        QCOMPARE(models->currentData().toString(), QStringLiteral("binance_standard"));
        QCOMPARE(models->itemText(models->findData(QStringLiteral("ensemble"))), QStringLiteral("Ensemble"));
        QVERIFY(w.heatmapView()->findChild<QLabel *>(QStringLiteral("heatmapReadout")) == nullptr);  // a tooltip now
        QComboBox *symbols = w.controlBar()->symbolBox();
        QVERIFY(symbols->isEditable());
        QVERIFY(symbols->completer());
        symbols->lineEdit()->setText(QStringLiteral("solusdt"));
        emit symbols->lineEdit()->editingFinished();
        QCOMPARE(w.session()->selection().symbol, QStringLiteral("SOLUSDT"));
        QTRY_VERIFY(w.heatmapView()->grid() && w.heatmapView()->grid()->symbol == QStringLiteral("SOLUSDT"));
    }

    // View → Language switches at once: the window is rebuilt in the new language, keeping the view.
    void languageSwitchesAtOnce() {
        QTemporaryDir dir;
        test::TempStore ts;
        MainWindowOptions o;
        o.dbPath = ts.path;
        o.settingsPath = dir.filePath(QStringLiteral("s.ini"));
        o.firstRunDialog = false;
        WindowHost host(o);
        host.show();
        MainWindow *before = host.window();
        QCOMPARE(before->tabs()->tabText(0), QStringLiteral("Heatmap"));
        QAction *zh = nullptr;
        for (QAction *a : before->findChildren<QAction *>())
            if (a->text() == QStringLiteral("简体中文")) zh = a;
        QVERIFY(zh);
        zh->trigger();
        QTRY_VERIFY(host.window() != before);
        QCOMPARE(host.window()->tabs()->tabText(0), QStringLiteral("热力图"));
        QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));  // date axes follow the language
        for (QAction *a : host.window()->findChildren<QAction *>())
            if (a->text() == QStringLiteral("English")) a->trigger();
        QTRY_COMPARE(host.window()->tabs()->tabText(0), QStringLiteral("Heatmap"));
    }

    void dropdownsSwitchTheViews() {
        auto f = open();
        MainWindow &w = *f->window;
        QTRY_VERIFY(shows(w, QStringLiteral("BTCUSDT"), QStringLiteral("7d"), QStringLiteral("binance_standard")));
        // Both sides at (7, 4): long 1,100,704 + short 550,047.
        QCOMPARE(cell(w, 7, 4), 1650751.0);
        QCOMPARE(w.mapView()->bars(Side::Long, 0)->data()->at(4)->value, 1140.0);
        QCOMPARE(w.controlBar()->symbolBox()->count(), 2);  // the defaults while the store is empty

        pick(w.controlBar()->symbolBox(), QStringLiteral("ETHUSDT"));
        QTRY_VERIFY(shows(w, QStringLiteral("ETHUSDT"), QStringLiteral("7d"), QStringLiteral("binance_standard")));
        QCOMPARE(cell(w, 7, 4), 2100704.0 + 1050047.0);
        QCOMPARE(w.mapView()->bars(Side::Long, 0)->data()->at(4)->value, 2140.0);

        w.controlBar()->windowBox()->setCurrentText(QStringLiteral("30d"));
        QTRY_VERIFY(shows(w, QStringLiteral("ETHUSDT"), QStringLiteral("30d"), QStringLiteral("binance_standard")));
        QCOMPARE(cell(w, 7, 4), 2200704.0 + 1100047.0);
        QCOMPARE(w.mapView()->bars(Side::Short, 1)->data()->at(15)->value, 2200.0 + 15 + 100);

        w.controlBar()->modelBox()->setCurrentIndex(w.controlBar()->modelBox()->findData(QStringLiteral("funding_adjusted")));
        QTRY_VERIFY(shows(w, QStringLiteral("ETHUSDT"), QStringLiteral("30d"), QStringLiteral("funding_adjusted")));
        QCOMPARE(cell(w, 7, 4), 2210704.0 + 1105047.0);

        w.controlBar()->bucketBox()->setCurrentIndex(w.controlBar()->bucketBox()->findData(50.0));
        QTRY_VERIFY(shows(w, QStringLiteral("ETHUSDT"), QStringLiteral("30d"), QStringLiteral("funding_adjusted"), 50));
        double key = 0, value = 0;
        w.heatmapView()->layer()->colorMap()->data()->cellToCoord(0, 4, &key, &value);
        QCOMPARE(value, 60000.0 + 4.5 * 50);

        // The exchange list is what the window was given; switching it asks again.
        const int before = f->state->heatmapCalls.load();
        w.controlBar()->setExchanges({QStringLiteral("binance"), QStringLiteral("bybit")});
        w.controlBar()->exchangeBox()->setCurrentIndex(w.controlBar()->exchangeBox()->findData(QStringLiteral("bybit")));
        QTRY_COMPARE(f->state->heatmapCalls.load(), before + 1);
    }

    void stateIsRestored() {
        {
            auto f = open();
            MainWindow &w = *f->window;
            QTRY_VERIFY(w.heatmapView()->grid());
            pick(w.controlBar()->symbolBox(), QStringLiteral("ETHUSDT"));
            w.controlBar()->windowBox()->setCurrentText(QStringLiteral("1y"));
            w.heatmapView()->setSide(DensitySide::Long);
            w.heatmapView()->setCutoff(2, 90);
            w.findChild<QDockWidget *>(QStringLiteral("mapDock"))->hide();
            w.close();  // saves
        }
        auto f = open();
        MainWindow &w = *f->window;
        const ViewSelection s = w.controlBar()->selection();
        QCOMPARE(s.symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(s.window, QStringLiteral("1y"));
        QCOMPARE(w.heatmapView()->side(), DensitySide::Long);
        QCOMPARE(w.heatmapView()->lowCutoff(), 2.0);
        QCOMPARE(w.heatmapView()->highCutoff(), 90.0);
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("mapDock"))->isVisible());
        QTRY_VERIFY(w.heatmapView()->grid() && w.heatmapView()->grid()->window == QLatin1String("1y"));
        // Long side only: 2,300,000 + 700 + 4.
        QCOMPARE(cell(w, 7, 4), 2300704.0);
    }

    void staleDataRaisesBanner() {
        // Now is 3 days after the end of the grid's newest candle (= its dataTo in this fixture).
        ManualClock clock(test::makeGrid()->dataTo + 3 * 86400'000LL);
        auto f = open(&clock, true);
        MainWindow &w = *f->window;
        QTRY_VERIFY(shows(w, QStringLiteral("BTCUSDT"), QStringLiteral("7d"), QStringLiteral("binance_standard")));
        QTRY_VERIFY2(w.bannerText().contains(QStringLiteral("ended 3 d 0 h ago")), qPrintable(w.bannerText()));
        QVERIFY(!w.bannerText().contains(QStringLiteral("recomputing")));
        clock.set(test::makeGrid()->dataTo + 600'000);
        w.coordinator()->reload();
        QTRY_VERIFY(w.bannerText().isEmpty());
    }

    void staleAgeCountsFromTheNewestCandleShown() {
        // The store's watermark (dataTo) can be newer than the chart, e.g. trades from another period.
        // The banner must date what is drawn: hourly grid, last column opens 2024-05-13 05:00 UTC, so
        // the newest candle ends 06:00; now is exactly 2 days later; dataTo is 90 days after that.
        HeatmapGrid g;
        g.intervalMs = 3600'000;
        const qint64 lastOpen = QDateTime(QDate(2024, 5, 13), QTime(5, 0), Qt::UTC).toMSecsSinceEpoch();
        g.times = {lastOpen - 3600'000, lastOpen};
        g.dataTo = lastOpen + 3600'000 + 90LL * 86400'000;
        const qint64 now = lastOpen + 3600'000 + 2LL * 86400'000;
        const QString msg = ViewCoordinator::staleMessage(g, now);
        QVERIFY2(msg.contains(QStringLiteral("ended 2 d 0 h ago")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("2024-05-13 06:00 UTC")), qPrintable(msg));
        // Within two candles of now: not stale.
        QVERIFY(ViewCoordinator::staleMessage(g, lastOpen + 3600'000 + 3600'000).isEmpty());
    }

    void bannerStatusAndCoverageNameOneTime() {
        // A 90 d window reduced to 12-hour columns: the last column opens 2024-05-13 00:00 and ends
        // 12:00, but the data ends at 07:00 (coverageTo) and the store's watermark is months later.
        // Banner and status bar must both date 07:00, the end "Data covers …" names.
        HeatmapGrid g;
        g.intervalMs = 12 * 3600'000LL;
        const qint64 lastOpen = QDateTime(QDate(2024, 5, 13), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        g.times = {lastOpen - g.intervalMs, lastOpen};
        g.coverageTo = lastOpen + 7 * 3600'000LL;
        g.dataTo = lastOpen + 90LL * 86400'000;
        QCOMPARE(Session::shownTo(g), g.coverageTo);
        const QString msg = ViewCoordinator::staleMessage(g, g.coverageTo + 2 * 86400'000LL);
        QVERIFY2(msg.contains(QStringLiteral("ended 2 d 0 h ago (2024-05-13 07:00 UTC)")), qPrintable(msg));
    }

    // The map dock in the whole window: at 1280x720 its plot is short, and the ESTIMATE badge,
    // once placed at a fraction of the axis rect, ran out of it into the legend under the plot.
    // Badge, price tag and legend must not overlap, the badge stays inside the axis rect, and the
    // legend inside the plot; also with the tape dock shown (live), which shares the right side.
    void mapBadgeClearOfLegendAndPriceTag_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("tape");
        QTest::newRow("1280x720") << QSize(1280, 720) << false;
        QTest::newRow("1280x720 tape") << QSize(1280, 720) << true;
        QTest::newRow("1600x900") << QSize(1600, 900) << false;
        QTest::newRow("1600x900 tape") << QSize(1600, 900) << true;
    }
    void mapBadgeClearOfLegendAndPriceTag() {
        QFETCH(QSize, size);
        QFETCH(bool, tape);
        auto f = open();
        MainWindow &w = *f->window;
        w.resize(size);
        if (tape) w.live()->tapeDock()->show();
        QTRY_VERIFY(w.session()->isSettled() && w.mapView()->map());
        QTest::qWait(50);
        QCoreApplication::processEvents();
        QCustomPlot *plot = w.mapView()->plot();
        QVERIFY(plot->isVisible());
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCPItemText *tag = nullptr, *badge = nullptr;
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto *t = qobject_cast<QCPItemText *>(plot->item(i)))
                (t->text().startsWith(QStringLiteral("ESTIMATE")) ? badge : tag) = t;
        QVERIFY(tag && badge);
        const QRectF tagRect = QRectF(tag->topLeft->pixelPosition(), tag->bottomRight->pixelPosition()).normalized();
        const QRectF badgeRect = QRectF(badge->topLeft->pixelPosition(), badge->bottomRight->pixelPosition()).normalized();
        const QRectF legendRect = plot->legend->outerRect();
        const QRectF axisRect = plot->axisRect()->rect();
        const auto str = [](const QRectF &r) {
            return QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
        };
        const QString all = QStringLiteral("plot %1 axis %2 legend %3 badge %4 tag %5")
                                .arg(str(plot->rect()), str(axisRect), str(legendRect), str(badgeRect), str(tagRect));
        QVERIFY2(!legendRect.intersects(badgeRect), qPrintable(all));
        QVERIFY2(!tagRect.intersects(badgeRect), qPrintable(all));
        QVERIFY2(axisRect.contains(badgeRect), qPrintable(all));
        QVERIFY2(QRectF(plot->rect()).contains(legendRect), qPrintable(all));
        QVERIFY2(legendRect.top() >= axisRect.bottom(), qPrintable(all));

        // The heatmap: its legend (top right, inside the plot) and badge (top left) at this width.
        QCustomPlot *hp = w.heatmapView()->plot();
        hp->replot(QCustomPlot::rpImmediateRefresh);
        QCPItemText *hbadge = nullptr;
        for (int i = 0; i < hp->itemCount(); ++i)
            if (auto *t = qobject_cast<QCPItemText *>(hp->item(i)); t && t->text().startsWith(QStringLiteral("ESTIMATE"))) hbadge = t;
        QVERIFY(hbadge && hbadge->visible());
        const QRectF hb = QRectF(hbadge->topLeft->pixelPosition(), hbadge->bottomRight->pixelPosition()).normalized();
        const QRectF hl = hp->legend->outerRect();
        const QString hall = QStringLiteral("heatmap axis %1 legend %2 badge %3").arg(str(hp->axisRect()->rect()), str(hl), str(hb));
        QVERIFY2(hp->legend->itemCount() > 0, qPrintable(hall));
        QVERIFY2(!hl.intersects(hb), qPrintable(hall));
        QVERIFY2(QRectF(hp->axisRect()->rect()).contains(hb), qPrintable(hall));
        // Its title beside the buttons: shortened with "…" to the room it has, never cut mid-word.
        auto *title = w.heatmapView()->findChild<ElidedLabel *>(QStringLiteral("viewTitle"));
        QVERIFY(title);
        QVERIFY2(title->fullText().startsWith(QStringLiteral("BTCUSDT · Binance · 7d")), qPrintable(title->fullText()));
        QVERIFY2(title->fontMetrics().horizontalAdvance(title->text()) <= title->contentsRect().width(),
                 qPrintable(QStringLiteral("%1 in %2 px").arg(title->text()).arg(title->contentsRect().width())));
        QCOMPARE(w.width(), size.width());
    }

    // The real-data store holds 5m candles to 2024-05-13 and 1h candles to 2024-08-19: the bar said
    // "candles 5m 2024-05-10 → 2024-05-13" under a chart drawn to August. It names every interval
    // and the whole span; other venues and series the models do not read stay out.
    void coverageNamesEveryCandleInterval() {
        const auto ms = [](const char *iso) { return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch(); };
        const auto series = [&](const char *ex, const char *type, const char *interval, const char *from, const char *to) {
            SeriesInfo s{QLatin1String(ex), QStringLiteral("BTCUSDT"), QLatin1String(type), QLatin1String(interval), 10, ms(from), ms(to), {}, -1};
            return s;
        };
        StoreSnapshot info;
        info.ok = true;
        info.series = {series("binance", "klines", "1h", "2024-06-19T00:00:00Z", "2024-08-19T21:00:00Z"),
                       series("binance", "klines", "5m", "2024-05-10T00:00:00Z", "2024-05-13T06:55:00Z"),
                       series("binance", "metrics", "5m", "2024-05-09T00:00:00Z", "2024-08-19T22:00:00Z"),
                       series("binance", "fundingRate", "", "2020-09-01T00:00:00Z", "2024-08-19T16:00:00Z"),
                       series("okx", "klines", "1m", "2023-01-01T00:00:00Z", "2024-12-31T00:00:00Z")};
        QCOMPARE(StatusPanel::coverageText(info, QStringLiteral("binance"), QStringLiteral("BTCUSDT")),
                 QStringLiteral("Coverage: candles 5m, 1h 2024-05-10 → 2024-08-19 · open interest 2024-05-09 → 2024-08-19"));
    }

    void longStatusMessageStaysLeftOfTheCoverage() {
        // QStatusBar draws its own message across the whole bar, over the coverage label: every
        // message (also one sent to QStatusBar::showMessage) goes to an elided label left of it.
        auto f = open();
        MainWindow &w = *f->window;
        w.resize(1280, 720);
        QTRY_VERIFY(w.heatmapView()->grid() && w.session()->isSettled());
        QTest::qWait(50);
        const QString longText = QStringLiteral("A very long message about a failed recomputation ").repeated(8);
        w.statusBar()->showMessage(longText, 8000);
        QCoreApplication::processEvents();
        QVERIFY(w.statusBar()->currentMessage().isEmpty());
        StatusPanel *p = w.statusPanel();
        QCOMPARE(p->message(), longText);
        QVERIFY(p->coverageLabel()->isVisible());
        QVERIFY(!p->coverageLabel()->text().isEmpty());
        const QRect msg = p->messageLabel()->geometry(), cov = p->coverageLabel()->geometry();
        QVERIFY2(msg.right() < cov.left(), qPrintable(QStringLiteral("%1 vs %2").arg(msg.right()).arg(cov.left())));
        QVERIFY(p->messageLabel()->text().endsWith(QChar(0x2026)));
        QCOMPARE(p->messageLabel()->toolTip(), longText);
    }

    void bannerNamesTheFittedProfile() {
        // A grid computed with a fitted profile says which training period its parameters came from;
        // one on defaults says nothing. Period: 2024-06-19 21:00 → 2024-07-19 21:00 UTC.
        HeatmapGrid g;
        QVERIFY(ViewCoordinator::profileMessage(g).isEmpty());
        g.profileFrom = QDateTime(QDate(2024, 6, 19), QTime(21, 0), Qt::UTC).toMSecsSinceEpoch();
        g.profileTo = g.profileFrom + 30LL * 86400'000;
        const QString msg = ViewCoordinator::profileMessage(g);
        QVERIFY2(msg.contains(QStringLiteral("2024-06-19 21:00 UTC → 2024-07-19 21:00 UTC")), qPrintable(msg));
    }

    // Every registered view (ui/main/ViewRegistry.cpp) is placed by the window with its title (a tab,
    // or a dock with its View-menu toggle and File-menu export), and redraws when the selection changes.
    void everyRegisteredViewIsPlacedAndRerenders() {
        auto f = open();
        MainWindow &w = *f->window;
        const QStringList ids{QStringLiteral("heatmap"), QStringLiteral("compare"), QStringLiteral("exchanges"), QStringLiteral("map")};
        QCOMPARE(viewIds(), ids);
        QCOMPARE(w.views().size(), ids.size());
        QStringList tabs;
        for (int i = 0; i < w.tabs()->count(); ++i) tabs << w.tabs()->tabText(i);
        // The three tab views in registration order, then the Research panel (not a chart view).
        QCOMPARE(tabs, (QStringList{QStringLiteral("Heatmap"), QStringLiteral("Model comparison"), QStringLiteral("Exchanges"),
                                    QStringLiteral("Research")}));
        QStringList actions;
        for (QAction *a : w.findChildren<QAction *>()) actions << a->text();
        for (int i = 0; i < ids.size(); ++i) {
            PlotView *v = w.views().at(i);
            QCOMPARE(v->id(), ids.at(i));
            QCOMPARE(w.view(ids.at(i)), v);
            if (v->placement() == PlotView::Placement::Tab) {
                QCOMPARE(w.tabs()->tabText(w.tabs()->indexOf(v)), v->title());
                QVERIFY(!w.dock(v));
            } else {
                QVERIFY(w.dock(v) && w.dock(v)->widget() == v);
                QCOMPARE(w.dock(v)->windowTitle(), QStringLiteral("Liquidation map"));
                QVERIFY(actions.contains(QStringLiteral("Liquidation map")));  // View → the dock's toggle
                QVERIFY(actions.contains(QStringLiteral("Export Liquidation map as P&NG…")));
            }
            QVERIFY(v->chart() && (v->chart() == v || v->isAncestorOf(v->chart())));
        }
        // The comparison is computed only while its tab is shown.
        w.tabs()->setCurrentWidget(w.compareView());
        QTRY_VERIFY(shows(w, QStringLiteral("BTCUSDT"), QStringLiteral("7d"), QStringLiteral("binance_standard")));
        QTRY_VERIFY(w.compareView()->comparison() && w.exchangesView()->grid());
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        for (PlotView *v : w.views()) spies.push_back(std::make_unique<QSignalSpy>(v, &PlotView::rendered));
        pick(w.controlBar()->symbolBox(), QStringLiteral("ETHUSDT"));
        for (size_t i = 0; i < spies.size(); ++i) {
            QTRY_VERIFY2(spies[i]->count() >= 1, qPrintable(ids.at(int(i))));
            QVERIFY2(!w.views().at(int(i))->isShowingEmpty(), qPrintable(ids.at(int(i))));
        }
        QTRY_VERIFY(shows(w, QStringLiteral("ETHUSDT"), QStringLiteral("7d"), QStringLiteral("binance_standard")));
        QTRY_COMPARE(w.compareView()->comparison()->symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(w.exchangesView()->grid()->symbol, QStringLiteral("ETHUSDT"));
        w.tabs()->setCurrentIndex(0);
    }

    void emptyStoreShowsHelp() {
        // The real engine over an empty store: nothing to compute from.
        test::TempStore ts;
        MainWindowOptions o;
        o.dbPath = ts.path;
        o.settingsPath = settingsPath();
        o.firstRunDialog = true;
        MainWindow w(o);
        w.show();
        QTRY_VERIFY(w.heatmapView()->isShowingEmpty() && w.heatmapView()->emptyText().contains(QStringLiteral("Data")));
        // First run with an empty store opens the data manager.
        QTRY_VERIFY(w.findChild<DataManagerDialog *>());
        static_cast<QDialog *>(w.findChild<DataManagerDialog *>())->reject();
    }

    void corruptStoreShowsHelp() {
        QTemporaryDir d;
        const QString bad = d.filePath(QStringLiteral("bad.sqlite"));
        QVERIFY(test::writeFile(bad, QByteArray("this is not a database").repeated(500)));
        MainWindowOptions o;
        o.dbPath = bad;
        o.settingsPath = settingsPath();
        MainWindow w(o);
        w.show();
        QTRY_VERIFY(w.heatmapView()->emptyText().contains(QStringLiteral("cannot be read")));
        QVERIFY(w.heatmapView()->isShowingEmpty());
        QTRY_VERIFY(w.mapView()->isShowingEmpty());
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestMainWindow)
#include "tst_mainwindow.moc"
