// GET /liquidations/history's range on a store of hand-made events: with no from/to it is the 7 days
// ending at the newest event of the selection (symbol, exchange and min_notional), not the 7 days
// before now, which would be empty on any store of older history. The route runs on a real store,
// as the server's workers run it; the bodies are checked against docs/openapi.yaml.
#include "OpenApiCheck.h"
#include "TestSupport.h"

#include "api/ApiRoutes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lhm;
using namespace lhm::api;
using namespace lhm::test;

namespace {

constexpr qint64 kHour = 3'600'000, kDay = 24 * kHour;
constexpr qint64 N = 1'710'072'000'000;  // 2024-03-10T12:00Z: the newest binance BTCUSDT event

LiquidationEvent liquidation(const char *exchange, const char *symbol, qint64 time, double notional) {
    LiquidationEvent e;
    e.exchange = QLatin1String(exchange);
    e.symbol = QLatin1String(symbol);
    e.side = Side::Long;
    e.price = 100;
    e.qty = notional / 100;
    e.notional = notional;
    e.time = time;
    e.receiveTime = time;
    return e;
}

}  // namespace

class TstApiHistory : public QObject {
    Q_OBJECT

    TempStore store_;
    std::unique_ptr<OpenApiCheck> spec_;

    // The answer's range and the times of its events.
    struct Answer {
        int status = 0;
        qint64 from = 0, to = 0;
        QList<qint64> times;
        QList<double> notionals;
    };
    Answer get(const QList<QPair<QString, QString>> &query) {
        ApiRequest r;
        r.method = "GET";
        r.path = QStringLiteral("/liquidations/history");
        r.query = query;
        const ApiResponse resp = ApiRoutes::handle(r, *store_.store, {}, QStringLiteral("1"));
        const QStringList problems = spec_->check(QStringLiteral("GET"), r.path, resp.status, resp.body);
        if (!problems.isEmpty()) qWarning() << problems;
        Answer a;
        a.status = problems.isEmpty() ? resp.status : -1;
        const QJsonObject o = QJsonDocument::fromJson(resp.body).object();
        a.from = qint64(o.value(QStringLiteral("from")).toDouble());
        a.to = qint64(o.value(QStringLiteral("to")).toDouble());
        for (const QJsonValue &v : o.value(QStringLiteral("events")).toArray()) {
            a.times << qint64(v.toObject().value(QStringLiteral("time")).toDouble());
            a.notionals << v.toObject().value(QStringLiteral("notional")).toDouble();
        }
        if (o.value(QStringLiteral("count")).toInt() != a.times.size()) a.status = -2;
        return a;
    }

private slots:
    void initTestCase() {
        // binance BTCUSDT: a at N - 7 d (5,000 USD), b 1 ms later (2,000), c at N - 2 d (800),
        // d at N - 1 h (50,000), e at N (300). Newer events of other selections: binance ETHUSDT
        // at N + 5 d, okx BTCUSDT at N + 10 d. binance SOLUSDT has candles but no liquidations.
        const std::vector<LiquidationEvent> events{
            liquidation("binance", "BTCUSDT", N - 7 * kDay, 5000), liquidation("binance", "BTCUSDT", N - 7 * kDay + 1, 2000),
            liquidation("binance", "BTCUSDT", N - 2 * kDay, 800),  liquidation("binance", "BTCUSDT", N - kHour, 50000),
            liquidation("binance", "BTCUSDT", N, 300),             liquidation("binance", "ETHUSDT", N + 5 * kDay, 1000),
            liquidation("okx", "BTCUSDT", N + 10 * kDay, 7000)};
        QVERIFY(store_.store->insertLiquidations(events));
        // The route answers 404 for a series the store does not list: one candle makes each known.
        for (const auto &[exchange, symbol] : {std::pair{"binance", "BTCUSDT"}, std::pair{"binance", "ETHUSDT"},
                                               std::pair{"okx", "BTCUSDT"}, std::pair{"binance", "SOLUSDT"}}) {
            Candle k;
            k.openTime = N - 30 * kDay;
            k.closeTime = k.openTime + kHour - 1;
            k.open = k.high = k.low = k.close = 100;
            QVERIFY(store_.store->insertCandles({QLatin1String(exchange), QLatin1String(symbol), QStringLiteral("1h")}, {k}));
        }
        spec_ = std::make_unique<OpenApiCheck>(sourcePath(QStringLiteral("docs/openapi.yaml")));
    }

