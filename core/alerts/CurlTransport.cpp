#include "alerts/CurlTransport.h"

#include <curl/curl.h>
#include <algorithm>
#include <cstring>
#include <mutex>

namespace lhm::alerts {

namespace {

constexpr qsizetype kMaxReplyBytes = 64 * 1024;

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t collect(char *data, size_t size, size_t n, void *user) {
    auto *out = static_cast<QByteArray *>(user);
    const size_t bytes = size * n;
    if (out->size() < kMaxReplyBytes) out->append(data, qsizetype(std::min<size_t>(bytes, size_t(kMaxReplyBytes - out->size()))));
    return bytes;
}

struct Reader {
    const QByteArray *data;
    qsizetype pos = 0;
};

size_t feed(char *buf, size_t size, size_t n, void *user) {
    auto *r = static_cast<Reader *>(user);
    const size_t left = size_t(r->data->size() - r->pos);
    const size_t take = std::min(left, size * n);
    std::memcpy(buf, r->data->constData() + r->pos, take);
    r->pos += qsizetype(take);
    return take;
}

QString curlError(CURLcode rc, const char *buf) {
    return QString::fromUtf8(buf[0] ? buf : curl_easy_strerror(rc));
}

}  // namespace

HttpReply CurlTransport::post(const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                              int timeoutMs) {
    globalInit();
    HttpReply reply;
    CURL *c = curl_easy_init();
    if (!c) {
        reply.error = QStringLiteral("cannot initialise libcurl");
        return reply;
    }
    char err[CURL_ERROR_SIZE] = {0};
    const QByteArray u = url.toUtf8();
    curl_slist *list = nullptr;
    for (const auto &h : headers) list = curl_slist_append(list, (h.first + ": " + h.second).constData());
    list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
    curl_easy_setopt(c, CURLOPT_URL, u.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, long(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply.body);
    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        reply.status = int(status);
    } else {
        reply.error = curlError(rc, err);
    }
    curl_slist_free_all(list);
    curl_easy_cleanup(c);
    return reply;
}

QString CurlTransport::sendMail(const SmtpMessage &m, int timeoutMs) {
    globalInit();
    CURL *c = curl_easy_init();
    if (!c) return QStringLiteral("cannot initialise libcurl");
    char err[CURL_ERROR_SIZE] = {0};
    const QByteArray url = m.url.toUtf8(), user = m.user.toUtf8(), pass = m.password.toUtf8(), ca = m.caFile.toUtf8();
    const QByteArray from = '<' + m.from.toUtf8() + '>';
    curl_slist *rcpt = nullptr;
    for (const QString &t : m.to) rcpt = curl_slist_append(rcpt, ('<' + t.toUtf8() + '>').constData());
    Reader reader{&m.payload};
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (m.requireStartTls) curl_easy_setopt(c, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!m.user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, pass.constData());
    }
    if (!m.caFile.isEmpty()) curl_easy_setopt(c, CURLOPT_CAINFO, ca.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, feed);
    curl_easy_setopt(c, CURLOPT_READDATA, &reader);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
    const CURLcode rc = curl_easy_perform(c);
    QString out;
    if (rc != CURLE_OK) out = curlError(rc, err);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    return out;
}

}  // namespace lhm::alerts
