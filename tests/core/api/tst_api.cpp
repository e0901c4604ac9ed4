// The local API end to end: a real ApiServer on loopback over a store holding the real Coinalyze
// BTCUSDT export, asked with real HTTP requests (QNetworkAccessManager). Every answer is checked
// against docs/openapi.yaml and, for the model endpoints, byte for byte against what the real
// `lhm ... --json` prints. The live stream relays a replay of the real Binance forceOrder capture
// (served by a loopback QWebSocketServer into LiveSession); bad parameters, the token off
// loopback, the rate limit, the stream limit and the slow-client drop are exercised for real.
#include "tst_api.h"

QUrl TstApi::url(const QString &pathAndQuery) const {
    return QUrl(server_->address() + pathAndQuery);
}

// GET, checked against the document; returns the reply.
Reply TstApi::get(const QString &pathAndQuery, int wantStatus) {
    const Reply r = http(QStringLiteral("GET"), url(pathAndQuery));
    if (r.status != wantStatus) qWarning() << pathAndQuery << r.status << r.body.left(300);
    [&] { QCOMPARE(r.status, wantStatus); }();
    const QStringList problems = spec_->check(QStringLiteral("GET"), QUrl(pathAndQuery, QUrl::TolerantMode).path(), r.status, r.body);
    if (!problems.isEmpty()) qWarning() << pathAndQuery << problems.mid(0, 5);
    [&] { QVERIFY(problems.isEmpty()); }();
    return r;
}

void TstApi::initTestCase() {
    ImportOptions o;
    o.zoneOffsetMs = 6 * kHour;  // the export's wall clock is UTC+6 (SOURCES.md)
    Importer imp(*store_.store, o);
    for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
        QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") + QLatin1String(f))).error);
    store_.store.reset();
    spec_ = std::make_unique<OpenApiCheck>(sourcePath(QStringLiteral("docs/openapi.yaml")));
    engine_ = std::make_unique<CoreEngine>(store_.path);
    server_ = std::make_unique<ApiServer>(engine_.get());
    ApiOptions opt;
    opt.port = 0;
    opt.version = QStringLiteral("9.8.7");
    opt.ratePerSecond = 0;  // the rate limit has its own server below
    opt.cacheTtlMs = 60000;  // the memory cache is checked; a loaded machine may take seconds between requests
    QVERIFY(server_->start(opt));
    QVERIFY(server_->port() > 0);
    QVERIFY(server_->address().startsWith(QLatin1String("http://127.0.0.1:")));
}

void TstApi::cleanupTestCase() {
    server_.reset();
    engine_.reset();
}

void TstApi::validatorRejects() {
    // The check can fail: a missing key, a wrong type, an undocumented key, null where not allowed.
    QCOMPARE(spec_->checkSchema(QStringLiteral("Signal"), "{}").size(), 7);
    QVERIFY(!spec_->checkSchema(QStringLiteral("Error"), R"({"error":{"field":1,"message":"m"}})").isEmpty());
    QVERIFY(!spec_->checkSchema(QStringLiteral("Removed"), R"({"removed":1,"extra":2})").isEmpty());
    QVERIFY(!spec_->checkSchema(QStringLiteral("Removed"), R"({"removed":null})").isEmpty());
    QVERIFY(!spec_->checkSchema(QStringLiteral("LiquidationMessage"),
                                R"({"type":"liquidation","exchange":"b","symbol":"S","side":"up","price":1,"qty":1,"notional":1,"time":1})").isEmpty());
    QVERIFY(spec_->checkSchema(QStringLiteral("LiquidationMessage"),
                               R"({"type":"liquidation","exchange":"b","symbol":"S","side":"long","price":1,"qty":1,"notional":1,"time":1})").isEmpty());
    QVERIFY(!spec_->check(QStringLiteral("GET"), QStringLiteral("/health"), 418, "{}").isEmpty());
}

