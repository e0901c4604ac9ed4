// The GUI's Local API: with Live → Local API remembered as on, the main window starts core's
// ApiServer over its own engine, shows the address in the status bar and answers real HTTP on
// loopback while the window's event loop runs; unchecking the action stops it and hides the label.
#include "TestSupport.h"

#include "api/ApiServer.h"
#include "main/LocalApiWiring.h"
#include "main/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QStatusBar>

using namespace lhm;
using namespace lhm::test;
using namespace lhm::ui;

class TestLocalApi : public QObject {
    Q_OBJECT
private slots:
    void toggleServesAndShowsTheAddress() {
        TempStore store;
        store.store.reset();
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            QSettings s(ini, QSettings::IniFormat);
            s.setValue(QStringLiteral("api/enabled"), true);
            s.setValue(QStringLiteral("api/port"), 0);  // any free port
        }
        MainWindowOptions o;
        o.dbPath = store.path;
        o.settingsPath = ini;
        o.firstRunDialog = false;
        MainWindow w(o);
        w.resize(1280, 720);
        w.show();
        auto *wiring = w.findChild<LocalApiWiring *>();
        QVERIFY(wiring);
        QVERIFY(wiring->toggleAction()->isChecked());
        QVERIFY(wiring->server()->isListening());
        const QString address = wiring->server()->address();
        QVERIFY(address.startsWith(QLatin1String("http://127.0.0.1:")));
        QLabel *label = nullptr;
        for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
            if (l->text() == QStringLiteral("API ") + address) label = l;
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QNetworkAccessManager nam;
        QNetworkReply *r = nam.get(QNetworkRequest(QUrl(address + QStringLiteral("/health"))));
        QTRY_VERIFY_WITH_TIMEOUT(r->isFinished(), 10000);
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        delete r;
        if (qEnvironmentVariableIsSet("LHM_SHOT")) w.grab().save(qEnvironmentVariable("LHM_SHOT"));
        wiring->toggleAction()->setChecked(false);
        QVERIFY(!wiring->server()->isListening());
        QVERIFY(!label->isVisible());
        QCOMPARE(QSettings(ini, QSettings::IniFormat).value(QStringLiteral("api/enabled")).toBool(), false);
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestLocalApi)
#include "tst_localapi.moc"
