// Themes: the dark style sheet (background #0d1117) loads from the embedded resources, the light
// one replaces it, and the plots take the theme's colours.
#include "TestSupport.h"
#include "common/Theme.h"
#include "map/LiquidationMapView.h"

#include <QApplication>
#include <qcustomplot.h>

using namespace lhm::ui;

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void darkAndLight() {
        Theme::apply(Theme::Dark);
        QVERIFY2(qApp->styleSheet().contains(QStringLiteral("#0d1117")), "the dark style sheet is embedded and applied");
        QCOMPARE(qApp->palette().color(QPalette::Window), QColor(0x0d, 0x11, 0x17));
        LiquidationMapView dark;
        QCOMPARE(dark.plot()->axisRect()->backgroundBrush().color(), QColor(0x0d, 0x11, 0x17));

        Theme::apply(Theme::Light);
        QVERIFY(qApp->styleSheet().contains(QStringLiteral("#ffffff")));
        QVERIFY(!qApp->styleSheet().contains(QStringLiteral("#0d1117")));
        QCOMPARE(qApp->palette().color(QPalette::Window), QColor(Qt::white));
        dark.applyTheme();
        QCOMPARE(dark.plot()->axisRect()->backgroundBrush().color(), QColor(Qt::white));
        QCOMPARE(Theme::fromName(QStringLiteral("light")), Theme::Light);
        QCOMPARE(Theme::fromName(QStringLiteral("nonsense")), Theme::Dark);
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestTheme)
#include "tst_theme.moc"
