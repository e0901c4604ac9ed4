// The heatmap view off-screen: colour-map cells hold the grid's values (and the LOD block maxima
// for large grids), the side toggle and cut-off change what is drawn, the hover read-out reports
// the cell under the cursor, overlays and the empty state.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "common/Format.h"
#include "heatmap/CandleLayer.h"
#include "heatmap/DensityLayer.h"
#include "heatmap/HeatmapLegend.h"
#include "heatmap/HeatmapView.h"
#include "map/LiquidationMapView.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QToolButton>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

class TestHeatmapView : public QObject {
    Q_OBJECT

    std::unique_ptr<HeatmapView> shown() {
        auto v = std::make_unique<HeatmapView>();
        v->resize(1200, 700);
        v->show();
        QCoreApplication::processEvents();
        return v;
    }

private slots:
    // The default range (common/ViewPriceRange.h), worked out by hand. A 400-row grid from 60,000
    // ($100 rows); at the window's end (the last column: what the map draws) longs of 1e6 at row 20
    // (62,000, 18 % below the price), 1.5e6 at row 140 (74,000) and 3e6 at row 100 (70,000); shorts
    // of 2e6 at row 350 (95,000, 25 % above) and 0.2e6 at row 380 (98,000: under 10 % of the peak,
    // not a cluster); 5e6 at row 0 in the first column only (consumed since: the map does not show
    // it). Candles 73,000..79,000, price 76,043 (the last close).
    static GridPtr clusterGrid(const QString &window, double candleLow, double candleHigh) {
        auto g = test::makeGrid(QStringLiteral("BTCUSDT"), window, QStringLiteral("binance_standard"), 24, 400, 100);
        std::fill(g->longDensity.begin(), g->longDensity.end(), 0.f);
        std::fill(g->shortDensity.begin(), g->shortDensity.end(), 0.f);
        g->longDensity[0] = 5e6f;
        const size_t last = size_t(g->cols() - 1) * 400;
        g->longDensity[last + 20] = 1e6f;
        g->longDensity[last + 100] = 3e6f;
        g->longDensity[last + 140] = 1.5e6f;
        g->shortDensity[last + 350] = 2e6f;
        g->shortDensity[last + 380] = 0.2e6f;
        g->candles[0].low = candleLow;
        g->candles[5].high = candleHigh;
        return g;
    }
    // The map of the same levels and candles, one leverage column.
    static MapPtr mapOf(const HeatmapGrid &g) {
        auto m = std::make_shared<LiquidationMap>();
        m->exchange = g.exchange, m->symbol = g.symbol, m->model = g.model, m->window = g.window;
        m->currentPrice = g.currentPrice, m->bucketSize = g.bucketSize, m->priceMin = g.priceMin, m->rows = g.rows;
        m->candleLow = g.candles[0].low, m->candleHigh = g.candles[5].high;
        m->leverages = {10};
        for (int r = 0; r < g.rows; ++r) {
            m->longNotional.push_back(g.longAt(g.cols() - 1, r));
            m->shortNotional.push_back(g.shortAt(g.cols() - 1, r));
        }
        m->cumulativeLong.assign(size_t(g.rows), 0);
        m->cumulativeShort.assign(size_t(g.rows), 0);
        return m;
    }