void TstApi::healthAndExchanges() {
    const QJsonObject h = QJsonDocument::fromJson(get(QStringLiteral("/health")).body).object();
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(h.value(QStringLiteral("version")).toString(), QStringLiteral("9.8.7"));
    // The export fills two series: 1h klines (ohlcv) and metrics (open interest); the hourly
    // liquidation totals are third-party history, not a series.
    QCOMPARE(h.value(QStringLiteral("series")).toInt(), 2);
    QCOMPARE(h.value(QStringLiteral("live")).toObject().value(QStringLiteral("running")).toBool(), false);
    const QJsonArray ex = QJsonDocument::fromJson(get(QStringLiteral("/exchanges")).body).object().value(QStringLiteral("exchanges")).toArray();
    QCOMPARE(ex.size(), 4);
    const QJsonObject binance = ex.at(0).toObject();
    QCOMPARE(binance.value(QStringLiteral("symbols")).toArray(), QJsonArray{QStringLiteral("BTCUSDT")});
    // First and last hour of the export, 2024-06-20 03:00 and 2024-08-20 03:00 at UTC+6.
    QCOMPARE(qint64(binance.value(QStringLiteral("from")).toDouble()), QDateTime::fromString(QStringLiteral("2024-06-19T21:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());
    QCOMPARE(qint64(binance.value(QStringLiteral("to")).toDouble()), QDateTime::fromString(QStringLiteral("2024-08-19T21:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());
    QVERIFY(ex.at(1).toObject().value(QStringLiteral("from")).isNull());
}

// With no time given, the newest bar is the one the candles close, even when later inputs exist
// (trades recorded by a live session long after the history ends): the same signal as asking
// for the hour ending at the last candle's open, 2024-08-19 21:00 UTC (see below), not a 404
// for "no candles" in the period of the later trades.
void TstApi::latestSignalFollowsTheCandles() {
    TempStore t;
    {
        ImportOptions o;
        o.zoneOffsetMs = 6 * kHour;
        Importer imp(*t.store, o);
        for (const char *f : {"liquidation-history.csv", "open-interest-history.csv", "ohlcv-history.csv"})
            QVERIFY(!imp.importFile(sharedData(QStringLiteral("coinalyze-binance-perp-hourly-2024/BTCUSDT_PERP.A_") + QLatin1String(f))).error);
    }
    TradeProfileCell later;
    later.minute = QDateTime::fromString(QStringLiteral("2024-09-30T12:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    later.bucketPrice = 63000;
    later.buyQty = 1;
    later.buyNotional = 63000;
    later.tradeCount = 1;
    later.maxTradeNotional = 63000;
    QVERIFY(t.store->addTradeProfile(SeriesKey{QStringLiteral("binance"), QStringLiteral("BTCUSDT"), QString()}, {later}));
    auto ask = [&](const QStringList &args, bool allowLatest) -> QByteArray {
        QCommandLineParser p;
        addSignalOptions(p);
        if (!p.parse(QStringList{QStringLiteral("lhm")} + args)) return "bad arguments: " + p.errorText().toUtf8();
        auto q = signalQueryFromArgs(p, allowLatest);
        if (!q) return "query: " + q.error().toString().toUtf8();
        auto sigs = evaluateSignalQuery(*t.store, *q);
        if (!sigs) return "signals: " + sigs.error().toString().toUtf8();
        return signalsJson(*sigs, *q).toJson(QJsonDocument::Compact);
    };
    const QStringList sym{QStringLiteral("--symbol"), QStringLiteral("BTCUSDT")};
    const QByteArray latest = ask(sym, true);
    const QByteArray at = ask(sym + QStringList{QStringLiteral("--at"), QStringLiteral("2024-08-19T21:00:00Z")}, false);
    QVERIFY2(at.startsWith("{"), at.constData());
    QCOMPARE(latest, at);
}

void TstApi::modelEndpointsEqualTheCli() {
    const QStringList db{QStringLiteral("--db"), store_.path, QStringLiteral("--json")};
    struct Case {
        QString query;
        QStringList cli;
    };
    const QList<Case> cases{
        {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&window=7d"),
         {QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"), QStringLiteral("7d")}},
        {QStringLiteral("/liquidations/heatmap?symbol=btcusdt&window=3d&bucket=250&interval=4h&end=2024-08-05T12:00:00Z"),
         {QStringLiteral("heatmap"), QStringLiteral("--symbol"), QStringLiteral("btcusdt"), QStringLiteral("--window"), QStringLiteral("3d"),
          QStringLiteral("--bucket"), QStringLiteral("250"), QStringLiteral("--interval"), QStringLiteral("4h"), QStringLiteral("--end"),
          QStringLiteral("2024-08-05T12:00:00Z")}},
        {QStringLiteral("/liquidations/levels?symbol=BTCUSDT&leverage_weights=10:1,25:2&at=2024-08-05T06:00:00Z"),
         {QStringLiteral("levels"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--leverage-weights"),
          QStringLiteral("10:1,25:2"), QStringLiteral("--at"), QStringLiteral("2024-08-05T06:00:00Z")}},
        {QStringLiteral("/liquidations/compare-models?symbol=BTCUSDT&window=3d"),
         {QStringLiteral("compare"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--window"), QStringLiteral("3d")}},
        {QStringLiteral("/trading/signals?symbol=BTCUSDT&at=2024-08-05T07:30:00Z"),
         {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("2024-08-05T07:30:00Z")}},
        {QStringLiteral("/trading/signals?symbol=BTCUSDT&from=2024-08-05T00:00:00Z&to=2024-08-05T06:00:00Z"),
         {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--from"), QStringLiteral("2024-08-05T00:00:00Z"),
          QStringLiteral("--to"), QStringLiteral("2024-08-05T06:00:00Z")}},
        // A selection: Binance summed, OKX named as left out (no data), as `lhm signals` says it.
        {QStringLiteral("/trading/signals?symbol=BTCUSDT&exchange=binance,okx&at=2024-08-05T07:30:00Z"),
         {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--exchange"),
          QStringLiteral("binance,okx"), QStringLiteral("--at"), QStringLiteral("2024-08-05T07:30:00Z")}},
        // No time: the newest bar the store closed, the hour ending at the last candle's open.
        {QStringLiteral("/trading/signals?symbol=BTCUSDT"),
         {QStringLiteral("signals"), QStringLiteral("--symbol"), QStringLiteral("BTCUSDT"), QStringLiteral("--at"), QStringLiteral("2024-08-19T21:00:00Z")}},
    };
    for (const Case &c : cases) {
        const Reply r = get(c.query);
        QVERIFY2(r.body == cliJson(db + c.cli), qPrintable(c.query));
        // Both sides come from api::JsonWriter: hold its bytes to what QJsonDocument writes for
        // the same values (sorted keys, number forms, escapes).
        QVERIFY2(QJsonDocument::fromJson(r.body).toJson(QJsonDocument::Compact) == r.body, qPrintable(c.query));
    }
    // Independent anchors: the 06:00..07:00 UTC bar of 2024-08-05 closed at 51,562.1 (the export's
    // "2024-08-05 12:00" row at UTC+6); six 1h bars open in [00:00, 06:00).
    const QJsonObject s = QJsonDocument::fromJson(get(cases[4].query).body).object();
    QCOMPARE(s.value(QStringLiteral("price")).toDouble(), 51562.1);
    QCOMPARE(QJsonDocument::fromJson(get(cases[5].query).body).array().size(), 6);
    const QJsonObject h = QJsonDocument::fromJson(get(cases[0].query).body).object();
    QCOMPARE(h.value(QStringLiteral("times")).toArray().size(), 168);  // 7 days of 1h columns
    QCOMPARE(h.value(QStringLiteral("estimate")).toBool(), true);
    // A repeated request is served from memory and is still the same body.
    const qint64 hits = server_->cacheHits();
    const QByteArray again = get(cases[0].query).body;
    QVERIFY(server_->cacheHits() > hits);
    QCOMPARE(again, cliJson(db + cases[0].cli));
}

// The number forms of QJsonValue(double) that api::JsonWriter reproduces without QJsonDocument:
// integers up to 2^53, then the shortest round-trip digits in 'g' form, the exponent only when
// shorter, with at least two digits.
void TstApi::jsonWriterNumbers() {
    const QList<QPair<double, QByteArray>> cases{
        {0.0, "0"}, {-0.0, "0"}, {1e6, "1000000"}, {-42.0, "-42"}, {9007199254740992.0, "9007199254740992"},
        {12345.67, "12345.67"}, {-0.5, "-0.5"}, {0.07, "0.07"}, {132832344.1, "132832344.1"},
        {0.001, "0.001"},       // "1e-03" is no shorter
        {0.0001, "1e-04"},      // shorter than 0.0001
        {0.00012, "0.00012"},   // "1.2e-04" is as long
        {1.2e-05, "1.2e-05"},  {1.2e16, "1.2e+16"},  // past 2^53 a double again
        {1e21, "1e+21"},       {5e-324, "5e-324"},   {0.1 + 0.2, "0.30000000000000004"},
        {12345678901234567890.0, "12345678901234567000"},  // 20 digits against 1.2345678901234567e+19
        {qQNaN(), "null"},     {qInf(), "null"}};
    for (const auto &[v, text] : cases) {
        QByteArray out;
        JsonWriter::appendNumber(out, v);
        QCOMPARE(out, text);
        QJsonArray a{v};
        QCOMPARE(QJsonDocument(a).toJson(QJsonDocument::Compact), "[" + text + "]");
    }
    // And 200,000 values of every magnitude and of cents, against QJsonDocument itself.
    quint64 x = 88172645463325252ULL;
    for (int i = 0; i < 200'000; ++i) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v;
        std::memcpy(&v, &x, sizeof v);
        if (i % 2) v = std::round(double(x % 10'000'000'000ULL)) / 100.0 * (i % 4 == 1 ? 1 : -1);
        QByteArray out;
        JsonWriter::appendNumber(out, v);
        if ("[" + out + "]" != QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            QFAIL(qPrintable(QStringLiteral("%1 written as %2").arg(v, 0, 'g', 17).arg(QString::fromLatin1(out))));
    }
    JsonWriter w;
    w.beginObject().key(QLatin1String("a")).value(QStringLiteral("q\"\\\n\x01é")).key(QLatin1String("b")).beginArray();
    w.value(1.5).null().value(true).endArray().endObject();
    QCOMPARE(w.take(), QByteArray("{\"a\":\"q\\\"\\\\\\n\\u0001\xc3\xa9\",\"b\":[1.5,null,true]}"));
}

void TstApi::badParameters() {
    struct Case {
        QString query;
        int status;
        QString field;
    };
    const QList<Case> cases{
        {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&window=9d"), 400, QStringLiteral("window")},
        {QStringLiteral("/liquidations/heatmap?window=7d"), 400, QStringLiteral("symbol")},
        {QStringLiteral("/liquidations/heatmap?symbol=BTC-USDT"), 400, QStringLiteral("symbol")},
        {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&bogus=1"), 400, QStringLiteral("bogus")},
        {QStringLiteral("/liquidations/levels?symbol=BTCUSDT&leverage_weights=500:1"), 400, QStringLiteral("leverage_weights")},
        {QStringLiteral("/liquidations/levels?symbol=BTCUSDT&at=yesterday"), 400, QStringLiteral("at")},
        {QStringLiteral("/liquidations/heatmap?symbol=BTCUSDT&exchange=kraken"), 400, QStringLiteral("exchange")},
        {QStringLiteral("/liquidations/compare-models?symbol=BTCUSDT&model=ensemble"), 400, QStringLiteral("model")},
        {QStringLiteral("/trading/signals?symbol=BTCUSDT&reversal_bars=0"), 400, QStringLiteral("reversal_bars")},
        {QStringLiteral("/liquidations/history?symbol=BTCUSDT&limit=0"), 400, QStringLiteral("limit")},
        {QStringLiteral("/liquidations/history?symbol=BTCUSDT&from=2024-08-02&to=2024-08-01"), 400, QStringLiteral("from")},
        {QStringLiteral("/liquidations/heatmap?symbol=ETHUSDT"), 404, QStringLiteral("symbol")},
        {QStringLiteral("/trading/signals?symbol=DOGEUSDT"), 404, QStringLiteral("symbol")},
        {QStringLiteral("/liquidations/history?symbol=DOGEUSDT"), 404, QStringLiteral("symbol")},
    };
    for (const Case &c : cases) {
        const Reply r = get(c.query, c.status);
        QVERIFY2(errorField(r.body) == c.field, qPrintable(c.query + QStringLiteral(" -> ") + QString::fromUtf8(r.body)));
    }
    QCOMPARE(http(QStringLiteral("GET"), url(QStringLiteral("/nothing"))).status, 404);
    QCOMPARE(http(QStringLiteral("POST"), url(QStringLiteral("/health")), "{}").status, 405);
    // Size limits: a 5 kB query (414) and a 100 kB body (413).
    QCOMPARE(http(QStringLiteral("GET"), url(QStringLiteral("/health?x=") + QString(5000, u'a'))).status, 414);
    const Reply big = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")), QByteArray(100 * 1024, ' '));
    QCOMPARE(big.status, 413);
    QVERIFY(spec_->check(QStringLiteral("POST"), QStringLiteral("/alerts"), 413, big.body).isEmpty());
    // No CORS header unless enabled.
    QNetworkAccessManager nam;
    QNetworkReply *r = nam.get(QNetworkRequest(url(QStringLiteral("/health"))));
    QTRY_VERIFY(r->isFinished());
    QVERIFY(!r->hasRawHeader("Access-Control-Allow-Origin"));
    delete r;
}

void TstApi::alertsCrudEqualsTheCli() {
    const Reply created = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")),
                               R"({"name":"eth 50k","symbol":"ethusdt","type":"liquidation","params":{"min_notional":50000},"channels":["webhook"],"cooldown_s":30})");
    QCOMPARE(created.status, 201);
    const QStringList problems = spec_->check(QStringLiteral("POST"), QStringLiteral("/alerts"), 201, created.body);
    if (!problems.isEmpty()) qWarning() << problems << created.body;
    QVERIFY(problems.isEmpty());
    const QJsonObject rule = QJsonDocument::fromJson(created.body).object();
    const int id = rule.value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    QCOMPARE(rule.value(QStringLiteral("symbol")).toString(), QStringLiteral("ETHUSDT"));
    QCOMPARE(rule.value(QStringLiteral("params")).toObject().value(QStringLiteral("min_notional")).toDouble(), 50000.0);
    QCOMPARE(rule.value(QStringLiteral("cooldown_s")).toDouble(), 30.0);
    // The list equals `lhm alerts list --json` (same rows, same keys).
    QCOMPARE(get(QStringLiteral("/alerts")).body, cliJson({QStringLiteral("--db"), store_.path, QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")}));
    const QString one = QStringLiteral("/alerts/%1").arg(id);
    QCOMPARE(QJsonDocument::fromJson(get(one).body).object().value(QStringLiteral("name")).toString(), QStringLiteral("eth 50k"));
    const Reply edited = http(QStringLiteral("PUT"), url(one), R"({"params":{"min_notional":75000},"enabled":false})");
    QCOMPARE(edited.status, 200);
    QVERIFY(spec_->check(QStringLiteral("PUT"), one, 200, edited.body).isEmpty());
    QCOMPARE(QJsonDocument::fromJson(edited.body).object().value(QStringLiteral("enabled")).toBool(), false);
    QCOMPARE(QJsonDocument::fromJson(edited.body).object().value(QStringLiteral("params")).toObject().value(QStringLiteral("min_notional")).toDouble(), 75000.0);
    Reply bad = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")), R"({"symbol":"BTCUSDT","type":"moon"})");
    QCOMPARE(bad.status, 400);
    QCOMPARE(errorField(bad.body), QStringLiteral("type"));
    bad = http(QStringLiteral("POST"), url(QStringLiteral("/alerts")), "not json");
    QCOMPARE(bad.status, 400);
    bad = http(QStringLiteral("PUT"), url(one), R"({"cooldown_s":-1})");
    QCOMPARE(bad.status, 400);
    QCOMPARE(errorField(bad.body), QStringLiteral("cooldown_s"));
    const Reply removed = http(QStringLiteral("DELETE"), url(one));
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.body, QStringLiteral(R"({"removed":%1})").arg(id).toUtf8());
    QCOMPARE(http(QStringLiteral("GET"), url(one)).status, 404);
    QCOMPARE(http(QStringLiteral("GET"), url(QStringLiteral("/alerts/x"))).status, 400);
}

LHM_TEST_MAIN(TstApi)
