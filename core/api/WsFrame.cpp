#include "api/WsFrame.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace lhm::api::ws {

QByteArray acceptKey(const QByteArray &clientKey) {
    return QCryptographicHash::hash(clientKey.trimmed() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
}

QByteArray frame(Opcode op, const QByteArray &payload) {
    const qsizetype n = payload.size();
    QByteArray f;
    f.reserve(n + 10);
    f.append(char(0x80 | op));
    if (n < 126) {
        f.append(char(n));
    } else if (n < 65536) {
        f.append(char(126));
        f.append(char(n >> 8)).append(char(n & 0xFF));
    } else {
        f.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8) f.append(char((quint64(n) >> shift) & 0xFF));
    }
    f.append(payload);
    return f;
}

QByteArray closeFrame(quint16 code, const QString &reason) {
    QByteArray payload(2, '\0');
    qToBigEndian(code, payload.data());
    QByteArray text = reason.toUtf8();
    if (text.size() > 123) {
        text.truncate(123);
        while (!text.isEmpty() && (uchar(text.back()) & 0xC0) == 0x80) text.chop(1);  // no half a character
        if (!text.isEmpty() && uchar(text.back()) >= 0xC0) text.chop(1);
    }
    return frame(kClose, payload + text);
}

bool FrameReader::fail(quint16 code, const QString &why) {
    errorCode_ = code;
    errorText_ = why;
    buf_.clear();
    return false;
}

bool FrameReader::feed(const QByteArray &bytes, QList<Frame> *out) {
    if (errorCode_) return false;
    buf_.append(bytes);
    qsizetype at = 0;
    while (buf_.size() - at >= 2) {
        const auto *p = reinterpret_cast<const uchar *>(buf_.constData() + at);
        const qsizetype avail = buf_.size() - at;
        if (p[0] & 0x70) return fail(kCloseProtocolError, QStringLiteral("reserved bits set"));
        const quint8 op = p[0] & 0x0F;
        if (op != kContinuation && op != kText && op != kBinary && op != kClose && op != kPing && op != kPong)
            return fail(kCloseProtocolError, QStringLiteral("unknown opcode %1").arg(op));
        const bool fin = p[0] & 0x80;
        if (!(p[1] & 0x80)) return fail(kCloseProtocolError, QStringLiteral("client frames must be masked"));
        quint64 len = p[1] & 0x7F;
        qsizetype head = 2;
        if (len == 126) {
            if (avail < 4) break;
            len = qFromBigEndian<quint16>(p + 2);
            head = 4;
        } else if (len == 127) {
            if (avail < 10) break;
            len = qFromBigEndian<quint64>(p + 2);
            head = 10;
        }
        if (op >= kClose && (len > 125 || !fin)) return fail(kCloseProtocolError, QStringLiteral("control frame too long or fragmented"));
        if (len > quint64(maxPayload_)) return fail(kCloseTooBig, QStringLiteral("frame over %1 bytes").arg(maxPayload_));
        if (avail < head + 4 + qsizetype(len)) break;
        const uchar *mask = p + head;
        Frame f;
        f.opcode = Opcode(op);
        f.fin = fin;
        f.payload.resize(qsizetype(len));
        char *d = f.payload.data();
        const uchar *src = mask + 4;
        for (quint64 i = 0; i < len; ++i) d[i] = char(src[i] ^ mask[i & 3]);
        out->append(std::move(f));
        at += head + 4 + qsizetype(len);
    }
    buf_.remove(0, at);
    return true;
}

}  // namespace lhm::api::ws
