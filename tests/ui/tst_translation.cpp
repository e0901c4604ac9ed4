// The Simplified Chinese translation is complete and loads: every message of the .ts has a
// finished translation, and installing zh_CN changes what the views say.
#include "TestSupport.h"
#include "common/Translator.h"
#include "heatmap/HeatmapView.h"

#include <QApplication>
#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

using namespace lhm;
using namespace lhm::ui;

namespace {
// (context, source) -> translation of every finished message of a .ts.
QHash<QPair<QString, QString>, QString> tsMessages(const QString &relative) {
    QHash<QPair<QString, QString>, QString> out;
    QXmlStreamReader xml(test::readFile(test::sourcePath(relative)));
    QString context, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText();
        else if (xml.name() == QLatin1String("source")) source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") && xml.attributes().value(QLatin1String("type")) != QLatin1String("unfinished"))
            out.insert({context, source}, xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    return out;
}
}  // namespace

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

    // Messages of QCoreApplication::translate("Context", "text") (no class to run lupdate's tr()
    // scan on) are in the .ts too: four of ScreenshotRenderer's were missing, so a failed
    // `--screenshot --lang zh_CN` reported in English.
    void translateCallsAreInTheTs() {
        const auto zh = tsMessages(QStringLiteral("translations/liquidationheatmap_zh_CN.ts"));
        const QRegularExpression call(QStringLiteral("QCoreApplication::translate\\(\\s*\"([^\"]+)\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
        QStringList missing;
        int calls = 0;
        for (const QString &dir : {QStringLiteral("ui"), QStringLiteral("app")}) {
            QDirIterator it(test::sourcePath(dir), {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString text = QString::fromUtf8(test::readFile(it.next()));
                for (auto m = call.globalMatch(text); m.hasNext();) {
                    const auto hit = m.next();
                    ++calls;
                    QString src = hit.captured(2);
                    src.replace(QStringLiteral("\\\""), QStringLiteral("\"")).replace(QStringLiteral("\\n"), QStringLiteral("\n"));
                    if (!zh.contains({hit.captured(1), src})) missing << hit.captured(1) + QStringLiteral(": ") + src;
                }
            }
        }
        QVERIFY2(calls >= 20, qPrintable(QString::number(calls)));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }

    // One word for "liquidation" in zh_CN: 强平 (the titles' 强平热力图, 强平分布图), never 清算 or
    // 爆仓 in some strings; longs/shorts are 多头/空头, never 多单/空单; a cluster is a 密集区, never
    // 簇 or 聚集区; "estimate" is 估算, never 估计.
    void chineseTerminologyIsConsistent() {
        const auto zh = tsMessages(QStringLiteral("translations/liquidationheatmap_zh_CN.ts"));
        QStringList odd;
        int liquidation = 0;
        for (auto it = zh.cbegin(); it != zh.cend(); ++it) {
            for (const char *word : {"清算", "爆仓", "多单", "空单", "簇", "聚集区", "估计"})
                if (it.value().contains(QString::fromUtf8(word))) odd << it.key().second + QStringLiteral(" -> ") + it.value();
            if (it.value().contains(QStringLiteral("强平"))) ++liquidation;
        }
        QVERIFY2(odd.isEmpty(), qPrintable(odd.join(QStringLiteral("\n"))));
        QVERIFY2(liquidation >= 45, qPrintable(QString::number(liquidation)));
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
