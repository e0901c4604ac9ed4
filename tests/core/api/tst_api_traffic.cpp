// TstApi (continued from tst_api.cpp).
#include "tst_api.h"

void TstApi::streamRelaysTheRecordedReplay() {
    const Recording rec = recording();
    QCOMPARE(rec.frames.size(), 949);
    WsReplayServer replay(rec.frames);
    replay.setRate(400);
    QVERIFY(replay.listen());
    LiveSession live;
    LiveOptions lo = replayLiveOptions(replay);
    lo.dbPath = store_.path;
    server_->setLiveSession(&live);
    const QString ws = server_->address().replace(QLatin1String("http://"), QLatin1String("ws://"));
    StreamClient all(QUrl(ws + QStringLiteral("/ws/liquidations")));
    StreamClient eth(QUrl(ws + QStringLiteral("/ws/liquidations?symbols=ethusdt&exchanges=binance")));
    StreamClient none(QUrl(ws + QStringLiteral("/ws/liquidations?exchanges=okx")));
    QTRY_COMPARE(server_->hub()->clientCount(), 3);
    QVERIFY(!live.start(lo));
    // From the CSV alone: 16 BTCUSDT and 33 ETHUSDT rows among the 949.
    QList<LiquidationEvent> want, wantEth;
    for (const LiquidationEvent &e : rec.events) {
        if (e.symbol == QLatin1String("BTCUSDT") || e.symbol == QLatin1String("ETHUSDT")) want << e;
        if (e.symbol == QLatin1String("ETHUSDT")) wantEth << e;
    }
    QCOMPARE(want.size(), 49);
    QTRY_VERIFY_WITH_TIMEOUT(replay.allSent(), 10000);
    // (The stream also carries the BTCUSDT signal message; tst_apistream checks those.)
    QTRY_COMPARE_WITH_TIMEOUT(messagesOfType(all.messages, "liquidation").size(), 49, 5000);
    QTRY_COMPARE(messagesOfType(eth.messages, "liquidation").size(), 33);
    QCOMPARE(none.messages.size(), 0);
    const QList<QByteArray> got = messagesOfType(all.messages, "liquidation");
    for (int i = 0; i < want.size(); ++i) {
        QVERIFY(spec_->checkSchema(QStringLiteral("LiquidationMessage"), got[i]).isEmpty());
        const QJsonObject m = QJsonDocument::fromJson(got[i]).object();
        QCOMPARE(m.value(QStringLiteral("symbol")).toString(), want[i].symbol);
        QCOMPARE(m.value(QStringLiteral("price")).toDouble(), want[i].price);
        QCOMPARE(m.value(QStringLiteral("qty")).toDouble(), want[i].qty);
        QCOMPARE(qint64(m.value(QStringLiteral("time")).toDouble()), want[i].time);
        QCOMPARE(m.value(QStringLiteral("side")).toString(), QLatin1String(sideName(want[i].side)));
    }
    // /health sees the live session and the stream; the store kept the events (history).
    const QJsonObject h = QJsonDocument::fromJson(get(QStringLiteral("/health")).body).object().value(QStringLiteral("live")).toObject();
    QCOMPARE(h.value(QStringLiteral("running")).toBool(), true);
    QCOMPARE(h.value(QStringLiteral("stream_clients")).toInt(), 3);
    QCOMPARE(h.value(QStringLiteral("exchanges")).toArray(), QJsonArray{QStringLiteral("binance")});
    const QString hist = QStringLiteral("/liquidations/history?symbol=ETHUSDT&from=2025-10-22&to=2025-10-23");
    QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(http(QStringLiteral("GET"), url(hist)).body).object().value(QStringLiteral("count")).toInt(), 33, 10000);
    const QJsonObject history = QJsonDocument::fromJson(get(hist).body).object();
    const QJsonObject first = history.value(QStringLiteral("events")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("price")).toDouble(), 3846.52);  // the CSV's first ETHUSDT row
    QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("live"));
    // min_notional 1000 keeps the rows whose usd_value is at least 1000.
    int big = 0;
    for (const LiquidationEvent &e : wantEth) big += e.notional >= 1000;
    QCOMPARE(QJsonDocument::fromJson(get(hist + QStringLiteral("&min_notional=1000")).body).object().value(QStringLiteral("count")).toInt(), big);
    live.stop();
    server_->setLiveSession(nullptr);
    all.socket.close();
    eth.socket.close();
    none.socket.close();
    QTRY_COMPARE(server_->hub()->clientCount(), 0);
}

