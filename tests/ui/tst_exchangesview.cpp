// "All exchanges" in the GUI, off-screen: the toolbar offers it, the banner names who was summed and
// who was left out, the liquidation map stacks its bars by exchange (one colour each, shares in the
// legend), and the Exchanges view puts one panel per venue on a shared price axis with each venue's
// price and its gap to the reference venue. Grids are hand-made; every number is worked below.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "exchanges/ExchangeColors.h"
#include "exchanges/ExchangeText.h"
#include "exchanges/ExchangesView.h"
#include "main/ControlBar.h"
#include "map/LiquidationMapView.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <qcustomplot.h>

using namespace lhm;
using namespace lhm::ui;

namespace {

// binance at 100,000.00 and bybit at 100,060.00: Δ = +60.00 USD, +0.060 % (≥ 0.05 %: highlighted);
// okx at 99,990.00: Δ = −10.00, −0.010 % (not highlighted). hyperliquid left out (no data).
GridPtr aggregate() {
    auto sum = test::makeGrid();
    sum->exchange = QStringLiteral("all");
    std::vector<std::shared_ptr<const HeatmapGrid>> parts;
    for (auto [name, price] : {std::pair{"binance", 100000.0}, std::pair{"bybit", 100060.0}, std::pair{"okx", 99990.0}}) {
        auto g = test::makeGrid();
        g->exchange = QString::fromLatin1(name);
        g->currentPrice = price;
        parts.push_back(g);
    }
    sum->parts = parts;
    sum->exchanges = {{QStringLiteral("binance"), ExchangeStatus::Ok, 0.5, 0, 100000, 0, {}},
                      {QStringLiteral("bybit"), ExchangeStatus::Ok, 0.3, 0, 100060, 0, {}},
                      {QStringLiteral("okx"), ExchangeStatus::Ok, 0.2, 0, 99990, 0, {}},
                      {QStringLiteral("hyperliquid"), ExchangeStatus::NoData, 0, 0, 0, 0, QStringLiteral("no hyperliquid data for BTCUSDT")}};
    return sum;
}

}  // namespace

class TestExchangesView : public QObject {
    Q_OBJECT
private slots:
    void toolbarOffersAllExchanges() {
        ControlBar bar;
        bar.setExchanges({QStringLiteral("binance"), QStringLiteral("bybit"), QStringLiteral("okx"), QStringLiteral("hyperliquid")});
        QComboBox *box = bar.exchangeBox();
        QCOMPARE(box->count(), 5);
        QCOMPARE(box->itemData(4).toString(), QStringLiteral("all"));
        QCOMPARE(box->itemText(4), QStringLiteral("All exchanges"));
        // Display names from the descriptors, ids as the items' data (issue 8: "binance" in the GUI).
        QCOMPARE(box->itemText(0), QStringLiteral("Binance"));
        QCOMPARE(box->itemText(2), QStringLiteral("OKX"));
        QCOMPARE(box->itemText(3), QStringLiteral("Hyperliquid"));
        QCOMPARE(box->itemData(2).toString(), QStringLiteral("okx"));
        box->setCurrentIndex(4);
        QCOMPARE(bar.selection().exchange, QStringLiteral("all"));
        Selection s = bar.selection();
        s.exchange = QStringLiteral("bybit");
        bar.setSelection(s);
        QCOMPARE(box->currentText(), QStringLiteral("Bybit"));
        QCOMPARE(bar.selection().exchange, QStringLiteral("bybit"));
        s.exchange = QStringLiteral("all");
        bar.setSelection(s);
        QCOMPARE(box->currentIndex(), 4);
    }

