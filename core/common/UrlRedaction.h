#pragma once
// Every URL that reaches a log line, an error message, a JSON field or the terminal goes through
// here first: user-info and query VALUES are replaced with "***" (the keys stay, so "?token=***"
// still tells the user which parameter was sent), the fragment is dropped, and long opaque path
// segments (Binance listen keys are 60+ alphanumerics) are masked too. Host, port and the rest of
// the path stay readable so the message still says where the request went.
#include <QString>
#include <QUrl>

namespace lhm {

QString redactUrl(const QUrl &url);
QString redactUrl(const QString &url);
// Redacts every "scheme://..." token inside free text (Qt's network error strings embed the full
// request URL, credentials included).
QString redactUrlsIn(const QString &text);

}  // namespace lhm
