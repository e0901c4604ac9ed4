// The Research tab off-screen on the real section 13 set: validation with its baseline, rule errors
// as you type, a backtest with three equity curves, trades and CSV export, in both themes.
// LHM_RESEARCH_SHOTS=DIR also saves screenshots there (for looking at them by hand).
#include "TestSupport.h"

#include "common/Theme.h"
#include "common/Translator.h"
#include "ingest/Importer.h"
#include "research/ResearchPanel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

using namespace lhm;
using namespace lhm::ui;

namespace {
constexpr qint64 kHour = 3'600'000;
// 2024-07-01T00:00Z and 2024-08-19T00:00Z
constexpr qint64 kFrom = 1719792000000LL, kTo = 1724025600000LL;

void shot(QWidget &w, const QString &name) {
    const QString dir = qEnvironmentVariable("LHM_RESEARCH_SHOTS");
    if (!dir.isEmpty()) w.grab().save(dir + QLatin1Char('/') + name);
}
}  // namespace

class TstResearch : public QObject {
    Q_OBJECT
    test::TempStore store_;

private slots:
    void initTestCase() {
        ImportOptions o;
        o.zoneOffsetMs = 6 * kHour;
        Importer imp(*store_.store, o);
        for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
            QVERIFY(!imp.importFile(test::sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") +
                                                     QLatin1String(f))).error);
        store_.store.reset();  // the panel opens its own read-only connection
    }

    void validationBesideBaseline() {
        Theme::apply(Theme::Dark);
        ResearchPanel p(store_.path);
        p.resize(1600, 900);
        QVERIFY(p.validationSummary().contains(QStringLiteral("—")));  // nothing measured yet
        p.setPeriod(kFrom, kTo);
        QSignalSpy done(&p, &ResearchPanel::finished);
        QSignalSpy progress(&p, &ResearchPanel::progressChanged);
        QSignalSpy stored(&p, &ResearchPanel::validationStored);
        p.runValidation();
        QVERIFY(p.isBusy());
        QCOMPARE(p.progressPermille(), 0);
        QVERIFY(done.wait(60000));
        QVERIFY(!p.isBusy());
        QCOMPARE(p.progressPermille(), -1);
        // Progress as a fraction: rising steps strictly between nothing and done were shown.
        QVERIFY2(progress.size() >= 2, qPrintable(QString::number(progress.size())));
        int last = 0, between = 0;
        for (const QList<QVariant> &args : progress) {
            const int v = args.at(0).toInt();
            QVERIFY(v > last && v <= ResearchPanel::kProgressSteps);
            between += v < ResearchPanel::kProgressSteps;
            last = v;
        }
        QVERIFY(between > 0);
        // Kept for the comparison view: one row for the model validated.
        QCOMPARE(stored.size(), 1);
        QCOMPARE(test::sqlScalar(store_.path, QStringLiteral("SELECT count(*) FROM validation_results WHERE model="
                                                             "'binance_standard' AND spearman IS NOT NULL AND "
                                                             "baseline_spearman IS NOT NULL")),
                 qint64(1));
        // The baseline's rho over this period does not depend on the model; the summary must show
        // the model's figure and the baseline's side by side with the interval.
        const QString s = p.validationSummary();
        QVERIFY2(s.contains(QStringLiteral("binance_standard")) && s.contains(QStringLiteral("baseline")) &&
                     s.contains(QStringLiteral("95 %")),
                 qPrintable(s));
        auto *chart = p.findChild<QChartView *>(QStringLiteral("validationChart"))->chart();
        QCOMPARE(chart->series().size(), 1);
        shot(p, QStringLiteral("research-validation-dark.png"));
    }

    // Cancel stops a run: nothing shown, nothing stored, the panel ready again.
    void cancelStops() {
        ResearchPanel p(store_.path);
        p.setSeries(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
        p.setPeriod(kFrom - 30 * 24 * kHour, kTo);
        QSignalSpy done(&p, &ResearchPanel::finished);
        QSignalSpy stored(&p, &ResearchPanel::validationStored);
        p.runValidation();
        p.cancel();
        QVERIFY(done.wait(60000));
        QCOMPARE(stored.size(), 0);
        QVERIFY(!p.isBusy());
        QVERIFY2(p.findChild<QLabel *>(QStringLiteral("researchStatus"))->text().contains(QStringLiteral("cancelled")),
                 qPrintable(p.findChild<QLabel *>(QStringLiteral("researchStatus"))->text()));
    }

    void rulesAndBacktest() {
        Theme::apply(Theme::Light);
        ResearchPanel p(store_.path);
        p.resize(1280, 720);
        p.setPeriod(kFrom, kTo);
        p.setRules(QStringLiteral("dist_lng_cluster_pct < 2"), QStringLiteral("0"));
        QVERIFY2(p.ruleError().contains(QStringLiteral("'dist_lng_cluster_pct'")), qPrintable(p.ruleError()));
        QVERIFY(!p.findChild<QPushButton *>(QStringLiteral("runBacktest"))->isEnabled());
        p.setRules(QStringLiteral("dist_long_cluster_pct < 2"), QStringLiteral("dist_short_cluster_pct < 1 or close < open * 0.97"));
        QVERIFY(p.ruleError().isEmpty());
        QVERIFY(p.findChild<QPushButton *>(QStringLiteral("runBacktest"))->isEnabled());
        QSignalSpy done(&p, &ResearchPanel::finished);
        p.runBacktest();
        QVERIFY(done.wait(60000));
        auto *equity = p.findChild<QChartView *>(QStringLiteral("equityChart"))->chart();
        QCOMPARE(equity->series().size(), 3);  // rules, buy and hold, shifted clusters
        QVERIFY(p.tradeRows() > 0);
        const QString csv = store_.dir.filePath(QStringLiteral("trades.csv"));
        QVERIFY(p.exportTrades(csv));
        QCOMPARE(test::readFile(csv).count('\n'), p.tradeRows() + 1);
        shot(p, QStringLiteral("research-backtest-light.png"));
    }

    void chinese() {
        QCOMPARE(Translator::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        Theme::apply(Theme::Dark);
        ResearchPanel p(store_.path);
        p.resize(1280, 720);
        QVERIFY(p.validationSummary().startsWith(QStringLiteral("尚未运行验证")));
        QCOMPARE(p.findChild<QPushButton *>(QStringLiteral("runBacktest"))->text(), QStringLiteral("运行回测"));
        p.setPeriod(kFrom, kTo);
        QSignalSpy done(&p, &ResearchPanel::finished);
        p.runValidation();
        QVERIFY(done.wait(60000));
        QVERIFY2(p.validationSummary().contains(QStringLiteral("基线")), qPrintable(p.validationSummary()));
        shot(p, QStringLiteral("research-zh.png"));
        Translator::install(QStringLiteral("en"));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TstResearch)
#include "tst_research.moc"
