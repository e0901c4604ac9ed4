#pragma once
// The few pieces of RFC 6455 the stream needs on the server side: the handshake's accept key,
// unmasked frames server -> client (built once per event and shared by every client), and an
// incremental reader of the masked frames a client sends (pings, pongs, close). Data frames from
// a client are read and ignored: the stream only talks one way.
#include <QByteArray>
#include <QList>
#include <QString>

namespace lhm::api::ws {

enum Opcode : quint8 { kContinuation = 0x0, kText = 0x1, kBinary = 0x2, kClose = 0x8, kPing = 0x9, kPong = 0xA };

// Close codes of RFC 6455 section 7.4.1 the reader reports.
enum ProtocolCloseCode : quint16 { kCloseNormal = 1000, kCloseProtocolError = 1002, kCloseTooBig = 1009 };

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
QByteArray acceptKey(const QByteArray &clientKey);

// One complete unmasked frame (FIN set).
QByteArray frame(Opcode op, const QByteArray &payload);
inline QByteArray textFrame(const QByteArray &utf8) { return frame(kText, utf8); }
// Close frame: the code, then the reason cut to the 123 bytes a control frame leaves for it.
QByteArray closeFrame(quint16 code, const QString &reason);

struct Frame {
    Opcode opcode = kText;
    bool fin = true;
    QByteArray payload;  // unmasked
};

// Reads client frames from the bytes as they arrive. A frame must be masked (section 5.1),
// control frames short and unfragmented, and no payload may exceed maxPayload.
class FrameReader {
public:
    explicit FrameReader(qint64 maxPayload = 64 * 1024) : maxPayload_(maxPayload) {}
    // Appends `bytes` and moves every complete frame into `out`. False on a protocol violation:
    // errorCode()/errorText() then say why and nothing more should be read.
    bool feed(const QByteArray &bytes, QList<Frame> *out);
    quint16 errorCode() const { return errorCode_; }
    QString errorText() const { return errorText_; }

private:
    bool fail(quint16 code, const QString &why);
    QByteArray buf_;
    qint64 maxPayload_;
    quint16 errorCode_ = 0;
    QString errorText_;
};

}  // namespace lhm::api::ws
