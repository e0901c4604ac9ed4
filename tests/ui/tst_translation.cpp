// The Simplified Chinese translation is complete and loads: every message of the .ts has a
// finished translation, and installing zh_CN changes what the views say.
#include "TestSupport.h"
#include "common/Translator.h"
#include "heatmap/HeatmapView.h"

#include <QApplication>
#include <QXmlStreamReader>

using namespace lhm;
using namespace lhm::ui;

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void tsFileIsComplete() {
        const QByteArray ts = test::readFile(test::sourcePath(QStringLiteral("translations/liquidationheatmap_zh_CN.ts")));
        QVERIFY(!ts.isEmpty());
        QXmlStreamReader xml(ts);
        int messages = 0, finished = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) continue;
            if (xml.name() == QLatin1String("message")) ++messages;
            if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!unfinished && !text.trimmed().isEmpty()) ++finished;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
        QCOMPARE(finished, messages);
    }

    void chineseLoads() {
        QCOMPARE(Translator::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("lhm::ui::MainWindow", "Heatmap"), QStringLiteral("热力图"));
        HeatmapView v;
        QCOMPARE(v.readout(), QStringLiteral("将鼠标悬停在热力图上以查看单元格。"));
        QCOMPARE(Translator::install(QStringLiteral("en")), QStringLiteral("en"));
        HeatmapView english;
        QCOMPARE(english.readout(), QStringLiteral("Hover the heatmap to read a cell."));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestTranslation)
#include "tst_translation.moc"
