#include "FanoutClient.h"

#include "BenchSupport.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace lhm::bench {

namespace {

qint64 nowUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// One connection: the handshake, then unmasked server frames. The latency of a message is the
// client's clock when its last byte is here minus the message's "time" (ms since the epoch).
class RawClient {
public:
    RawClient(quint16 port, std::vector<qint64> *lat, qint64 *total) : lat_(lat), total_(total) {
        QObject::connect(&socket_, &QTcpSocket::connected, [this] {
            socket_.write("GET /ws/liquidations?symbols=BTCUSDT HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        });
        QObject::connect(&socket_, &QTcpSocket::readyRead, [this] { read(); });
        QObject::connect(&socket_, &QTcpSocket::disconnected, [this] { closed = true; });
        socket_.connectToHost(QHostAddress::LocalHost, port);
    }
    bool upgraded = false, closed = false;
    qint64 received = 0;

private:
    void read() {
        buf_ += socket_.readAll();
        const qint64 now = nowUs();
        qsizetype at = 0;
        if (!upgraded) {
            const qsizetype end = buf_.indexOf("\r\n\r\n");
            if (end < 0) return;
            upgraded = buf_.startsWith("HTTP/1.1 101");
            at = end + 4;
        }
        const auto *p = reinterpret_cast<const uchar *>(buf_.constData());
        while (buf_.size() - at >= 2) {
            const int op = p[at] & 0x0F;
            quint64 len = p[at + 1] & 0x7F;
            qsizetype head = 2;
            if (len == 126) {
                if (buf_.size() - at < 4) break;
                len = (quint64(p[at + 2]) << 8) | p[at + 3];
                head = 4;
            } else if (len == 127) {
                if (buf_.size() - at < 10) break;
                len = 0;
                for (int i = 0; i < 8; ++i) len = (len << 8) | p[at + 2 + i];
                head = 10;
            }
            if (buf_.size() - at < head + qsizetype(len)) break;
            const qsizetype body = at + head;
            static const QByteArray kLiquidation = "{\"type\":\"liquidation\"";
            const bool liquidation = op == 0x1 && qsizetype(len) > kLiquidation.size() &&
                                     std::memcmp(p + body, kLiquidation.constData(), size_t(kLiquidation.size())) == 0;
            if (liquidation) {  // ...,"time":1700000000000} (signal messages are not timed)
                qsizetype i = body + qsizetype(len) - 2;
                qint64 t = 0, scale = 1;
                while (i >= body && p[i] >= '0' && p[i] <= '9') t += (p[i--] - '0') * scale, scale *= 10;
                lat_->push_back(now - t * 1000);
                ++received;
                ++*total_;
            } else if (op == 0x9) {  // ping: a masked pong with a zero key echoes the payload as is
                QByteArray pong;
                pong.append(char(0x8A)).append(char(0x80 | len)).append(4, '\0').append(buf_.mid(body, qsizetype(len)));
                socket_.write(pong);
            }
            at = body + qsizetype(len);
        }
        buf_.remove(0, at);
    }
    QTcpSocket socket_;
    QByteArray buf_;
    std::vector<qint64> *lat_;
    qint64 *total_;
};

}  // namespace

int runFanoutClient(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc < 6) return 2;
    const quint16 port = quint16(QByteArray(argv[2]).toUInt());
    const int n = QByteArray(argv[3]).toInt();
    const qint64 perClient = QByteArray(argv[4]).toLongLong();
    const int deadlineMs = QByteArray(argv[5]).toInt();
    std::vector<qint64> lat;
    lat.reserve(size_t(perClient) * size_t(n));
    qint64 total = 0;
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < n; ++i) clients.push_back(std::make_unique<RawClient>(port, &lat, &total));
    bool ready = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        int up = 0, closed = 0;
        for (auto &c : clients) up += c->upgraded, closed += c->closed;
        if (!ready && up == n) {
            ready = true;
            std::printf("ready\n");
            std::fflush(stdout);
            QTimer::singleShot(deadlineMs, &app, &QCoreApplication::quit);
        }
        if (ready && (total >= perClient * n || closed == n)) app.quit();
    });
    poll.start(5);
    app.exec();
    int closed = 0;
    for (auto &c : clients) closed += c->closed;
    std::printf("result %lld %.0f %.0f %.0f %d %.0f\n", static_cast<long long>(lat.size()), percentile(lat, 0.50), percentile(lat, 0.99),
                percentile(lat, 1.0), closed, processCpuMs());
    std::fflush(stdout);
    return 0;
}

}  // namespace lhm::bench