void TstApi::slowClientIsDroppedOthersKeepUp() {
    CoreEngine engine(store_.path);
    ApiServer server(&engine);
    ApiOptions opt;
    opt.port = 0;
    // One round of the recording is ~140 kB, handed over before the event loop writes any of it.
    opt.stream.maxBufferedBytes = 512 * 1024;
    QVERIFY(server.start(opt));
    // The slow client: a raw socket that upgrades and then never reads.
    QTcpSocket slow;
    slow.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    slow.setReadBufferSize(4096);  // else Qt keeps draining the kernel buffer into memory for it
    slow.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET /ws/liquidations HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTRY_COMPARE(server.hub()->clientCount(), 1);
    StreamClient fast(QUrl(server.address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations")));
    QTRY_COMPARE(server.hub()->clientCount(), 2);
    QSignalSpy dropped(server.hub(), &LiveHub::clientDropped);
    const Recording rec = recording();
    int sent = 0;
    // 100 rounds of the 949 real events (~14 MB): far beyond the socket buffers of a client that never reads.
    for (int round = 0; round < 100; ++round) {
        server.hub()->publishLiquidations(rec.events);
        sent += rec.events.size();
        QTest::qWait(5);
    }
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(1).value<quint16>(), quint16(kCloseTooSlow));
    QTRY_COMPARE_WITH_TIMEOUT(fast.messages.size(), sent, 15000);
    QCOMPARE(fast.closeCode, quint16(0));
    QTRY_COMPARE(server.hub()->clientCount(), 1);
}

void TstApi::streamLimitPerAddress() {
    const QString ws = server_->address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations");
    std::vector<std::unique_ptr<StreamClient>> clients;
    for (int i = 0; i < 10; ++i) clients.push_back(std::make_unique<StreamClient>(QUrl(ws)));
    QTRY_COMPARE(server_->hub()->clientCount(), 10);
    StreamClient extra{QUrl(ws)};
    QTRY_COMPARE(extra.closeCode, quint16(kCloseTooManyStreams));
    QCOMPARE(server_->hub()->clientCount(), 10);
    StreamClient wrongPath{QUrl(server_->address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/other"))};
    QTRY_COMPARE(wrongPath.closeCode, quint16(kCloseUnknownPath));
    clients.clear();
    QTRY_COMPARE(server_->hub()->clientCount(), 0);
}

void TstApi::rateLimit() {
    // The bucket by hand: 2 per second, burst 3.
    RateLimiter lim(2, 3);
    QVERIFY(lim.allow(QStringLiteral("a"), 0));
    QVERIFY(lim.allow(QStringLiteral("a"), 0));
    QVERIFY(lim.allow(QStringLiteral("a"), 0));
    QVERIFY(!lim.allow(QStringLiteral("a"), 0));
    QVERIFY(lim.allow(QStringLiteral("b"), 0));  // per client
    QCOMPARE(lim.retryAfterMs(QStringLiteral("a")), qint64(500));  // one token at 2/s
    QVERIFY(!lim.allow(QStringLiteral("a"), 499));
    QVERIFY(lim.allow(QStringLiteral("a"), 999));
    // Over HTTP: burst 5 at one token per 10 s, so the 6th request is refused (even on a machine so
    // loaded that the requests take seconds).
    CoreEngine engine(store_.path);
    ApiServer server(&engine);
    ApiOptions opt;
    opt.port = 0;
    opt.ratePerSecond = 0.1;
    opt.rateBurst = 5;
    QVERIFY(server.start(opt));
    QList<int> statuses;
    for (int i = 0; i < 6; ++i) statuses << http(QStringLiteral("GET"), QUrl(server.address() + QStringLiteral("/health"))).status;
    QCOMPARE(statuses, (QList<int>{200, 200, 200, 200, 200, 429}));
    const Reply r = http(QStringLiteral("GET"), QUrl(server.address() + QStringLiteral("/health")));
    QCOMPARE(r.status, 429);
    QVERIFY(spec_->check(QStringLiteral("GET"), QStringLiteral("/health"), 429, r.body).isEmpty());
}

void TstApi::tokenRequiredOffLoopback() {
    CoreEngine engine(store_.path);
    ApiServer server(&engine);
    ApiOptions opt;
    opt.port = 0;
    opt.bind = QHostAddress(QHostAddress::AnyIPv4);
    const Status refused = server.start(opt);
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("token"));
    QVERIFY(!server.isListening());
    QHostAddress lan;
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback()) lan = a;
    if (lan.isNull()) QSKIP("no non-loopback IPv4 address on this machine");
    opt.bind = lan;
    opt.token = QStringLiteral("0123456789abcdef-test-token");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reachable from other machines")));
    QVERIFY(server.start(opt));
    const QUrl health(server.address() + QStringLiteral("/health"));
    Reply r = http(QStringLiteral("GET"), health);
    QCOMPARE(r.status, 401);
    QCOMPARE(errorField(r.body), QStringLiteral("authorization"));
    QVERIFY(spec_->check(QStringLiteral("GET"), QStringLiteral("/health"), 401, r.body).isEmpty());
    QCOMPARE(http(QStringLiteral("GET"), health, {}, "wrong-token-wrong-token").status, 401);
    QCOMPARE(http(QStringLiteral("GET"), health, {}, opt.token.toUtf8()).status, 200);
    const QString ws = server.address().replace(QLatin1String("http://"), QLatin1String("ws://")) + QStringLiteral("/ws/liquidations");
    StreamClient anonymous{QUrl(ws)};
    QTRY_COMPARE(anonymous.closeCode, quint16(kCloseUnauthorized));
    StreamClient bearer(QUrl(ws), opt.token.toUtf8());
    QTRY_COMPARE(server.hub()->clientCount(), 1);
}
