#include "ingest/Sha256.h"

#ifdef LHM_HAVE_OPENSSL
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

namespace lhm {

#ifdef LHM_HAVE_OPENSSL
struct Sha256::Impl {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    Impl() { EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr); }
    ~Impl() { EVP_MD_CTX_free(ctx); }
};
Sha256::Sha256() : d_(std::make_unique<Impl>()) {}
void Sha256::add(const char *data, qint64 size) { EVP_DigestUpdate(d_->ctx, data, size_t(size)); }
QByteArray Sha256::hexResult() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(d_->ctx, md, &n);
    return QByteArray(reinterpret_cast<const char *>(md), int(n)).toHex();
}
const char *Sha256::backend() { return "openssl"; }
#else
struct Sha256::Impl {
    QCryptographicHash h{QCryptographicHash::Sha256};
};
Sha256::Sha256() : d_(std::make_unique<Impl>()) {}
void Sha256::add(const char *data, qint64 size) { d_->h.addData(QByteArrayView(data, size)); }
QByteArray Sha256::hexResult() { return d_->h.result().toHex(); }
const char *Sha256::backend() { return "qt"; }
#endif

Sha256::~Sha256() = default;

}  // namespace lhm
