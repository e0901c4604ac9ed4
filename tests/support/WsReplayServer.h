#pragma once
// A real WebSocket server on 127.0.0.1 (random port) that replays recorded frames to the feed
// under test, with the faults live feeds meet: the server closes the socket after N frames, accepts
// and then goes silent, refuses connections for a while and comes back, sends malformed frames, or
// floods (a generated frame stream at a fixed rate for a configurable time).
//
// Frames go out from one shared cursor after a client has sent its subscribe message, so a client
// that reconnects continues where the stream left off, as on a real exchange (optionally the
// last K frames are sent again, like an exchange snapshot, to exercise de-duplication).
// Application pings ("ping", {"op":"ping"}, {"method":"ping"}) get the exchange's pong unless silent.
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>

class QWebSocket;
class QWebSocketServer;
class QTimer;

namespace lhm::test {

class WsReplayServer : public QObject {
    Q_OBJECT
public:
    explicit WsReplayServer(QStringList frames = {}, QObject *parent = nullptr);
    ~WsReplayServer() override;

    bool listen();           // 127.0.0.1, random port (kept across refuseFor())
    QUrl url() const;        // ws://127.0.0.1:PORT/ws
    quint16 port() const { return port_; }

    void setFrames(QStringList frames);
    void appendFrames(const QStringList &frames);
    // Close each connection after it has been sent this many frames (0 = never).
    void setCloseAfter(int frames) { closeAfter_ = frames; }
    // While silent, accepted clients get no frames and no pongs.
    void setSilent(bool silent) { silent_ = silent; }
    // Frames per second (0 = as fast as the socket takes them).
    void setRate(int framesPerSecond) { rate_ = framesPerSecond; }
    // After every `every` replayed frames, send one of `bad` (cycling).
    void setMalformed(int every, QStringList bad) { malformedEvery_ = every, malformed_ = std::move(bad); }
    // On every connection after the first, resend the last `k` frames before continuing.
    void setResendOnReconnect(int k) { resend_ = k; }
    // Split every outgoing message into frames of at most this many bytes (0 = Qt's default,
    // 512 KiB), so a big message arrives as many continuation frames.
    void setOutgoingFrameSize(qint64 bytes) { outgoingFrameSize_ = bytes; }
    // Refuse connections (stop listening, drop clients) for `ms`, then listen again on the same port.
    void refuseFor(int ms);
    // Flood: generator(i) makes frame i; sent at `framesPerSecond` for `durationMs` to subscribed clients.
    void startFlood(int framesPerSecond, int durationMs, std::function<QString(int)> generator);

    // What happened.
    int connections() const { return connections_; }       // accepted WebSocket handshakes
    int subscriptions() const { return subscriptions_; }   // subscribe messages received
    int framesSent() const { return sent_; }               // replayed frames (not counting malformed / resends)
    int malformedSent() const { return malformedSent_; }
    int floodSent() const { return floodSent_; }
    bool floodFinished() const { return floodDone_; }
    bool allSent() const { return cursor_ >= frames_.size(); }
    QStringList received() const { return received_; }     // every text message clients sent
    qint64 listeningAgainAtMs() const { return relistenAt_; }  // QDateTime ms when refuseFor() ended

signals:
    void clientSubscribed(int subscriptions);
    void relistening();

private:
    struct Client {
        QWebSocket *socket = nullptr;
        bool subscribed = false;
        int sentThisConnection = 0;
    };
    void onNewConnection();
    void onMessage(QWebSocket *socket, const QString &msg);
    void tick();
    void sendTo(Client &c, const QString &frame);
    Client *find(QWebSocket *s);

    QWebSocketServer *server_ = nullptr;
    QTimer *timer_ = nullptr;
    QList<Client> clients_;
    QStringList frames_;
    QStringList malformed_;
    QStringList received_;
    quint16 port_ = 0;
    int cursor_ = 0;
    int closeAfter_ = 0, rate_ = 0, malformedEvery_ = 0, resend_ = 0;
    qint64 outgoingFrameSize_ = 0;
    bool silent_ = false;
    int connections_ = 0, subscriptions_ = 0, sent_ = 0, malformedSent_ = 0, malformedCursor_ = 0;
    qint64 relistenAt_ = 0;
    QElapsedTimer rateClock_;
    qint64 rateBase_ = 0;  // frames already accounted for when rateClock_ started

    std::function<QString(int)> floodGen_;
    int floodRate_ = 0, floodDurationMs_ = 0, floodSent_ = 0;
    bool floodDone_ = false;
    QElapsedTimer floodClock_;
};

}  // namespace lhm::test