    void defaultRangeEndsAtTheNewestEvent() {
        // [N + 1 - 7 d, N + 1): b (its first millisecond), c, d, e; a lies 1 ms before it.
        const Answer a = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.to, N + 1);
        QCOMPARE(a.from, N + 1 - 7 * kDay);
        QCOMPARE(a.times, (QList<qint64>{N - 7 * kDay + 1, N - 2 * kDay, N - kHour, N}));
        QCOMPARE(a.notionals, (QList<double>{2000, 800, 50000, 300}));
    }

    void minNotionalIsPartOfTheSelection() {
        // The newest event of at least 1,000 USD is d (N - 1 h): [N - 1 h + 1 - 7 d, N - 1 h + 1)
        // holds a, b and d of that size (c and e are smaller).
        const Answer a = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}, {QStringLiteral("min_notional"), QStringLiteral("1000")}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.to, N - kHour + 1);
        QCOMPARE(a.from, N - kHour + 1 - 7 * kDay);
        QCOMPARE(a.times, (QList<qint64>{N - 7 * kDay, N - 7 * kDay + 1, N - kHour}));
    }

    void exchangeIsPartOfTheSelection() {
        const Answer okx = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}, {QStringLiteral("exchange"), QStringLiteral("okx")}});
        QCOMPARE(okx.status, 200);
        QCOMPARE(okx.to, N + 10 * kDay + 1);
        QCOMPARE(okx.times, (QList<qint64>{N + 10 * kDay}));
        const Answer eth = get({{QStringLiteral("symbol"), QStringLiteral("ETHUSDT")}});
        QCOMPARE(eth.to, N + 5 * kDay + 1);
        QCOMPARE(eth.times, (QList<qint64>{N + 5 * kDay}));
    }

    void givenBoundsAreKept() {
        // Only `to` (exclusive): the 7 days before it, [N - 7 d, N): a, b, c, d.
        const Answer to = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}, {QStringLiteral("to"), QString::number(N)}});
        QCOMPARE(to.status, 200);
        QCOMPARE(to.from, N - 7 * kDay);
        QCOMPARE(to.to, N);
        QCOMPARE(to.times, (QList<qint64>{N - 7 * kDay, N - 7 * kDay + 1, N - 2 * kDay, N - kHour}));
        // Both, as ISO 8601: [N - 2 d, N - 1 h): c only.
        const Answer both = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")},
                                 {QStringLiteral("from"), QStringLiteral("2024-03-08T12:00:00Z")},
                                 {QStringLiteral("to"), QStringLiteral("2024-03-10T11:00:00Z")}});
        QCOMPARE(both.from, N - 2 * kDay);
        QCOMPARE(both.to, N - kHour);
        QCOMPARE(both.times, (QList<qint64>{N - 2 * kDay}));
        // Only `from`: up to now, so everything from it on.
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const Answer from = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}, {QStringLiteral("from"), QString::number(N - kHour)}});
        QCOMPARE(from.from, N - kHour);
        QVERIFY(from.to >= before && from.to <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(from.times, (QList<qint64>{N - kHour, N}));
    }

    void noEventFallsBackToNow() {
        // SOLUSDT is a known series without liquidations: the 7 days before now, empty.
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const Answer a = get({{QStringLiteral("symbol"), QStringLiteral("SOLUSDT")}});
        QCOMPARE(a.status, 200);
        QVERIFY(a.to >= before && a.to <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(a.from, a.to - 7 * kDay);
        QVERIFY(a.times.isEmpty());
        // Above every event's size: likewise.
        const Answer none = get({{QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}, {QStringLiteral("min_notional"), QStringLiteral("1e6")}});
        QVERIFY(none.to >= before);
        QVERIFY(none.times.isEmpty());
    }
};

LHM_TEST_MAIN(TstApiHistory)
#include "tst_apihistory.moc"