    // 7d: the candles need 8 % of the height, so up to 6,000 / 0.08 = 75,000 may be shown. The
    // clusters (rows 20, 100, 140, 350) and candles span 62,000..95,100 (33,100): all in view,
    // padded by 4 % (1,324) → 60,676..96,424. The liquidation map shows the same range.
    void defaultRangeKeepsFarClusters() {
        auto g = clusterGrid(QStringLiteral("7d"), 73000, 79000);
        QCOMPARE(g->currentPrice, 76043.0);
        const auto [lo, hi] = HeatmapView::defaultPriceRange(*g);
        QCOMPARE(lo, 60676.0);
        QCOMPARE(hi, 96424.0);
        auto v = shown();
        v->setGrid(g);
        QCOMPARE(v->plot()->yAxis->range(), QCPRange(60676, 96424));
        LiquidationMapView map;
        map.resize(600, 500);
        map.setMap(mapOf(*g));
        QCOMPARE(map.plot()->xAxis->range(), QCPRange(60676, 96424));
        // Zoomed away, Fit brings the same range back.
        v->plot()->yAxis->setRange(70000, 71000);
        v->resetView();
        QCOMPARE(v->plot()->yAxis->range(), QCPRange(60676, 96424));
    }
    // 12h: candles 75,400..76,600 (1,200) must fill a quarter of the range before padding: at most
    // 4,800, room 3,600 beside the candles; both sides need more than half (13,400 below, 18,500
    // above), so 1,800 each → 73,600..78,400, padded by 192 → 73,408..78,592. The near cluster
    // (74,000) is in view, the far ones are left to panning, in the map too; the candles fill
    // 1,200 / 5,184 = 23.1 % of the height.
    void twelveHourCandlesStayReadable() {
        auto g = clusterGrid(QStringLiteral("12h"), 75400, 76600);
        const auto [lo, hi] = HeatmapView::defaultPriceRange(*g);
        QCOMPARE(lo, 73408.0);
        QCOMPARE(hi, 78592.0);
        QVERIFY(lo < 74000 && 74100 < hi);
        QVERIFY((76600 - 75400) / (hi - lo) >= 0.23);
        LiquidationMapView map;
        map.resize(600, 500);
        map.setMap(mapOf(*g));
        QCOMPARE(map.plot()->xAxis->range(), QCPRange(73408, 78592));
        // The candles are as wide as a column: 70 % of an hour.
        auto v = shown();
        v->setGrid(g);
        QCOMPARE(v->plot()->yAxis->range(), QCPRange(73408, 78592));
        QCOMPARE(v->candles()->count(), 24);
        QCOMPARE(v->candles()->width(), 3600 * 0.7);
    }

    // A grid with cells but no notional anywhere (a window the data does not reach): an empty
    // state that says so, not a "$0 … $1" colour scale over an empty plot.
    void zeroGridShowsEmptyStateNotDegenerateScale() {
        auto v = shown();
        v->setGrid(test::makeGrid());
        QVERIFY(!v->isShowingEmpty());
        auto zero = test::makeGrid(QStringLiteral("BTCUSDT"), QStringLiteral("1y"));
        std::fill(zero->longDensity.begin(), zero->longDensity.end(), 0.f);
        std::fill(zero->shortDensity.begin(), zero->shortDensity.end(), 0.f);
        QVERIFY(!HeatmapView::hasDensity(*zero));
        v->setGrid(zero);
        QVERIFY(v->isShowingEmpty());
        QVERIFY2(v->emptyText().contains(QStringLiteral("No estimated positions in this window")), qPrintable(v->emptyText()));
        QVERIFY(v->emptyText().contains(QStringLiteral("BTCUSDT · Binance · 1y")));
    }

