#pragma once
// Incremental SHA-256 for import idempotency. Uses OpenSSL's libcrypto when the build found it
// (it runs on the CPU's SHA extensions, about ten times Qt 6.4's QCryptographicHash, which
// otherwise dominated an aggTrades import), else QCryptographicHash.
#include <QByteArray>
#include <memory>

namespace lhm {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(const char *data, qint64 size);
    // Lower-case hex of the digest; call once, at the end.
    QByteArray hexResult();
    // Which implementation this build uses ("openssl" or "qt"), for benchmark reports.
    static const char *backend();

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace lhm
