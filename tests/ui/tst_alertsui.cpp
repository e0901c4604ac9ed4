// Alerts in the GUI, off-screen with the real widgets: "Create alert at <price>…" from the
// heatmap's context menu opens the dialog at that price, saving it (through the alert service's
// own thread and a real SQLite store) draws a labelled dashed line on the heatmap and on the
// liquidation map, a live price crossing the level shows the popup toast, which leads back to the
// symbol and price; the dialog refuses bad input; the channel page reports a failed test.
#include "GridFixtures.h"
#include "TestSupport.h"

#include "alerts/AlertDialog.h"
#include "alerts/AlertOverlay.h"
#include "alerts/AlertService.h"
#include "alerts/AlertToast.h"
#include "alerts/AlertsPanel.h"
#include "alerts/AlertsWiring.h"
#include "alerts/ChannelSettingsDialog.h"
#include "common/Translator.h"
#include "heatmap/HeatmapView.h"
#include "main/MainWindow.h"
#include "map/LiquidationMapView.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::alerts;
using namespace lhm::ui;

// The GUI computes on worker threads; on a loaded two-core machine a heatmap can take longer than
// QTRY's default 5 s, and a wait that ends early is a false failure, not a finding.
static constexpr int kSlowMachineWaitMs = 30000;

class TestAlertsUi : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    struct Fixture {
        test::TempStore store;
        std::shared_ptr<test::FakeBackendState> state = std::make_shared<test::FakeBackendState>();
        std::unique_ptr<MainWindow> window;
        AlertsWiring *alerts = nullptr;
    };

    std::unique_ptr<Fixture> open() {
        auto f = std::make_unique<Fixture>();
        MainWindowOptions o;
        o.dbPath = f->store.path;
        o.settingsPath = dir_.filePath(QStringLiteral("settings.ini"));
        o.firstRunDialog = false;
        auto *engine = new CoreEngine(o.dbPath, test::fakeBackend(f->state));
        f->window = std::make_unique<MainWindow>(o, engine);
        engine->setParent(f->window.get());
        f->window->resize(1400, 850);
        f->window->show();
        f->alerts = f->window->findChild<AlertsWiring *>(QStringLiteral("alertsWiring"));
        return f;
    }

    static QList<QCPItemStraightLine *> dashed(QCustomPlot *plot) {
        QList<QCPItemStraightLine *> out;
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto *l = qobject_cast<QCPItemStraightLine *>(plot->item(i)); l && l->pen().style() == Qt::DashLine) out << l;
        return out;
    }

