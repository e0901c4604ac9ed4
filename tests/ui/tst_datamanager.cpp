// The data manager dialog end to end: downloads from a real HTTP server on 127.0.0.1 serving a
// mirror built from the recorded BTCUSDT data, through the dialog's own buttons, with the work on
// the dialog's worker thread. Expected counts come from ../shared/data/SOURCES.md (metrics: full
// days of 288 rows on 05-10 and 05-11; 5m klines start 2024-05-10 20:30Z: 42 + 288 rows).
#include "ExchangeServers.h"
#include "HttpTestServer.h"
#include "TestSupport.h"
#include "VisionMirror.h"
#include "data/CoverageTable.h"
#include "data/DataManagerDialog.h"
#include "data/FileProgressTable.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QPushButton>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTcpServer>

using namespace lhm;
using namespace lhm::test;
using lhm::ui::CoverageTable;
using lhm::ui::DataManagerDialog;

namespace {

const QString kShotDir = QStringLiteral("/tmp/lhm-shots");

QString cell(QTableWidget *t, int row, int col) {
    const QTableWidgetItem *it = t->item(row, col);
    return it ? it->text() : QString();
}

// Coverage rows as "symbol type interval rows" for order-independent comparison.
QStringList coverageRows(CoverageTable *t) {
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(cell(t, r, CoverageTable::Symbol), cell(t, r, CoverageTable::Type), cell(t, r, CoverageTable::Interval))
                   .arg(t->item(r, CoverageTable::Rows)->data(Qt::UserRole).toLongLong());
    out.sort();
    return out;
}

}  // namespace

class TestDataManager : public QObject {
    Q_OBJECT
    QTemporaryDir mirror_;
    HttpTestServer server_;

    DownloadOptions fast(const QString &dest) {
        DownloadOptions o;
        o.destDir = dest;
        o.retryBaseDelayMs = 5;
        return o;
    }

private slots:
    void initTestCase() {
        QVERIFY(buildVisionMirror(mirror_.path()).ok());
        QVERIFY(server_.start(mirror_.path()));
        qApp->setStyleSheet(QString::fromUtf8(readFile(sourcePath(QStringLiteral("resources/styles/dark.qss")))));
        QDir().mkpath(kShotDir);
    }
    void init() {
        server_.clearFaults();
        server_.clearLog();
    }

