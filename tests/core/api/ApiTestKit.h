#pragma once
// What the local API's tests share: the real Binance forceOrder capture as replay frames and as
// the events the product should read from them, and a WebSocket client that keeps every message.
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "common/Types.h"
#include "engine/LiveSession.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QWebSocket>

namespace lhm::test {

// The capture as the exchange streams it: one forceOrder frame per CSV row, in file order.
struct Recording {
    QStringList frames;
    QList<LiquidationEvent> events;  // the same rows as the product should read them
};

inline Recording recording() {
    Recording r;
    const QList<QByteArray> lines = readFile(sharedData(QStringLiteral("chiefJurist-binance-forceorder-csv/binance_liquidations.csv"))).split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).trimmed().split(',');
        if (f.size() != 6) continue;
        const qint64 t = QDateTime::fromString(QString::fromLatin1(f[0].left(23)), Qt::ISODateWithMs).toUTC().toMSecsSinceEpoch();
        r.frames << QString::fromUtf8("{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":" + QByteArray::number(t + 5) +
                                      ",\"o\":{\"s\":\"" + f[1] + "\",\"S\":\"" + f[2] + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + f[4] +
                                      "\",\"p\":\"" + f[3] + "\",\"ap\":\"" + f[3] + "\",\"X\":\"FILLED\",\"l\":\"" + f[4] + "\",\"z\":\"" +
                                      f[4] + "\",\"T\":" + QByteArray::number(t) + "}}}");
        LiquidationEvent e;
        e.exchange = QStringLiteral("binance");
        e.symbol = QString::fromUtf8(f[1]);
        e.side = f[2] == "SELL" ? Side::Long : Side::Short;  // a SELL order closes a long
        e.price = f[3].toDouble();
        e.qty = f[4].toDouble();
        e.notional = e.price * e.qty;
        e.time = t;
        r.events << e;
    }
    return r;
}

// A WebSocket client that keeps every text message.
struct StreamClient {
    QWebSocket socket;
    QList<QByteArray> messages;
    quint16 closeCode = 0;
    QString closeReason;
    explicit StreamClient(const QUrl &url, const QByteArray &token = {}) {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &m) { messages << m.toUtf8(); });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] {
            closeCode = quint16(socket.closeCode());
            closeReason = socket.closeReason();
        });
        QNetworkRequest req(url);
        if (!token.isEmpty()) req.setRawHeader("Authorization", "Bearer " + token);
        socket.open(req);
    }
};

// Live options that follow the capture's BTCUSDT and ETHUSDT on binance from the replay server.
inline LiveOptions replayLiveOptions(const WsReplayServer &replay) {
    LiveOptions lo;
    lo.exchanges = {QStringLiteral("binance")};
    lo.symbols = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    lo.urlOverrides.insert(QStringLiteral("binance"), replay.url().toString());
    return lo;
}

// The messages of one "type" (liquidation, alert, signal), in arrival order.
inline QList<QByteArray> messagesOfType(const QList<QByteArray> &messages, const char *type) {
    QList<QByteArray> out;
    // (Plain string literals: moc follows this header and misreads raw strings with a lone quote.)
    const QByteArray tag = QByteArray("{\"type\":\"") + type + '"';
    for (const QByteArray &m : messages)
        if (m.startsWith(tag) || m.endsWith(QByteArray("\"type\":\"") + type + "\"}")) out << m;
    return out;
}

}  // namespace lhm::test
