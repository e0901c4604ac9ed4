#include "common/UrlRedaction.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

namespace lhm {

namespace {

const QString kMask = QStringLiteral("***");

// Listen keys and API tokens put in a path: long runs of letters and digits only. Stream names
// ("btcusdt@forceOrder"), versions and dates never reach 32 characters of that shape.
bool opaqueSegment(const QString &s) {
    if (s.size() < 32) return false;
    for (QChar c : s)
        if (!(c.isLetterOrNumber() && c.unicode() < 128)) return false;
    return true;
}

}  // namespace

QString redactUrl(const QUrl &in) {
    if (!in.isValid()) return QStringLiteral("<invalid URL>");
    QUrl url = in;
    if (!url.userInfo().isEmpty()) url.setUserInfo(kMask);
    if (url.hasQuery()) {
        QUrlQuery q(url);
        QList<QPair<QString, QString>> items = q.queryItems(QUrl::FullyDecoded);
        for (auto &item : items) item.second = kMask;
        QUrlQuery masked;
        masked.setQueryItems(items);
        url.setQuery(masked);
    }
    url.setFragment(QString());
    QStringList segments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'));
    bool changed = false;
    for (QString &s : segments)
        if (opaqueSegment(s)) s = kMask, changed = true;
    if (changed) url.setPath(segments.join(QLatin1Char('/')), QUrl::DecodedMode);
    // "***" must read as written, not percent-encoded.
    return url.toDisplayString(QUrl::RemoveFragment);
}

QString redactUrl(const QString &url) { return redactUrl(QUrl(url)); }

QString redactUrlsIn(const QString &text) {
    static const QRegularExpression re(QStringLiteral("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+"));
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += redactUrl(m.captured());
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

}  // namespace lhm
