#include "exchanges/ExchangeText.h"

#include <QLocale>
#include <cmath>
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

QString ExchangeText::banner(const std::vector<ExchangeShare> &shares) {
    if (shares.empty()) return {};
    QStringList in, out;
    for (const ExchangeShare &s : shares) {
        if (s.status == ExchangeStatus::Ok) in << tr("%1 %2 %").arg(s.exchange).arg(s.share * 100, 0, 'f', 1);
        else out << (s.detail.isEmpty() ? tr("%1 (%2)").arg(s.exchange, status(s.status))
                                        : tr("%1 (%2: %3)").arg(s.exchange, status(s.status), s.detail));
    }
    QString text = tr("Exchanges summed: %1.").arg(in.join(QStringLiteral(", ")));
    if (!out.isEmpty()) text += QLatin1Char(' ') + tr("Left out: %1.").arg(out.join(QStringLiteral(", ")));
    return text;
}

QString ExchangeText::delta(const QString &reference, double price, double referencePrice) {
    if (!(referencePrice > 0)) return {};
    const double d = price - referencePrice, pct = d / referencePrice * 100;
    const QString sign = d >= 0 ? QStringLiteral("+") : QStringLiteral("−");
    return tr("Δ vs %1 %2$%3 (%2%4 %)").arg(reference, sign).arg(std::abs(d), 0, 'f', 2).arg(std::abs(pct), 0, 'f', 3);
}

}  // namespace lhm::ui
