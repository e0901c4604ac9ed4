#pragma once
// Shared by the live-feed tests (tst_feeds, tst_feedbackfill): recorded-style frames, short feed
// timings, a collector of what LiveController hands the UI, and a fake exchange REST API.
// Header-only like tests/ui/GridFixtures.h, so lhm_testsupport does not have to link lhm_feeds.
#include "feeds/FeedOptions.h"
#include "feeds/LiveController.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <vector>

namespace lhm::test {

using feeds::Exchange;
using feeds::FeedOptions;
using feeds::LiveController;
using feeds::PriceTick;

constexpr qint64 kBaseTime = 1761125802306;  // 2025-10-22T09:36:42.306Z, the capture's first event

struct Sent {
    QStringList frames;
    std::vector<LiquidationEvent> events;  // what each frame must become
};

// Binance forceOrder frames with distinct keys; alternate sides; numbers written as the exchange does.
inline Sent binanceFrames(int n, int offset = 0) {
    Sent s;
    for (int i = offset; i < offset + n; ++i) {
        const QString sym = i % 3 ? QStringLiteral("BTCUSDT") : QStringLiteral("ETHUSDT");
        const QString price = QString::number(60000.0 + i * 0.1, 'f', 1);
        const QString qty = QString::number(0.001 * (1 + i % 50), 'f', 3);
        const bool sell = i % 2 == 0;
        const qint64 t = kBaseTime + i;
        s.frames << QStringLiteral(R"({"stream":"%1@forceOrder","data":{"e":"forceOrder","E":%2,"o":{"s":"%3","S":"%4","o":"LIMIT","f":"IOC","q":"%5","p":"%6","ap":"%6","X":"FILLED","l":"%5","z":"%5","T":%7}}})")
                        .arg(sym.toLower()).arg(t + 3).arg(sym, QLatin1String(sell ? "SELL" : "BUY"), qty, price).arg(t);
        LiquidationEvent e;
        e.exchange = QStringLiteral("binance");
        e.symbol = sym;
        e.side = sell ? Side::Long : Side::Short;
        e.price = price.toDouble();
        e.qty = qty.toDouble();
        e.notional = e.price * e.qty;
        e.time = t;
        s.events.push_back(e);
    }
    return s;
}

inline FeedOptions fastOptions(const QUrl &url, Exchange ex = Exchange::Binance) {
    FeedOptions o;
    o.exchange = ex;
    o.url = url;
    o.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    o.table.add({"BTCUSDT", "BTCUSDT", 1, false});
    o.table.add({"ETHUSDT", "ETHUSDT", 1, false});
    o.pingIntervalMs = 200;
    o.watchdogMs = 400;
    o.backoffFirstMs = 100;
    o.backoffCapMs = 1000;
    o.probeIntervalMs = 200;
    o.healthIntervalMs = 100;
    o.jitterSeed = 1;
    return o;
}

inline bool sameEvent(const LiquidationEvent &a, const LiquidationEvent &b) {
    return a.exchange == b.exchange && a.symbol == b.symbol && a.side == b.side && a.price == b.price && a.qty == b.qty &&
           a.notional == b.notional && a.time == b.time;
}

// Collects what a LiveController hands to the UI.
struct Collector {
    std::vector<LiquidationEvent> events;
    int updates = 0;
    qint64 firstUpdateMs = 0, lastUpdateMs = 0;
    void attach(LiveController &c) {
        QObject::connect(&c, &LiveController::updated, [this](const QList<LiquidationEvent> &l, const QList<PriceTick> &) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (!updates++) firstUpdateMs = now;
            lastUpdateMs = now;
            events.insert(events.end(), l.begin(), l.end());
        });
    }
};

// A minimal HTTP/1.1 responder standing in for the exchanges' REST APIs in the backfill tests.
// `routes` (path prefix -> body) serves Bybit and OKX; without routes it answers as Binance.
class FakeRest : public QTcpServer {
public:
    QStringList requests;
    QByteArray klines, openInterest;
    QMap<QByteArray, QByteArray> routes;
    FakeRest() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray req = s->readAll();
                    const QByteArray target = req.split(' ').value(1);
                    requests << QString::fromLatin1(target);
                    QByteArray body = target.startsWith("/fapi/v1/klines") ? klines : openInterest;
                    for (auto it = routes.cbegin(); it != routes.cend(); ++it)
                        if (target.startsWith(it.key())) body = it.value();
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                             QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

}  // namespace lhm::test