    void bannerNamesIncludedAndLeftOut() {
        const QString text = ExchangeText::banner(aggregate()->exchanges);
        QVERIFY2(text.contains(QStringLiteral("Binance 50.0 %")) && text.contains(QStringLiteral("OKX 20.0 %")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Left out: Hyperliquid (no data).")), qPrintable(text));
        QVERIFY(ExchangeText::banner({}).isEmpty());
        // Left-out reasons are said by the UI from status and dates (translatable), not in core's words:
        // binance's data ends at T; bybit has candles to T-1h but no open interest; okx ends 3.5 h before T.
        const qint64 T = 1'715'580'000'000;
        const std::vector<ExchangeShare> mixed = {
            {QStringLiteral("binance"), ExchangeStatus::Ok, 1.0, 5e6, 60000, T, {}},
            {QStringLiteral("bybit"), ExchangeStatus::NoData, 0, 0, 0, T - 3'600'000, QStringLiteral("core words")},
            {QStringLiteral("okx"), ExchangeStatus::Stale, 0, 0, 0, T - 12'600'000, QStringLiteral("core words")},
        };
        QCOMPARE(ExchangeText::banner(mixed),
                 QStringLiteral("Exchanges summed: Binance 100.0 %. Left out: Bybit (no open interest), "
                                "OKX (data ends 3.5 h before the newest venue's)."));
        QCOMPARE(ExchangeText::delta(QStringLiteral("binance"), 100060, 100000), QStringLiteral("Δ vs Binance +$60.00 (+0.060 %)"));
        QCOMPARE(ExchangeText::delta(QStringLiteral("binance"), 99990, 100000), QStringLiteral("Δ vs Binance −$10.00 (−0.010 %)"));
    }

    void panelsSideBySideWithDiscrepancy() {
        ExchangesView v;
        v.resize(1200, 600);
        v.show();
        v.setGrid(aggregate());
        QVERIFY(!v.isShowingEmpty());
        QCOMPARE(v.panelCount(), 3);
        QCOMPARE(v.plot()->axisRectCount(), 3);
        QVERIFY2(v.panelTitle(0).startsWith(QStringLiteral("Binance")) && v.panelTitle(0).contains(QStringLiteral("reference")),
                 qPrintable(v.panelTitle(0)));
        QVERIFY2(v.panelTitle(1).contains(QStringLiteral("Δ vs Binance +$60.00 (+0.060 %)")), qPrintable(v.panelTitle(1)));
        QVERIFY(v.panelHighlighted(1));
        QVERIFY(!v.panelHighlighted(2));
        // One price axis: moving the first panel's range moves the others.
        v.plot()->axisRect(0)->axis(QCPAxis::atLeft)->setRange(90000, 110000);
        QCOMPARE(v.plot()->axisRect(2)->axis(QCPAxis::atLeft)->range().lower, 90000.0);
        // A single-venue grid: one panel and no deltas.
        v.setGrid(test::makeGrid());
        QCOMPARE(v.panelCount(), 1);
        QVERIFY(!v.panelTitle(0).contains(QStringLiteral("Δ")));
    }

    // Two exchanges: binance long row 0 = 3, short row 2 = 1; bybit long row 0 = 2, short row 1 = 5.
    // Stacked bars: binance [3, 0, 1], bybit [2, 5, 0]; legend "Binance 40.0 %", "Bybit 60.0 %".
    void mapStacksByExchange() {
        auto m = std::make_shared<LiquidationMap>();
        m->exchange = QStringLiteral("all");
        m->symbol = QStringLiteral("BTCUSDT");
        m->bucketSize = 10;
        m->priceMin = 100;
        m->rows = 3;
        m->currentPrice = 115;
        m->leverages = {10};
        m->longNotional = {5, 0, 0};
        m->shortNotional = {0, 5, 1};
        m->cumulativeLong = {5, 0, 0};
        m->cumulativeShort = {0, 5, 6};
        m->exchanges = {{QStringLiteral("binance"), ExchangeStatus::Ok, 0.4, 4, 115, 0, {}},
                        {QStringLiteral("okx"), ExchangeStatus::Stale, 0, 0, 0, 0, {}},
                        {QStringLiteral("bybit"), ExchangeStatus::Ok, 0.6, 7, 115, 0, {}}};
        m->exchangeLong = {{3, 0, 0}, {2, 0, 0}};
        m->exchangeShort = {{0, 0, 1}, {0, 5, 0}};
        LiquidationMapView v;
        v.resize(900, 600);
        v.setMap(m);
        QVERIFY(v.exchangeBars(0) && v.exchangeBars(1) && !v.exchangeBars(2));
        QVERIFY(!v.bars(Side::Long, 0));  // not stacked by leverage
        auto value = [](QCPBars *b, int i) { return (b->data()->constBegin() + i)->value; };
        QCOMPARE(value(v.exchangeBars(0), 0), 3.0);
        QCOMPARE(value(v.exchangeBars(0), 2), 1.0);
        QCOMPARE(value(v.exchangeBars(1), 1), 5.0);
        QCOMPARE(v.exchangeBars(0)->name(), QStringLiteral("Binance 40.0 %"));
        QCOMPARE(v.exchangeBars(1)->name(), QStringLiteral("Bybit 60.0 %"));
        QCOMPARE(v.exchangeBars(1)->brush().color(), exchangeColor(QStringLiteral("bybit")));
        QVERIFY(exchangeColor(QStringLiteral("bybit")) != exchangeColor(QStringLiteral("binance")));
        // The title says "All exchanges", not the raw "all".
        QStringList titles;
        for (QLabel *l : v.findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("BTCUSDT · "))) titles << l->text();
        QCOMPARE(titles.size(), 1);
        QVERIFY2(titles[0].startsWith(QStringLiteral("BTCUSDT · All exchanges · ")), qPrintable(titles[0]));
    }

    // How an exchange field reads wherever the UI names it (titles, empty states, status messages).
    void exchangeNames() {
        QCOMPARE(ExchangeText::name(QStringLiteral("all")), QStringLiteral("All exchanges"));
        QCOMPARE(ExchangeText::name(QStringLiteral("binance+bybit")), QStringLiteral("Binance + Bybit"));
        QCOMPARE(ExchangeText::name(QStringLiteral("okx,hyperliquid")), QStringLiteral("OKX + Hyperliquid"));
        QCOMPARE(ExchangeText::name(QStringLiteral("okx")), QStringLiteral("OKX"));
        // An id this build does not know (an old store) stays as it is.
        QCOMPARE(ExchangeText::name(QStringLiteral("kraken")), QStringLiteral("kraken"));
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestExchangesView)
#include "tst_exchangesview.moc"
