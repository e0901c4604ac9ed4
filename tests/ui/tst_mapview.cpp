// The liquidation map view off-screen: bar heights are the map's notional per bucket and leverage,
// stacked per side, cumulative curves and the price marker follow the map.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "common/Exporter.h"
#include "map/LiquidationMapView.h"

#include <QApplication>
#include <QMouseEvent>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

class TestMapView : public QObject {
    Q_OBJECT
private slots:
    void barsHoldNotionalPerLeverage() {
        LiquidationMapView v;
        v.resize(900, 600);
        v.show();
        auto m = test::makeMap();
        v.setMap(m);
        QVERIFY(!v.isShowingEmpty());
        // 3 leverages x 2 sides; rows 0..9 long (below the price), 10..19 short.
        for (int l = 0; l < 3; ++l) {
            QCPBars *lb = v.bars(Side::Long, l), *sb = v.bars(Side::Short, l);
            QVERIFY(lb && sb);
            QCOMPARE(lb->data()->size(), 20);
            // base/1000 = 1,100 for BTCUSDT 7d binance_standard.
            QCOMPARE(lb->data()->at(4)->key, 60450.0);
            QCOMPARE(lb->data()->at(4)->value, 1100.0 + 40 + l);
            QCOMPARE(lb->data()->at(15)->value, 0.0);
            QCOMPARE(sb->data()->at(15)->value, 1100.0 + 15 + 100 * l);
            QCOMPARE(sb->data()->at(4)->value, 0.0);
        }
        // Stacked: each leverage sits on the one before it, per side.
        QCOMPARE(v.bars(Side::Long, 1)->barBelow(), v.bars(Side::Long, 0));
        QCOMPARE(v.bars(Side::Short, 2)->barBelow(), v.bars(Side::Short, 1));
        QVERIFY(!v.bars(Side::Short, 0)->barBelow());
        QVERIFY(!v.bars(Side::Long, 3));
        // Cumulative curves from the price outward.
        QCOMPARE(v.cumulative(Side::Long)->data()->at(9)->value, m->cumulativeLong[9]);
        QCOMPARE(v.cumulative(Side::Long)->data()->at(0)->value, m->cumulativeLong[0]);
        QCOMPARE(v.cumulative(Side::Short)->data()->at(19)->value, m->cumulativeShort[19]);
        // The price marker is at the current price.
        auto lines = v.plot()->findChildren<QCPItemStraightLine *>();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0]->point1->coords().x(), 61050.0);
    }

    // No notional in any bucket: an empty state, not axes reading "$1 $1 $0".
    void zeroMapShowsEmptyState() {
        LiquidationMapView v;
        v.resize(900, 600);
        v.show();
        auto m = test::makeMap(QStringLiteral("BTCUSDT"), QStringLiteral("1y"));
        std::fill(m->longNotional.begin(), m->longNotional.end(), 0.0);
        std::fill(m->shortNotional.begin(), m->shortNotional.end(), 0.0);
        v.setMap(m);
        QVERIFY(v.isShowingEmpty());
        QVERIFY2(v.emptyText().contains(QStringLiteral("No estimated positions in this window")), qPrintable(v.emptyText()));
    }

    // Twelve leverages per side used to be 24 legend entries, a third of the dock at 1280×720.
    // Now: the two cumulative curves and one shade row per side, in two rows at dock width.
    void legendIsCompactWithTwelveLeverages() {
        LiquidationMapView v;
        v.resize(520, 640);  // the map dock at 1280×720
        v.show();
        auto m = test::makeMap();
        m->leverages = {3, 5, 10, 15, 20, 25, 35, 50, 75, 100, 125, 150};
        const size_t L = m->leverages.size();
        m->longNotional.assign(size_t(m->rows) * L, 0.0);
        m->shortNotional.assign(size_t(m->rows) * L, 0.0);
        for (int r = 0; r < m->rows; ++r)
            for (size_t l = 0; l < L; ++l) (r < 10 ? m->longNotional : m->shortNotional)[size_t(r) * L + l] = 1000 + l;
        v.setMap(m);
        QCoreApplication::processEvents();
        v.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(v.legendEntries(), QStringList({QStringLiteral("Cumulative longs"), QStringLiteral("Cumulative shorts"),
                                                 QStringLiteral("Longs"), QStringLiteral("Shorts")}));
        const int legendHeight = v.plot()->legend->outerRect().height();
        QVERIFY2(legendHeight * 8 < v.plot()->height(), qPrintable(QStringLiteral("legend %1 px of %2").arg(legendHeight).arg(v.plot()->height())));
    }

    void newMapReplacesBars() {
        LiquidationMapView v;
        v.resize(900, 600);
        v.show();
        v.setMap(test::makeMap());
        v.setMap(test::makeMap(QStringLiteral("ETHUSDT")));
        QCOMPARE(v.plot()->plottableCount(), 2 + 6);  // two curves + 2 x 3 bars, the old bars gone
        QCOMPARE(v.bars(Side::Long, 0)->data()->at(0)->value, 2100.0);
    }

    void hoverAndEmpty() {
        LiquidationMapView v;
        v.resize(900, 600);
        v.show();
        auto m = test::makeMap();
        v.setMap(m);
        v.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const QPoint px(int(v.plot()->xAxis->coordToPixel(60250)), v.plot()->axisRect()->center().y());
        QMouseEvent move(QEvent::MouseMove, QPointF(px), v.plot()->mapToGlobal(QPointF(px)), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(v.plot(), &move);
        // Row 2: longs 1120 + 1121 + 1122 = 3363 -> "$3.4K".
        QVERIFY2(v.readout().startsWith(QStringLiteral("60200 – 60300")), qPrintable(v.readout()));
        QVERIFY2(v.readout().contains(QStringLiteral("Longs $3.4K")), qPrintable(v.readout()));
        v.setMap(nullptr);
        QVERIFY(v.isShowingEmpty());
    }

    // At 1280x720 the map dock is about 440 px wide: every legend entry fits (none is cut to
    // "Cumulative lo"), and the ESTIMATE badge does not cover the price tag.
    void narrowDockKeepsLegendAndPriceTag() {
        LiquidationMapView v;
        v.resize(440, 600);
        v.show();
        v.setMap(test::makeMap());
        v.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPLegend *legend = v.plot()->legend;
        for (int i = 0; i < legend->itemCount(); ++i) {
            QCPAbstractLegendItem *item = legend->item(i);
            QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width(), qPrintable(QString::number(i)));
            QVERIFY(item->outerRect().right() <= v.plot()->width());
        }
        QCPItemText *tag = nullptr, *badge = nullptr;
        for (int i = 0; i < v.plot()->itemCount(); ++i)
            if (auto *t = qobject_cast<QCPItemText *>(v.plot()->item(i)))
                (t->text().startsWith(QStringLiteral("ESTIMATE")) ? badge : tag) = t;
        QVERIFY(tag && badge);
        const QRectF tagRect(tag->topLeft->pixelPosition(), tag->bottomRight->pixelPosition());
        const QRectF badgeRect(badge->topLeft->pixelPosition(), badge->bottomRight->pixelPosition());
        QVERIFY2(!tagRect.intersects(badgeRect), qPrintable(QStringLiteral("tag %1,%2 badge %3,%4")
                     .arg(tagRect.top()).arg(tagRect.bottom()).arg(badgeRect.top()).arg(badgeRect.bottom())));
    }

    // Live over history too old to roll forward: the view says why there is no map instead of
    // drawing the history's as today's; a map arriving meanwhile is kept for afterwards; live off
    // shows it again, or the empty state that was there before.
    void liveOnlyReplacesTheMapUntilLiveEnds() {
        LiquidationMapView v;
        v.resize(600, 500);
        v.show();
        v.setMap(test::makeMap());
        QVERIFY(!v.isShowingEmpty());
        const qint64 end = 1714608000000LL;  // 2024-05-02 00:00 UTC
        v.setLiveOnly(true, end);
        QVERIFY(v.isLiveOnly());
        QVERIFY(v.isShowingEmpty());
        QVERIFY2(v.emptyText().contains(QStringLiteral("No liquidation map for the live market")), qPrintable(v.emptyText()));
        QVERIFY2(v.emptyText().contains(QStringLiteral("The history ends 2024-05-02 00:00 UTC, more than a day before the live stream")),
                 qPrintable(v.emptyText()));
        const auto eth = test::makeMap(QStringLiteral("ETHUSDT"));
        v.setMap(eth);
        QVERIFY(v.isShowingEmpty());
        QVERIFY(v.emptyText().contains(QStringLiteral("No liquidation map for the live market")));
        v.setLiveOnly(false);
        QVERIFY(!v.isShowingEmpty());
        QCOMPARE(v.map(), MapPtr(eth));
        QCOMPARE(v.bars(Side::Long, 0)->data()->at(0)->value, eth->longNotional[0]);

        v.showEmpty(QStringLiteral("No estimate for X"), QStringLiteral("because"));
        v.setLiveOnly(true, end);
        QVERIFY(v.emptyText().contains(QStringLiteral("No liquidation map for the live market")));
        v.setLiveOnly(false);
        QVERIFY(v.isShowingEmpty());
        QVERIFY2(v.emptyText().contains(QStringLiteral("No estimate for X")), qPrintable(v.emptyText()));
        QVERIFY(!v.map());
    }

    void csvExport() {
        QTemporaryDir dir;
        auto m = test::makeMap();
        const QString path = dir.filePath(QStringLiteral("map.csv"));
        QVERIFY(Exporter::writeMapCsv(*m, path).ok());
        const QList<QByteArray> lines = test::readFile(path).split('\n');
        QCOMPARE(lines[0], QByteArray("price_low,price_high,side,leverage,notional_usd,cumulative_usd"));
        QCOMPARE(lines[1], QByteArray("60000,60100,long,10,1100.00,") + QByteArray::number(m->cumulativeLong[0], 'f', 2));
        QCOMPARE(lines.size(), 1 + 60 + 1);  // header, 20 rows x 3 leverages, trailing newline
        auto g = test::makeGrid();
        QVERIFY(Exporter::writeGridCsv(*g, dir.filePath(QStringLiteral("grid.csv"))).ok());
        const QList<QByteArray> gl = test::readFile(dir.filePath(QStringLiteral("grid.csv"))).split('\n');
        QCOMPARE(gl.size(), 1 + 240 + 1);
        QCOMPARE(gl[2], QByteArray("1714521600000,60100,60200,1100001.00,550010.00"));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestMapView)
#include "tst_mapview.moc"
