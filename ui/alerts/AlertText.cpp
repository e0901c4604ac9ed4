#include "alerts/AlertText.h"

#include <QLocale>
#include <cmath>
#include <QStringList>

namespace lhm::ui {

using namespace lhm::alerts;

namespace {
QString n(double v) { return QLocale().toString(v, 'f', v >= 100 || v == std::floor(v) ? 0 : 2); }
}  // namespace

QString AlertText::type(RuleType t) {
    switch (t) {
    case RuleType::PriceCross: return tr("Price crosses a level");
    case RuleType::ClusterNear: return tr("Price nears a predicted cluster");
    case RuleType::Liquidation: return tr("Realised liquidation");
    case RuleType::Cascade: return tr("Liquidation cascade");
    case RuleType::ClusterConsumed: return tr("Predicted cluster crossed");
    }
    return {};
}

QString AlertText::status(RuleStatus s) {
    switch (s) {
    case RuleStatus::Active: return tr("Active");
    case RuleStatus::Triggered: return tr("Triggered");
    case RuleStatus::Snoozed: return tr("Snoozed");
    case RuleStatus::Expired: return tr("Expired");
    }
    return {};
}

QString AlertText::channel(Channel c) {
    switch (c) {
    case Desktop: return tr("Desktop");
    case Popup: return tr("Popup");
    case Webhook: return tr("Webhook");
    case Telegram: return tr("Telegram");
    case Email: return tr("E-mail");
    }
    return {};
}

QString AlertText::channels(unsigned mask) {
    QStringList out;
    for (Channel c : {Desktop, Popup, Webhook, Telegram, Email})
        if (mask & c) out << channel(c);
    return out.join(QStringLiteral(", "));
}

QString AlertText::field(const QString &f) {
    if (f == QLatin1String("name")) return tr("Name");
    if (f == QLatin1String("symbol")) return tr("Symbol");
    if (f == QLatin1String("exchange")) return tr("Exchange");
    if (f == QLatin1String("level")) return tr("Price level");
    if (f == QLatin1String("distance_pct")) return tr("Distance (%)");
    if (f == QLatin1String("min_cluster_usd")) return tr("Minimum cluster (USD)");
    if (f == QLatin1String("min_notional")) return tr("Minimum notional (USD)");
    if (f == QLatin1String("price_from")) return tr("Price from");
    if (f == QLatin1String("price_to")) return tr("Price to");
    if (f == QLatin1String("count")) return tr("Count");
    if (f == QLatin1String("notional")) return tr("Notional (USD)");
    if (f == QLatin1String("window_s")) return tr("Window (s)");
    if (f == QLatin1String("cooldown_s")) return tr("Cooldown (s)");
    if (f == QLatin1String("channels")) return tr("Channels");
    if (f == QLatin1String("webhook_url")) return tr("Webhook URL");
    return f;
}

QString AlertText::invalid(const QString &f, const QString &coreMessage) {
    if (f == QLatin1String("channels")) return tr("Choose at least one channel.");
    if (f == QLatin1String("name") || f == QLatin1String("symbol")) return tr("%1 must not be empty.").arg(field(f));
    if (f == QLatin1String("webhook_url")) return tr("The webhook URL must start with http:// or https://.");
    if (f == QLatin1String("price_from")) return tr("The price band's lower edge must be positive and below its upper edge.");
    if (f == QLatin1String("count")) return tr("Set a count or a notional (or both) for a cascade.");
    if (f.isEmpty()) return coreMessage;
    return tr("%1 must be a positive number.").arg(field(f));
}

QString AlertText::condition(const AlertRule &r) {
    const RuleParams &p = r.params;
    QString side;
    if (p.side == SideFilter::Long) side = tr(" (longs)");
    if (p.side == SideFilter::Short) side = tr(" (shorts)");
    switch (r.type) {
    case RuleType::PriceCross:
        return (p.direction == Direction::Above ? tr("above %1") : tr("below %1")).arg(n(p.level));
    case RuleType::ClusterNear:
        return tr("within %1% of ≥ %2 USD%3").arg(n(p.distancePct), n(p.minClusterUsd), side);
    case RuleType::Liquidation: {
        QString s = tr("≥ %1 USD%2").arg(n(p.minNotional), side);
        if (p.priceFrom || p.priceTo)
            s += tr(" in %1–%2").arg(p.priceFrom ? n(*p.priceFrom) : QStringLiteral("…"), p.priceTo ? n(*p.priceTo) : QStringLiteral("…"));
        return s;
    }
    case RuleType::Cascade: {
        QStringList parts;
        if (p.count > 0) parts << tr("%1 liquidations").arg(p.count);
        if (p.notional > 0) parts << tr("%1 USD").arg(n(p.notional));
        return tr("%1 in %2 s%3").arg(parts.join(tr(" or ")), QString::number(p.windowS), side);
    }
    case RuleType::ClusterConsumed: return tr("cluster ≥ %1 USD crossed%2").arg(n(p.minClusterUsd), side);
    }
    return {};
}

}  // namespace lhm::ui
