// Alerts: rule validation, the pure evaluator under an injected clock (crossings, bands,
// cooldowns, cascades, clusters, the flood cap, edits and deletions), the alert tables in a real
// SQLite store, and the `lhm alerts add/list/edit/rm/history` contract. Expected firings are worked
// out by hand in the comments next to them.
#include "TestSupport.h"

#include "alerts/AlertEvaluator.h"
#include "alerts/RuleBook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::alerts;
using namespace lhm::test;

namespace {

constexpr qint64 T0 = 1761125802306;  // 2025-10-22T09:36:42.306Z

AlertRule rule(qint64 id, RuleType type, const QString &symbol = QStringLiteral("BTCUSDT")) {
    AlertRule r;
    r.id = id;
    r.name = QStringLiteral("r%1").arg(id);
    r.symbol = symbol;
    r.type = type;
    return r;
}

AlertRule priceCross(qint64 id, double level, Direction d) {
    AlertRule r = rule(id, RuleType::PriceCross);
    r.params.level = level;
    r.params.direction = d;
    return r;
}

AlertRule liquidationRule(qint64 id, double minNotional) {
    AlertRule r = rule(id, RuleType::Liquidation);
    r.params.minNotional = minNotional;
    return r;
}

PriceUpdate tick(double price, qint64 t, const QString &exchange = QStringLiteral("binance")) {
    return PriceUpdate{exchange, QStringLiteral("BTCUSDT"), price, t, t};
}

LiquidationEvent liq(double price, double qty, qint64 t, Side side = Side::Long,
                     const QString &exchange = QStringLiteral("binance")) {
    LiquidationEvent e;
    e.exchange = exchange;
    e.symbol = QStringLiteral("BTCUSDT");
    e.side = side;
    e.price = price;
    e.qty = qty;
    e.notional = price * qty;
    e.time = t;
    e.receiveTime = t + 3;
    return e;
}

// Runs the events through the evaluator; returns the firings in order.
struct Harness {
    ManualClock clock{T0};
    AlertEvaluator ev{clock};
    std::vector<Firing> out;
    Harness(std::vector<AlertRule> rules, int cap = 0) {
        ev.setMaxPerMinute(cap);
        ev.setRules(std::move(rules));
    }
    void price(double p, qint64 t) { ev.onPrice(tick(p, t), out); }
    void liq(const LiquidationEvent &e) { ev.onLiquidation(e, out); }
};

ClusterSet clusters() {
    ClusterSet s;
    s.exchange = QStringLiteral("binance");
    s.symbol = QStringLiteral("BTCUSDT");
    s.model = QStringLiteral("ensemble");
    s.clusters = {{90000, 89800, 90200, 5e6, Side::Long}, {100000, 99800, 100200, 2e6, Side::Short}};
    s.computedAt = T0;
    return s;
}

QJsonDocument lastJson(const QByteArray &out) { return QJsonDocument::fromJson(out.trimmed().split('\n').last()); }

}  // namespace