private slots:
    void initTestCase() {
        qputenv("LHM_TEST_MENU_AUTOTRIGGER", "1");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/lhm-test-bus");  // desktop channel: no bus here
    }

    void contextMenuLineAndPopup() {
        auto f = open();
        QVERIFY(f->alerts);
        QTRY_VERIFY_WITH_TIMEOUT(f->alerts->rulesLoaded(), kSlowMachineWaitMs);
        HeatmapView *hv = f->window->heatmapView();
        QTRY_VERIFY_WITH_TIMEOUT(hv->grid() && !hv->isShowingEmpty(), kSlowMachineWaitMs);
        QCustomPlot *plot = hv->plot();
        plot->replot();
        const int ownDashed = int(dashed(plot).size());  // the view's own price line
        const int ownMapDashed = int(dashed(f->window->mapView()->plot()).size());
        // Right-click where the y axis reads 60,630 (rounded to 10 USD in the dialog).
        const QPoint pos(plot->width() / 2, int(plot->yAxis->coordToPixel(60630)));
        const double price = f->alerts->heatmapOverlay()->priceAt(pos);
        QVERIFY(std::abs(price - 60630) < plot->yAxis->range().size() / plot->height() * 2);
        f->alerts->heatmapOverlay()->showMenu(pos);
        QTRY_VERIFY_WITH_TIMEOUT(f->alerts->dialog(), kSlowMachineWaitMs);
        AlertDialog *d = f->alerts->dialog();
        const AlertRule proposed = d->rule();
        QCOMPARE(proposed.type, RuleType::PriceCross);
        QCOMPARE(proposed.symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(proposed.params.level, std::round(price / 10) * 10);
        // The fake grid's last close is 60,423 (60,000 + 10 x 100 x 0.4 + 23): a level above it is "above".
        QCOMPARE(proposed.params.direction, Direction::Above);
        QVERIFY(d->problem().isEmpty());
        // Bad input keeps OK disabled and says why.
        d->levelBox()->setValue(0);
        QVERIFY(!d->problem().isEmpty());
        QVERIFY(!d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        d->levelBox()->setValue(60630);
        QVERIFY(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        d->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!f->alerts->dialog(), kSlowMachineWaitMs);  // saved and closed
        QTRY_COMPARE_WITH_TIMEOUT(f->alerts->panel()->rules().size(), 1, kSlowMachineWaitMs);
        QCOMPARE(f->alerts->panel()->rulesTable()->rowCount(), 1);
        QCOMPARE(f->alerts->panel()->rulesTable()->item(0, 0)->text(), proposed.name);

        // The dashed line on the heatmap (horizontal at 60,630) and on the map (vertical).
        QTRY_COMPARE_WITH_TIMEOUT(f->alerts->heatmapOverlay()->lineCount(), 1, kSlowMachineWaitMs);
        QList<QCPItemStraightLine *> lines = dashed(plot);
        QCOMPARE(lines.size(), ownDashed + 1);
        QCOMPARE(lines.last()->point1->coords().y(), 60630.0);
        QCOMPARE(lines.last()->point2->coords().y(), 60630.0);
        QCOMPARE(f->alerts->mapOverlay()->lineCount(), 1);
        QList<QCPItemStraightLine *> mapLines = dashed(f->window->mapView()->plot());
        QCOMPARE(mapLines.size(), ownMapDashed + 1);
        QCOMPARE(mapLines.last()->point1->coords().x(), 60630.0);
        f->alerts->dock()->show();
        QVERIFY(f->window->grab().save(QDir::temp().filePath(QStringLiteral("lhm-alerts-line.png"))));

        // A live price crossing the level fires: the popup toast appears in the window.
        AlertService *service = f->alerts->service();
        QMetaObject::invokeMethod(service, [service] {
            service->onPrices({{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), 60600, 1714608000000, 1714608000000},
                               {QStringLiteral("binance"), QStringLiteral("BTCUSDT"), 60650, 1714608001000, 1714608001000}});
        });
        QTRY_VERIFY_WITH_TIMEOUT(f->alerts->toast()->isVisible(), kSlowMachineWaitMs);
        QVERIFY2(f->alerts->toast()->text().contains(proposed.name), qPrintable(f->alerts->toast()->text()));
        QVERIFY(f->alerts->toast()->text().contains(QStringLiteral("60,650")));
        QVERIFY(f->window->grab().save(QDir::temp().filePath(QStringLiteral("lhm-alerts-popup.png"))));
        // The firing reaches the history tab with the popup delivered.
        QTRY_COMPARE_WITH_TIMEOUT(f->alerts->panel()->historyTable()->rowCount(), 1, kSlowMachineWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(f->alerts->panel()->historyTable()->item(0, 5)->text().contains(QStringLiteral("ok")), kSlowMachineWaitMs);
        // Clicking the toast shows that price on the heatmap.
        plot->yAxis->setRange(50000, 51000);
        QTest::mouseClick(f->alerts->toast(), Qt::LeftButton);
        QVERIFY(!f->alerts->toast()->isVisible());
        QCOMPARE(plot->yAxis->range().center(), 60650.0);
    }

    // zh_CN: the dock, the table and the toast speak Chinese (screenshot in the temp dir).
    void chinese() {
        QCOMPARE(Translator::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        {
            auto f = open();
            QTRY_VERIFY_WITH_TIMEOUT(f->alerts->rulesLoaded(), kSlowMachineWaitMs);
            QCOMPARE(f->alerts->dock()->windowTitle(), QStringLiteral("提醒"));
            AlertRule r;
            r.name = QStringLiteral("BTC 60.6k");
            r.symbol = QStringLiteral("BTCUSDT");
            r.type = RuleType::Liquidation;
            r.params.minNotional = 100000;
            r.params.priceFrom = 60300;
            r.params.priceTo = 60700;
            AlertService *service = f->alerts->service();
            QMetaObject::invokeMethod(service, [service, r] { service->saveRule(r); });
            QTRY_COMPARE_WITH_TIMEOUT(f->alerts->panel()->rules().size(), 1, kSlowMachineWaitMs);
            QCOMPARE(f->alerts->panel()->rulesTable()->item(0, 3)->text(), QStringLiteral("生效中"));
            QTRY_COMPARE_WITH_TIMEOUT(f->alerts->heatmapOverlay()->lineCount(), 2, kSlowMachineWaitMs);  // the band's two edges
            LiquidationEvent e{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), Side::Long, 60500, 2, 121000, 1714608000000, 1714608000000};
            QMetaObject::invokeMethod(service, [service, e] { service->onLiquidations({e}); });
            QTRY_VERIFY_WITH_TIMEOUT(f->alerts->toast()->isVisible(), kSlowMachineWaitMs);
            QVERIFY2(f->alerts->toast()->text().startsWith(QStringLiteral("提醒：")), qPrintable(f->alerts->toast()->text()));
            f->alerts->dock()->show();
            QVERIFY(f->window->grab().save(QDir::temp().filePath(QStringLiteral("lhm-alerts-zh.png"))));
        }
        QCOMPARE(Translator::install(QStringLiteral("en")), QStringLiteral("en"));
    }

    void channelTestReportsFailure() {
        auto f = open();
        QTRY_VERIFY_WITH_TIMEOUT(f->alerts->rulesLoaded(), kSlowMachineWaitMs);
        f->alerts->openChannels();
        ChannelSettingsDialog *c = f->alerts->channelsDialog();
        QVERIFY(c);
        // Telegram is not set up: "Send test" reports it, the window keeps working.
        c->testButton(Telegram)->click();
        QTRY_VERIFY_WITH_TIMEOUT(c->resultLabel(Telegram)->text().startsWith(tr("Not delivered")), kSlowMachineWaitMs);
        c->close();
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestAlertsUi)
#include "tst_alertsui.moc"
