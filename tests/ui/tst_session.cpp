// The Session document and the headless LiveSession, without widgets: selection -> engine ->
// grid/map/status/settled; coverage and staleness; live focus filtering, roll-forward, the refusal
// to roll stale history into today, and live off restoring the engine's grid. Live runs against a
// real WebSocket server on 127.0.0.1 replaying Binance frames.
#include "GridFixtures.h"
#include "TestSupport.h"
#include "WsReplayServer.h"
#include "engine/Session.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace lhm;

namespace {
QString forceOrder(const char *symbol, const char *side, const char *qty, const char *price, qint64 t) {
    return QStringLiteral(R"({"e":"forceOrder","E":%5,"o":{"s":"%1","S":"%2","o":"LIMIT","f":"IOC","q":"%3","p":"%4",)"
                          R"("ap":"%4","X":"FILLED","l":"%3","z":"%3","T":%5}})")
        .arg(QLatin1String(symbol), QLatin1String(side), QLatin1String(qty), QLatin1String(price))
        .arg(t);
}
QString aggTrade(const char *price, qint64 t) {
    return QStringLiteral(R"({"e":"aggTrade","E":%2,"s":"BTCUSDT","a":5933014,"p":"%1","q":"0.100","f":100,"l":105,"T":%2,"m":true})")
        .arg(QLatin1String(price))
        .arg(t);
}

Result<ExchangesConfig> localConfig(const QUrl &ws) {
    return ExchangesConfig::parse(QStringLiteral("exchanges:\n  binance:\n    ws_url: %1\n    rest_url: http://127.0.0.1:9\n"
                                                 "    ping_interval_ms: 60000\n    watchdog_ms: 30000\n    liquidation_stream: true\n"
                                                 "    symbols:\n      BTCUSDT: {native: BTCUSDT, contract_value: 1}\n"
                                                 "      ETHUSDT: {native: ETHUSDT, contract_value: 1}\n")
                                      .arg(ws.toString())
                                      .toUtf8(),
                                  QStringLiteral("exchanges.yaml"));
}

struct FixedClock : Clock {
    qint64 now = 0;
    qint64 nowMs() const override { return now; }
};
}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void selectionDrivesTheDocument() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        CoreEngine engine(ts.path, test::fakeBackend(st));
        FixedClock clock;
        Session s(&engine, clock);
        QSignalSpy grids(&s, &Session::gridChanged), settled(&s, &Session::settled), status(&s, &Session::statusChanged);
        Selection sel;
        sel.symbol = QStringLiteral("ETHUSDT");
        s.setSelection(sel);
        QCOMPARE(s.status().code, SessionStatus::Code::Computing);
        QVERIFY(!s.isSettled());
        QTRY_COMPARE(settled.count(), 1);
        QVERIFY(s.isSettled());
        QCOMPARE(s.status().code, SessionStatus::Code::Ready);
        QVERIFY(s.grid() && s.map());
        QCOMPARE(s.grid()->symbol, QStringLiteral("ETHUSDT"));
        // ETHUSDT 7d binance_standard: base 2e6 + 1e5 (see GridFixtures.h viewBase).
        QCOMPARE(s.grid()->longAt(0, 0), float(2.1e6));
        QCOMPARE(s.map()->symbol, QStringLiteral("ETHUSDT"));

        // The same selection recomputes nothing; the side filter alone recomputes nothing either.
        s.setSelection(sel);
        sel.side = DensitySide::Long;
        QSignalSpy selections(&s, &Session::selectionChanged);
        s.setSelection(sel);
        QCOMPARE(selections.count(), 1);
        QCOMPARE(s.status().code, SessionStatus::Code::Ready);
        QCOMPARE(st->heatmapCalls.load(), 1);

        // A new symbol: a new grid and a new settled.
        sel.symbol = QStringLiteral("BTCUSDT");
        s.setSelection(sel);
        QTRY_COMPARE(settled.count(), 2);
        QCOMPARE(s.grid()->symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(st->heatmapCalls.load(), 2);

        // Staleness: the fixture's last candle ends at 2024-05-02 00:00 UTC (t0 + 24 h).
        const qint64 end = 1714521600000LL + 24 * 3600'000LL;
        // Stale after two candles (2 h for hourly candles, more than the one-hour floor).
        clock.now = end + 7200'000;
        QVERIFY(!s.isStale());
        QCOMPARE(s.dataAgeMs(), 7200'000);
        clock.now = end + 7200'001;
        QVERIFY(s.isStale());
    }

    void failureIsTyped() {
        test::TempStore ts;
        auto st = std::make_shared<test::FakeBackendState>();
        st->failWith = QStringLiteral("no 1h candles for BTCUSDT");
        CoreEngine engine(ts.path, test::fakeBackend(st));
        Session s(&engine);
        QSignalSpy failed(&s, &Session::viewFailed), settled(&s, &Session::settled);
        s.setSelection(Selection{});
        QTRY_COMPARE(settled.count(), 1);
        QCOMPARE(s.status().code, SessionStatus::Code::NoData);
        QCOMPARE(s.status().detail, st->failWith);
        QVERIFY(!s.grid());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed[0][0].value<RequestKind>(), RequestKind::LiquidationMap);
    }

    // A file that is not a store still says so (the start-up race fix must not hide this): the
    // store information fails with the store's reason and the status is StoreUnreadable.
    void unreadableStoreSaysSo() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
        QVERIFY(test::writeFile(path, QByteArray("these are my trading notes, not a database\n").repeated(200)));
        auto st = std::make_shared<test::FakeBackendState>();
        CoreEngine engine(path, test::fakeBackend(st));
        Session s(&engine);
        QSignalSpy info(&s, &Session::storeInfoChanged);
        s.refreshStoreInfo();
        QTRY_COMPARE(info.count(), 1);
        QVERIFY(!s.storeInfo().ok);
        QCOMPARE(s.status().code, SessionStatus::Code::StoreUnreadable);
        QVERIFY2(s.status().detail.contains(QStringLiteral("not a SQLite database (refusing to overwrite it)")),
                 qPrintable(s.status().detail));
        QCOMPARE(test::readFile(path).left(10), QByteArray("these are "));  // left untouched
    }

    void coverage() {
        HeatmapGrid g = *test::makeGrid();
        QVERIFY(!Coverage::of(g).known());
        // A 90 d window over 2.5 days of open interest.
        g.requestedFrom = 1714521600000LL - 90 * 86'400'000LL;
        g.coverageFrom = 1714521600000LL;
        g.coverageTo = g.coverageFrom + 60 * 3600'000LL;
        const Coverage c = Coverage::of(g);
        QVERIFY(c.known());
        QVERIFY(c.partial());
        QVERIFY(!g.coversWindow());
        g.coverageFrom = g.requestedFrom;
        QVERIFY(!Coverage::of(g).partial());
    }

    void liveFocusRollAndOff() {
        const GridPtr fixture = test::makeGrid();
        const qint64 t = fixture->times[10];
        test::WsReplayServer server({forceOrder("BTCUSDT", "SELL", "2.000", "60300.0", t),
                                     forceOrder("ETHUSDT", "BUY", "10.000", "3000.0", t + 1000)});
        QVERIFY(server.listen());
        auto cfg = localConfig(server.url());
        QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));

        test::TempStore ts;
        CoreEngine engine(ts.path, test::fakeBackend(std::make_shared<test::FakeBackendState>()));
        Session s(&engine);
        LiveOptions lo;
        lo.config = *cfg;
        s.setLiveOptions(lo);
        QSignalSpy settled(&s, &Session::settled);
        s.setSelection(Selection{});
        QTRY_COMPARE(settled.count(), 1);
        const GridPtr base = s.grid();

        LiveSession *live = s.live();
        QSignalSpy all(live, &LiveSession::liquidations), mine(live, &LiveSession::focusLiquidations),
            rolled(&s, &Session::gridChanged);
        QVERIFY(!s.setLive(true));
        QVERIFY(s.isLive());
        QCOMPARE(live->exchanges(), QStringList{QStringLiteral("binance")});
        QTRY_VERIFY_WITH_TIMEOUT(!all.isEmpty(), 10000);
        QTRY_COMPARE(mine.count(), 1);
        int total = 0;
        for (const auto &args : all) total += args[0].value<QList<LiquidationEvent>>().size();
        QTRY_COMPARE(total, 2);  // both symbols on the unfiltered signal ...
        const auto focus = mine[0][0].value<QList<LiquidationEvent>>();
        QCOMPARE(focus.size(), 1);  // ... only BTCUSDT on the focus one
        QCOMPARE(focus[0].price, 60300.0);
        QTRY_VERIFY(s.isSettled());  // going live recomputes once

        // A trade inside the last candle rolls the grid: long rows 2..9 (lower edges 60,200..60,900)
        // are at or above 60,150 and are consumed in the last column.
        rolled.clear();
        const GridPtr fresh = s.baseGrid();
        server.appendFrames({aggTrade("60150.0", fresh->times[23] + 600'000)});
        QTRY_VERIFY_WITH_TIMEOUT(s.gridOrigin() == GridOrigin::Live, 10000);
        QCOMPARE(s.grid()->longAt(23, 5), 0.f);
        QCOMPARE(s.grid()->longAt(23, 1), fresh->longAt(23, 1));
        QCOMPARE(s.liveState(), LiveState::Rolling);

        // A trade two days after the grid ends: the history is too old to roll into today.
        server.appendFrames({aggTrade("60100.0", fresh->times[23] + 2 * 86'400'000LL)});
        QTRY_COMPARE_WITH_TIMEOUT(s.liveState(), LiveState::HistoryTooOld, 10000);
        QCOMPARE(live->rollState(), LiveSession::RollState::HistoryTooOld);

        // Live off: back to the engine's grid, not the rolled one.
        QVERIFY(!s.setLive(false));
        QVERIFY(!s.isLive());
        QCOMPARE(s.liveState(), LiveState::Off);
        QCOMPARE(s.grid(), s.baseGrid());
        QVERIFY(s.gridOrigin() != GridOrigin::Live);
        Q_UNUSED(base);
    }

    void liveErrorsAreTyped() {
        LiveSession live;
        LiveOptions o;
        o.focusSymbol = QStringLiteral("DOGEUSDT");
        auto cfg = localConfig(QUrl(QStringLiteral("ws://127.0.0.1:9")));
        QVERIFY(cfg.ok());
        o.config = *cfg;
        auto err = live.start(o);
        QVERIFY(err);
        QCOMPARE(err->code, LiveError::Code::NoExchangeForSymbol);
        QCOMPARE(err->detail, QStringLiteral("DOGEUSDT"));
        o.focusSymbol.clear();
        o.exchanges = {QStringLiteral("kraken")};
        o.symbols = {QStringLiteral("BTCUSDT")};
        err = live.start(o);
        QVERIFY(err);
        QCOMPARE(err->code, LiveError::Code::BadRequest);
        QVERIFY2(err->detail.contains(QLatin1String("unknown exchange 'kraken'")), qPrintable(err->detail));
        QVERIFY(!live.isRunning());
    }
};

LHM_TEST_MAIN_IMPL(QApplication, TestSession)
#include "tst_session.moc"
