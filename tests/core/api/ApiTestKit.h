#pragma once
// What the local API's tests share: the real Binance forceOrder capture as replay frames and as
// the events the product should read from them, and a WebSocket client that keeps every message.
#include "ForceOrderCapture.h"
#include "TestSupport.h"
#include "WsReplayServer.h"

#include "common/Types.h"
#include "engine/LiveSession.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QWebSocket>

namespace lhm::test {

// The capture as the exchange streams it and as the product should read it (tests/support).
using Recording = ForceOrderCapture;
inline Recording recording() { return forceOrderCapture(); }

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
