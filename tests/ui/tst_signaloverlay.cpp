// The heatmap's trading signals: runs of equal signals drawn as marks along the time axis and the
// current one as a badge (hand-built signals), and the main window computing them off the UI
// thread on the real section 13 store, equal to what `lhm signals` says for the shown window.
#include "GridFixtures.h"
#include "TestSupport.h"

#include "heatmap/HeatmapView.h"
#include "heatmap/SignalOverlay.h"
#include "ingest/Importer.h"
#include "main/MainWindow.h"
#include "main/SignalWiring.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QToolTip>
#include <QTimeZone>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

namespace {
constexpr qint64 kHour = 3'600'000;
constexpr qint64 kT0 = 1'723'593'600'000LL;  // 2024-08-14T00:00:00Z

Signal sig(int hour, SignalKind kind) {
    Signal s;
    s.time = kT0 + hour * kHour;
    s.kind = kind;
    s.price = 60000;
    s.confidence = 0.8;
    return s;
}

QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate); }
}  // namespace

class TstSignalOverlay : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void runsAndBadge() {
        HeatmapView v;
        SignalOverlay *o = new SignalOverlay(v.plot());
        // Bars closing at hours 1..7: NONE, AVOID, AVOID, WAIT, (hour 5 missing), WAIT, REVERSAL.
        std::vector<Signal> s{sig(1, SignalKind::None), sig(2, SignalKind::Avoid), sig(3, SignalKind::Avoid),
                              sig(4, SignalKind::Wait), sig(6, SignalKind::Wait), sig(7, SignalKind::Reversal)};
        s.back().realisedUsd = 12'000'000;
        s.back().predictedUsd = 3'000'000;
        o->setSignals(s, kHour);
        // AVOID spans bars [1h, 3h) after T0; the WAIT bars are split by the missing hour 5;
        // a bar's mark runs from its open (close - 1 h) to its close.
        QCOMPARE(o->markCount(), 4);
        const auto &r = o->runs();
        const double t0 = kT0 / 1000.0;
        QCOMPARE(r[0].kind, SignalKind::Avoid);
        QCOMPARE(r[0].from, t0 + 3600);
        QCOMPARE(r[0].to, t0 + 3 * 3600);
        QCOMPARE(r[1].kind, SignalKind::Wait);
        QCOMPARE(r[1].from, t0 + 3 * 3600);
        QCOMPARE(r[1].to, t0 + 4 * 3600);
        QCOMPARE(r[2].from, t0 + 5 * 3600);
        QCOMPARE(r[3].kind, SignalKind::Reversal);
        QCOMPARE(r[3].to, t0 + 7 * 3600);
        QCOMPARE(o->badgeText(), QStringLiteral("Signal (estimate) at 2024-08-14 07:00 UTC: REVERSAL OPPORTUNITY\n"
                                                "realised liquidations $12.00M beyond the $3.00M predicted"));
        o->setUnavailable(QStringLiteral("no 1h candles"));
        QCOMPARE(o->markCount(), 0);
        QCOMPARE(o->badgeText(), QStringLiteral("Signal: — (no 1h candles)"));
        o->clear();
        QVERIFY(o->badgeText().isEmpty());
    }

    // In a narrow heatmap (1280x720 beside the map dock) the detail line ran past the plot's right
    // edge. Each line is elided to the axis rect; the whole text is the badge's tooltip.
    void badgeElidedToThePlotWithTooltip() {
        HeatmapView v;
        v.resize(420, 400);
        v.show();
        v.setGrid(test::makeGrid());
        QCoreApplication::processEvents();
        SignalOverlay *o = new SignalOverlay(v.plot());
        Signal s = sig(1, SignalKind::Avoid);
        s.nearest.valid = true;
        s.nearest.distancePct = 0.42;
        s.nearest.side = Side::Long;
        s.nearest.price = 59750;
        s.nearest.notional = 48'300'000;
        o->setSignals({s}, kHour);
        QCustomPlot *plot = v.plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        auto *badge = plot->findChild<QCPItemText *>(QStringLiteral("signalBadge"));
        QVERIFY(badge);
        const QRectF b = QRectF(badge->topLeft->pixelPosition(), badge->bottomRight->pixelPosition()).normalized();
        const QRectF axis = plot->axisRect()->rect();
        QVERIFY2(axis.contains(b), qPrintable(QStringLiteral("badge right %1, axis right %2").arg(b.right()).arg(axis.right())));
        const QString full = QStringLiteral("Signal (estimate) at 2024-08-14 01:00 UTC: AVOID\n"
                                            "price within 0.42 % of a long cluster at 59750 ($48.30M)");
        QCOMPARE(o->badgeText(), full);
        QVERIFY2(o->shownText() != full && o->shownText().contains(QChar(0x2026)), qPrintable(o->shownText()));
        QCOMPARE(o->badgeToolTip(), full);
        // Hovering the badge shows the whole text.
        QMouseEvent move(QEvent::MouseMove, b.center(), plot->mapToGlobal(b.center()), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(plot, &move);
        QTRY_COMPARE(QToolTip::text(), full);
        // Wide enough: drawn whole, no tooltip.
        v.resize(1400, 700);
        QCoreApplication::processEvents();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(o->shownText(), full);
        QVERIFY(o->badgeToolTip().isEmpty());
    }

    // Real data: the window computes the signals off the UI thread after the grid, and the badge
    // and marks agree with `lhm signals` over the shown window (the same walk-forward rules).
    void mainWindowOnRealData() {
        test::TempStore t;
        ImportOptions io;
        io.zoneOffsetMs = 6 * kHour;
        Importer imp(*t.store, io);
        for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
            QVERIFY(!imp.importFile(test::sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") +
                                                     QLatin1String(f))).error);
        t.store.reset();
        MainWindowOptions mo;
        mo.dbPath = t.path;
        mo.settingsPath = dir_.filePath(QStringLiteral("s.ini"));
        mo.firstRunDialog = false;
        MainWindow w(mo);
        QSignalSpy computed(w.signalWiring(), &SignalWiring::computed);
        w.resize(1280, 720);
        w.show();
        QVERIFY(computed.wait(60000));
        const GridPtr grid = w.session()->grid();
        QVERIFY(grid);
        const SignalOverlay *o = w.signalWiring()->overlay();
        QVERIFY2(o->badgeText().startsWith(QStringLiteral("Signal (estimate) at ")), qPrintable(o->badgeText()));

        const qint64 from = grid->times.front(), to = grid->times.back() + grid->intervalMs;
        test::CliRun r = test::runCli({QStringLiteral("--db"), t.path, QStringLiteral("signals"), QStringLiteral("--symbol"),
                                       QStringLiteral("BTCUSDT"), QStringLiteral("--window"), grid->window,
                                       QStringLiteral("--from"), iso(from), QStringLiteral("--to"), iso(to),
                                       QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), grid->cols());  // 7 days of hourly bars
        // Count the CLI's runs of equal non-NONE signals: one mark each.
        int runs = 0;
        QString prev;
        for (const QJsonValue &v : arr) {
            const QString s = v.toObject().value(QStringLiteral("signal")).toString();
            if (s != prev && s != QLatin1String("NONE")) ++runs;
            prev = s;
        }
        QCOMPARE(o->markCount(), runs);
        const QString last = arr.last().toObject().value(QStringLiteral("signal")).toString();
        const QString shown = last == QLatin1String("REVERSAL_OPPORTUNITY") ? QStringLiteral("REVERSAL OPPORTUNITY") : last;
        QVERIFY2(o->badgeText().section(QLatin1Char('\n'), 0, 0).endsWith(QStringLiteral(": ") + shown),
                 qPrintable(o->badgeText() + QStringLiteral(" vs ") + last));

        // "All exchanges" sums venues; a signal decided on one venue's candles would pass for the
        // whole market's, so the badge says signals are per exchange and draws no marks.
        Selection all = w.session()->selection();
        all.exchange = QStringLiteral("all");
        computed.clear();
        w.session()->setSelection(all);
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->grid() && w.session()->grid()->exchange == QLatin1String("all") &&
                                     o->badgeText() == QStringLiteral("Signal: — (per exchange: pick one exchange)"),
                                 60000);
        QCOMPARE(o->markCount(), 0);
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TstSignalOverlay)
#include "tst_signaloverlay.moc"