class TestAlerts : public QObject {
    Q_OBJECT
private slots:
    void validationNamesTheField_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        for (auto [i, f] : std::vector<std::pair<int, const char *>>{{0, "level"}, {1, "min_notional"}, {2, "distance_pct"},
                                                                   {3, "min_cluster_usd"}, {4, "count"}, {5, "window_s"},
                                                                   {6, "webhook_url"}, {7, "cooldown_s"}, {8, "price_from"},
                                                                   {9, "exchange"}, {10, "channels"}, {11, "name"}})
            QTest::newRow(f) << i << QString::fromLatin1(f);
    }
    void validationNamesTheField() {
        QFETCH(int, which);
        QFETCH(QString, field);
        AlertRule r = liquidationRule(1, 1000);
        switch (which) {
        case 0: r = priceCross(1, 0, Direction::Above); break;
        case 1: r.params.minNotional = -5; break;
        case 2: r = rule(1, RuleType::ClusterNear), r.params.minClusterUsd = 1e6, r.params.distancePct = 0; break;
        case 3: r = rule(1, RuleType::ClusterConsumed); break;
        case 4: r = rule(1, RuleType::Cascade); break;  // neither count nor notional
        case 5: r = rule(1, RuleType::Cascade), r.params.count = 3, r.params.windowS = 0; break;
        case 6: r.webhookUrl = QStringLiteral("ftp://example.org/x"); break;
        case 7: r.cooldownMs = -1; break;
        case 8: r.params.priceFrom = 95000, r.params.priceTo = 94000; break;
        case 9: r.exchanges = {QStringLiteral("kraken")}; break;
        case 10: r.channels = 0; break;
        case 11: r.name = QStringLiteral("  "); break;
        }
        const Status s = r.validate();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
        QVERIFY(liquidationRule(1, 1000).validate().ok());
    }

    // Price falls from 96,000 through 95,000: a "below 95k" rule fires on the tick at 94,000.
    // Moved to 93,000, the same fall to 94,000 no longer crosses it; 92,500 does.
    void priceCrossAndEditTakesEffectAtOnce() {
        Harness h({priceCross(1, 95000, Direction::Below), priceCross(2, 95000, Direction::Above)});
        h.price(96000, T0);
        h.price(94000, T0 + 10000);
        QCOMPARE(h.out.size(), size_t(1));
        QCOMPARE(h.out[0].ruleId, qint64(1));
        QCOMPARE(h.out[0].value, 94000.0);
        QCOMPARE(h.out[0].time, T0 + 10000);
        h.price(95500, T0 + 20000);  // rising through 95k: rule 2 (above)
        QCOMPARE(h.out.size(), size_t(2));
        QCOMPARE(h.out[1].ruleId, qint64(2));

        h.ev.setRules({priceCross(1, 93000, Direction::Below)});  // edited; rule 2 deleted
        h.price(96000, T0 + 30000);  // would cross 95k upward: rule 2 is gone
        h.price(94000, T0 + 40000);  // 96k -> 94k does not cross 93k
        QCOMPARE(h.out.size(), size_t(2));
        h.price(92500, T0 + 50000);  // 94k -> 92.5k crosses 93k
        QCOMPARE(h.out.size(), size_t(3));
        QCOMPARE(h.out[2].ruleId, qint64(1));
        QCOMPARE(h.out[2].value, 92500.0);
        // Touching the level exactly counts as a crossing (prev > level >= price).
        h.price(94000, T0 + 60000);
        h.price(93000, T0 + 70000);
        QCOMPARE(h.out.size(), size_t(4));
    }

    // "Alert at 95k: a liquidation at 94.5k occurs" -> fires. Band 94,000..95,000, >= 10,000 USD, longs.
    void liquidationBandSideAndExchange() {
        AlertRule r = liquidationRule(7, 10000);
        r.params.priceFrom = 94000;
        r.params.priceTo = 95000;
        r.params.side = SideFilter::Long;
        r.exchanges = {QStringLiteral("binance"), QStringLiteral("bybit")};
        r.cooldownMs = 0;
        Harness h({r});
        h.liq(liq(94500, 0.5, T0));                                    // 47,250 USD long in band: fires
        h.liq(liq(96000, 1.0, T0 + 1));                                // above the band
        h.liq(liq(94500, 0.1, T0 + 2));                                // 9,450 USD < 10,000
        h.liq(liq(94500, 1.0, T0 + 3, Side::Short));                   // short
        h.liq(liq(94500, 1.0, T0 + 4, Side::Long, QStringLiteral("okx")));  // exchange not chosen
        h.liq(liq(94000, 0.2, T0 + 5, Side::Long, QStringLiteral("bybit")));  // 18,800 at the band's edge: fires
        QCOMPARE(h.out.size(), size_t(2));
        QCOMPARE(h.out[0].value, 47250.0);
        QCOMPARE(h.out[0].price, 94500.0);
        QCOMPARE(h.out[0].receiveTime, T0 + 3);
        QCOMPARE(h.out[0].event.value(QStringLiteral("side")).toString(), QStringLiteral("long"));
        QCOMPARE(h.out[1].exchange, QStringLiteral("bybit"));
        QCOMPARE(h.out[1].value, 18800.0);
    }

    // Cooldown 5 s on exchange time: events at 0, 1, 4.999, 5, 9.9, 10 s fire at 0, 5 and 10 s.
    void cooldownOnEventTime() {
        Harness h({liquidationRule(1, 100)});
        for (qint64 dt : {0, 1000, 4999, 5000, 9900, 10000}) h.liq(liq(60000, 1, T0 + dt));
        QCOMPARE(h.out.size(), size_t(3));
        QCOMPARE(h.out[0].time, T0);
        QCOMPARE(h.out[1].time, T0 + 5000);
        QCOMPARE(h.out[2].time, T0 + 10000);
        Harness off({[] { AlertRule r = liquidationRule(1, 100); r.cooldownMs = 0; return r; }()});
        for (qint64 dt : {0, 1000, 4999, 5000, 9900, 10000}) off.liq(liq(60000, 1, T0 + dt));
        QCOMPARE(off.out.size(), size_t(6));
    }

    // More than 100 liquidations a minute: 200 events 300 ms apart (59.7 s). With the default 5 s
    // cooldown the first event with t >= last + 5,000 fires: t = 0, 5,100, 10,200, ... k·5,100 up to
    // 56,100 (k = 11): 12 notifications, at most one per 5 s.
    void burstAtMostOnePerFiveSeconds() {
        Harness h({liquidationRule(1, 100)}, 20);
        for (int i = 0; i < 200; ++i) h.liq(liq(60000, 1, T0 + i * 300));
        QCOMPARE(h.out.size(), size_t(12));
        for (size_t k = 0; k < h.out.size(); ++k) QCOMPARE(h.out[k].time, T0 + qint64(k) * 5100);
        QCOMPARE(h.ev.suppressed(), qint64(0));
    }

    // Global cap 20 a minute: 150 firings (cooldown off) while the clock moves 400 ms each: 20 go
    // out (at 0..7.6 s), 130 are held; once the first has aged 60 s one summary reports 130.
    void floodCapTurnsBurstIntoOneSummary() {
        AlertRule r = liquidationRule(1, 100);
        r.cooldownMs = 0;
        r.channels = Webhook;
        Harness h({r}, 20);
        for (int i = 0; i < 150; ++i) {
            h.clock.set(T0 + i * 400);
            h.liq(liq(60000, 1, T0 + i * 400));
        }
        QCOMPARE(h.out.size(), size_t(20));
        QCOMPARE(h.ev.fired(), qint64(20));
        QCOMPARE(h.ev.suppressed(), qint64(130));
        h.clock.set(T0 + 59999);
        h.ev.tick(h.out);
        QCOMPARE(h.out.size(), size_t(20));  // the window is still full
        h.clock.set(T0 + 60000);
        h.ev.tick(h.out);
        QCOMPARE(h.out.size(), size_t(21));
        QCOMPARE(h.out[20].kind, Firing::Kind::Summary);
        QCOMPARE(h.out[20].suppressed, 130);
        QCOMPARE(h.out[20].channels, unsigned(Webhook));
        h.ev.tick(h.out);
        QCOMPARE(h.out.size(), size_t(21));  // reported once
    }

    // Cascade of 5 within 10 s: events at 0, 2, 4, 6, 8 s fire at 8 s (value 5); the window then
    // restarts, so 20..23 s (4 events) do not, and at 35 s those have left the window.
    // Notional 1,000,000 within 60 s: 3 x 400,000 at 0, 30, 59 s fire at 59 s with 1,200,000.
    void cascadeCountAndNotional() {
        AlertRule c = rule(1, RuleType::Cascade);
        c.params.count = 5;
        c.params.windowS = 10;
        Harness h({c});
        for (int s : {0, 2, 4, 6, 8, 20, 21, 22, 23, 35}) h.liq(liq(60000, 0.01, T0 + s * 1000));
        QCOMPARE(h.out.size(), size_t(1));
        QCOMPARE(h.out[0].time, T0 + 8000);
        QCOMPARE(h.out[0].value, 5.0);

        AlertRule n = rule(2, RuleType::Cascade);
        n.params.notional = 1e6;
        Harness hn({n});
        for (int s : {0, 30, 59}) hn.liq(liq(80000, 5, T0 + s * 1000));
        QCOMPARE(hn.out.size(), size_t(1));
        QCOMPARE(hn.out[0].time, T0 + 59000);
        QCOMPARE(hn.out[0].value, 1.2e6);
    }

    // Clusters: long 90,000 (5 M), short 100,000 (2 M). Within 1 % of a cluster >= 3 M:
    // 95,000 is 5.3 % away: no; 90,800 is 800/90,800 = 0.881 %: fires (5 M at 90,000); staying
    // inside does not fire again; 92,000 (2.17 %) leaves; 90,500 re-enters: fires.
    void clusterNear() {
        AlertRule r = rule(3, RuleType::ClusterNear);
        r.params.distancePct = 1;
        r.params.minClusterUsd = 3e6;
        Harness h({r});
        h.ev.onClusters(clusters(), h.out);  // no price yet
        h.price(95000, T0);
        h.price(90800, T0 + 10000);
        QCOMPARE(h.out.size(), size_t(1));
        QCOMPARE(h.out[0].value, 5e6);
        QCOMPARE(h.out[0].price, 90000.0);
        QVERIFY(std::abs(h.out[0].event.value(QStringLiteral("distance_pct")).toDouble() - 800.0 / 90800.0 * 100) < 1e-12);
        h.price(90700, T0 + 20000);
        QCOMPARE(h.out.size(), size_t(1));
        h.price(92000, T0 + 30000);
        h.price(90500, T0 + 40000);
        QCOMPARE(h.out.size(), size_t(2));
        // 99,500 is 0.5 % from the short cluster, but it holds only 2 M < 3 M.
        h.price(99500, T0 + 50000);
        QCOMPARE(h.out.size(), size_t(2));
        // A recompute moving a cluster next to the price fires without a new tick.
        ClusterSet moved = clusters();
        moved.clusters[0].price = 99000;
        h.ev.onClusters(moved, h.out);
        QCOMPARE(h.out.size(), size_t(3));
        QCOMPARE(h.out[2].price, 99000.0);
    }

    // 99,000 -> 100,500 crosses the short cluster at 100,000 (2 M >= 1 M) once; back and forth
    // again does not repeat until a recompute delivers the clusters anew.
    void clusterConsumed() {
        AlertRule r = rule(4, RuleType::ClusterConsumed);
        r.params.minClusterUsd = 1e6;
        r.params.side = SideFilter::Short;
        r.cooldownMs = 0;
        Harness h({r});
        h.ev.onClusters(clusters(), h.out);
        h.price(99000, T0);
        h.price(100500, T0 + 1000);
        QCOMPARE(h.out.size(), size_t(1));
        QCOMPARE(h.out[0].value, 2e6);
        QCOMPARE(h.out[0].price, 100000.0);
        h.price(99000, T0 + 2000);
        h.price(100500, T0 + 3000);
        h.price(89000, T0 + 4000);  // crosses the long cluster: side short only
        QCOMPARE(h.out.size(), size_t(1));
        h.ev.onClusters(clusters(), h.out);
        h.price(100500, T0 + 5000);
        QCOMPARE(h.out.size(), size_t(2));
    }

    void onceExpiryAndSnooze() {
        AlertRule once = liquidationRule(1, 100);
        once.once = true;
        once.cooldownMs = 0;
        AlertRule expiring = liquidationRule(2, 100);
        expiring.cooldownMs = 0;
        expiring.expiresAt = T0 + 1000;
        AlertRule snoozed = liquidationRule(3, 100);
        snoozed.cooldownMs = 0;
        snoozed.snoozedUntil = T0 + 1000;
        Harness h({once, expiring, snoozed});
        h.liq(liq(60000, 1, T0));
        h.liq(liq(60000, 1, T0 + 1));
        // At clock T0: rule 1 once, rule 2 twice, rule 3 snoozed.
        QCOMPARE(h.out.size(), size_t(3));
        QVERIFY(h.out[0].once);
        h.clock.set(T0 + 1000);
        h.liq(liq(60000, 1, T0 + 2000));
        // Rule 2 expired, rule 3 awake, rule 1 triggered.
        QCOMPARE(h.out.size(), size_t(4));
        QCOMPARE(h.out[3].ruleId, qint64(3));
        QCOMPARE(once.effectiveStatus(T0), RuleStatus::Active);
        QCOMPARE(expiring.effectiveStatus(T0 + 1000), RuleStatus::Expired);
        QCOMPARE(snoozed.effectiveStatus(T0 + 999), RuleStatus::Snoozed);
    }

    // Rules and firings in a real SQLite store, across a reopen; a deleted rule's history stays.
    void storeRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        ManualClock clock(T0);
        qint64 id = 0, firingId = 0;
        {
            auto store = Store::open(path);
            QVERIFY(store.ok());
            RuleBook book(**store, clock);
            AlertRule r = liquidationRule(0, 250000);
            r.name = QStringLiteral("big longs");
            r.params.priceFrom = 94000;
            r.exchanges = {QStringLiteral("binance")};
            r.channels = Webhook | Desktop;
            r.webhookUrl = QStringLiteral("https://hooks.example.org/a?token=abc");
            r.webhookSecretRef = QStringLiteral("env:HOOK_SECRET");
            QVERIFY(book.save(r).ok());
            id = r.id;
            QVERIFY(id > 0);
            AlertRule bad = liquidationRule(0, -1);
            QCOMPARE(book.save(bad).error().field, QStringLiteral("min_notional"));
            Firing f;
            f.ruleId = id;
            f.name = r.name;
            f.symbol = r.symbol;
            f.exchange = QStringLiteral("binance");
            f.type = RuleType::Liquidation;
            f.value = 300000;
            f.price = 94500;
            f.time = T0 - 5;
            f.firedAt = T0;
            f.message = QStringLiteral("m");
            f.event[QStringLiteral("qty")] = 3.17;
            auto fid = book.recordFiring(f);
            QVERIFY(fid.ok());
            firingId = *fid;
            QJsonObject d;
            d[QStringLiteral("webhook")] = QStringLiteral("ok");
            QVERIFY(book.setDeliveries(firingId, d).ok());
        }
        auto store = Store::open(path);
        QVERIFY(store.ok());
        RuleBook book(**store, clock);
        auto r = book.get(id);
        QVERIFY(r.ok());
        QCOMPARE(r->name, QStringLiteral("big longs"));
        QCOMPARE(r->params.minNotional, 250000.0);
        QCOMPARE(*r->params.priceFrom, 94000.0);
        QVERIFY(!r->params.priceTo);
        QCOMPARE(r->channels, unsigned(Webhook | Desktop));
        QCOMPARE(r->fireCount, qint64(1));
        QCOMPARE(r->lastFiredAt, T0);
        QCOMPARE(r->createdAt, T0);
        // The JSON never holds a secret and shows the URL redacted.
        const QJsonObject j = r->toJson();
        QCOMPARE(j.value(QStringLiteral("webhook_secret")).toBool(), true);
        QVERIFY(!QJsonDocument(j).toJson().contains("abc"));
        QVERIFY(!QJsonDocument(j).toJson().contains("HOOK_SECRET"));
        QCOMPARE(*book.remove(id), true);
        QVERIFY(!book.get(id).ok());
        QCOMPARE(*book.remove(id), false);
        const auto hist = book.history(id);
        QCOMPARE(hist.size(), size_t(1));
        const QJsonObject h = RuleBook::firingJson(hist[0]);
        QCOMPARE(h.value(QStringLiteral("alert_id")).toInteger(), id);
        QCOMPARE(h.value(QStringLiteral("value")).toDouble(), 300000.0);
        QCOMPARE(h.value(QStringLiteral("deliveries")).toObject().value(QStringLiteral("webhook")).toString(), QStringLiteral("ok"));
        QCOMPARE(h.value(QStringLiteral("event")).toObject().value(QStringLiteral("qty")).toDouble(), 3.17);
    }

    void cliAddListEditRmHistory() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.sqlite"));
        const QStringList base{QStringLiteral("--db"), db, QStringLiteral("alerts")};
        CliRun r = runCli(base + QStringList{"add", "--name", "btc 95k", "--symbol", "btcusdt", "--exchange", "binance", "--type",
                                             "liquidation", "--min-notional", "10000", "--price-from", "94000", "--price-to",
                                             "95000", "--channels", "webhook", "--webhook-url", "http://127.0.0.1:9/hook", "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonObject added = lastJson(r.out).object();
        QCOMPARE(added.value(QStringLiteral("id")).toInteger(), qint64(1));
        QCOMPARE(added.value(QStringLiteral("symbol")).toString(), QStringLiteral("BTCUSDT"));
        QCOMPARE(added.value(QStringLiteral("type")).toString(), QStringLiteral("liquidation"));
        QCOMPARE(added.value(QStringLiteral("cooldown_s")).toDouble(), 5.0);
        QCOMPARE(added.value(QStringLiteral("params")).toObject().value(QStringLiteral("price_to")).toDouble(), 95000.0);
        QCOMPARE(added.value(QStringLiteral("channels")).toArray(), QJsonArray{QStringLiteral("webhook")});

        r = runCli(base + QStringList{"add", "--name", "x", "--symbol", "BTCUSDT", "--type", "price_cross", "--level", "95000",
                                      "--direction", "below", "--cooldown-s", "0", "--once", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lastJson(r.out).object().value(QStringLiteral("id")).toInteger(), qint64(2));
        QCOMPARE(lastJson(r.out).object().value(QStringLiteral("once")).toBool(), true);

        // Bad parameters: exit 2, one line naming the field, nothing stored.
        const QList<QPair<QStringList, QByteArray>> bad = {
            {{"--level", "-5", "--direction", "above"}, "field 'level'"},
            {{"--level", "0", "--direction", "above"}, "field 'level'"},
            {{"--level", "abc", "--direction", "above"}, "field 'level'"},
            {{"--level", "95000", "--direction", "sideways"}, "field 'direction'"},
            {{"--level", "95000", "--direction", "above", "--webhook-url", "not a url"}, "field 'webhook_url'"},
            {{"--level", "95000", "--direction", "above", "--channels", "pigeon"}, "field 'channels'"},
            {{"--level", "95000", "--direction", "above", "--cooldown-s", "-1"}, "field 'cooldown_s'"},
        };
        for (const auto &[extra, field] : bad) {
            r = runCli(base + QStringList{"add", "--name", "b", "--symbol", "BTCUSDT", "--type", "price_cross"} + extra);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(field), r.err.constData());
            QCOMPARE(r.err.trimmed().count('\n'), 0);
        }
        r = runCli(base + QStringList{"add", "--name", "b", "--symbol", "FOOUSDT", "--type", "liquidation", "--min-notional", "5"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("field 'symbol'") && r.err.contains("FOOUSDT"), r.err.constData());
        r = runCli(base + QStringList{"add", "--name", "b", "--symbol", "BTCUSDT", "--type", "cascade"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("field 'count'"), r.err.constData());

        r = runCli(base + QStringList{"list", "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonArray rules = lastJson(r.out).array();
        QCOMPARE(rules.size(), 2);

        r = runCli(base + QStringList{"edit", "2", "--level", "93000", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lastJson(r.out).object().value(QStringLiteral("params")).toObject().value(QStringLiteral("level")).toDouble(), 93000.0);
        QCOMPARE(lastJson(r.out).object().value(QStringLiteral("params")).toObject().value(QStringLiteral("direction")).toString(),
                 QStringLiteral("below"));
        r = runCli(base + QStringList{"edit", "2", "--level", "-1"});
        QCOMPARE(r.exitCode, 2);
        r = runCli(base + QStringList{"edit", "9", "--level", "1"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("field 'id'"));

        r = runCli(base + QStringList{"rm", "1"});
        QCOMPARE(r.exitCode, 0);
        r = runCli(base + QStringList{"rm", "1"});
        QCOMPARE(r.exitCode, 2);
        r = runCli(base + QStringList{"list", "--json"});
        rules = lastJson(r.out).array();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("params")).toObject().value(QStringLiteral("level")).toDouble(), 93000.0);

        r = runCli(base + QStringList{"history", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lastJson(r.out).array().size(), 0);
        r = runCli(base + QStringList{"history", "--id", "x"});
        QCOMPARE(r.exitCode, 2);
    }
};

LHM_TEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