    void firstRunPreselectsLast30DaysOfBtcAndEth() {
        TempStore ts;
        {
            // Close draws no broken theme icon.
            DataManagerDialog d(ts.path, server_.baseUrl());
            auto *box = d.findChild<QDialogButtonBox *>();
            QVERIFY(box && box->button(QDialogButtonBox::Close));
            QVERIFY(box->button(QDialogButtonBox::Close)->icon().isNull());
        }
        QVERIFY(DataManagerDialog::shouldOpenOnFirstRun(*ts.store));
        DataManagerDialog dialog(ts.path, server_.baseUrl());
        const DownloadRequest r = dialog.request();
        QCOMPARE(r.symbols, (QStringList{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));
        QCOMPARE(r.types, (QStringList{QStringLiteral("metrics"), QStringLiteral("klines"), QStringLiteral("fundingRate")}));
        const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
        QCOMPARE(r.to, yesterday);
        QCOMPARE(r.from.daysTo(r.to), 29);  // 30 days inclusive
        QCOMPARE(r.baseUrl, server_.baseUrl());

        QVERIFY(ts.store->insertCandles({QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QStringLiteral("1m")},
                                        {Candle{1715299200000, 1, 2, 0.5, 1.5, 10, 1715299259999, 15, 3, 5, 7.5}}).ok());
        QVERIFY(!DataManagerDialog::shouldOpenOnFirstRun(*ts.store));
    }

    void downloadsThroughTheDialog() {
        TempStore ts;
        QTemporaryDir dest;
        DataManagerDialog dialog(ts.path, server_.baseUrl(), nullptr, fast(dest.path()));
        dialog.setSymbols({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
        dialog.setTypes({QStringLiteral("metrics"), QStringLiteral("klines")});
        dialog.setInterval(QStringLiteral("5m"));
        dialog.setRange(QDate(2024, 5, 10), QDate(2024, 5, 11));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy done(&dialog, &DataManagerDialog::jobFinished);
        QSignalSpy coverage(&dialog, &DataManagerDialog::coverageUpdated);
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("downloadButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dialog.isBusy());  // the click returned before any work was done
        QVERIFY(!button->isEnabled());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), true);  // ETHUSDT's 404 days do not make the job fail
        QTRY_VERIFY(dialog.coverageTable()->rowCount() > 0);
        QCOMPARE(coverageRows(dialog.coverageTable()),
                 (QStringList{QStringLiteral("BTCUSDT klines 5m 330"), QStringLiteral("BTCUSDT metrics — 576")}));

        auto *files = dialog.fileTable();
        QCOMPARE(files->rowCount(), 8);
        QCOMPARE(cell(files, 0, 0), QStringLiteral("BTCUSDT-metrics-2024-05-10.zip"));
        QCOMPARE(files->statusText(0), QStringLiteral("imported, 288 rows"));
        QCOMPARE(files->statusText(2), QStringLiteral("imported, 42 rows"));
        QCOMPARE(files->percent(3), 100);
        QCOMPARE(files->statusText(4), QStringLiteral("not published (404)"));
        QCOMPARE(files->percent(4), 0);  // nothing was fetched for a missing day
        auto *overall = dialog.findChild<QProgressBar *>(QStringLiteral("overallProgress"));
        QCOMPARE(overall->value(), overall->maximum());
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Done: 4 imported")));
        QVERIFY(button->isEnabled());
        QVERIFY(dialog.grab().save(kShotDir + QStringLiteral("/datamanager.png")));
    }

    // The exchange selector: Hyperliquid's missing open-interest history is said and its box
    // disabled; a Bybit day downloads through the same buttons from a loopback server speaking
    // Bybit's v5 protocol (1,440 candles, 288 open-interest points, 3 fundings: ExchangeServers.h).
    void downloadsOtherExchangesThroughTheDialog() {
        HttpTestServer bybit;
        QVERIFY(bybit.start(QString()));
        GeneratedMarket m;
        m.day = 1714521600000LL;  // 2024-05-01
        bybit.setHandler(bybitServer(m));
        TempStore ts;
        DataManagerDialog dialog(ts.path, server_.baseUrl(), nullptr, fast(QString()));
        dialog.resize(1100, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.exchangeCaveat(), QString());
        dialog.setExchange(QStringLiteral("hyperliquid"));
        QVERIFY(dialog.exchangeCaveat().contains(QStringLiteral("publishes no open-interest history")));
        auto *oiBox = dialog.findChild<QCheckBox *>(QStringLiteral("type_metrics"));
        QVERIFY(oiBox && !oiBox->isEnabled() && !oiBox->isChecked());
        QVERIFY(dialog.grab().save(kShotDir + QStringLiteral("/datamanager-hyperliquid.png")));

        dialog.setExchange(QStringLiteral("bybit"));
        dialog.setExchangeBaseUrl(QStringLiteral("bybit"), bybit.baseUrl());
        QVERIFY(oiBox->isEnabled());
        dialog.setSymbols({QStringLiteral("BTCUSDT")});
        dialog.setTypes({QStringLiteral("metrics"), QStringLiteral("klines"), QStringLiteral("fundingRate")});
        dialog.setInterval(QStringLiteral("1m"));
        dialog.setRange(QDate(2024, 5, 1), QDate(2024, 5, 1));
        QCOMPARE(dialog.request().exchange, QStringLiteral("bybit"));
        QSignalSpy done(&dialog, &DataManagerDialog::jobFinished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("downloadButton")), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), true);
        auto *files = dialog.fileTable();
        QCOMPARE(files->rowCount(), 3);
        QCOMPARE(cell(files, 0, 0), QStringLiteral("BTCUSDT open_interest"));
        QCOMPARE(files->statusText(0), QStringLiteral("stored, 288 new rows"));
        QCOMPARE(files->statusText(1), QStringLiteral("stored, %L1 new rows").arg(1440));
        QCOMPARE(files->statusText(2), QStringLiteral("stored, 3 new rows"));
        QCOMPARE(sqlScalar(ts.path, QStringLiteral("SELECT COUNT(*) FROM candles WHERE exchange='bybit'")), qint64(1440));
        QVERIFY(dialog.statusText().contains(QStringLiteral("3 series stored")));
        QVERIFY(dialog.grab().save(kShotDir + QStringLiteral("/datamanager-bybit.png")));
    }

