#include "exchanges/ExchangeText.h"

#include "config/ExchangeRegistry.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <QRegularExpression>
#include <QStringList>

namespace lhm::ui {

QString ExchangeText::status(ExchangeStatus s) {
    switch (s) {
    case ExchangeStatus::Ok: return tr("included");
    case ExchangeStatus::NoData: return tr("no data");
    case ExchangeStatus::Stale: return tr("stale data");
    case ExchangeStatus::Error: return tr("error");
    }
    return {};
}

QString ExchangeText::displayName(const QString &exchange) {
    const ExchangeDescriptor *d = ExchangeRegistry::builtin(exchange);
    return d && !d->displayName.isEmpty() ? d->displayName : exchange;
}

QString ExchangeText::name(const QString &exchange) {
    if (exchange == QLatin1String("all")) return tr("All exchanges");
    QStringList parts;
    for (const QString &p : exchange.split(QRegularExpression(QStringLiteral("[+,]")), Qt::SkipEmptyParts))
        parts << displayName(p.trimmed());
    return parts.join(QStringLiteral(" + "));
}

QString ExchangeText::banner(const std::vector<ExchangeShare> &shares) {
    if (shares.empty()) return {};
    QStringList in, out;
    for (const ExchangeShare &s : shares) {
        if (s.status == ExchangeStatus::Ok) in << tr("%1 %2 %").arg(displayName(s.exchange)).arg(s.share * 100, 0, 'f', 1);
        else out << leftOut(s, shares);
    }
    QString text = tr("Exchanges summed: %1.").arg(in.join(QStringLiteral(", ")));
    if (!out.isEmpty()) text += QLatin1Char(' ') + tr("Left out: %1.").arg(out.join(QStringLiteral(", ")));
    return text;
}

QString ExchangeText::leftOut(const ExchangeShare &s, const std::vector<ExchangeShare> &all) {
    switch (s.status) {
    case ExchangeStatus::NoData:
        // The store holds something for the venue, but not the open interest the models start from.
        return s.dataTo > 0 ? tr("%1 (no open interest)").arg(displayName(s.exchange)) : tr("%1 (%2)").arg(displayName(s.exchange), status(s.status));
    case ExchangeStatus::Stale: {
        qint64 freshest = 0;
        for (const ExchangeShare &o : all) freshest = std::max(freshest, o.dataTo);
        if (s.dataTo <= 0 || freshest <= s.dataTo) return tr("%1 (%2)").arg(displayName(s.exchange), status(s.status));
        return tr("%1 (data ends %2 h before the newest venue's)").arg(displayName(s.exchange)).arg((freshest - s.dataTo) / 3600'000.0, 0, 'f', 1);
    }
    case ExchangeStatus::Error:
        return s.detail.isEmpty() ? tr("%1 (%2)").arg(displayName(s.exchange), status(s.status))
                                  : tr("%1 (%2: %3)").arg(displayName(s.exchange), status(s.status), s.detail);
    case ExchangeStatus::Ok: break;
    }
    return displayName(s.exchange);
}

QString ExchangeText::delta(const QString &reference, double price, double referencePrice) {
    if (!(referencePrice > 0)) return {};
    const double d = price - referencePrice, pct = d / referencePrice * 100;
    const QString sign = d >= 0 ? QStringLiteral("+") : QStringLiteral("−");
    return tr("Δ vs %1 %2$%3 (%2%4 %)").arg(displayName(reference), sign).arg(std::abs(d), 0, 'f', 2).arg(std::abs(pct), 0, 'f', 3);
}

}  // namespace lhm::ui