    // Every mark on the plot is named: the dashed price line, the model's dots, the live circles.
    void legendNamesLinesAndDots() {
        auto v = shown();
        auto g = test::makeGrid();
        v->setGrid(g);
        QCOMPARE(v->legend()->entries(),
                 QStringList({QStringLiteral("Price (dashed line, tag on the right)"),
                              QStringLiteral("Predicted long liquidations (model, dots)"),
                              QStringLiteral("Predicted short liquidations (model, dots)")}));
        LiquidationEvent e{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), Side::Long, 60300, 0.1, 10000, g->times[3], 0};
        v->addRealisedLiquidations({e});
        QCOMPARE(v->legend()->entries().size(), 5);
        QCOMPARE(v->legend()->entries().at(3), QStringLiteral("Realised long liquidations (live, circle ∝ size)"));
        // Live events on their own: the model's dots are hidden, so the legend drops them and
        // names the stream's price trace instead.
        v->setLiveOnly(true);
        QCOMPARE(v->legend()->entries(),
                 QStringList({QStringLiteral("Price (dashed line, tag on the right)"), QStringLiteral("Live trades (price)"),
                              QStringLiteral("Realised long liquidations (live, circle ∝ size)"),
                              QStringLiteral("Realised short liquidations (live, circle ∝ size)")}));
        QVERIFY(v->plot()->legend->visible());
    }

    // A store missing a stretch of candles gives a grid whose columns skip it (1y over May and
    // June-August 2024: 66 daily columns for 101 days). The colour map drew column i at
    // times[0] + i * interval, so everything after the gap appeared 37 days early, away from
    // its candles and dots. Columns 8..19 of the fixture removed: column 20 (long 1,102,004 +
    // short 550,060 at row 4) is drawn at its own time, the gap is empty, 12 candles are drawn.
    void gapInTheDataStaysAGap() {
        auto v = shown();
        auto g = test::makeGrid();
        const int rows = g->rows;
        auto erase = [&](auto &vec, size_t per) { vec.erase(vec.begin() + ptrdiff_t(8 * per), vec.begin() + ptrdiff_t(20 * per)); };
        erase(g->times, 1);
        erase(g->candles, 1);
        erase(g->longDensity, size_t(rows));
        erase(g->shortDensity, size_t(rows));
        QCOMPARE(g->cols(), 12);
        const qint64 t0 = g->times.front();
        v->setGrid(g);
        const double at20 = (t0 + 20 * 3600'000LL + 1800'000) / 1000.0, at10 = (t0 + 10 * 3600'000LL + 1800'000) / 1000.0;
        const double row4 = 60000 + 4.5 * 100;
        QCOMPARE(v->layer()->colorMap()->data()->data(at20, row4), 1102004.0 + 550060.0);
        QCOMPARE(v->layer()->colorMap()->data()->data(at10, row4), 0.0);
        int col = -1, row = -1;
        QVERIFY(v->layer()->cellAt(at20, row4, &col, &row));
        QCOMPARE(v->layer()->grid()->times[size_t(col)], t0 + 20 * 3600'000LL);
        QCOMPARE(v->candles()->count(), 12);
        // Evenly spaced grids are drawn as they are (no copy).
        auto even = test::makeGrid();
        QCOMPARE(DensityLayer::uniformColumns(even), even);
    }

    // Live-only at 1280x720 the heatmap's axis rect is about 510 px wide beside the map dock: the
    // waiting line (top left) ran under the legend (top right). It must sit clear of it, inside the plot.
    void liveOnlyWaitingLineClearOfLegend_data() {
        QTest::addColumn<int>("width");
        QTest::newRow("480") << 480;
        QTest::newRow("705: as in the 1280x720 window, text 6 px from the legend") << 705;
        QTest::newRow("600") << 600;
        QTest::newRow("900") << 900;
    }
    void liveOnlyWaitingLineClearOfLegend() {
        QFETCH(int, width);
        auto v = shown();
        v->resize(width, 520);
        QCoreApplication::processEvents();
        v->setGrid(test::makeGrid());
        v->setLiveOnly(true);
        v->setLivePrice(61800, 1715212800000LL);
        QVERIFY(v->isWaitingForLive());
        QCustomPlot *plot = v->plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCPItemText *waiting = nullptr;
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto *t = qobject_cast<QCPItemText *>(plot->item(i)); t && t->visible() && t->text().startsWith(QStringLiteral("Live: waiting")))
                waiting = t;
        QVERIFY(waiting);
        const QRectF w = QRectF(waiting->topLeft->pixelPosition(), waiting->bottomRight->pixelPosition()).normalized();
        const QRectF legend = plot->legend->outerRect();
        QVERIFY(plot->legend->visible() && !legend.isEmpty());
        const auto str = [](const QRectF &r) { return QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height()); };
        const QString all = QStringLiteral("waiting %1 legend %2 axis %3").arg(str(w), str(legend), str(plot->axisRect()->rect()));
        // Apart by 12 px at least, not merely disjoint.
        QVERIFY2(!w.intersects(legend.adjusted(-12, 0, 0, 0)), qPrintable(all));
        QVERIFY2(QRectF(plot->axisRect()->rect()).contains(w), qPrintable(all));
    }

    // Live with history too old to roll: before any liquidation arrives, the price ticks set the
    // view and are drawn as a trace, and a line says what the view waits for. One tick: ten
    // minutes (the shortest span) ending a minute after it, price ±0.05 % (91,000 ± 45.5). A tick
    // 20 minutes later at 91,500: from a minute before the first to a minute after the newest,
    // price 91,000 … 91,500 with 15 % of the 500 spread (75) each side.
    void liveOnlyFollowsThePriceBeforeTheFirstLiquidation() {
        auto v = shown();
        v->setGrid(test::makeGrid());
        v->setLiveOnly(true);
        const qint64 t = 1764547200000LL;  // 2025-12-01 00:00 UTC
        v->setLivePrice(91000, t);
        QVERIFY(v->isWaitingForLive());
        QCOMPARE(v->liveTracePoints(), 1);
        QCOMPARE(v->plot()->xAxis->range().lower, t / 1000.0 - 540);
        QCOMPARE(v->plot()->xAxis->range().upper, t / 1000.0 + 60);
        QCOMPARE(v->plot()->yAxis->range().lower, 91000 - 45.5);
        QCOMPARE(v->plot()->yAxis->range().upper, 91000 + 45.5);
        QCOMPARE(v->priceTagText(), QStringLiteral("91000"));
        v->setLivePrice(91500, t + 1'200'000);
        QCOMPARE(v->liveTracePoints(), 2);
        QCOMPARE(v->plot()->xAxis->range().lower, t / 1000.0 - 60);
        QCOMPARE(v->plot()->xAxis->range().upper, t / 1000.0 + 1260);
        QCOMPARE(v->plot()->yAxis->range().lower, 90925.0);
        QCOMPARE(v->plot()->yAxis->range().upper, 91575.0);
        LiquidationEvent e{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), Side::Long, 90500, 0.1, 9050, t + 5000, 0};
        v->addRealisedLiquidations({e});
        QVERIFY(!v->isWaitingForLive());
        // Live ends: the estimate's view and price (60,443, the fixture's last close), no trace.
        v->endLive();
        QVERIFY(!v->isWaitingForLive());
        QVERIFY(!v->isLiveOnly());
        QCOMPARE(v->liveTracePoints(), 0);
        QCOMPARE(v->priceTagText(), QStringLiteral("60443"));
    }

    void cellsHoldGridValues() {
        auto v = shown();
        auto g = test::makeGrid();
        v->setGrid(g);
        QVERIFY(!v->isShowingEmpty());
        const DisplayGrid &d = v->layer()->display();
        QCOMPARE(d.colStep, 1);
        QCOMPARE(d.rowStep, 1);
        QCOMPARE(d.cols, 24);
        QCOMPARE(d.rows, 10);
        QCPColorMapData *data = v->layer()->colorMap()->data();
        QCOMPARE(data->keySize(), 24);
        QCOMPARE(data->valueSize(), 10);
        // Both sides: long + short. Cell (7, 4): 1,100,000 + 700 + 4 + 550,000 + 7 + 40.
        QCOMPARE(data->cell(7, 4), 1650751.0);
        v->setSide(DensitySide::Long);
        QCOMPARE(v->layer()->colorMap()->data()->cell(7, 4), 1100704.0);
        v->setSide(DensitySide::Short);
        QCOMPARE(v->layer()->colorMap()->data()->cell(7, 4), 550047.0);
        // The cell centre in plot coordinates is where the grid puts it.
        double key = 0, value = 0;
        v->layer()->colorMap()->data()->cellToCoord(7, 4, &key, &value);
        QCOMPARE(key, (g->times[7] + 1800'000) / 1000.0);
        QCOMPARE(value, 60450.0);
    }

    void controlsDriveTheView() {
        auto v = shown();
        v->setGrid(test::makeGrid());
        QSignalSpy sides(v.get(), &HeatmapView::sideChanged);
        QToolButton *longs = nullptr;
        for (auto *b : v->findChildren<QToolButton *>())
            if (b->text() == QLatin1String("Longs")) longs = b;
        QVERIFY(longs);
        longs->click();
        QCOMPARE(v->side(), DensitySide::Long);
        QCOMPARE(sides.count(), 1);
        QCOMPARE(v->layer()->colorMap()->data()->cell(7, 4), 1100704.0);
        auto spins = v->findChildren<QDoubleSpinBox *>();
        QCOMPARE(spins.size(), 2);
        spins[1]->setValue(100);  // upper cut-off at the maximum long value
        QCOMPARE(v->highCutoff(), 100.0);
        QCOMPARE(v->layer()->colorMap()->dataRange().upper, 1102309.0);
    }

    void largeGridIsReducedByBlockMaximum() {
        auto v = shown();
        auto g = test::makeGrid(QStringLiteral("BTCUSDT"), QStringLiteral("1y"), QStringLiteral("binance_standard"), 4000, 1500, 10);
        v->setGrid(g);
        v->layer()->refreshNow();
        const DisplayGrid &d = v->layer()->display();
        const QRect ar = v->plot()->axisRect()->rect();
        QVERIFY2(d.colStep > 1 && d.rowStep > 1, qPrintable(QStringLiteral("%1 %2").arg(d.colStep).arg(d.rowStep)));
        QVERIFY(d.cols <= ar.width() + 1);
        QVERIFY(d.rows <= ar.height() + 1);
        // Display cell (3, 2) is the maximum of its block: the block's last column and row.
        const int c1 = d.colFrom + 4 * d.colStep - 1, r1 = d.rowFrom + 3 * d.rowStep - 1;
        QCOMPARE(double(d.at(3, 2)), double(g->longAt(c1, r1) + g->shortAt(c1, r1)));
        QCOMPARE(v->layer()->colorMap()->data()->cell(3, 2), double(d.at(3, 2)));
        // Zooming in far enough shows source cells one to one again.
        v->plot()->xAxis->setRange(g->times[100] / 1000.0, g->times[160] / 1000.0);
        v->plot()->yAxis->setRange(g->rowPrice(200), g->rowPrice(260));
        v->layer()->refreshNow();
        QCOMPARE(v->layer()->display().colStep, 1);
        QCOMPARE(v->layer()->display().rowStep, 1);
        // Without LOD the colour map holds the whole grid.
        v->layer()->setLodEnabled(false);
        QCOMPARE(v->layer()->colorMap()->data()->keySize(), 4000);
        QCOMPARE(v->layer()->colorMap()->data()->valueSize(), 1500);
    }

    void hoverReportsCellUnderCursor() {
        auto v = shown();
        auto g = test::makeGrid();
        v->setGrid(g);
        v->plot()->replot(QCustomPlot::rpImmediateRefresh);
        const int col = 5, row = 3;
        const QPoint px(int(v->plot()->xAxis->coordToPixel((g->times[col] + 1800'000) / 1000.0)),
                        int(v->plot()->yAxis->coordToPixel(g->rowCenter(row))));
        QMouseEvent move(QEvent::MouseMove, QPointF(px), v->plot()->mapToGlobal(QPointF(px)), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(v->plot(), &move);
        const QString text = v->readout();
        QVERIFY(v->crosshairVisible());  // a crosshair and a tooltip, not a status line
        QVERIFY2(text.contains(QStringLiteral("2024-05-01 05:00 UTC")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("60300 – 60400")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Longs ") + Format::usd(1100503)), qPrintable(text));  // $1.10M
        QVERIFY2(text.contains(QStringLiteral("Shorts ") + Format::usd(550035)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0.82")), qPrintable(text));
        // Outside the grid: back to the hint.
        QMouseEvent out(QEvent::MouseMove, QPointF(2, 2), v->plot()->mapToGlobal(QPointF(2, 2)), Qt::NoButton, Qt::NoButton,
                        Qt::NoModifier);
        QCoreApplication::sendEvent(v->plot(), &out);
        QVERIFY(!v->readout().contains(QStringLiteral("Longs")));
        QVERIFY(!v->crosshairVisible());
    }

    void cutoffSetsColourRange() {
        auto v = shown();
        auto g = test::makeGrid();
        v->setGrid(g);
        v->setSide(DensitySide::Long);
        v->setCutoff(0, 100);
        // Long values run from 1,100,000 (c=0, r=0) to 1,102,309 (c=23, r=9).
        QCOMPARE(v->layer()->colorMap()->dataRange().lower, 1100000.0);
        QCOMPARE(v->layer()->colorMap()->dataRange().upper, 1102309.0);
        v->setCutoff(50, 50);
        QCOMPARE(v->layer()->colorMap()->dataRange().lower, v->layer()->colourRange().first);
        QVERIFY(v->layer()->colourRange().first > 1100000.f);
    }

    void overlaysAndBubbles() {
        auto v = shown();
        auto g = test::makeGrid();
        v->setGrid(g);
        // Two predicted liquidations: one long marker, one short marker, at the level's price.
        QCPGraph *longs = v->plot()->graph(0), *shorts = v->plot()->graph(1);
        QCOMPARE(longs->data()->size(), 1);
        QCOMPARE(shorts->data()->size(), 1);
        QCOMPARE(longs->data()->at(0)->value, 60150.0);
        QCOMPARE(shorts->data()->at(0)->value, 60850.0);
        v->setSide(DensitySide::Short);
        QCOMPARE(v->plot()->graph(0)->data()->size(), 0);
        QCOMPARE(v->plot()->graph(1)->data()->size(), 1);
        // Bubbles grow with notional and stop at the limit.
        LiquidationEvent small{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), Side::Long, 60300, 0.1, 10000, g->times[3], 0};
        LiquidationEvent big = small;
        big.notional = 4e6;
        v->addRealisedLiquidations({small, big});
        QCOMPARE(v->bubbleCount(), 2);
        auto tracers = v->plot()->findChildren<QCPItemTracer *>();
        QVERIFY(!tracers.isEmpty());
        std::vector<LiquidationEvent> many(500, small);
        v->addRealisedLiquidations(many);
        QCOMPARE(v->bubbleCount(), 400);
        // The live price moves the price line and its tag.
        v->setLivePrice(60777);
        auto lines = v->plot()->findChildren<QCPItemStraightLine *>();
        lines.removeIf([](QCPItemStraightLine *l) { return !l->visible(); });  // the hidden crosshair
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0]->point1->coords().y(), 60777.0);
        QCOMPARE(v->shownPrice(), 60777.0);
        // The candles follow the grid.
        auto *fin = qobject_cast<QCPFinancial *>(v->plot()->plottable(1));
        QVERIFY(fin);
        QCOMPARE(fin->data()->size(), 24);
        QCOMPARE(fin->data()->at(2)->open, g->candles[2].open);
    }

    void emptyGridShowsEmptyState() {
        auto v = shown();
        v->setGrid(test::makeGrid());
        QVERIFY(!v->isShowingEmpty());
        auto empty = test::makeGrid(QStringLiteral("BTCUSDT"), QStringLiteral("7d"), QStringLiteral("binance_standard"), 0, 10);
        v->setGrid(empty);
        QVERIFY(v->isShowingEmpty());
        QVERIFY(v->emptyText().contains(QStringLiteral("Data menu")));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestHeatmapView)
#include "tst_heatmapview.moc"