    void importFolderThroughTheDialog() {
        TempStore ts;
        DataManagerDialog dialog(ts.path, server_.baseUrl());
        QSignalSpy done(&dialog, &DataManagerDialog::jobFinished);
        dialog.importPaths({mirror_.filePath(QStringLiteral("data/futures/um/daily/metrics"))});
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), true);
        QCOMPARE(dialog.fileTable()->rowCount(), 5);  // 2024-05-09 .. 2024-05-13
        QTRY_COMPARE(coverageRows(dialog.coverageTable()), QStringList{QStringLiteral("BTCUSDT metrics — 978")});
    }

    void cancelStopsTheDownload() {
        TempStore ts;
        QTemporaryDir dest;
        HttpFault slow;
        slow.chunkBytes = 256;
        slow.chunkDelayMs = 30;
        server_.setFault(QStringLiteral("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-05-11.zip"), slow);
        DataManagerDialog dialog(ts.path, server_.baseUrl(), nullptr, fast(dest.path()));
        dialog.setSymbols({QStringLiteral("BTCUSDT")});
        dialog.setTypes({QStringLiteral("klines")});
        dialog.setInterval(QStringLiteral("5m"));
        dialog.setRange(QDate(2024, 5, 11), QDate(2024, 5, 12));
        dialog.show();
        QSignalSpy done(&dialog, &DataManagerDialog::jobFinished);
        dialog.startDownload();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.fileTable()->percent(0) > 0, 20000);
        QVERIFY(dialog.fileTable()->percent(0) < 100);
        QVERIFY(dialog.grab().save(kShotDir + QStringLiteral("/datamanager-progress.png")));
        auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QCOMPARE(dialog.fileTable()->statusText(0), QStringLiteral("cancelled"));
        QCOMPARE(dialog.fileTable()->statusText(1), QStringLiteral("not started"));
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Cancelled.")));
        QVERIFY(!dialog.isBusy());
        QTRY_VERIFY(dialog.coverageTable()->rowCount() == 0);
        QVERIFY(ts.store->seriesInfo().empty());
    }

    void unreachableHostOffersImport() {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        TempStore ts;
        QTemporaryDir dest;
        DataManagerDialog dialog(ts.path, QStringLiteral("http://127.0.0.1:%1").arg(closedPort), nullptr, fast(dest.path()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.isOfflineShown());
        QSignalSpy done(&dialog, &DataManagerDialog::jobFinished);
        dialog.startDownload();
        QVERIFY(done.wait(30000));
        QVERIFY(dialog.isOfflineShown());
        auto *banner = dialog.findChild<QWidget *>(QStringLiteral("offlineBanner"));
        QVERIFY(banner && banner->isVisible());
        const QLabel *text = banner->findChild<QLabel *>();
        QVERIFY2(text->text().contains(QStringLiteral("Cannot reach 127.0.0.1")), qPrintable(text->text()));
        QVERIFY(banner->findChild<QPushButton *>()->text().startsWith(QStringLiteral("Import files")));
        QCOMPARE(dialog.statusText(), QStringLiteral("Offline: nothing was downloaded."));
        QCOMPARE(dialog.fileTable()->statusText(0), QStringLiteral("host unreachable"));
        QCOMPARE(dialog.fileTable()->statusText(1), QStringLiteral("not started"));
        QVERIFY(dialog.grab().save(kShotDir + QStringLiteral("/datamanager-offline.png")));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestDataManager)
#include "tst_datamanager.moc"
